import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EQUIPMENT, type TConditions, type TConditionsInput } from '../../contracts/placement';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, Fieldset, TextAreaField, TextField } from '../components/Field';
import { useFormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { conditionsFields, conditionsInput, formFromConditions, type ConditionsForm } from './conditionsForm';
import { ImpactPanel } from './ImpactPanel';
import { FORM, RentCapRows } from './RentCapRows';
import { placementAdminKeys, type ConditionsImpact } from './queries';

interface Preview {
  impact: ConditionsImpact;
  input: TConditionsInput;
  /** The form as it was when the impact was computed; any later edit makes the preview stale. */
  snapshot: string;
}

/** "Neue Fassung": enter the rules, see their impact (preview), then save exactly what was previewed. */
export function ConditionsFormSection({
  base,
  onCancel,
  onCreated,
}: {
  base: TConditions | undefined;
  onCancel: () => void;
  onCreated: (validFrom: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ConditionsForm>(() => formFromConditions(base));
  const [preview, setPreview] = useState<Preview | null>(null);
  const known = useMemo(() => conditionsFields(form.rentCaps.length), [form.rentCaps.length]);
  const errors = useFormErrors(known);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const snapshot = JSON.stringify(form);
  const stale = preview !== null && preview.snapshot !== snapshot;

  useEffect(() => headingRef.current?.focus(), []);

  const check = useMutation({
    mutationFn: (v: { input: TConditionsInput; snapshot: string }) => ok(api.POST('/programme-conditions/preview', { body: v.input })),
    onSuccess: (impact, v) => {
      errors.clear();
      setPreview({ impact, ...v });
    },
    onError: (err) => {
      setPreview(null);
      errors.showError(err);
    },
  });

  const save = useMutation({
    mutationFn: (input: TConditionsInput) => ok(api.POST('/programme-conditions', { body: input })),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: placementAdminKeys.conditions });
      onCreated(created.validFrom);
    },
    onError: (err) => errors.showError(err),
  });

  const patch = (p: Partial<ConditionsForm>) => setForm((f) => ({ ...f, ...p }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = conditionsInput(form, t);
    if (!result.ok) {
      setPreview(null);
      errors.showIssues(result.issues);
      return;
    }
    check.mutate({ input: result.input, snapshot });
  };

  const labels: Record<string, string> = {
    validFrom: t('placementAdmin.conditions.validFrom'),
    rentCaps: t('placementAdmin.conditions.rentCaps'),
    extraPersonCents: t('placementAdmin.conditions.extraPerson'),
    spaceBaseSqm: t('placementAdmin.conditions.spaceBase'),
    spacePerPersonSqm: t('placementAdmin.conditions.spacePerPerson'),
    requiredEquipment: t('placementAdmin.conditions.requiredEquipment'),
    note: t('placementAdmin.conditions.note'),
  };
  const labelFor = (path: string) => {
    const row = /^rentCaps\.(\d+)\.(persons|maxColdRentCents)$/.exec(path);
    if (!row) return labels[path] ?? path;
    const field = row[2] === 'persons' ? t('placementAdmin.conditions.capPersons') : t('placementAdmin.conditions.capAmount');
    return `${t('placementAdmin.conditions.rentCapRow', { n: Number(row[1]) + 1 })}, ${field}`;
  };

  return (
    <section className="section conditions-form" aria-labelledby="new-version-title">
      <h2 id="new-version-title" className="kern-heading-medium" tabIndex={-1} ref={headingRef}>
        {t('placementAdmin.conditions.newVersion')}
      </h2>
      <p className="kern-body">{t('placementAdmin.conditions.newVersionIntro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} formId={FORM} labelFor={labelFor} />
        <TextField
          id={fieldId(FORM, 'validFrom')}
          label={t('placementAdmin.conditions.validFrom')}
          type="date"
          required
          className="field--narrow"
          value={form.validFrom}
          error={errors.error('validFrom')}
          onChange={(e) => patch({ validFrom: e.target.value })}
        />
        <RentCapRows rows={form.rentCaps} errors={errors} onChange={(rentCaps) => patch({ rentCaps })} />
        <div className="form-grid">
          <TextField
            id={fieldId(FORM, 'extraPersonCents')}
            label={t('placementAdmin.conditions.extraPerson')}
            hint={t('placementAdmin.money.euroHint')}
            inputMode="decimal"
            required
            value={form.extraPerson}
            error={errors.error('extraPersonCents')}
            onChange={(e) => patch({ extraPerson: e.target.value })}
          />
          <TextField
            id={fieldId(FORM, 'spaceBaseSqm')}
            label={t('placementAdmin.conditions.spaceBase')}
            inputMode="decimal"
            required
            value={form.spaceBase}
            error={errors.error('spaceBaseSqm')}
            onChange={(e) => patch({ spaceBase: e.target.value })}
          />
          <TextField
            id={fieldId(FORM, 'spacePerPersonSqm')}
            label={t('placementAdmin.conditions.spacePerPerson')}
            inputMode="decimal"
            required
            value={form.spacePerPerson}
            error={errors.error('spacePerPersonSqm')}
            onChange={(e) => patch({ spacePerPerson: e.target.value })}
          />
        </div>
        <Fieldset
          legend={t('placementAdmin.conditions.requiredEquipment')}
          id={fieldId(FORM, 'requiredEquipment')}
          error={errors.error('requiredEquipment')}
        >
          <div className="check-grid">
            {EQUIPMENT.map((eq) => (
              <CheckboxField
                key={eq}
                id={fieldId(FORM, `equipment-${eq}`)}
                label={t(`placementAdmin.equipment.${eq}`)}
                checked={form.requiredEquipment.includes(eq)}
                onChange={(e) =>
                  patch({
                    requiredEquipment: e.target.checked
                      ? EQUIPMENT.filter((x) => x === eq || form.requiredEquipment.includes(x))
                      : form.requiredEquipment.filter((x) => x !== eq),
                  })
                }
              />
            ))}
          </div>
        </Fieldset>
        <TextAreaField
          id={fieldId(FORM, 'note')}
          label={t('placementAdmin.conditions.note')}
          hint={t('placementAdmin.conditions.noteHint')}
          optional
          rows={3}
          maxLength={2000}
          value={form.note}
          error={errors.error('note')}
          onChange={(e) => patch({ note: e.target.value })}
        />
        <div className="form-actions">
          <button
            type="submit"
            className={`kern-btn ${preview && !stale ? 'kern-btn--secondary' : 'kern-btn--primary'}`}
            disabled={check.isPending}
          >
            <span className="kern-label">
              {check.isPending ? t('placementAdmin.conditions.checking') : t('placementAdmin.conditions.checkImpact')}
            </span>
          </button>
          <Button variant="tertiary" onClick={onCancel}>
            {t('placementAdmin.conditions.discard')}
          </Button>
        </div>
      </form>
      {preview && (
        <ImpactPanel impact={preview.impact} stale={stale}>
          {!stale && (
            <div className="form-actions">
              <Button icon="check" disabled={save.isPending} onClick={() => save.mutate(preview.input)}>
                {save.isPending ? t('common.saving') : t('placementAdmin.conditions.saveVersion')}
              </Button>
            </div>
          )}
        </ImpactPanel>
      )}
    </section>
  );
}
