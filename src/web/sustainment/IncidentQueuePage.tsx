import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { INCIDENT_KINDS } from '../../contracts/sustainment';
import { useMe } from '../auth/session';
import { ButtonLink } from '../components/Button';
import { PagedResults } from '../components/PagedResults';
import type { Column } from '../components/DataTable';
import { CheckboxField, SelectField } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { formatDate } from '../i18n/format';
import { DueText, IncidentStateBadge } from './labels';
import {
  DEFAULT_INCIDENT_PARAMS,
  INCIDENT_STATE_FILTERS,
  incidentSearchParams,
  parseIncidentParams,
  type IncidentParams,
  type IncidentStateFilter,
} from './listParams';
import { useIncidents, type IncidentRow } from './queries';
import './sustainment.css';

/** /sustainment: every open incident by next deadline (office), or the company's own reports (portal). */
export function IncidentQueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const portal = me.role === 'provider_user';
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseIncidentParams(searchParams, portal), [searchParams, portal]);
  const list = useIncidents(params);
  const update = useCallback(
    (patch: Partial<IncidentParams>) =>
      setSearchParams(incidentSearchParams({ ...params, ...patch, page: patch.page ?? 1 }), { replace: true }),
    [params, setSearchParams],
  );
  const none = t('common.none');

  const columns: Column<IncidentRow>[] = [
    {
      key: 'reference',
      header: t('sustainment.queue.col.reference'),
      rowHeader: true,
      cell: (r) => (
        <Link className="kern-link sus-nowrap" to={`/sustainment/incidents/${r.id}`}>
          {r.reference}
        </Link>
      ),
    },
    {
      key: 'kind',
      header: t('sustainment.queue.col.kind'),
      cell: (r) => (
        <>
          {t(`sustainment.kind.${r.kind}`)}
          <span className="cell-sub sus-nowrap">
            {r.kind === 'rent_default'
              ? r.amountCents === null
                ? none
                : formatEuro(r.amountCents)
              : r.category
                ? t(`sustainment.category.${r.category}`)
                : none}
          </span>
        </>
      ),
    },
    { key: 'state', header: t('sustainment.queue.col.state'), cell: (r) => <IncidentStateBadge state={r.state} /> },
    {
      key: 'tenancy',
      header: t('sustainment.queue.col.tenancy'),
      cell: (r) => (
        <>
          <Link className="kern-link" to={`/sustainment/tenancies/${r.tenancy.id}`}>
            {r.tenancy.address}
          </Link>
          <span className="cell-sub">{portal ? r.tenancy.reference : r.tenancy.provider.name}</span>
        </>
      ),
    },
    ...(portal
      ? [
          {
            key: 'reported',
            header: t('sustainment.queue.col.reported'),
            cell: (r: IncidentRow) => <span className="sus-nowrap">{formatDate(r.reportedAt, 'Europe/Berlin')}</span>,
          },
        ]
      : [
          {
            key: 'household',
            header: t('sustainment.queue.col.household'),
            cell: (r: IncidentRow) =>
              r.tenancy.household ? (
                <>
                  {r.tenancy.household.name}
                  <span className="cell-sub sus-nowrap">{r.tenancy.household.reference}</span>
                </>
              ) : (
                none
              ),
          },
          {
            key: 'deadline',
            header: t('sustainment.queue.col.nextDeadline'),
            sort: params.state === 'open' ? ('ascending' as const) : undefined,
            cell: (r: IncidentRow) =>
              r.nextDeadline ? (
                <span className="sus-deadline">
                  <span>{r.nextDeadline.title}</span>
                  <DueText dueAt={r.nextDeadline.dueAt} overdue={r.nextDeadline.overdue} />
                </span>
              ) : (
                t('sustainment.queue.noDeadline')
              ),
          },
        ]),
  ];

  const title = portal ? t('sustainment.queue.titlePortal') : t('sustainment.queue.title');
  const stateLabel = (s: IncidentStateFilter) =>
    s === 'open' ? t('sustainment.queue.stateOpen') : s === 'all' ? t('sustainment.queue.stateAll') : t(`sustainment.state.${s}`);
  return (
    <>
      <PageHeading
        title={title}
        actions={
          <ButtonLink to="/sustainment/tenancies" variant="secondary">
            {portal ? t('sustainment.queue.toTenanciesPortal') : t('sustainment.queue.toTenancies')}
          </ButtonLink>
        }
      >
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{portal ? t('sustainment.queue.introPortal') : t('sustainment.queue.intro')}</p>
      <section role="search" className="filters" aria-labelledby="incident-filters-title">
        <h2 id="incident-filters-title" className="kern-heading-small">
          {t('sustainment.queue.filters')}
        </h2>
        <form className="filters__grid" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="incident-filter-kind"
            label={t('sustainment.queue.kind')}
            value={params.kind}
            options={[
              { value: '', label: t('sustainment.queue.kindAll') },
              ...INCIDENT_KINDS.map((k) => ({ value: k, label: t(`sustainment.kind.${k}`) })),
            ]}
            onChange={(e) => update({ kind: e.target.value as IncidentParams['kind'] })}
          />
          <SelectField
            id="incident-filter-state"
            label={t('sustainment.queue.state')}
            value={params.state}
            options={INCIDENT_STATE_FILTERS.map((s) => ({ value: s, label: stateLabel(s) }))}
            onChange={(e) => update({ state: e.target.value as IncidentStateFilter })}
          />
          {!portal && (
            <div className="filters__checks">
              <CheckboxField
                id="incident-filter-mine"
                label={t('sustainment.queue.mine')}
                checked={params.mine}
                onChange={(e) => update({ mine: e.target.checked })}
              />
            </div>
          )}
          <div className="filters__actions">
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => update({ ...DEFAULT_INCIDENT_PARAMS })}>
              <span className="kern-label">{t('sustainment.queue.reset')}</span>
            </button>
          </div>
        </form>
      </section>
      <PagedResults
        list={list}
        count={(count) => t('sustainment.queue.count', { count })}
        caption={() => title}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t('sustainment.queue.empty')}
        onPage={(page) => update({ page })}
      />
    </>
  );
}
