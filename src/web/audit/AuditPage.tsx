import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZAuditPage } from '../../contracts/admin';
import { api, ok } from '../api';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { ExportLinks } from '../components/ExportLinks';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useActionLabel, useOutcomeLabel, useRoleLabel } from '../lib/labels';
import { can } from '../auth/can';
import { AuditFiltersForm } from './AuditFiltersForm';
import { EntityCell } from './EntityCell';
import { auditApiQuery, auditSearchParams, parseAuditParams } from './auditParams';
import { VerifyChain } from './VerifyChain';

type AuditPage = z.infer<typeof ZAuditPage>;
type AuditEvent = AuditPage['items'][number];
const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const { filters, page } = useMemo(() => parseAuditParams(searchParams), [searchParams]);
  const roleLabel = useRoleLabel();
  const outcomeLabel = useOutcomeLabel();
  const actionLabel = useActionLabel();
  const none = t('common.none');

  const events = useQuery({
    queryKey: ['audit-events', filters, page],
    queryFn: ({ signal }) => ok(api.GET('/audit-events', { params: { query: auditApiQuery(filters, page, PAGE_SIZE) }, signal })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeading title={t('audit.title')} actions={can(me, 'audit.verify') ? <VerifyChain /> : null}>
        {t('audit.title')}
      </PageHeading>
      <AuditFiltersForm key={searchParams.toString()} value={filters} onApply={(f) => setSearchParams(auditSearchParams(f, 1))} />
      <ExportLinks path="/audit-events" query={auditApiQuery(filters, 1, PAGE_SIZE)} />

      <p className="kern-body kern-body--bold result-count" role="status">
        {events.data ? t('audit.count', { count: events.data.total }) : ''}
      </p>
      {events.isError && <ErrorAlert message={errorMessage(events.error, t)} />}
      {events.isPending ? (
        <Loading />
      ) : events.data ? (
        <div className={events.isPlaceholderData ? 'is-stale' : undefined}>
          <DataTable<AuditEvent>
            caption={t('audit.caption')}
            captionHidden
            rows={events.data.items}
            rowKey={(e) => String(e.id)}
            empty={t('common.noEntries')}
            busy={events.isFetching}
            columns={[
              { key: 'time', header: t('audit.col.time'), cell: (e) => formatDateTime(e.occurredAt) },
              { key: 'actor', header: t('audit.col.actor'), cell: (e) => e.actorName ?? none },
              { key: 'role', header: t('audit.col.role'), cell: (e) => roleLabel(e.actorRole) },
              {
                key: 'action',
                header: t('audit.col.action'),
                cell: (e) => <span title={e.action}>{actionLabel(e.action)}</span>,
              },
              {
                key: 'entity',
                header: t('audit.col.entity'),
                cell: (e) => <EntityCell event={e} />,
              },
              { key: 'purpose', header: t('audit.col.purpose'), cell: (e) => e.purpose ?? none },
              { key: 'outcome', header: t('audit.col.outcome'), cell: (e) => outcomeLabel(e.outcome) },
              { key: 'ip', header: t('audit.col.ip'), cell: (e) => e.ip ?? none },
            ]}
          />
          <Pagination
            page={events.data.page}
            pageSize={events.data.pageSize}
            total={events.data.total}
            onPage={(p) => setSearchParams(auditSearchParams(filters, p))}
          />
        </div>
      ) : null}
    </>
  );
}
