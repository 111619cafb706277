import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { DataTable, type Column } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { TENANCY_PAGE_SIZE, useTenancies, type Tenancy } from './queries';
import './placementAdmin.css';

const KNOWN_STATUSES = ['active', 'ended'] as const;

/** /placement/tenancies: tenancies created by placement, with guarantee and contacts. */
export function TenanciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [page, setPage] = useState(1);
  const tenancies = useTenancies(page);
  const title = t('placementAdmin.tenancies.title');
  const none = t('common.none');
  // Housing companies never see the office's household reference (the server sends null).
  const staff = me.role !== 'provider_user';
  const status = (s: string) => ((KNOWN_STATUSES as readonly string[]).includes(s) ? t(`placementAdmin.tenancies.statuses.${s as (typeof KNOWN_STATUSES)[number]}`) : s);

  const columns: Column<Tenancy>[] = [
    { key: 'ref', header: t('placementAdmin.tenancies.reference'), rowHeader: true, cell: (r) => <span className="nowrap">{r.reference}</span> },
    ...(staff
      ? [
          {
            key: 'household',
            header: t('placementAdmin.tenancies.household'),
            cell: (r: Tenancy) =>
              r.household ? (
                <>
                  <Link className="kern-link" to={`/households/${r.household.id}`}>
                    {r.household.name}
                  </Link>
                  <span className="cell-sub nowrap">{r.household.reference}</span>
                </>
              ) : (
                none
              ),
          },
        ]
      : []),
    {
      key: 'flat',
      header: t('placementAdmin.tenancies.flat'),
      cell: (r) => (
        <>
          {r.address}
          <span className="cell-sub">{r.provider.name}</span>
        </>
      ),
    },
    { key: 'lease', header: t('placementAdmin.tenancies.leaseStart'), cell: (r) => <span className="nowrap">{formatDate(r.leaseStart)}</span> },
    {
      key: 'guarantee',
      header: t('placementAdmin.tenancies.guarantee'),
      cell: (r) => (
        <>
          <span className="nowrap">{t('placementAdmin.tenancies.guaranteeUntil', { date: formatDate(r.guaranteeEnd) })}</span>
          <span className="cell-sub nowrap">{t('placementAdmin.tenancies.guaranteeMax', { amount: formatEuro(r.guaranteeMaxCents) })}</span>
        </>
      ),
    },
    { key: 'contact', header: t('placementAdmin.tenancies.contactPerson'), cell: (r) => r.contactPerson?.displayName ?? none },
    { key: 'sw', header: t('placementAdmin.tenancies.socialWorker'), cell: (r) => r.socialWorker?.displayName ?? none },
    {
      key: 'status',
      header: t('placementAdmin.tenancies.status'),
      cell: (r) => (
        <span className={`kern-badge ${r.status === 'active' ? 'kern-badge--success' : 'kern-badge--info'}`}>
          <span className="kern-label">{status(r.status)}</span>
        </span>
      ),
    },
  ];

  const rows = tenancies.data ?? [];
  const hasNext = rows.length === TENANCY_PAGE_SIZE;

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body page-intro">{t('placementAdmin.tenancies.intro')}</p>
      {tenancies.isPending ? (
        <Loading />
      ) : tenancies.isError ? (
        <ErrorAlert message={errorMessage(tenancies.error, t)} />
      ) : (
        <div className={tenancies.isPlaceholderData ? 'is-stale' : undefined}>
          <DataTable<Tenancy>
            caption={t('placementAdmin.tenancies.caption')}
            captionHidden
            rows={rows}
            rowKey={(r) => r.id}
            empty={t('placementAdmin.tenancies.empty')}
            busy={tenancies.isFetching}
            columns={columns}
          />
          {(page > 1 || hasNext) && (
            <nav className="pagination" aria-label={t('pagination.label')}>
              <button type="button" className="kern-btn kern-btn--secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
                <span className="kern-label">{t('pagination.previous')}</span>
              </button>
              <button type="button" className="kern-btn kern-btn--secondary" disabled={!hasNext} onClick={() => setPage((p) => p + 1)}>
                <span className="kern-label">{t('pagination.next')}</span>
                <span className="kern-icon kern-icon--arrow-forward" aria-hidden="true" />
              </button>
            </nav>
          )}
        </div>
      )}
    </>
  );
}
