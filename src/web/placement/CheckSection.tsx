import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { api, ok } from '../api';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../i18n/format';
import { useOfferPage } from './context';
import { StepError } from '../components/StepFeedback';
import { formatNumber } from '../lib/numbers';
import type { Offer } from './queries';
import { ReasonDialog } from './ReasonDialog';

type Check = NonNullable<Offer['check']>;

function Met({ ok }: { ok: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={ok ? 'check-met' : 'check-unmet'}>
      <span className={`kern-icon kern-icon--${ok ? 'success' : 'danger'} kern-icon--small`} aria-hidden="true" />{' '}
      {ok ? t('common.yes') : t('common.no')}
    </span>
  );
}

/** The programme-conditions check: run it, see every condition with its figures, approve or decline. */
export function CheckSection() {
  const { t } = useTranslation();
  const { offer, refresh, notify } = useOfferPage();
  const [declining, setDeclining] = useState(false);
  const step = useMutation({
    mutationFn: (path: 'check' | 'approve') => ok(api.POST(`/offers/{id}/${path}`, { params: { path: { id: offer.id } } })),
    onSuccess: async (_o, path) => {
      await refresh();
      if (path === 'approve') notify(t('placement.check.approved'));
    },
  });
  const has = (a: string) => offer.actions.includes(a);
  const check = offer.check;

  return (
    <Section
      id="offer-check"
      title={t('placement.check.title')}
      actions={
        has('check') ? (
          <Button icon="checklist" variant={check ? 'secondary' : 'primary'} onClick={() => step.mutate('check')} disabled={step.isPending}>
            {check ? t('placement.check.again') : t('placement.check.run')}
          </Button>
        ) : null
      }
    >
      <p className="kern-body">{t('placement.check.intro')}</p>
      <StepError error={step.error} onReload={() => void refresh().then(() => step.reset())} />
      {check ? <CheckResult check={check} /> : <p className="kern-body">{t('placement.check.notChecked')}</p>}
      {(has('approve') || has('decline')) && check && (
        <div className="form-actions">
          {has('approve') && check.eligible && (
            <Button icon="check" onClick={() => step.mutate('approve')} disabled={step.isPending}>
              {t('placement.check.approve')}
            </Button>
          )}
          {has('decline') && (
            <Button variant={check.eligible ? 'secondary' : 'primary'} icon="close" onClick={() => setDeclining(true)}>
              {t('placement.check.decline')}
            </Button>
          )}
        </div>
      )}
      <ReasonDialog
        isOpen={declining}
        onClose={() => setDeclining(false)}
        formId="offer-decline"
        title={t('placement.check.declineTitle')}
        label={t('placement.check.declineReason')}
        hint={t('placement.check.declineHint')}
        optional
        submitLabel={t('placement.check.decline')}
        run={(reason) => ok(api.POST('/offers/{id}/decline', { params: { path: { id: offer.id } }, body: reason ? { reason } : {} }))}
        onDone={() => {
          setDeclining(false);
          notify(t('placement.check.declined'));
        }}
      />
    </Section>
  );
}

function CheckResult({ check }: { check: Check }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Alert
        variant={check.eligible ? 'success' : 'warning'}
        title={check.eligible ? t('placement.check.eligible') : t('placement.check.notEligible')}
      >
        <p className="kern-body">
          {t('placement.check.meta', { at: formatDateTime(check.checkedAt), validFrom: formatDate(check.validFrom) })}
        </p>
        <p className="kern-body">
          {check.suitablePersons.length
            ? t('placement.check.suitable', { persons: check.suitablePersons.join(', ') })
            : t('placement.check.suitableNone')}
        </p>
      </Alert>
      <h3 className="kern-heading-small">{t('placement.check.items')}</h3>
      <ul className="check-items">
        {check.items.map((i) => (
          <li key={i.code} className={i.met ? 'check-items__met' : 'check-items__unmet'}>
            <span className={`kern-icon kern-icon--${i.met ? 'success' : 'danger'}`} aria-hidden="true" />
            <span>
              <strong>{i.met ? t('placement.check.met') : t('placement.check.notMet')}:</strong> {i.text}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="kern-heading-small">{t('placement.check.bySize')}</h3>
      <DataTable
        caption={t('placement.check.bySizeCaption')}
        captionHidden
        rows={check.bySize}
        rowKey={(r) => String(r.persons)}
        empty={t('common.noEntries')}
        columns={[
          { key: 'persons', header: t('placement.check.col.persons'), rowHeader: true, numeric: true, cell: (r) => r.persons },
          { key: 'limit', header: t('placement.check.col.spaceLimit'), numeric: true, cell: (r) => `${formatNumber(r.spaceLimitSqm)} m²` },
          { key: 'space', header: t('placement.check.col.space'), cell: (r) => <Met ok={r.spaceOk} /> },
          { key: 'cap', header: t('placement.check.col.rentCap'), numeric: true, cell: (r) => formatEuro(r.rentCapCents) },
          { key: 'rent', header: t('placement.check.col.rent'), cell: (r) => <Met ok={r.rentOk} /> },
          { key: 'occ', header: t('placement.check.col.occupancy'), cell: (r) => <Met ok={r.occupancyOk} /> },
          { key: 'fits', header: t('placement.check.col.fits'), cell: (r) => <Met ok={r.fits} /> },
        ]}
      />
    </div>
  );
}
