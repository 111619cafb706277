import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUARANTEE_ITEMS, ZContractsInput } from '../../contracts/placement';
import { api, ok } from '../api';
import { useMe } from '../auth/session';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, Fieldset, TextField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { can } from '../auth/can';
import { useOfferPage, useOfferStepRefresh } from './context';
import { StepErrorExtras } from '../components/StepFeedback';
import { centsToInput, euroToCents } from '../lib/numbers';
import { toggle } from './offerForm';
import { useAgencySettings } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'contracts';
type Item = (typeof GUARANTEE_ITEMS)[number];
const MONEY = {
  coldRent: 'coldRentCents',
  serviceCharges: 'serviceChargesCents',
  heating: 'heatingCents',
  guaranteeMax: 'guaranteeMaxCents',
} as const;

/** Lease start, signatures, rent (defaults from the offer) and the guarantee (defaults from the agency). */
export function ContractsForm() {
  const { t } = useTranslation();
  const me = useMe();
  const { offer, notify } = useOfferPage();
  const agency = useAgencySettings(can(me, 'agency.read'));
  const defaults = agency.data?.placement;
  const [f, setF] = useState({
    leaseStart: offer.availableFrom,
    leaseSignedOn: '',
    guaranteeSignedOn: '',
    coldRent: centsToInput(offer.coldRentCents),
    serviceCharges: centsToInput(offer.serviceChargesCents),
    heating: centsToInput(offer.heatingCents),
    guaranteeMax: '',
    items: [] as Item[],
  });
  const [touchedDefaults, setTouchedDefaults] = useState(false);
  // Prefill the guarantee from the agency once it is known (only roles that may read the agency).
  if (defaults && !touchedDefaults) {
    setTouchedDefaults(true);
    setF((x) => ({ ...x, guaranteeMax: centsToInput(defaults.guaranteeMaxCents), items: [...defaults.guaranteeItems] }));
  }
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.POST('/offers/{id}/contracts', { params: { path: { id: offer.id } }, body })),
    schema: ZContractsInput,
    known: new Set(['leaseStart', 'leaseSignedOn', 'guaranteeSignedOn', ...Object.values(MONEY), 'guaranteeItems']),
    onDone: () => notify(t('placement.contracts.saved')),
  });
  const labels: Record<string, string> = {
    leaseStart: t('placement.contracts.leaseStart'),
    leaseSignedOn: t('placement.contracts.leaseSignedOn'),
    guaranteeSignedOn: t('placement.contracts.guaranteeSignedOn'),
    coldRentCents: t('placement.form.coldRent'),
    serviceChargesCents: t('placement.form.serviceCharges'),
    heatingCents: t('placement.form.heating'),
    guaranteeMaxCents: t('placement.contracts.guaranteeMax'),
    guaranteeItems: t('placement.contracts.guaranteeItems'),
  };

  const submit = () => {
    const bad = (Object.keys(MONEY) as (keyof typeof MONEY)[]).filter((k) => f[k].trim() !== '' && Number.isNaN(euroToCents(f[k])));
    if (bad.length) {
      step.errors.showIssues(bad.map((k) => ({ field: MONEY[k], code: 'custom', message: t('placement.money.invalid') })));
      return;
    }
    const cents = (k: keyof typeof MONEY) => (f[k].trim() === '' ? undefined : euroToCents(f[k]));
    step.submitBody({
      leaseStart: f.leaseStart,
      leaseSignedOn: f.leaseSignedOn || null,
      guaranteeSignedOn: f.guaranteeSignedOn || null,
      coldRentCents: cents('coldRent'),
      serviceChargesCents: cents('serviceCharges'),
      heatingCents: cents('heating'),
      guaranteeMaxCents: cents('guaranteeMax'),
      ...(f.items.length ? { guaranteeItems: f.items } : {}),
    });
  };
  const id = (p: string) => fieldId(FORM, p);
  const money = (k: keyof typeof MONEY, label: string, hint: string) => (
    <TextField
      id={id(MONEY[k])}
      label={label}
      hint={hint}
      inputMode="decimal"
      value={f[k]}
      error={step.errors.error(MONEY[k])}
      onChange={(e) => setF({ ...f, [k]: e.target.value })}
    />
  );

  return (
    <form className="stack" noValidate onSubmit={(e) => (e.preventDefault(), submit())}>
      <p className="kern-body">{t('placement.contracts.intro')}</p>
      <ErrorSummary errors={step.errors} formId={FORM} labelFor={(p) => labels[p] ?? p}>
        {step.error ? <StepErrorExtras error={step.error} onReload={step.reload} /> : null}
      </ErrorSummary>
      <Fieldset legend={t('placement.contracts.lease')}>
        <div className="form-grid">
          <TextField
            id={id('leaseStart')}
            label={labels.leaseStart!}
            type="date"
            required
            value={f.leaseStart}
            error={step.errors.error('leaseStart')}
            onChange={(e) => setF({ ...f, leaseStart: e.target.value })}
          />
          <TextField
            id={id('leaseSignedOn')}
            label={labels.leaseSignedOn!}
            type="date"
            optional
            value={f.leaseSignedOn}
            error={step.errors.error('leaseSignedOn')}
            onChange={(e) => setF({ ...f, leaseSignedOn: e.target.value })}
          />
        </div>
        <div className="form-grid">
          {money('coldRent', labels.coldRentCents!, t('placement.contracts.rentHint'))}
          {money('serviceCharges', labels.serviceChargesCents!, t('placement.contracts.rentHint'))}
          {money('heating', labels.heatingCents!, t('placement.contracts.rentHint'))}
        </div>
      </Fieldset>
      <Fieldset legend={t('placement.contracts.guaranteeTitle')}>
        <div className="form-grid">
          <TextField
            id={id('guaranteeSignedOn')}
            label={labels.guaranteeSignedOn!}
            type="date"
            optional
            value={f.guaranteeSignedOn}
            error={step.errors.error('guaranteeSignedOn')}
            onChange={(e) => setF({ ...f, guaranteeSignedOn: e.target.value })}
          />
          {money(
            'guaranteeMax',
            labels.guaranteeMaxCents!,
            defaults ? t('placement.money.hint') : t('placement.contracts.guaranteeMaxHint'),
          )}
        </div>
        <Fieldset
          legend={labels.guaranteeItems!}
          id={id('guaranteeItems')}
          error={step.errors.error('guaranteeItems')}
          className="plain-fieldset"
        >
          {!defaults && <p className="kern-hint">{t('placement.contracts.guaranteeItemsHint')}</p>}
          <div className="check-grid">
            {GUARANTEE_ITEMS.map((i) => (
              <CheckboxField
                key={i}
                id={id(`item-${i}`)}
                label={t(`placement.guarantee.${i}`)}
                checked={f.items.includes(i)}
                onChange={(e) => setF({ ...f, items: toggle(f.items, i, e.target.checked) })}
              />
            ))}
          </div>
        </Fieldset>
      </Fieldset>
      <div className="form-actions">
        <Button type="submit" icon="check" disabled={step.mutation.isPending}>
          {step.mutation.isPending ? t('common.saving') : t('placement.contracts.submit')}
        </Button>
      </div>
    </form>
  );
}
