import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { useMe } from '../auth/session';
import { ButtonLink } from '../components/Button';
import { PagedResults } from '../components/PagedResults';
import type { Column } from '../components/DataTable';
import { ExportLinks } from '../components/ExportLinks';
import { PageHeading } from '../components/PageHeading';
import { formatDate, formatDateTime } from '../i18n/format';
import { can } from '../auth/can';
import { CaseQueueFilters } from './CaseQueueFilters';
import { CaseState, DueText, OutcomeBadge } from './labels';
import { parseQueueParams, toQuery, toSearchParams, type QueueParams } from './listParams';
import { useCaseQueue, type CaseListItem } from './queries';
import './prevention.css';

/** The queue of prevention cases, most urgent first: eviction date, cure period end, next contact step, age. */
export function CaseQueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseQueueParams(searchParams), [searchParams]);
  const list = useCaseQueue(params);

  const update = useCallback(
    (patch: Partial<QueueParams>) => {
      const pageOnly = Object.keys(patch).length === 1 && 'page' in patch;
      const next = { ...params, ...patch, page: pageOnly ? (patch.page ?? 1) : 1 };
      setSearchParams(toSearchParams(next), { replace: 'q' in patch && !pageOnly });
    },
    [params, setSearchParams],
  );

  const columns: Column<CaseListItem>[] = [
    {
      key: 'reference',
      header: t('prevention.queue.col.reference'),
      rowHeader: true,
      cell: (r) => (
        <span className="cell-stack">
          <Link className="kern-link nowrap" to={`/prevention/cases/${r.id}`}>
            {r.reference}
          </Link>
          <span className="kern-body--small nowrap">{t('prevention.queue.received', { count: r.ageDays })}</span>
        </span>
      ),
    },
    {
      key: 'household',
      header: t('prevention.queue.col.household'),
      cell: (r) => (
        <span className="cell-stack">
          <span>{r.name}</span>
          <span className="kern-body--small">{r.address}</span>
        </span>
      ),
    },
    {
      key: 'status',
      header: t('prevention.queue.col.status'),
      cell: (r) => (
        <span className="cell-stack">
          {r.outcome ? <OutcomeBadge outcome={r.outcome} /> : <CaseState status={r.status} />}
          <span className="kern-body--small">{`${t(`prevention.stage.${r.threatStage}`)} · ${t(`prevention.sourceShort.${r.source}`)}`}</span>
        </span>
      ),
    },
    {
      key: 'eviction',
      header: t('prevention.queue.col.eviction'),
      sort: params.sort === 'urgency' ? ('ascending' as const) : undefined,
      cell: (r) =>
        r.evictionAt ? <strong className="eviction-date">{formatDateTime(r.evictionAt, 'Europe/Berlin')}</strong> : t('common.none'),
    },
    {
      key: 'cure',
      header: t('prevention.queue.col.cureEnd'),
      cell: (r) =>
        !r.cureAvailable ? (
          <span>{t('prevention.queue.cureUnavailable')}</span>
        ) : !r.cureEnd ? (
          t('common.none')
        ) : r.status === 'closed' ? (
          formatDate(r.cureEnd)
        ) : (
          <DueText value={r.cureEnd} />
        ),
    },
    {
      key: 'contact',
      header: t('prevention.queue.col.nextContact'),
      cell: (r) =>
        r.nextContactDueOn ? (
          <span className="cell-stack">
            <span>{r.nextContactLabel}</span>
            <DueText value={r.nextContactDueOn} />
          </span>
        ) : r.firstContactAt ? (
          t('prevention.queue.reached')
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'arrears',
      header: t('prevention.queue.col.arrears'),
      numeric: true,
      cell: (r) => <span className="nowrap">{formatEuro(r.arrearsCents) || t('common.none')}</span>,
    },
    {
      key: 'assignee',
      header: t('prevention.queue.col.assignee'),
      cell: (r) => r.caseManager?.displayName ?? r.socialWorker?.displayName ?? t('prevention.queue.unassigned'),
    },
  ];

  const title = t('prevention.queue.title');
  return (
    <>
      <PageHeading
        title={title}
        actions={
          <>
            {can(me, 'prevention.create') && (
              <ButtonLink to="/prevention/cases/new" icon="add">
                {t('prevention.queue.create')}
              </ButtonLink>
            )}
            {can(me, 'prevention.visit.list') && (
              <ButtonLink to="/prevention/walk-in" variant="secondary">
                {t('prevention.queue.walkIn')}
              </ButtonLink>
            )}
            {can(me, 'preventionImport.write') && (
              <ButtonLink to="/prevention/import" variant="secondary">
                {t('prevention.queue.import')}
              </ButtonLink>
            )}
          </>
        }
      >
        {title}
      </PageHeading>

      <CaseQueueFilters params={params} onChange={update} />
      <ExportLinks path="/prevention/cases" query={toQuery(params)} />

      <PagedResults
        list={list}
        count={(count) => t('prevention.queue.count', { count })}
        caption={(page) => t('prevention.queue.caption', { page })}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t('prevention.queue.empty')}
        onPage={(page) => update({ page })}
      />
    </>
  );
}
