import { useSearchParams, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDeadline } from '../../contracts/notify';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { ExportLinks } from '../components/ExportLinks';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { SwitchField } from '../components/SwitchField';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { useDeadlines } from '../notify/queries';
import { can } from '../auth/can';
import { useTexts } from '../i18n/useTexts';
import { useStoredText } from '../i18n/storedText';
import '../notify/notify.css';

/** "Meine Fristen": open deadlines by due date; leads may switch to all of the agency's. */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const german = i18n.resolvedLanguage !== 'en';
  const kindLabels: Record<string, string> = useTexts().deadlineKinds;
  const stored = useStoredText();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const mayAll = can(me, 'deadline.listAll');
  const scope = mayAll && params.get('scope') === 'all' ? 'all' : 'mine';
  const overdue = params.get('status') === 'overdue';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const deadlines = useDeadlines({ scope, overdue, page });

  const update = (next: { scope?: 'mine' | 'all'; overdue?: boolean; page?: number }) => {
    const p = new URLSearchParams();
    if ((next.scope ?? scope) === 'all') p.set('scope', 'all');
    if (next.overdue ?? overdue) p.set('status', 'overdue');
    const pg = next.page ?? 1;
    if (pg > 1) p.set('page', String(pg));
    setParams(p);
  };
  const title = scope === 'all' ? t('deadlines.titleAll') : t('deadlines.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="deadline-row-tools">
        {mayAll && (
          <SwitchField
            label={t('deadlines.showAll')}
            isSelected={scope === 'all'}
            onChange={(v) => update({ scope: v ? 'all' : 'mine' })}
          />
        )}
        <SwitchField label={t('deadlines.onlyOverdue')} isSelected={overdue} onChange={(v) => update({ overdue: v })} />
      </div>
      <ExportLinks path="/deadlines" query={{ scope, status: overdue ? 'overdue' : undefined }} />
      <p className="kern-body kern-body--bold result-count" role="status">
        {deadlines.data ? t('deadlines.count', { count: deadlines.data.total }) : ''}
      </p>
      {deadlines.isError && <ErrorAlert message={errorMessage(deadlines.error, t)} />}
      {deadlines.isPending ? (
        <Loading />
      ) : deadlines.data ? (
        <div className={deadlines.isPlaceholderData ? 'is-stale' : undefined}>
          <DataTable<TDeadline>
            caption={t('deadlines.caption')}
            captionHidden
            rows={deadlines.data.items}
            rowKey={(d) => d.id}
            empty={t('deadlines.empty')}
            busy={deadlines.isFetching}
            columns={[
              { key: 'due', header: t('deadlines.col.due'), sort: 'ascending', cell: (d) => formatDate(d.dueAt, 'Europe/Berlin') },
              {
                key: 'state',
                header: t('deadlines.col.state'),
                cell: (d) => (d.overdue ? <span className="deadline-overdue">{t('deadlines.overdue')}</span> : t('deadlines.open')),
              },
              {
                key: 'title',
                header: t('deadlines.col.title'),
                rowHeader: true,
                cell: (d) => {
                  // A title with a key is shown in the user's language; an old German-only title: other
                  // languages name the kind and keep the German details beside it.
                  const label = stored.has(d.titleKey, d.titleParams)
                    ? stored.text(d.titleKey, d.titleParams, d.title)
                    : german
                      ? d.title
                      : (kindLabels[d.kind] ?? d.title);
                  const keyed = stored.has(d.titleKey, d.titleParams);
                  return (
                    <>
                      {d.link ? (
                        <Link className="kern-link" to={d.link}>
                          {label}
                        </Link>
                      ) : (
                        label
                      )}
                      {!keyed && label !== d.title && (
                        <span className="table-sub" lang="de">
                          {d.title}
                        </span>
                      )}
                    </>
                  );
                },
              },
              { key: 'assignee', header: t('deadlines.col.assignee'), cell: (d) => d.assignee?.displayName ?? t('deadlines.unassigned') },
            ]}
          />
          <Pagination
            page={deadlines.data.page}
            pageSize={deadlines.data.pageSize}
            total={deadlines.data.total}
            onPage={(p) => update({ page: p })}
          />
        </div>
      ) : null}
    </>
  );
}
