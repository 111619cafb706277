import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import type { TConditions } from '../../contracts/placement';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { formatDate, formatDateTime } from '../i18n/format';
import { versionStatus } from './conditionsForm';
import { formatNumber } from '../lib/numbers';

type Cap = TConditions['rentCaps'][number];

const BADGE = { current: 'kern-badge--success', future: 'kern-badge--info', superseded: 'kern-badge--warning' } as const;

/** One version of the programme conditions as a card: caps table and the other rules. */
export function ConditionsVersion({ conditions: c, today }: { conditions: TConditions; today: string }) {
  const { t } = useTranslation();
  const status = versionStatus(c, today);
  const headingId = `version-${c.id}`;
  const date = formatDate(c.validFrom);
  const none = t('common.none');

  return (
    <article
      className={`kern-card conditions-version${status === 'current' ? ' conditions-version--current' : ''}`}
      aria-labelledby={headingId}
    >
      <div className="conditions-version__header">
        <h3 id={headingId} className="kern-heading-small">
          {t('placementAdmin.conditions.versionTitle', { date })}
        </h3>
        <span className={`kern-badge ${BADGE[status]}`}>
          <span className="kern-label">{t(`placementAdmin.conditions.${status}`)}</span>
        </span>
      </div>
      <div className="conditions-version__body">
        <div>
          <h4 className="kern-body kern-body--bold">{t('placementAdmin.conditions.rentCaps')}</h4>
          <DataTable<Cap>
            caption={t('placementAdmin.conditions.rentCapsCaption', { date })}
            captionHidden
            rows={[...c.rentCaps].sort((a, b) => a.persons - b.persons)}
            rowKey={(r) => String(r.persons)}
            empty={none}
            columns={[
              {
                key: 'persons',
                header: t('placementAdmin.conditions.persons'),
                rowHeader: true,
                cell: (r) => t('placementAdmin.conditions.personsCount', { count: r.persons }),
              },
              {
                key: 'cap',
                header: t('placementAdmin.conditions.maxColdRent'),
                numeric: true,
                cell: (r) => formatEuro(r.maxColdRentCents),
              },
            ]}
          />
        </div>
        <DescriptionList
          items={[
            { key: 'extra', label: t('placementAdmin.conditions.extraPerson'), value: formatEuro(c.extraPersonCents) },
            {
              key: 'space',
              label: t('placementAdmin.conditions.space'),
              value: t('placementAdmin.conditions.spaceValue', {
                base: formatNumber(c.spaceBaseSqm),
                perPerson: formatNumber(c.spacePerPersonSqm),
              }),
            },
            {
              key: 'equipment',
              label: t('placementAdmin.conditions.requiredEquipment'),
              value: c.requiredEquipment.length
                ? c.requiredEquipment.map((e) => t(`placementAdmin.equipment.${e}`)).join(', ')
                : t('placementAdmin.conditions.noEquipment'),
            },
            { key: 'note', label: t('placementAdmin.conditions.note'), value: c.note ? <span className="preline">{c.note}</span> : none },
            { key: 'by', label: t('placementAdmin.conditions.createdBy'), value: c.createdBy?.displayName ?? none },
            { key: 'at', label: t('placementAdmin.conditions.createdAt'), value: formatDateTime(c.createdAt) },
          ]}
        />
      </div>
    </article>
  );
}
