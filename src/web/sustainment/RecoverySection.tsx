import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { formatDate } from '../i18n/format';
import type { TenancyDetail } from './queries';
import { TenancyActions } from './TenancyActions';

/** Guarantee payouts, and for the office the recovery of the assigned claim: agreements, payments, open balance. */
export function RecoverySection({ tenancy, portal, notify }: { tenancy: TenancyDetail; portal: boolean; notify: (m: string) => void }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const openClaim = tenancy.guarantee.openClaimCents;
  return (
    <Section id="tenancy-money" title={portal ? t('sustainment.payouts.title') : t('sustainment.recovery.title')}>
      {!portal && openClaim !== null && (
        <p className="kern-body kern-body--bold sus-balance" role="status">
          {t('sustainment.recovery.balance', {
            paid: formatEuro(tenancy.guarantee.paidOutCents),
            recovered: formatEuro(tenancy.guarantee.recoveredCents ?? 0),
            open: formatEuro(openClaim),
          })}
        </p>
      )}
      <DataTable
        caption={t('sustainment.payouts.title')}
        rows={tenancy.payouts}
        rowKey={(r) => r.id}
        empty={t('sustainment.payouts.empty')}
        columns={[
          { key: 'paidOn', header: t('sustainment.field.paidOn'), rowHeader: true, cell: (r) => formatDate(r.paidOn) },
          {
            key: 'amount',
            header: t('sustainment.history.amount'),
            numeric: true,
            cell: (r) => <span className="sus-nowrap">{formatEuro(r.amountCents)}</span>,
          },
          {
            key: 'incident',
            header: t('sustainment.payouts.incident'),
            cell: (r) =>
              r.incidentId ? (
                <Link className="kern-link" to={`/sustainment/incidents/${r.incidentId}`}>
                  {t('sustainment.payouts.toIncident')}
                </Link>
              ) : (
                none
              ),
          },
          {
            key: 'receipt',
            header: t('sustainment.payouts.receipt'),
            cell: (r) => (r.assignmentReceivedOn ? formatDate(r.assignmentReceivedOn) : t('sustainment.payouts.notReceived')),
          },
        ]}
      />
      {!portal && (
        <>
          <DataTable
            caption={t('sustainment.recovery.agreements')}
            rows={tenancy.agreements}
            rowKey={(r) => r.id}
            empty={t('sustainment.recovery.noAgreements')}
            columns={[
              { key: 'startsOn', header: t('sustainment.field.startsOn'), rowHeader: true, cell: (r) => formatDate(r.startsOn) },
              {
                key: 'instalment',
                header: t('sustainment.recovery.instalment'),
                numeric: true,
                cell: (r) => <span className="sus-nowrap">{formatEuro(r.instalmentCents)}</span>,
              },
              {
                key: 'interval',
                header: t('sustainment.field.intervalMonths'),
                cell: (r) => (r.intervalMonths === 3 ? t('sustainment.recovery.interval3') : t('sustainment.recovery.interval1')),
              },
              { key: 'next', header: t('sustainment.recovery.nextDue'), cell: (r) => (r.nextDueOn ? formatDate(r.nextDueOn) : none) },
              { key: 'note', header: t('sustainment.field.note'), cell: (r) => r.note ?? none },
            ]}
          />
          <DataTable
            caption={t('sustainment.recovery.payments')}
            rows={tenancy.payments}
            rowKey={(r) => r.id}
            empty={t('sustainment.recovery.noPayments')}
            columns={[
              { key: 'paidOn', header: t('sustainment.field.paidOn'), rowHeader: true, cell: (r) => formatDate(r.paidOn) },
              {
                key: 'amount',
                header: t('sustainment.history.amount'),
                numeric: true,
                cell: (r) => <span className="sus-nowrap">{formatEuro(r.amountCents)}</span>,
              },
              { key: 'note', header: t('sustainment.field.note'), cell: (r) => r.note ?? none },
              { key: 'by', header: t('sustainment.recovery.recordedBy'), cell: (r) => r.createdBy?.displayName ?? none },
            ]}
          />
          <div className="sus-actions">
            <TenancyActions tenancy={tenancy} notify={notify} only={['recordAgreement', 'recordPayment']} />
          </div>
        </>
      )}
    </Section>
  );
}
