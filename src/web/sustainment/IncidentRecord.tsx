import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { DescriptionList } from '../components/DescriptionList';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../i18n/format';
import { formatMonths } from './labels';
import { incidentDocumentUrl, type Incident } from './queries';

/** What was reported: months and amount (rent default) or category, date and description (conflict). */
export function IncidentReport({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const items =
    incident.kind === 'rent_default'
      ? [
          { key: 'months', label: t('sustainment.field.months'), value: incident.months.length ? formatMonths(incident.months) : none },
          {
            key: 'amount',
            label: t('sustainment.incident.amount'),
            value: incident.amountCents === null ? none : formatEuro(incident.amountCents),
          },
        ]
      : [
          {
            key: 'category',
            label: t('sustainment.field.category'),
            value: incident.category ? t(`sustainment.category.${incident.category}`) : none,
          },
          {
            key: 'occurredOn',
            label: t('sustainment.field.occurredOn'),
            value: incident.occurredOn ? formatDate(incident.occurredOn) : none,
          },
          {
            key: 'description',
            label: t('sustainment.field.description'),
            value: <span className="preline">{incident.description ?? none}</span>,
          },
        ];
  return (
    <DescriptionList
      items={[
        ...items,
        { key: 'reportedAt', label: t('sustainment.incident.reportedAt'), value: formatDateTime(incident.reportedAt) },
        {
          key: 'reportedBy',
          label: t('sustainment.incident.reportedBy'),
          value: `${incident.reportedBy?.displayName ?? none} (${t(`sustainment.reportedVia.${incident.reportedVia}`)})`,
        },
        { key: 'contact', label: t('sustainment.tenancy.contactPerson'), value: incident.contactPerson?.displayName ?? none },
        ...(incident.socialWorker
          ? [{ key: 'sw', label: t('sustainment.tenancy.socialWorker'), value: incident.socialWorker.displayName }]
          : []),
      ]}
    />
  );
}

/** Everything recorded along the way; social-work notes only for the office (the server leaves them out in the portal). */
export function IncidentRecord({ incident, portal }: { incident: Incident; portal: boolean }) {
  const { t } = useTranslation();
  const facts = [
    incident.reasons !== null && {
      key: 'reasons',
      label: t('sustainment.field.reasons'),
      value: <span className="preline">{incident.reasons}</span>,
    },
    incident.providerMessage !== null && {
      key: 'message',
      label: t('sustainment.field.message'),
      value: <span className="preline">{incident.providerMessage}</span>,
    },
    incident.decision !== null && {
      key: 'decision',
      label: t('sustainment.incident.decision'),
      value: t(`sustainment.decision.${incident.decision}`),
    },
    incident.recheckOn !== null && { key: 'recheck', label: t('sustainment.field.recheckOn'), value: formatDate(incident.recheckOn) },
    incident.resolution !== null && {
      key: 'resolution',
      label: t('sustainment.field.resolution'),
      value: <span className="preline">{incident.resolution}</span>,
    },
    incident.terminatedOn !== null && {
      key: 'terminatedOn',
      label: t('sustainment.field.terminatedOn'),
      value: formatDate(incident.terminatedOn),
    },
    incident.leaseEndsOn !== null && {
      key: 'leaseEndsOn',
      label: t('sustainment.field.leaseEndsOn'),
      value: formatDate(incident.leaseEndsOn),
    },
    incident.guaranteeContinues !== null && {
      key: 'continues',
      label: t('sustainment.field.guaranteeContinues'),
      value: incident.guaranteeContinues ? t('sustainment.field.continuesYes') : t('sustainment.field.continuesNo'),
    },
  ].filter((x) => x !== false);

  return (
    <>
      {facts.length > 0 && (
        <Section id="incident-facts" title={t('sustainment.incident.recorded')}>
          <DescriptionList items={facts} />
        </Section>
      )}
      {incident.payouts.length > 0 && (
        <Section id="incident-payouts" title={t('sustainment.payouts.title')}>
          <ul className="plain-list sus-entries">
            {incident.payouts.map((p) => (
              <li key={p.id} className="sus-entries__item">
                <span className="kern-body kern-body--bold">
                  {t('sustainment.payouts.line', { amount: formatEuro(p.amountCents), date: formatDate(p.paidOn) })}
                </span>
                {p.assignmentDocumentId && (
                  <a className="kern-link" href={incidentDocumentUrl(incident.id, p.assignmentDocumentId)} download>
                    <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
                    {t('sustainment.payouts.assignmentPdf')}
                  </a>
                )}
                <span className="kern-body kern-body--small">
                  {p.assignmentReceivedOn
                    ? t('sustainment.payouts.received', { date: formatDate(p.assignmentReceivedOn) })
                    : t('sustainment.payouts.notReceived')}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {incident.warnings.length > 0 && (
        <Section id="incident-warnings" title={t('sustainment.warnings.title')}>
          <ul className="plain-list sus-entries">
            {incident.warnings.map((w, i) => (
              <li key={i} className="sus-entries__item">
                <span className="kern-body kern-body--bold">{t('sustainment.warnings.line', { date: formatDate(w.issuedOn) })}</span>
                {w.note && <span className="kern-body preline">{w.note}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {!portal && incident.kind === 'conflict' && (
        <Section id="incident-contacts" title={t('sustainment.contacts.title')}>
          {incident.contacts.length === 0 ? (
            <p className="kern-body">{t('sustainment.contacts.empty')}</p>
          ) : (
            <ul className="plain-list sus-entries">
              {incident.contacts.map((c) => (
                <li key={c.id} className="sus-entries__item">
                  <span className="kern-body kern-body--bold">
                    {t('sustainment.contacts.line', { date: formatDateTime(c.occurredAt), channel: t(`sustainment.channel.${c.channel}`) })}{' '}
                    {c.reached ? t('sustainment.contacts.reached') : t('sustainment.contacts.notReached')}
                  </span>
                  <span className="kern-body preline">{c.note}</span>
                  <span className="kern-body kern-body--small kern-body--muted">
                    {c.recordedBy ? t('sustainment.history.by', { name: c.recordedBy.displayName }) : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
    </>
  );
}
