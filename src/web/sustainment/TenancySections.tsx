import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useStoredText } from '../i18n/storedText';
import { formatEuro } from '../../contracts/format';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { formatDate, formatDateTime } from '../i18n/format';
import { DueText, IncidentStateBadge } from './labels';
import { tenancyDocumentUrl, type TenancyDetail } from './queries';

/** Household, company, address, lease, rent, the office's people and the status. */
export function TenancyOverview({ tenancy }: { tenancy: TenancyDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <DescriptionList
      items={[
        ...(tenancy.household
          ? [
              {
                key: 'household',
                label: t('sustainment.tenancy.household'),
                value: (
                  <Link className="kern-link" to={`/households/${tenancy.household.id}`}>
                    {`${tenancy.household.name} (${tenancy.household.reference})`}
                  </Link>
                ),
              },
            ]
          : [{ key: 'tenant', label: t('sustainment.tenancy.tenant'), value: tenancy.tenant }]),
        { key: 'provider', label: t('sustainment.tenancy.provider'), value: tenancy.provider.name },
        {
          key: 'address',
          label: t('sustainment.tenancy.address'),
          value: `${tenancy.street}, ${tenancy.postalCode} ${tenancy.city}${tenancy.district ? ` (${tenancy.district})` : ''}`,
        },
        { key: 'leaseStart', label: t('sustainment.field.leaseStart'), value: formatDate(tenancy.leaseStart) },
        {
          key: 'rent',
          label: t('sustainment.tenancy.rent'),
          value: t('sustainment.tenancy.rentValue', {
            warm: formatEuro(tenancy.warmRentCents),
            cold: formatEuro(tenancy.coldRentCents),
            service: formatEuro(tenancy.serviceChargesCents),
            heating: formatEuro(tenancy.heatingCents),
          }),
        },
        { key: 'contact', label: t('sustainment.tenancy.contactPerson'), value: tenancy.contactPerson?.displayName ?? none },
        { key: 'sw', label: t('sustainment.tenancy.socialWorker'), value: tenancy.socialWorker?.displayName ?? none },
        {
          key: 'status',
          label: t('sustainment.tenancy.status'),
          value:
            tenancy.status === 'active'
              ? t('sustainment.tenancyStatus.active')
              : t('sustainment.tenancy.endedValue', {
                  date: tenancy.endedOn ? formatDate(tenancy.endedOn) : none,
                  reason: tenancy.endReason ? t(`sustainment.endReason.${tenancy.endReason}`) : none,
                }),
        },
        ...(tenancy.guaranteeContinues !== null
          ? [
              {
                key: 'continues',
                label: t('sustainment.field.guaranteeContinues'),
                value: tenancy.guaranteeContinues ? t('sustainment.field.continuesYes') : t('sustainment.field.continuesNo'),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Term, remaining time, maximum, paid out, remaining amount, covered items; the open claim for the office. */
export function GuaranteePanel({ tenancy }: { tenancy: TenancyDetail }) {
  const { t } = useTranslation();
  const g = tenancy.guarantee;
  const years = Math.floor(g.remainingMonths / 12);
  const months = g.remainingMonths % 12;
  const remainingTime =
    g.remainingDays <= 0
      ? t('sustainment.guarantee.over')
      : g.remainingMonths < 1
        ? t('sustainment.guarantee.days', { count: g.remainingDays })
        : t('sustainment.guarantee.yearsMonths', { years, months });
  return (
    <>
      <p className="kern-body">
        <span className={`kern-badge kern-badge--small kern-badge--${g.active ? 'success' : 'info'}`}>
          <span className="kern-label">{g.active ? t('sustainment.guarantee.active') : t('sustainment.guarantee.inactive')}</span>
        </span>
      </p>
      <DescriptionList
        items={[
          {
            key: 'term',
            label: t('sustainment.guarantee.term'),
            value: t('sustainment.guarantee.termValue', {
              start: formatDate(tenancy.guaranteeStart),
              end: formatDate(tenancy.guaranteeEnd),
            }),
          },
          { key: 'remainingTime', label: t('sustainment.guarantee.remainingTime'), value: remainingTime },
          { key: 'max', label: t('sustainment.guarantee.max'), value: formatEuro(g.maxCents) },
          { key: 'paidOut', label: t('sustainment.guarantee.paidOut'), value: formatEuro(g.paidOutCents) },
          { key: 'remaining', label: t('sustainment.guarantee.remaining'), value: <strong>{formatEuro(g.remainingCents)}</strong> },
          ...(g.recoveredCents !== null
            ? [{ key: 'recovered', label: t('sustainment.guarantee.recovered'), value: formatEuro(g.recoveredCents) }]
            : []),
          ...(g.openClaimCents !== null
            ? [{ key: 'openClaim', label: t('sustainment.guarantee.openClaim'), value: <strong>{formatEuro(g.openClaimCents)}</strong> }]
            : []),
          {
            key: 'items',
            label: t('sustainment.guarantee.items'),
            value: tenancy.guaranteeItems.map((i) => t(`placement.guarantee.${i}`)).join(', '),
          },
        ]}
      />
    </>
  );
}

/** The tenancy's incidents, newest state first as the server sends them. */
export function IncidentTable({ tenancy }: { tenancy: TenancyDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <DataTable
      caption={t('sustainment.tenancy.incidents')}
      captionHidden
      rows={tenancy.incidents}
      rowKey={(r) => r.id}
      empty={t('sustainment.tenancy.noIncidents')}
      columns={[
        {
          key: 'ref',
          header: t('sustainment.queue.col.reference'),
          rowHeader: true,
          cell: (r) => (
            <Link className="kern-link sus-nowrap" to={`/sustainment/incidents/${r.id}`}>
              {r.reference}
            </Link>
          ),
        },
        { key: 'kind', header: t('sustainment.queue.col.kind'), cell: (r) => t(`sustainment.kind.${r.kind}`) },
        {
          key: 'what',
          header: t('sustainment.tenancy.what'),
          cell: (r) => (r.amountCents !== null ? formatEuro(r.amountCents) : r.category ? t(`sustainment.category.${r.category}`) : none),
        },
        { key: 'reported', header: t('sustainment.queue.col.reported'), cell: (r) => formatDate(r.reportedAt, 'Europe/Berlin') },
        { key: 'state', header: t('sustainment.queue.col.state'), cell: (r) => <IncidentStateBadge state={r.state} /> },
        {
          key: 'deadline',
          header: t('sustainment.queue.col.nextDeadline'),
          cell: (r) => (r.nextDeadline ? <DueText dueAt={r.nextDeadline.dueAt} overdue={r.nextDeadline.overdue} /> : none),
        },
      ]}
    />
  );
}

/** Everything that happened on the tenancy, oldest first (the server leaves out what a company may not see). */
export function TenancyTimeline({ tenancy }: { tenancy: TenancyDetail }) {
  const { t } = useTranslation();
  const stored = useStoredText();
  if (tenancy.timeline.length === 0) return <p className="kern-body">{t('sustainment.timeline.empty')}</p>;
  return (
    <ol className="sus-timeline">
      {tenancy.timeline.map((e, i) => (
        <li key={`${e.type}-${e.refId ?? i}-${e.at}`} className="sus-timeline__entry">
          <time className="kern-body kern-body--small sus-timeline__time" dateTime={e.at}>
            {formatDateTime(e.at)}
          </time>
          <span className="kern-body">
            {e.incidentId ? (
              <Link className="kern-link" to={`/sustainment/incidents/${e.incidentId}`}>
                {stored.text(e.titleKey, e.titleParams, e.title)}
              </Link>
            ) : (
              stored.text(e.titleKey, e.titleParams, e.title)
            )}
            {e.amountCents !== null && <strong>{` · ${formatEuro(e.amountCents)}`}</strong>}
          </span>
          <span className="kern-body kern-body--small kern-body--muted">
            {e.actor ? t('sustainment.history.by', { name: e.actor.displayName }) : t('sustainment.actor.system')}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Generated PDFs of the tenancy (assignment declarations …) as download links. */
export function TenancyDocuments({ tenancy }: { tenancy: TenancyDetail }) {
  const { t, i18n } = useTranslation();
  if (tenancy.documents.length === 0) return <p className="kern-body">{t('sustainment.documents.empty')}</p>;
  const kind = (k: string) =>
    i18n.exists(`sustainment.documentKind.${k}`) ? t(`sustainment.documentKind.${k as 'assignment_declaration'}`) : k;
  return (
    <ul className="kern-list">
      {tenancy.documents.map((d) => (
        <li key={d.id}>
          <a className="kern-link" href={tenancyDocumentUrl(tenancy.id, d.id)} download>
            <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
            {t('sustainment.documents.download', { name: kind(d.kind) })}
          </a>{' '}
          <span className="kern-body kern-body--small kern-body--muted">
            ({d.filename}, {formatDate(d.createdAt, 'Europe/Berlin')})
          </span>
        </li>
      ))}
    </ul>
  );
}
