import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { ButtonLink } from '../components/Button';
import { ExportLinks } from '../components/ExportLinks';
import { PagedResults } from '../components/PagedResults';
import type { Column } from '../components/DataTable';
import { PageHeading } from '../components/PageHeading';
import { formatDate } from '../i18n/format';
import { can } from '../auth/can';
import { HouseholdFilters } from './HouseholdFilters';
import { parseListParams, toQuery, toSearchParams, type ListParams } from './listParams';
import { useHouseholdList, type HouseholdPage } from './queries';

type Row = HouseholdPage['items'][number];

export function HouseholdListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseListParams(searchParams), [searchParams]);
  const list = useHouseholdList(params);

  const update = useCallback(
    (patch: Partial<ListParams>) => {
      const pageOnly = Object.keys(patch).length === 1 && 'page' in patch;
      const next = { ...params, ...patch, page: pageOnly ? (patch.page ?? 1) : 1 };
      // Typing in the search box replaces the history entry instead of adding one per keystroke.
      setSearchParams(toSearchParams(next), { replace: 'q' in patch && !pageOnly });
    },
    [params, setSearchParams],
  );

  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('households.col.reference'),
      rowHeader: true,
      cell: (r) => (
        <Link className="kern-link nowrap" to={`/households/${r.id}`}>
          {r.reference}
        </Link>
      ),
    },
    { key: 'name', header: t('households.col.name'), cell: (r) => r.name },
    { key: 'persons', header: t('households.col.persons'), numeric: true, cell: (r) => r.persons },
    { key: 'situation', header: t('households.col.situation'), cell: (r) => t(`situation.${r.situation}`) },
    { key: 'since', header: t('households.col.since'), cell: (r) => formatDate(r.situationSince) || t('common.none') },
    {
      key: 'address',
      header: t('householdList.col.address'),
      cell: (r) => r.address ?? (r.whereabouts ? t(`householdAddresses.kind.${r.whereabouts}`) : t('householdList.none')),
    },
    { key: 'district', header: t('householdList.col.district'), cell: (r) => r.district ?? t('householdList.none') },
    {
      key: 'nextDeadline',
      header: t('householdList.col.nextDeadline'),
      cell: (r) =>
        r.nextDeadline ? (
          <span className={r.nextDeadline.overdue ? 'deadline-overdue nowrap' : 'nowrap'}>
            {formatDate(r.nextDeadline.dueAt)}
            {r.nextDeadline.overdue && <strong> ({t('householdList.overdue')})</strong>}
          </span>
        ) : (
          t('householdList.none')
        ),
    },
    { key: 'caseManager', header: t('households.col.caseManager'), cell: (r) => r.caseManager?.displayName ?? t('household.unassigned') },
    { key: 'updatedAt', header: t('households.col.updatedAt'), cell: (r) => formatDate(r.updatedAt) },
  ];

  return (
    <>
      <PageHeading
        title={t('households.title')}
        actions={
          can(me, 'household.create') ? (
            <ButtonLink to="/households/new" icon="add">
              {t('households.create')}
            </ButtonLink>
          ) : null
        }
      >
        {t('households.title')}
      </PageHeading>

      <HouseholdFilters params={params} onChange={update} />
      <ExportLinks path="/households" query={toQuery(params)} />

      <PagedResults
        list={list}
        count={(count) => t('households.count', { count })}
        caption={(page) => t('households.tableCaption', { page })}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t('households.empty')}
        onPage={(page) => update({ page })}
      />
    </>
  );
}
