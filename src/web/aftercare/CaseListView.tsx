import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AFTERCARE_STATES, TARGET_GROUPS } from '../../contracts/aftercare';
import { EMPTY, parse, toSearch } from './listParams';
import type { Column } from '../components/DataTable';
import { SelectField, TextField } from '../components/Field';
import { ExportLinks } from '../components/ExportLinks';
import { PagedResults } from '../components/PagedResults';
import { formatDate } from '../i18n/format';
import { AftercareStateBadge } from './labels';
import { carriersOf, useAgreements, useCaseList, type AftercareRow, type CaseListParams } from './queries';

/** The Fachstelle's view: all aftercare cases, filtered by carrier, state, target group and a search term (kept in the URL). */
export function CaseListView({ carrierFilter = true }: { carrierFilter?: boolean }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parse(searchParams), [searchParams]);
  const [q, setQ] = useState(params.q);
  const list = useCaseList(params, true);
  const carriers = carriersOf(useAgreements(carrierFilter).data?.items);
  const update = useCallback(
    (patch: Partial<CaseListParams>) => setSearchParams(toSearch({ ...params, ...patch, page: patch.page ?? 1 }), { replace: true }),
    [params, setSearchParams],
  );
  const none = t('common.none');
  const columns: Column<AftercareRow>[] = [
    {
      key: 'reference',
      header: t('aftercare.col.reference'),
      rowHeader: true,
      cell: (r) => (
        <Link className="kern-link sus-nowrap" to={`/aftercare/cases/${r.id}`}>
          {r.reference}
        </Link>
      ),
    },
    { key: 'name', header: t('aftercare.col.name'), cell: (r) => r.name },
    { key: 'state', header: t('aftercare.list.state'), cell: (r) => <AftercareStateBadge state={r.state} /> },
    {
      key: 'carrier',
      header: t('aftercare.list.carrier'),
      cell: (r) => (
        <>
          {r.carrier.name}
          <span className="cell-sub">{r.carrierWorker?.name ?? t('aftercare.case.noWorker')}</span>
        </>
      ),
    },
    { key: 'group', header: t('aftercare.list.targetGroup'), cell: (r) => t(`aftercare.targetGroup.${r.targetGroup}`) },
    { key: 'referred', header: t('aftercare.col.referredOn'), cell: (r) => <span className="sus-nowrap">{formatDate(r.referredOn)}</span> },
    {
      key: 'until',
      header: t('aftercare.col.grantedUntil'),
      cell: (r) => <span className="sus-nowrap">{r.grantedUntil ? formatDate(r.grantedUntil) : none}</span>,
    },
    { key: 'consent', header: t('aftercare.col.consent'), cell: (r) => (r.consentGiven ? t('common.yes') : t('common.no')) },
  ];
  return (
    <>
      <section role="search" className="filters" aria-labelledby="aftercare-filters-title">
        <h2 id="aftercare-filters-title" className="kern-heading-small">
          {t('aftercare.list.filters')}
        </h2>
        <form
          className="filters__grid"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: q.trim() });
          }}
        >
          <TextField
            id="aftercare-filter-q"
            label={t('aftercare.list.search')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          {carrierFilter && (
            <SelectField
              id="aftercare-filter-carrier"
              label={t('aftercare.list.carrier')}
              value={params.carrierId}
              options={[{ value: '', label: t('common.all') }, ...carriers.map((c) => ({ value: c.id, label: c.name }))]}
              onChange={(e) => update({ carrierId: e.target.value })}
            />
          )}
          <SelectField
            id="aftercare-filter-state"
            label={t('aftercare.list.state')}
            value={params.state}
            options={[
              { value: '', label: t('common.all') },
              ...AFTERCARE_STATES.map((s) => ({ value: s, label: t(`aftercare.state.${s}`) })),
            ]}
            onChange={(e) => update({ state: e.target.value })}
          />
          <SelectField
            id="aftercare-filter-group"
            label={t('aftercare.list.targetGroup')}
            value={params.targetGroup}
            options={[
              { value: '', label: t('common.all') },
              ...TARGET_GROUPS.map((g) => ({ value: g, label: t(`aftercare.targetGroup.${g}`) })),
            ]}
            onChange={(e) => update({ targetGroup: e.target.value })}
          />
          <div className="filters__actions">
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-label">{t('aftercare.list.apply')}</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => {
                setQ('');
                update({ ...EMPTY });
              }}
            >
              <span className="kern-label">{t('aftercare.list.reset')}</span>
            </button>
          </div>
        </form>
      </section>
      <ExportLinks
        path="/aftercare/cases"
        query={{ carrierId: params.carrierId, state: params.state, targetGroup: params.targetGroup, q: params.q }}
      />
      <PagedResults
        list={list}
        count={(count) => t('aftercare.list.count', { count })}
        caption={() => t('aftercare.list.caption')}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t('aftercare.list.empty')}
        onPage={(page) => update({ page })}
      />
    </>
  );
}
