import { useTranslation } from 'react-i18next';
import { useStoredText } from '../i18n/storedText';
import { formatEuro } from '../../contracts/format';
import { DescriptionList } from '../components/DescriptionList';
import { Section } from '../components/Section';
import { formatDate } from '../i18n/format';
import { AttachmentsSection } from './AttachmentsSection';
import { useOfferPage } from './context';
import { DocumentList } from './DocumentList';
import { DeadlineText, useFloorLabel } from './labels';
import { formatNumber } from '../lib/numbers';

/** All data of the flat, the people involved, open deadlines, attachments and documents. */
export function OverviewSection() {
  const { t } = useTranslation();
  const stored = useStoredText();
  const { offer: o, portal } = useOfferPage();
  const floor = useFloorLabel();
  const none = t('common.none');
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));

  return (
    <>
      {o.declineReason && (
        <Section
          id="offer-decline"
          title={o.status === 'withdrawn' ? t('placement.state.withdrawn') : t('placement.overview.declineReason')}
        >
          <p className="kern-body preline">{o.declineReason}</p>
        </Section>
      )}
      <div className="offer-columns">
        <Section id="offer-flat" title={t('placement.overview.flat')}>
          <DescriptionList
            items={[
              { key: 'address', label: t('placement.overview.address'), value: `${o.street}, ${o.postalCode} ${o.city}` },
              { key: 'district', label: t('placement.overview.district'), value: o.district },
              { key: 'floor', label: t('placement.overview.floor'), value: floor(o.floor) },
              { key: 'lift', label: t('placement.overview.lift'), value: yesNo(o.lift) },
              {
                key: 'space',
                label: t('placement.overview.livingSpace'),
                value: t('placement.overview.sqm', { value: formatNumber(o.livingSpace) }),
              },
              { key: 'rooms', label: t('placement.overview.rooms'), value: formatNumber(o.rooms) },
              { key: 'available', label: t('placement.overview.availableFrom'), value: formatDate(o.availableFrom) },
              { key: 'stepFree', label: t('placement.overview.stepFree'), value: yesNo(o.stepFree) },
              { key: 'wheelchair', label: t('placement.overview.wheelchair'), value: yesNo(o.wheelchair) },
              { key: 'pets', label: t('placement.overview.petsAllowed'), value: yesNo(o.petsAllowed) },
            ]}
          />
        </Section>
        <Section id="offer-costs" title={t('placement.overview.costs')}>
          <DescriptionList
            items={[
              { key: 'cold', label: t('placement.overview.coldRent'), value: formatEuro(o.coldRentCents) },
              { key: 'service', label: t('placement.overview.serviceCharges'), value: formatEuro(o.serviceChargesCents) },
              { key: 'heating', label: t('placement.overview.heating'), value: formatEuro(o.heatingCents) },
              { key: 'warm', label: t('placement.overview.warmRent'), value: <strong>{formatEuro(o.warmRentCents)}</strong> },
              { key: 'heatingType', label: t('placement.overview.heatingType'), value: o.heatingType ?? none },
              { key: 'deposit', label: t('placement.overview.deposit'), value: formatEuro(o.depositCents) },
            ]}
          />
        </Section>
      </div>
      <Section id="offer-wishes" title={t('placement.overview.equipmentAndWishes')}>
        <DescriptionList
          items={[
            {
              key: 'equipment',
              label: t('placement.overview.equipment'),
              value: o.equipment.map((e) => t(`placement.equipment.${e}`)).join(', ') || none,
            },
            {
              key: 'preferred',
              label: t('placement.overview.preferred'),
              value: o.preferred.map((p) => t(`placement.preferred.${p}`)).join(', ') || none,
            },
            { key: 'hints', label: t('placement.overview.hints'), value: o.hints ? <span className="preline">{o.hints}</span> : none },
          ]}
        />
      </Section>
      <Section id="offer-people" title={t('placement.overview.people')}>
        <DescriptionList
          items={[
            { key: 'provider', label: t('placement.overview.provider'), value: o.provider.name },
            {
              key: 'cm',
              label: t('placement.overview.caseManager'),
              value: o.caseManager?.displayName ?? t('placement.overview.unassigned'),
            },
          ]}
        />
      </Section>
      {!portal && (
        <Section id="offer-deadlines" title={t('placement.overview.deadlines')}>
          {o.deadlines.length === 0 ? (
            <p className="kern-body">{t('placement.overview.noDeadlines')}</p>
          ) : (
            <ul className="kern-list">
              {o.deadlines.map((d) => (
                <li key={d.id}>
                  {stored.text(d.titleKey, d.titleParams, d.title)}: <DeadlineText dueAt={d.dueAt} overdue={d.overdue} />
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      <AttachmentsSection />
      <Section id="offer-documents" title={t('placement.overview.documents')}>
        <DocumentList />
      </Section>
    </>
  );
}
