import { useTranslation } from 'react-i18next';
import { DescriptionList } from '../components/DescriptionList';
import { formatDate } from '../i18n/format';
import { refusalLetterUrl, type AftercareCase } from './queries';

/** Household, carrier, grant period and rhythm; for the Fachstelle also source, check, refusal and consent. */
export function CaseOverview({ c }: { c: AftercareCase }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const office = c.view === 'office';
  const h = c.household;
  const items: { key: string; label: string; value: React.ReactNode }[] = [
    {
      key: 'household',
      label: t('aftercare.case.household'),
      value: (
        <>
          {h.name}
          {h.reference && <span className="cell-sub">{h.reference}</span>}
          <span className="cell-sub">{t('aftercare.case.persons', { count: h.persons, children: h.children })}</span>
        </>
      ),
    },
    { key: 'address', label: t('aftercare.case.address'), value: h.address ?? none },
    { key: 'phone', label: t('aftercare.case.phone'), value: h.phone ?? none },
    { key: 'carrier', label: t('aftercare.case.carrier'), value: c.carrier.name },
    { key: 'worker', label: t('aftercare.case.worker'), value: c.carrierWorker?.name ?? t('aftercare.case.noWorker') },
    { key: 'group', label: t('aftercare.case.targetGroup'), value: t(`aftercare.targetGroup.${c.targetGroup}`) },
  ];
  if (office)
    items.push({
      key: 'source',
      label: t('aftercare.case.source'),
      value: (
        <>
          {c.source ? t(`aftercare.source.${c.source}`) : none}
          {c.sourceDetail && <span className="cell-sub">{c.sourceDetail}</span>}
          {c.fromPrevention && <span className="cell-sub">{t('aftercare.case.fromPrevention')}</span>}
        </>
      ),
    });
  items.push({ key: 'referred', label: t('aftercare.case.referredOn'), value: formatDate(c.referredOn) });
  if (c.grantedFrom && c.grantedUntil)
    items.push({
      key: 'grant',
      label: t('aftercare.case.grant'),
      value: (
        <>
          {t('aftercare.case.grantPeriod', { from: formatDate(c.grantedFrom), until: formatDate(c.grantedUntil) })}
          {c.maxUntil && <span className="cell-sub">{`${t('aftercare.case.maxUntil')} ${formatDate(c.maxUntil)}`}</span>}
        </>
      ),
    });
  if (c.visitEveryWeeks)
    items.push({ key: 'rhythm', label: t('aftercare.case.rhythm'), value: t('aftercare.case.everyWeeks', { count: c.visitEveryWeeks }) });
  if (c.nextVisitDueOn) items.push({ key: 'next', label: t('aftercare.case.nextVisit'), value: formatDate(c.nextVisitDueOn) });
  if (c.missedInRow > 0) items.push({ key: 'missed', label: t('aftercare.case.missedInRow'), value: String(c.missedInRow) });
  if (c.extensions.length)
    items.push({
      key: 'ext',
      label: t('aftercare.case.extensions'),
      value: (
        <ul className="plain-list">
          {c.extensions.map((e) => (
            <li key={e.createdAt}>
              {t('aftercare.case.extension', { from: formatDate(e.fromUntil), to: formatDate(e.toUntil), reason: e.reason })}
            </li>
          ))}
        </ul>
      ),
    });
  if (office && c.check)
    items.push({
      key: 'check',
      label: t('aftercare.case.check'),
      value: (
        <>
          {c.check.comparableHelp.length
            ? c.check.comparableHelp.map((x) => t(`aftercare.comparableHelp.${x}`)).join(', ')
            : t('aftercare.case.noComparableHelp')}
          <span className="cell-sub">
            {t('aftercare.case.checkedOn', { date: formatDate(c.check.checkedOn), by: c.check.checkedBy ?? none })}
          </span>
          {c.check.note && <span className="cell-sub preline">{c.check.note}</span>}
        </>
      ),
    });
  if (office && c.refusal)
    items.push({
      key: 'refusal',
      label: t('aftercare.case.refusal'),
      value: (
        <>
          {t(`aftercare.comparableHelp.${c.refusal.existingHelp}`)}
          {c.refusal.existingHelpDetail && <span className="cell-sub">{c.refusal.existingHelpDetail}</span>}
          {c.refusal.reason && <span className="cell-sub preline">{c.refusal.reason}</span>}
          {c.refusal.documentId && (
            <a className="kern-link" href={refusalLetterUrl(c.id, c.refusal.documentId)}>
              {t('aftercare.case.refusalLetter')}
            </a>
          )}
        </>
      ),
    });
  items.push({
    key: 'consent',
    label: t('aftercare.case.consent'),
    value: c.consent ? (
      <>
        {t('aftercare.case.consentGiven', {
          form: t(`aftercare.consentForm.${c.consent.form}`),
          date: formatDate(c.consent.givenOn),
          recipient: c.consent.recipient.name,
        })}
        {c.consent.withdrawnOn && (
          <span className="cell-sub">{t('aftercare.case.consentWithdrawn', { date: formatDate(c.consent.withdrawnOn) })}</span>
        )}
        <span className="cell-sub">{`${t('aftercare.case.purpose')}: ${c.consent.purpose}`}</span>
      </>
    ) : (
      t('aftercare.case.noConsent')
    ),
  });
  if (c.endReason)
    items.push({
      key: 'end',
      label: t('aftercare.case.end'),
      value: (
        <>
          {t('aftercare.case.endInfo', { reason: t(`aftercare.endReason.${c.endReason}`), date: c.endedOn ? formatDate(c.endedOn) : none })}
          {c.endNote && <span className="cell-sub preline">{c.endNote}</span>}
        </>
      ),
    });
  return <DescriptionList items={items} />;
}
