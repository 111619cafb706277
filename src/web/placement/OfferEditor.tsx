import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZOfferInput, ZOfferUpdate } from '../../contracts/placement';
import { useOrgs } from '../admin/queries';
import { api, ok, idempotent, ifMatch } from '../api';
import { useMe } from '../auth/session';
import { Button, ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Fieldset, SelectField } from '../components/Field';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId, validate } from '../lib/validation';
import { can } from '../auth/can';
import { StepErrorExtras } from '../components/StepFeedback';
import { AccessFields, EquipmentFields, HouseholdWishFields } from './OfferChoiceFields';
import { CostFields, FlatFields, FORM, LocationFields } from './OfferFields';
import { emptyOfferForm, formToPayload, MONEY_FIELDS, OFFER_FIELDS, offerToForm, requiredWhenEmpty, type OfferForm } from './offerForm';
import { placementKeys, useAgencySettings, type Offer } from './queries';

type Intent = 'save' | 'submit';
export type Flash = 'created' | 'saved' | 'submitted';

/** Create or edit an offer. Company users keep a draft or submit it; staff enter it as submitted. */
export function OfferEditor({ offer, onReload }: { offer?: Offer; onReload?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const portal = me.role === 'provider_user';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<OfferForm>(() => (offer ? offerToForm(offer) : emptyOfferForm()));
  const [baseVersion] = useState(offer?.version);
  const errors = useFormErrors(OFFER_FIELDS);
  const idempotency = useIdempotencyKey();
  const intent = useRef<Intent>('save');
  const providers = useOrgs('providers', !portal && !offer && can(me, 'provider.list'));
  const agency = useAgencySettings(can(me, 'agency.read'));

  const save = useMutation({
    mutationFn: async ({
      body,
      submit,
    }: {
      body: ReturnType<typeof formToPayload>['payload'];
      submit: boolean;
    }): Promise<{ saved: Offer; flash: Flash }> => {
      if (!offer) {
        const saved = await ok(
          api.POST('/offers', { body: { ...body, ...(portal ? { submit } : {}) }, headers: idempotent(idempotency.current(body)) }),
        );
        return { saved, flash: saved.status === 'submitted' && portal ? 'submitted' : 'created' };
      }
      let saved = await ok(
        api.PUT('/offers/{id}', {
          params: { path: { id: offer.id } },
          body: { ...body, version: baseVersion! },
          headers: ifMatch(baseVersion),
        }),
      );
      if (submit && saved.actions.includes('submit'))
        saved = await ok(api.POST('/offers/{id}/submit', { params: { path: { id: offer.id } } }));
      return { saved, flash: submit ? 'submitted' : 'saved' };
    },
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: ({ saved, flash }) => {
      queryClient.setQueryData(placementKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: placementKeys.offer(saved.id) });
      void queryClient.invalidateQueries({ queryKey: ['placement', 'list'] });
      void navigate(`/placement/offers/${saved.id}`, { state: { flash } });
    },
    onError: (err) => {
      setEdited(new Set());
      errors.showError(err);
    },
  });

  // A field's message disappears once the user changes it; the summary keeps the last attempt.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const patch = (p: Partial<OfferForm>) => {
    setForm((f) => ({ ...f, ...p }));
    setEdited((e) => new Set([...e, ...Object.keys(p).map((k) => MONEY_FIELDS[k as keyof typeof MONEY_FIELDS] ?? k)]));
  };
  const fieldErrors = { ...errors, error: (path: string) => (edited.has(path) ? undefined : errors.error(path)) };
  const staffCreates = !portal && !offer;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { payload, issues } = formToPayload(form, staffCreates, {
      money: t('placement.money.invalid'),
      number: t('placement.money.invalidNumber'),
    });
    const checked = offer ? validate(ZOfferUpdate, { ...payload, version: baseVersion }) : validate(ZOfferInput, payload);
    const schemaIssues = checked.ok ? [] : checked.issues.filter((i) => !issues.some((x) => x.field === i.field));
    const providerMissing =
      staffCreates && !form.providerId ? [{ field: 'providerId', code: 'too_small', message: '', origin: 'string' }] : [];
    const all = requiredWhenEmpty([...providerMissing, ...issues, ...schemaIssues], form);
    if (all.length) {
      setEdited(new Set());
      errors.showIssues(all);
      return;
    }
    errors.clear();
    save.mutate({ body: payload, submit: intent.current === 'submit' });
  };

  const labelFor = (path: string): string => {
    const labels: Record<string, string> = {
      providerId: t('placement.form.provider'),
      street: t('placement.form.street'),
      postalCode: t('placement.form.postalCode'),
      city: t('placement.form.city'),
      district: t('placement.form.district'),
      floor: t('placement.form.floor'),
      livingSpace: t('placement.form.livingSpace'),
      rooms: t('placement.form.rooms'),
      availableFrom: t('placement.form.availableFrom'),
      coldRentCents: t('placement.form.coldRent'),
      serviceChargesCents: t('placement.form.serviceCharges'),
      heatingCents: t('placement.form.heating'),
      depositCents: t('placement.form.deposit'),
      heatingType: t('placement.form.heatingType'),
      equipment: t('placement.form.equipment'),
      preferred: t('placement.form.preferred'),
      hints: t('placement.form.hints'),
    };
    return labels[path] ?? path;
  };

  const canSubmit = portal && (!offer || offer.actions.includes('submit'));
  const button = (which: Intent, label: string, variant: 'primary' | 'secondary') => (
    <button type="submit" className={`kern-btn kern-btn--${variant}`} disabled={save.isPending} onClick={() => (intent.current = which)}>
      <span className="kern-label">{save.isPending && intent.current === which ? t('common.saving') : label}</span>
    </button>
  );

  return (
    <form className="stack offer-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={FORM} labelFor={labelFor}>
        {save.error ? <StepErrorExtras error={save.error} /> : null}
        {errors.isConflict && onReload && (
          <Button variant="secondary" icon="autorenew" onClick={onReload}>
            {t('errors.reloadLatest')}
          </Button>
        )}
      </ErrorSummary>

      {staffCreates && (
        <Fieldset legend={t('placement.form.provider')}>
          <SelectField
            id={fieldId(FORM, 'providerId')}
            className="field--narrow"
            label={t('placement.form.provider')}
            required
            placeholder={t('common.pleaseSelect')}
            value={form.providerId}
            options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            error={fieldErrors.error('providerId')}
            onChange={(e) => patch({ providerId: e.target.value })}
          />
        </Fieldset>
      )}
      {offer && !portal && <p className="kern-body">{`${t('placement.form.provider')}: ${offer.provider.name}`}</p>}

      <LocationFields form={form} errors={fieldErrors} onChange={patch} districts={agency.data?.districts ?? []} />
      <FlatFields form={form} errors={fieldErrors} onChange={patch} />
      <CostFields form={form} errors={fieldErrors} onChange={patch} />
      <EquipmentFields form={form} errors={fieldErrors} onChange={patch} />
      <AccessFields form={form} errors={fieldErrors} onChange={patch} />
      <HouseholdWishFields form={form} errors={fieldErrors} onChange={patch} />

      <div className="form-actions">
        {canSubmit && button('submit', offer ? t('placement.form.saveAndSubmit') : t('placement.form.submit'), 'primary')}
        {button('save', portal && !offer ? t('placement.form.saveDraft') : t('placement.form.save'), canSubmit ? 'secondary' : 'primary')}
        <ButtonLink to={offer ? `/placement/offers/${offer.id}` : '/placement'} variant="tertiary">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
