import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CONSENT_TEXT_VERSION, ZConsentInput } from '../../contracts/placement';
import { useOrgs } from '../admin/queries';
import { api, ok, idempotent } from '../api';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Fieldset, SelectField, TextAreaField, TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { householdKeys } from '../households/queries';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId, validate } from '../lib/validation';
import { berlinToday } from '../lib/numbers';
import { placementAdminKeys } from './queries';

type ConsentInput = z.input<typeof ZConsentInput>;
type Form = ConsentInput['form'];
const FORMS: readonly Form[] = ['written', 'electronic', 'oral'];
const FORM = 'consent';

interface Props {
  householdId: string;
  defaultGivenBy: string;
  onCancel: () => void;
  onCreated: () => void;
}

/** "Einwilligung erfassen": who consented, when, in which form (oral needs a minute), for which company. */
export function ConsentForm({ householdId, defaultGivenBy, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const providers = useOrgs('providers');
  const [recipient, setRecipient] = useState('');
  const [givenBy, setGivenBy] = useState(defaultGivenBy);
  const [givenOn, setGivenOn] = useState(() => berlinToday());
  const [form, setForm] = useState<Form>('written');
  const [minute, setMinute] = useState('');
  const [textVersion, setTextVersion] = useState(CONSENT_TEXT_VERSION);
  const [validUntil, setValidUntil] = useState('');
  const errors = useFormErrors();
  const idempotency = useIdempotencyKey();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const create = useMutation({
    mutationFn: (body: ConsentInput) =>
      ok(
        api.POST('/households/{id}/consents', {
          params: { path: { id: householdId } },
          body,
          headers: idempotent(idempotency.current(body)),
        }),
      ),
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: placementAdminKeys.consents(householdId) });
      void queryClient.invalidateQueries({ queryKey: householdKeys.accessLog(householdId) });
      onCreated();
    },
    onError: (err) => errors.showError(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ConsentInput = {
      recipientProviderId: recipient,
      givenBy,
      givenOn,
      form,
      minute: form === 'oral' ? minute : null,
      textVersion,
      validUntil: validUntil === '' ? null : validUntil,
    };
    const checked = validate(ZConsentInput, body);
    if (!checked.ok) {
      // An empty select is "please choose", not a malformed id.
      errors.showIssues(checked.issues.map((i) => (i.field === 'recipientProviderId' ? { ...i, code: 'invalid_value' } : i)));
      return;
    }
    errors.clear();
    create.mutate(body);
  };

  const labels: Record<string, string> = {
    recipientProviderId: t('placementAdmin.consent.recipient'),
    givenBy: t('placementAdmin.consent.givenBy'),
    givenOn: t('placementAdmin.consent.givenOn'),
    form: t('placementAdmin.consent.form'),
    minute: t('placementAdmin.consent.minute'),
    textVersion: t('placementAdmin.consent.textVersion'),
    validUntil: t('placementAdmin.consent.validUntil'),
  };
  const id = (f: string) => fieldId(FORM, f);

  return (
    <form className="stack consent-form" onSubmit={submit} noValidate aria-labelledby="consent-form-title">
      <h3 id="consent-form-title" className="kern-heading-small" tabIndex={-1} ref={headingRef}>
        {t('placementAdmin.consent.recordTitle')}
      </h3>
      <ErrorSummary errors={errors} formId={FORM} labelFor={(p) => labels[p] ?? p} />
      {providers.isPending ? (
        <Loading />
      ) : providers.isSuccess && providers.data.length === 0 ? (
        <Alert variant="warning">
          <p className="kern-body">{t('placementAdmin.consent.noProviders')}</p>
        </Alert>
      ) : (
        <SelectField
          id={id('recipientProviderId')}
          label={t('placementAdmin.consent.recipient')}
          required
          placeholder={t('common.pleaseSelect')}
          options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={recipient}
          error={errors.error('recipientProviderId')}
          onChange={(e) => setRecipient(e.target.value)}
        />
      )}
      <div className="form-grid form-grid--2">
        <TextField
          id={id('givenBy')}
          label={t('placementAdmin.consent.givenBy')}
          hint={t('placementAdmin.consent.givenByHint')}
          required
          maxLength={200}
          autoComplete="off"
          value={givenBy}
          error={errors.error('givenBy')}
          onChange={(e) => setGivenBy(e.target.value)}
        />
        <TextField
          id={id('givenOn')}
          label={t('placementAdmin.consent.givenOn')}
          type="date"
          required
          value={givenOn}
          error={errors.error('givenOn')}
          onChange={(e) => setGivenOn(e.target.value)}
        />
      </div>
      <Fieldset legend={t('placementAdmin.consent.form')} id={id('form')} error={errors.error('form')}>
        <div className="consent-radios">
          {FORMS.map((f) => (
            <div className="kern-form-check" key={f}>
              <input
                type="radio"
                className="kern-form-check__radio"
                id={id(`form-${f}`)}
                name="consent-form"
                value={f}
                checked={form === f}
                onChange={() => setForm(f)}
              />
              <label className="kern-label" htmlFor={id(`form-${f}`)}>
                {t(`placementAdmin.consent.forms.${f}`)}
              </label>
            </div>
          ))}
        </div>
      </Fieldset>
      {form === 'oral' && (
        <TextAreaField
          id={id('minute')}
          label={t('placementAdmin.consent.minute')}
          hint={t('placementAdmin.consent.minuteHint')}
          required
          rows={4}
          maxLength={4000}
          value={minute}
          error={errors.error('minute')}
          onChange={(e) => setMinute(e.target.value)}
        />
      )}
      <div className="form-grid form-grid--2">
        <TextField
          id={id('textVersion')}
          label={t('placementAdmin.consent.textVersion')}
          required
          maxLength={100}
          value={textVersion}
          error={errors.error('textVersion')}
          onChange={(e) => setTextVersion(e.target.value)}
        />
        <TextField
          id={id('validUntil')}
          label={t('placementAdmin.consent.validUntil')}
          hint={t('placementAdmin.consent.validUntilHint')}
          type="date"
          optional
          value={validUntil}
          error={errors.error('validUntil')}
          onChange={(e) => setValidUntil(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={create.isPending}>
          <span className="kern-label">{create.isPending ? t('common.saving') : t('placementAdmin.consent.submit')}</span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
