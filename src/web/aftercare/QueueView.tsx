import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { DataTable, type Column } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { useQueue, type CarrierQueue, type QueueItem } from './queries';

type Bucket = 'overdue' | 'dueThisWeek' | 'endingSoon';
const BUCKETS: readonly { id: Bucket; empty: 'noneOverdue' | 'noneDue' | 'noneEnding' }[] = [
  { id: 'overdue', empty: 'noneOverdue' },
  { id: 'dueThisWeek', empty: 'noneDue' },
  { id: 'endingSoon', empty: 'noneEnding' },
];

/** The carrier's start page: visits overdue, due this week, grants ending soon; each row links to the case. */
export function QueueView() {
  const { t } = useTranslation();
  const queue = useQueue(true);
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <ErrorAlert message={errorMessage(queue.error, t)} />;
  const data: CarrierQueue = queue.data;
  const columns = (bucket: Bucket): Column<QueueItem>[] => [
    {
      key: 'name',
      header: t('aftercare.col.name'),
      rowHeader: true,
      cell: (r) => (
        <>
          <Link className="kern-link" to={`/aftercare/cases/${r.caseId}`}>
            {r.name}
          </Link>
          <span className="cell-sub">{r.reference}</span>
        </>
      ),
    },
    { key: 'address', header: t('aftercare.col.address'), cell: (r) => r.address ?? t('common.none') },
    { key: 'worker', header: t('aftercare.col.worker'), cell: (r) => r.carrierWorker?.name ?? t('aftercare.case.noWorker') },
    bucket === 'endingSoon'
      ? {
          key: 'until',
          header: t('aftercare.col.grantedUntil'),
          cell: (r) => <span className="sus-nowrap">{r.grantedUntil ? formatDate(r.grantedUntil) : t('common.none')}</span>,
        }
      : {
          key: 'due',
          header: t('aftercare.col.nextVisit'),
          cell: (r) => (
            <span className={bucket === 'overdue' ? 'sus-overdue sus-nowrap' : 'sus-nowrap'}>
              {r.nextVisitDueOn ? formatDate(r.nextVisitDueOn) : t('common.none')}
              {r.missedInRow > 0 && <span className="cell-sub">{t('aftercare.start.missed', { count: r.missedInRow })}</span>}
            </span>
          ),
        },
  ];
  return (
    <>
      <p className="kern-body">{t('aftercare.start.today', { date: formatDate(data.today) })}</p>
      {BUCKETS.map(({ id, empty }) => {
        const rows = data[id];
        const title = `${t(`aftercare.start.${id}`)} (${data.counts[id]})`;
        return (
          <Section key={id} id={`queue-${id}`} title={title}>
            {data.counts[id] > rows.length && (
              <p className="kern-hint">{t('aftercare.start.countOf', { shown: rows.length, count: data.counts[id] })}</p>
            )}
            <DataTable
              caption={t(`aftercare.start.${id}`)}
              captionHidden
              columns={columns(id)}
              rows={rows}
              rowKey={(r) => r.caseId}
              empty={t(`aftercare.start.${empty}`)}
            />
          </Section>
        );
      })}
    </>
  );
}
