import { useEffect, useRef } from 'react';
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
import type { FieldIssue } from '../i18n/errors';

const FORM = 'contracts';
type Item = (typeof GUARANTEE_ITEMS)[number];
const MONEY = {
  coldRent: 'coldRentCents',
  serviceCharges: 'serviceChargesCents',
  heating: 'heatingCents',
  guaranteeMax: 'guaranteeMaxCents',
} as const;
const KNOWN = new Set(['leaseStart', 'leaseSignedOn', 'guaranteeSignedOn', ...Object.values(MONEY), 'guaranteeItems']);

/** The form as typed: dates, rent and guarantee in euros, the guaranteed items. */
interface ContractsValues extends Record<keyof typeof MONEY, string> {
  leaseStart: string;
  leaseSignedOn: string;
  guaranteeSignedOn: string;
  items: Item[];
}

/** Form → ZContractsInput body; an unreadable amount is an issue at its cents field. */
const contractsBody =
  (moneyMessage: string) =>
  (f: ContractsValues): { body: unknown; issues: FieldIssue[] } => {
    const keys = Object.keys(MONEY) as (keyof typeof MONEY)[];
    const issues = keys
      .filter((k) => f[k].trim() !== '' && Number.isNaN(euroToCents(f[k])))
      .map((k) => ({ field: MONEY[k], code: 'custom', message: moneyMessage }));
    const cents = (k: keyof typeof MONEY) => (f[k].trim() === '' ? undefined : euroToCents(f[k]));
    const body = {
      leaseStart: f.leaseStart,
      leaseSignedOn: f.leaseSignedOn || null,
      guaranteeSignedOn: f.guaranteeSignedOn || null,
      coldRentCents: cents('coldRent'),
      serviceChargesCents: cents('serviceCharges'),
      heatingCents: cents('heating'),
      guaranteeMaxCents: cents('guaranteeMax'),
      ...(f.items.length ? { guaranteeItems: f.items } : {}),
    };
    return { body, issues };
  };

/** Lease start, signatures, rent (defaults from the offer) and the guarantee (defaults from the agency). */
export function ContractsForm() {
  const { t } = useTranslation();
  const me = useMe();
  const { offer, notify } = useOfferPage();
  const agency = useAgencySettings(can(me, 'agency.read'));
  const defaults = agency.data?.placement;
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.POST('/offers/{id}/contracts', { params: { path: { id: offer.id } }, body })),
    schema: ZContractsInput,
    formId: FORM,
    defaultValues: {
      leaseStart: offer.availableFrom,
      leaseSignedOn: '',
      guaranteeSignedOn: '',
      coldRent: centsToInput(offer.coldRentCents),
      serviceCharges: centsToInput(offer.serviceChargesCents),
      heating: centsToInput(offer.heatingCents),
      guaranteeMax: '',
      items: [] as Item[],
    },
    toBody: contractsBody(t('placement.money.invalid')),
    known: KNOWN,
    onDone: () => notify(t('placement.contracts.saved')),
  });
  // Prefill the guarantee from the agency once it is known (only roles that may read the agency).
  const prefilled = useRef(false);
  useEffect(() => {
    if (!defaults || prefilled.current) return;
    prefilled.current = true;
    step.form.setValue('guaranteeMax', centsToInput(defaults.guaranteeMaxCents));
    step.form.setValue('items', [...defaults.guaranteeItems]);
  }, [defaults, step.form]);
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
  const f = step.values;
  const money = (k: keyof typeof MONEY, label: string, hint: string) => (
    <TextField {...step.field(k, MONEY[k])} label={label} hint={hint} inputMode="decimal" />
  );

  return (
    <form className="stack" noValidate onSubmit={(e) => (e.preventDefault(), step.submit())}>
      <p className="kern-body">{t('placement.contracts.intro')}</p>
      <ErrorSummary errors={step.errors} formId={FORM} labelFor={(p) => labels[p] ?? p}>
        {step.error ? <StepErrorExtras error={step.error} onReload={step.reload} /> : null}
      </ErrorSummary>
      <Fieldset legend={t('placement.contracts.lease')}>
        <div className="form-grid">
          <TextField {...step.field('leaseStart')} label={labels.leaseStart!} type="date" required />
          <TextField {...step.field('leaseSignedOn')} label={labels.leaseSignedOn!} type="date" optional />
        </div>
        <div className="form-grid">
          {money('coldRent', labels.coldRentCents!, t('placement.contracts.rentHint'))}
          {money('serviceCharges', labels.serviceChargesCents!, t('placement.contracts.rentHint'))}
          {money('heating', labels.heatingCents!, t('placement.contracts.rentHint'))}
        </div>
      </Fieldset>
      <Fieldset legend={t('placement.contracts.guaranteeTitle')}>
        <div className="form-grid">
          <TextField {...step.field('guaranteeSignedOn')} label={labels.guaranteeSignedOn!} type="date" optional />
          {money(
            'guaranteeMax',
            labels.guaranteeMaxCents!,
            defaults ? t('placement.money.hint') : t('placement.contracts.guaranteeMaxHint'),
          )}
        </div>
        <Fieldset
          legend={labels.guaranteeItems!}
          id={fieldId(FORM, 'guaranteeItems')}
          error={step.errors.error('guaranteeItems')}
          className="plain-fieldset"
        >
          {!defaults && <p className="kern-hint">{t('placement.contracts.guaranteeItemsHint')}</p>}
          <div className="check-grid">
            {GUARANTEE_ITEMS.map((i) => (
              <CheckboxField
                key={i}
                id={fieldId(FORM, `item-${i}`)}
                label={t(`placement.guarantee.${i}`)}
                checked={f.items.includes(i)}
                onChange={(e) => step.set('items', toggle(f.items, i, e.target.checked))}
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
