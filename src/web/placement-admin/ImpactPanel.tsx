import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { Alert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { formatNumber } from '../lib/numbers';
import type { ConditionsImpact } from './queries';

type Offer = ConditionsImpact['offersChanging'][number];
type Size = ConditionsImpact['bySize'][number];

/** "before → after", the new value emphasised when it differs. */
function Change({ before, after, format, none }: { before: number; after: number; format: (n: number) => string; none: string }) {
  const { t } = useTranslation();
  const changed = before !== after;
  return (
    <span className="impact-change">
      {before === 0 ? none : format(before)} → {changed ? <strong>{format(after)}</strong> : format(after)}
      {changed && <span className="visually-hidden"> ({t('placementAdmin.conditions.changed')})</span>}
    </span>
  );
}

/** What saving this version would change: offers whose eligibility flips and pool households by size. */
export function ImpactPanel({ impact, stale, children }: { impact: ConditionsImpact; stale: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const none = t('placementAdmin.conditions.noPrevious');
  const eligibility = (b: boolean) => (b ? t('placementAdmin.conditions.eligible') : t('placementAdmin.conditions.ineligible'));

  // A fresh result is announced by moving focus to it.
  useEffect(() => headingRef.current?.focus(), [impact]);

  return (
    <section className={`impact kern-card${stale ? ' impact--stale' : ''}`} aria-labelledby="impact-title">
      <h3 id="impact-title" className="kern-heading-small" tabIndex={-1} ref={headingRef}>
        {t('placementAdmin.conditions.impactTitle')}
      </h3>
      {stale && (
        <Alert variant="warning">
          <p className="kern-body">{t('placementAdmin.conditions.impactStale')}</p>
        </Alert>
      )}
      <div className="impact__part">
        <p className="impact__figure">
          <span className="kern-body kern-body--bold">
            {t('placementAdmin.conditions.offersChanging', { count: impact.offersChanging.length })}
          </span>{' '}
          <span className="kern-body kern-body--muted">{t('placementAdmin.conditions.openOffers', { count: impact.openOffers })}</span>
        </p>
        {impact.offersChanging.length > 0 && (
          <DataTable<Offer>
            caption={t('placementAdmin.conditions.offersCaption')}
            captionHidden
            rows={impact.offersChanging}
            rowKey={(o) => o.id}
            empty=""
            columns={[
              { key: 'ref', header: t('placementAdmin.conditions.offer'), rowHeader: true, cell: (o) => o.reference },
              {
                key: 'eligibility',
                header: t('placementAdmin.conditions.eligibility'),
                cell: (o) => (
                  <span className="impact-change">
                    {eligibility(o.eligibleBefore)} → <strong>{eligibility(o.eligibleAfter)}</strong>
                  </span>
                ),
              },
            ]}
          />
        )}
      </div>
      <div className="impact__part">
        <p className="impact__figure">
          <span className="kern-body kern-body--bold">{t('placementAdmin.conditions.poolAffected', { count: impact.poolAffected })}</span>{' '}
          <span className="kern-body kern-body--muted">{t('placementAdmin.conditions.poolTotal', { count: impact.poolHouseholds })}</span>
        </p>
        {impact.bySize.length > 0 && (
          <DataTable<Size>
            caption={t('placementAdmin.conditions.bySizeCaption')}
            captionHidden
            rows={impact.bySize}
            rowKey={(s) => String(s.persons)}
            empty=""
            columns={[
              {
                key: 'persons',
                header: t('placementAdmin.conditions.persons'),
                rowHeader: true,
                cell: (s) => t('placementAdmin.conditions.personsCount', { count: s.persons }),
              },
              { key: 'households', header: t('placementAdmin.conditions.households'), numeric: true, cell: (s) => s.households },
              {
                key: 'cap',
                header: t('placementAdmin.conditions.capChange'),
                cell: (s) => <Change before={s.capBeforeCents} after={s.capAfterCents} format={formatEuro} none={none} />,
              },
              {
                key: 'space',
                header: t('placementAdmin.conditions.spaceChange'),
                cell: (s) => (
                  <Change before={s.spaceBeforeSqm} after={s.spaceAfterSqm} format={(n) => `${formatNumber(n)} m²`} none={none} />
                ),
              },
            ]}
          />
        )}
      </div>
      {children}
    </section>
  );
}
