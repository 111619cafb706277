import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOccupancyCounts } from '../../contracts/accommodationOccupancy';
import { PROVISIONS } from '../../contracts/accommodation';
import { todayInBerlin } from '../../contracts/plausible';
import { ErrorAlert } from '../components/Alert';
import { DataTable, type Column } from '../components/DataTable';
import { SelectField, TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { OccupancyTrendChart } from './OccupancyTrendChart';
import { useOccupancy, useOccupancyTrend, useStayLengths } from './occupancyQueries';
import { useOperators } from './queries';
import '../steering/steering.css';

/** The occupancy board: places occupied / free / blocked per facility and attribute on a day, the trend, the length of stay. */
export function OccupancyPage() {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayInBerlin());
  const [district, setDistrict] = useState('');
  const [operatorId, setOperatorId] = useState('');
  const [provision, setProvision] = useState('');
  const query = {
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    district: district.trim() || undefined,
    operatorId: operatorId || undefined,
    provision: (provision || undefined) as (typeof PROVISIONS)[number] | undefined,
  };
  const board = useOccupancy(query);
  const trend = useOccupancyTrend(query);
  const lengths = useStayLengths(query);
  const operators = useOperators();
  const title = t('occupancy.title');
  const countColumns = <T extends TOccupancyCounts>(): Column<T>[] => [
    { key: 'places', header: t('occupancy.col.places'), numeric: true, cell: (r) => String(r.places) },
    { key: 'occupied', header: t('occupancy.col.occupied'), numeric: true, cell: (r) => String(r.occupied) },
    { key: 'free', header: t('occupancy.col.free'), numeric: true, cell: (r) => String(r.free) },
    { key: 'blocked', header: t('occupancy.col.blocked'), numeric: true, cell: (r) => String(r.blocked) },
  ];
  const days = (v: number | null) => (v === null ? '–' : t('occupancy.days', { n: Math.round(v * 10) / 10 }));

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body page-intro">{t('occupancy.intro')}</p>
      <form className="steering-period__fields" role="search" aria-label={t('occupancy.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField id="occ-date" label={t('occupancy.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField
          id="occ-district"
          label={t('occupancy.district')}
          optional
          value={district}
          onChange={(e) => setDistrict(e.target.value)}
        />
        <SelectField
          id="occ-operator"
          label={t('occupancy.operator')}
          optional
          placeholder={t('occupancy.all')}
          value={operatorId}
          onChange={(e) => setOperatorId(e.target.value)}
          options={(operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          id="occ-provision"
          label={t('occupancy.provision')}
          optional
          placeholder={t('occupancy.all')}
          value={provision}
          onChange={(e) => setProvision(e.target.value)}
          options={PROVISIONS.map((p) => ({ value: p, label: t(`accommodation.provision.${p}`) }))}
        />
      </form>

      <Section id="occ-board" title={t('occupancy.onDay')}>
        {board.isPending ? (
          <Loading />
        ) : board.isError ? (
          <ErrorAlert message={errorMessage(board.error, t)} />
        ) : (
          <>
            <p className="kern-body" role="status">
              {t('occupancy.total', board.data.total)}
            </p>
            <DataTable
              caption={t('occupancy.byFacility')}
              rows={board.data.facilities}
              rowKey={(r) => r.id}
              empty={t('occupancy.none')}
              columns={[
                {
                  key: 'name',
                  header: t('accommodation.col.name'),
                  rowHeader: true,
                  cell: (r) => <Link to={`/accommodation/facilities/${r.id}`}>{r.name}</Link>,
                },
                { key: 'operator', header: t('accommodation.col.operator'), cell: (r) => r.operatorName },
                { key: 'district', header: t('accommodation.col.district'), cell: (r) => r.district ?? '–' },
                { key: 'state', header: t('accommodation.col.state'), cell: (r) => t(`accommodation.facilityState.${r.state}`) },
                ...countColumns<(typeof board.data.facilities)[number]>(),
              ]}
            />
            <DataTable
              caption={t('occupancy.byAttribute')}
              rows={board.data.attributes}
              rowKey={(r) => r.attribute}
              empty={t('occupancy.none')}
              columns={[
                {
                  key: 'attribute',
                  header: t('occupancy.col.attribute'),
                  rowHeader: true,
                  cell: (r) => t(`occupancy.attribute.${r.attribute}`),
                },
                ...countColumns<(typeof board.data.attributes)[number]>(),
              ]}
            />
          </>
        )}
      </Section>

      <Section id="occ-trend" title={t('occupancy.trend')}>
        {trend.isPending ? (
          <Loading />
        ) : trend.isError ? (
          <ErrorAlert message={errorMessage(trend.error, t)} />
        ) : (
          <OccupancyTrendChart trend={trend.data} />
        )}
      </Section>

      <Section id="occ-lengths" title={t('occupancy.lengths')}>
        {lengths.isPending ? (
          <Loading />
        ) : lengths.isError ? (
          <ErrorAlert message={errorMessage(lengths.error, t)} />
        ) : (
          <DataTable
            caption={t('occupancy.lengthsCaption', { from: lengths.data.completedFrom, to: lengths.data.date })}
            rows={lengths.data.types}
            rowKey={(r) => r.householdType}
            empty={t('occupancy.none')}
            columns={[
              {
                key: 'type',
                header: t('occupancy.col.householdType'),
                rowHeader: true,
                cell: (r) => t(`occupancy.householdType.${r.householdType}`),
              },
              { key: 'cn', header: t('occupancy.col.completedStays'), numeric: true, cell: (r) => String(r.completed.stays) },
              { key: 'cm', header: t('occupancy.col.completedMedian'), numeric: true, cell: (r) => days(r.completed.median) },
              {
                key: 'cq',
                header: t('occupancy.col.completedQuartiles'),
                numeric: true,
                cell: (r) => (r.completed.q1 === null ? '–' : `${days(r.completed.q1)} – ${days(r.completed.q3)}`),
              },
              { key: 'rn', header: t('occupancy.col.runningStays'), numeric: true, cell: (r) => String(r.running.stays) },
              { key: 'rm', header: t('occupancy.col.runningMedian'), numeric: true, cell: (r) => days(r.running.median) },
            ]}
          />
        )}
      </Section>
    </>
  );
}
