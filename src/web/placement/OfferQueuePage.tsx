import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { useMe } from '../auth/session';
import { ButtonLink } from '../components/Button';
import { PagedResults } from '../components/PagedResults';
import type { Column } from '../components/DataTable';
import { PageHeading } from '../components/PageHeading';
import { formatDate } from '../i18n/format';
import { can } from '../auth/can';
import { DeadlineText, OfferStatus, useDeadlineLabel } from './labels';
import { parseQueueParams, toQuery, toSearchParams, type QueueParams } from './listParams';
import { formatNumber } from '../lib/numbers';
import { useOfferQueue, type OfferPage } from './queries';
import { ExportLinks } from '../components/ExportLinks';
import { OfferQueueFilters } from './OfferQueueFilters';
import './placement.css';

type Row = OfferPage['items'][number];

/** The offer queue: office staff see the agency's offers by next deadline, a company its own ("Meine Angebote"). */
export function OfferQueuePage() {
  const { t } = useTranslation();
  const deadlineLabel = useDeadlineLabel();
  const me = useMe();
  const portal = me.role === 'provider_user';
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseQueueParams(searchParams, portal), [searchParams, portal]);
  const list = useOfferQueue(params);

  const update = useCallback(
    (patch: Partial<QueueParams>) => {
      const pageOnly = Object.keys(patch).length === 1 && 'page' in patch;
      const next = { ...params, ...patch, page: pageOnly ? (patch.page ?? 1) : 1 };
      setSearchParams(toSearchParams(next, portal), { replace: 'q' in patch && !pageOnly });
    },
    [params, portal, setSearchParams],
  );

  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('placement.queue.col.reference'),
      rowHeader: true,
      cell: (r) => (
        <Link className="kern-link nowrap" to={`/placement/offers/${r.id}`}>
          {r.reference}
        </Link>
      ),
    },
    { key: 'address', header: t('placement.queue.col.address'), cell: (r) => r.address },
    { key: 'district', header: t('placement.queue.col.district'), cell: (r) => r.district },
    {
      key: 'size',
      header: t('placement.queue.col.size'),
      cell: (r) => (
        <span className="nowrap">
          {t('placement.queue.sizeValue', { rooms: formatNumber(r.rooms), space: formatNumber(r.livingSpace) })}
        </span>
      ),
    },
    {
      key: 'rent',
      header: t('placement.queue.col.coldRent'),
      numeric: true,
      cell: (r) => <span className="nowrap">{formatEuro(r.coldRentCents)}</span>,
    },
    { key: 'status', header: t('placement.queue.col.status'), cell: (r) => <OfferStatus status={r.status} /> },
    ...(portal
      ? []
      : [
          // How many households the office shortlisted is its own business until they are presented.
          { key: 'candidates', header: t('placement.queue.col.candidates'), numeric: true, cell: (r: Row) => r.candidates },
          {
            key: 'deadline',
            header: t('placement.queue.col.nextDeadline'),
            sort: params.sort === 'nextDeadline' ? ('ascending' as const) : undefined,
            cell: (r: Row) =>
              r.nextDeadline ? (
                // The row already names the offer: the deadline's kind says what is due (in the UI language).
                <span className="placement-deadline" title={r.nextDeadline.title}>
                  <span>{deadlineLabel(r.nextDeadline.kind, r.nextDeadline.title)}</span>
                  <DeadlineText dueAt={r.nextDeadline.dueAt} overdue={r.nextDeadline.overdue} />
                </span>
              ) : (
                t('placement.queue.noDeadline')
              ),
          },
          { key: 'provider', header: t('placement.queue.col.provider'), cell: (r: Row) => r.provider.name },
        ]),
    ...(portal ? [{ key: 'available', header: t('placement.overview.availableFrom'), cell: (r: Row) => formatDate(r.availableFrom) }] : []),
  ];

  const title = portal ? t('placement.queue.titleProvider') : t('placement.queue.title');
  return (
    <>
      <PageHeading
        title={title}
        actions={
          can(me, 'offer.create') ? (
            <ButtonLink to="/placement/offers/new" icon="add">
              {t('placement.queue.create')}
            </ButtonLink>
          ) : null
        }
      >
        {title}
      </PageHeading>

      <OfferQueueFilters params={params} portal={portal} onChange={update} />
      <ExportLinks path="/offers" query={toQuery(params)} />

      <PagedResults
        list={list}
        count={(count) => t('placement.queue.count', { count })}
        caption={(page) => t('placement.queue.caption', { page })}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t('placement.queue.empty')}
        onPage={(page) => update({ page })}
      />
    </>
  );
}
