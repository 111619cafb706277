import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { useOrgs } from '../admin/queries';
import { useMe } from '../auth/session';
import { ButtonLink } from '../components/Button';
import { ExportLinks } from '../components/ExportLinks';
import { PagedResults } from '../components/PagedResults';
import type { Column } from '../components/DataTable';
import { SelectField, TextField } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { formatDate } from '../i18n/format';
import { useDebouncedValue } from '../lib/hooks';
import { can } from '../auth/can';
import { DueText, TenancyStatusBadge } from './labels';
import {
  DEFAULT_TENANCY_PARAMS,
  ENDING_SOON_MONTHS,
  parseTenancyParams,
  TENANCY_STATUS_FILTERS,
  tenancyQuery,
  tenancySearchParams,
  type TenancyParams,
} from './listParams';
import { useTenancyList, type TenancyRow } from './queries';
import './sustainment.css';

/** /sustainment/tenancies: the tenancies in their guarantee years (office: all; company: its own). */
export function TenancyListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const portal = me.role === 'provider_user';
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseTenancyParams(searchParams), [searchParams]);
  const list = useTenancyList(params);
  const providers = useOrgs('providers', !portal && can(me, 'provider.list'));
  const update = useCallback(
    (patch: Partial<TenancyParams>) =>
      setSearchParams(tenancySearchParams({ ...params, ...patch, page: patch.page ?? 1 }), { replace: true }),
    [params, setSearchParams],
  );
  const [q, setQ] = useState(params.q);
  const debounced = useDebouncedValue(q, 350);
  useEffect(() => {
    if (debounced.trim() !== params.q.trim()) update({ q: debounced });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps -- only the debounced text
  const none = t('common.none');

  const columns: Column<TenancyRow>[] = [
    {
      key: 'ref',
      header: t('sustainment.tenancies.col.reference'),
      rowHeader: true,
      cell: (r) => (
        <Link className="kern-link sus-nowrap" to={`/sustainment/tenancies/${r.id}`}>
          {r.reference}
        </Link>
      ),
    },
    ...(portal
      ? [{ key: 'tenant', header: t('sustainment.tenancy.tenant'), cell: (r: TenancyRow) => r.tenant }]
      : [
          {
            key: 'household',
            header: t('sustainment.tenancies.col.household'),
            cell: (r: TenancyRow) =>
              r.household ? (
                <>
                  {r.household.name}
                  <span className="cell-sub sus-nowrap">{r.household.reference}</span>
                </>
              ) : (
                none
              ),
          },
        ]),
    {
      key: 'flat',
      header: t('sustainment.tenancies.col.flat'),
      cell: (r) => (
        <>
          {r.address}
          <span className="cell-sub">{r.provider.name}</span>
        </>
      ),
    },
    {
      key: 'lease',
      header: t('sustainment.tenancies.col.leaseStart'),
      cell: (r) => <span className="sus-nowrap">{formatDate(r.leaseStart)}</span>,
    },
    {
      key: 'guarantee',
      header: t('sustainment.tenancies.col.guarantee'),
      cell: (r) => (
        <>
          <span className="sus-nowrap">{t('sustainment.tenancies.guaranteeUntil', { date: formatDate(r.guaranteeEnd) })}</span>
          <span className="cell-sub sus-nowrap">
            {t('sustainment.tenancies.guaranteeMax', { amount: formatEuro(r.guaranteeMaxCents) })}
          </span>
          <span className="cell-sub sus-nowrap">
            {t('sustainment.tenancies.guaranteeRemaining', { amount: formatEuro(r.guarantee.remainingCents) })}
          </span>
        </>
      ),
    },
    { key: 'contact', header: t('sustainment.tenancies.col.contactPerson'), cell: (r) => r.contactPerson?.displayName ?? none },
    {
      key: 'incidents',
      header: t('sustainment.tenancies.col.incidents'),
      cell: (r) => (
        <>
          {r.openIncidents > 0 ? t('sustainment.tenancies.openIncidents', { count: r.openIncidents }) : none}
          {!portal && r.nextDeadline && (
            <span className="cell-sub">
              <DueText dueAt={r.nextDeadline.dueAt} overdue={r.nextDeadline.overdue} />
            </span>
          )}
        </>
      ),
    },
    { key: 'status', header: t('sustainment.tenancies.col.status'), cell: (r) => <TenancyStatusBadge status={r.status} /> },
  ];

  const title = portal ? t('sustainment.tenancies.titlePortal') : t('sustainment.tenancies.title');
  return (
    <>
      <PageHeading
        title={title}
        actions={
          can(me, 'tenancy.create') ? (
            <ButtonLink to="/sustainment/tenancies/new" icon="add">
              {t('sustainment.tenancies.create')}
            </ButtonLink>
          ) : null
        }
      >
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{t('sustainment.tenancies.intro')}</p>
      <section role="search" className="filters" aria-labelledby="tenancy-filters-title">
        <h2 id="tenancy-filters-title" className="kern-heading-small">
          {t('sustainment.queue.filters')}
        </h2>
        <form className="filters__grid" onSubmit={(e) => (e.preventDefault(), update({ q }))}>
          <TextField
            id="tenancy-filter-q"
            className="filters__search"
            label={t('sustainment.tenancies.search')}
            type="search"
            maxLength={100}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <SelectField
            id="tenancy-filter-status"
            label={t('sustainment.tenancies.status')}
            value={params.status}
            options={TENANCY_STATUS_FILTERS.map((s) => ({
              value: s,
              label: s ? t(`sustainment.tenancyStatus.${s}`) : t('sustainment.tenancies.statusAll'),
            }))}
            onChange={(e) => update({ status: e.target.value as TenancyParams['status'] })}
          />
          {!portal && providers.data && (
            <SelectField
              id="tenancy-filter-provider"
              label={t('sustainment.tenancies.provider')}
              value={params.providerId}
              options={[
                { value: '', label: t('sustainment.tenancies.providerAll') },
                ...providers.data.map((p) => ({ value: p.id, label: p.name })),
              ]}
              onChange={(e) => update({ providerId: e.target.value })}
            />
          )}
          <SelectField
            id="tenancy-filter-ending"
            label={t('sustainment.tenancies.endingWithin')}
            value={params.endingWithin === null ? '' : String(params.endingWithin)}
            options={[
              { value: '', label: t('sustainment.tenancies.endingAny') },
              ...ENDING_SOON_MONTHS.map((m) => ({ value: String(m), label: t('sustainment.tenancies.endingMonths', { count: m }) })),
            ]}
            onChange={(e) => update({ endingWithin: e.target.value ? Number(e.target.value) : null })}
          />
          <div className="filters__actions">
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => (setQ(''), update({ ...DEFAULT_TENANCY_PARAMS }))}>
              <span className="kern-label">{t('sustainment.queue.reset')}</span>
            </button>
          </div>
        </form>
      </section>
      <ExportLinks path="/tenancies" query={tenancyQuery(params)} />
      <PagedResults
        list={list}
        count={(count) => t('sustainment.tenancies.count', { count })}
        caption={() => title}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t('sustainment.tenancies.empty')}
        onPage={(page) => update({ page })}
      />
    </>
  );
}
