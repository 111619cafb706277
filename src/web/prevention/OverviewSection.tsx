import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useStoredText } from '../i18n/storedText';
import { formatEuro } from '../../contracts/format';
import { Button, ButtonLink } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../i18n/format';
import { AssignDialog } from './AssignDialog';
import { useCasePage } from './context';
import { DocumentLinks } from './DocumentLinks';
import { DueText } from './labels';

/** The notice as recorded, the household, who works on the case, open deadlines and letters. */
export function OverviewSection() {
  const { t } = useTranslation();
  const stored = useStoredText();
  const { case: c, can } = useCasePage();
  const [assigning, setAssigning] = useState(false);
  const none = t('common.none');
  const tenants = c.tenants.map((p) => `${p.firstName} ${p.lastName}${p.birthDate ? ` (${formatDate(p.birthDate)})` : ''}`).join(', ');
  const source =
    c.source === 'self_referral' && c.selfReferralVia
      ? `${t('prevention.source.self_referral')} – ${t(`prevention.selfReferralVia.${c.selfReferralVia}`)}`
      : t(`prevention.source.${c.source}`);
  return (
    <>
      <Section id="deadlines" title={t('prevention.overview.deadlines')}>
        {c.deadlines.length === 0 ? (
          <p className="kern-body">{t('prevention.overview.noDeadlines')}</p>
        ) : (
          <ul className="plain-list deadline-list">
            {c.deadlines.map((d) => (
              <li key={d.id}>
                <span className="deadline-list__title">{stored.text(d.titleKey, d.titleParams, d.title)}</span>{' '}
                <DueText value={d.dueAt} overdue={d.overdue} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <div className="overview-columns">
        <Section
          id="notice"
          title={t('prevention.overview.notice')}
          actions={
            can('update') ? (
              <ButtonLink to={`/prevention/cases/${c.id}/edit`} variant="secondary" icon="edit">
                {t('prevention.overview.edit')}
              </ButtonLink>
            ) : null
          }
        >
          <DescriptionList
            items={[
              { key: 'source', label: t('prevention.form.source'), value: source },
              ...(c.sourceDetail ? [{ key: 'detail', label: t('prevention.overview.sourceDetail'), value: c.sourceDetail }] : []),
              { key: 'received', label: t('prevention.form.receivedOn'), value: formatDate(c.receivedOn) },
              { key: 'stage', label: t('prevention.form.threatStage'), value: t(`prevention.stage.${c.threatStage}`) },
              { key: 'termination', label: t('prevention.form.terminationOn'), value: formatDate(c.terminationOn) || none },
              { key: 'previousCure', label: t('prevention.form.previousCureOn'), value: formatDate(c.previousCureOn) || none },
              { key: 'court', label: t('prevention.form.courtName'), value: c.courtName ?? none },
              { key: 'file', label: t('prevention.form.courtFileNumber'), value: c.courtFileNumber ?? none },
              { key: 'served', label: t('prevention.form.lawsuitServedOn'), value: formatDate(c.lawsuitServedOn) || none },
              {
                key: 'written',
                label: t('prevention.form.writtenProceedingsServedOn'),
                value: formatDate(c.writtenProceedingsServedOn) || none,
              },
              { key: 'hearing', label: t('prevention.form.hearingAt'), value: formatDateTime(c.hearingAt, 'Europe/Berlin') || none },
              ...(c.parties.length
                ? [
                    {
                      key: 'parties',
                      label: t('prevention.form.parties'),
                      value: c.parties
                        .map((p) => `${t(`prevention.party.${p.role}`)}: ${p.name}${p.address ? `, ${p.address}` : ''}`)
                        .join('; '),
                    },
                  ]
                : []),
              ...(c.note ? [{ key: 'note', label: t('prevention.form.note'), value: c.note }] : []),
            ]}
          />
        </Section>
        <Section
          id="home"
          title={t('prevention.overview.home')}
          actions={
            can('assign') ? (
              <Button variant="secondary" onClick={() => setAssigning(true)}>
                {t('prevention.overview.assign')}
              </Button>
            ) : null
          }
        >
          <DescriptionList
            items={[
              {
                key: 'household',
                label: t('prevention.overview.household'),
                value: (
                  <Link className="kern-link" to={`/households/${c.household.id}`}>{`${c.household.name} (${c.household.reference})`}</Link>
                ),
              },
              { key: 'tenants', label: t('prevention.form.tenants'), value: tenants },
              { key: 'address', label: t('prevention.overview.address'), value: `${c.street}, ${c.postalCode} ${c.city}` },
              {
                key: 'landlord',
                label: t('prevention.form.landlordName'),
                value: [c.landlordName, c.landlordAddress].filter(Boolean).join(', ') || none,
              },
              { key: 'rent', label: t('prevention.form.monthlyRent'), value: formatEuro(c.monthlyRentCents) || none },
              { key: 'arrears', label: t('prevention.form.arrears'), value: formatEuro(c.arrearsCents) || none },
              { key: 'compensation', label: t('prevention.form.compensation'), value: formatEuro(c.compensationCents) || none },
              { key: 'cm', label: t('household.caseManager'), value: c.caseManager?.displayName ?? t('household.unassigned') },
              { key: 'sw', label: t('household.socialWorker'), value: c.socialWorker?.displayName ?? t('household.unassigned') },
            ]}
          />
        </Section>
      </div>
      {c.notices.length > 0 && (
        <Section id="notices" title={t('prevention.overview.notices')}>
          <ul className="plain-list">
            {c.notices.map((n) => (
              <li key={n.id}>
                {t('prevention.overview.noticeLine', { source: t(`prevention.source.${n.source}`), date: formatDate(n.receivedOn) })}
                {[
                  n.arrearsCents !== null ? `${t('prevention.form.arrears')}: ${formatEuro(n.arrearsCents)}` : null,
                  n.courtFileNumber,
                  n.evictionAt ? `${t('prevention.form.evictionAt')}: ${formatDateTime(n.evictionAt, 'Europe/Berlin')}` : null,
                  n.note,
                ]
                  .filter(Boolean)
                  .map((x) => ` · ${x}`)
                  .join('')}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {c.documents.length > 0 && <DocumentLinks caseId={c.id} documents={c.documents} label={t('prevention.overview.documents')} />}
      {assigning && <AssignDialog onClose={() => setAssigning(false)} />}
    </>
  );
}
