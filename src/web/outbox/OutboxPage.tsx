import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES, type TOutboxMail } from '../../contracts/notify';
import { Alert, ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useOutbox, type OutboxStatus } from '../notify/queries';
import '../notify/notify.css';

const isStatus = (v: string | null): v is OutboxStatus => (OUTBOX_STATUSES as readonly string[]).includes(v ?? '');

/** Shown while no SMTP server is configured: mails are only kept and displayed. */
export function CaptureHint() {
  const { t } = useTranslation();
  return (
    <Alert variant="info" title={t('outbox.captureTitle')}>
      <p className="kern-body">{t('outbox.captureHint')}</p>
    </Alert>
  );
}

/** Administration › Postausgang: every e-mail of the agency with its delivery status. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = isStatus(params.get('status')) ? (params.get('status') as OutboxStatus) : null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<string>(status ?? '');
  const outbox = useOutbox({ status, page });
  const none = t('common.none');

  const go = (s: OutboxStatus | null, p: number) => {
    const next = new URLSearchParams();
    if (s) next.set('status', s);
    if (p > 1) next.set('page', String(p));
    setParams(next);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    go(isStatus(draft) ? draft : null, 1);
  };

  return (
    <>
      <PageHeading title={t('outbox.title')}>{t('outbox.title')}</PageHeading>
      {outbox.data?.captureMode && <CaptureHint />}
      <form className="filters" onSubmit={apply} aria-label={t('outbox.filterStatus')}>
        <div className="filters__grid">
          <SelectField
            id="outbox-status"
            label={t('outbox.filterStatus')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={t('outbox.allStatuses')}
            options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) }))}
          />
          <div className="filters__actions">
            <button type="submit" className="kern-btn kern-btn--primary">
              <span className="kern-label">{t('outbox.apply')}</span>
            </button>
          </div>
        </div>
      </form>
      <p className="kern-body kern-body--bold result-count" role="status">
        {outbox.data ? t('outbox.count', { count: outbox.data.total }) : ''}
      </p>
      {outbox.isError && <ErrorAlert message={errorMessage(outbox.error, t)} />}
      {outbox.isPending ? (
        <Loading />
      ) : outbox.data ? (
        <div className={outbox.isPlaceholderData ? 'is-stale' : undefined}>
          <DataTable<TOutboxMail>
            caption={t('outbox.caption')}
            captionHidden
            rows={outbox.data.items}
            rowKey={(m) => m.id}
            empty={t('outbox.empty')}
            busy={outbox.isFetching}
            columns={[
              { key: 'created', header: t('outbox.col.created'), cell: (m) => formatDateTime(m.createdAt) },
              {
                key: 'subject',
                header: t('outbox.col.subject'),
                rowHeader: true,
                cell: (m) => (
                  <Link className="kern-link" to={`/admin/outbox/${m.id}`}>
                    {m.subject}
                  </Link>
                ),
              },
              { key: 'recipients', header: t('outbox.col.recipients'), cell: (m) => m.recipients.join(', ') },
              { key: 'kind', header: t('outbox.col.kind'), cell: (m) => <code className="kern-body--small">{m.kind}</code> },
              { key: 'status', header: t('outbox.col.status'), cell: (m) => t(`outbox.status.${m.status}`) },
              { key: 'attempts', header: t('outbox.col.attempts'), numeric: true, cell: (m) => m.attempts },
              {
                key: 'sent',
                header: t('outbox.col.sent'),
                cell: (m) => (m.status === 'sent' && m.sentAt ? formatDateTime(m.sentAt) : none),
              },
              { key: 'error', header: t('outbox.col.error'), cell: (m) => m.lastError ?? none },
            ]}
          />
          <Pagination page={outbox.data.page} pageSize={outbox.data.pageSize} total={outbox.data.total} onPage={(p) => go(status, p)} />
        </div>
      ) : null}
    </>
  );
}
