import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HOUSING_SITUATIONS } from '../../contracts/common';
import { ZHouseholdCreate, ZHouseholdUpdate } from '../../contracts/households';
import { api, ok, idempotent, ifMatch } from '../api';
import { Button, ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, Fieldset, SelectField, TextField } from '../components/Field';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId, validate } from '../lib/validation';
import { AssignmentFields } from './AssignmentFields';
import {
  emptyHouseholdForm,
  emptyMember,
  formToPayload,
  householdToForm,
  knownFields,
  type HouseholdForm,
  type MemberForm,
} from './formModel';
import { MemberFields } from './MemberFields';
import { NeedsFields } from './NeedsFields';
import { householdKeys, type Household } from './queries';

const FORM = 'household';

interface Props {
  /** Edit mode when given. */
  household?: Household;
  /** After a 412: load the current version (discarding the input). */
  onReload?: () => void;
}

export function HouseholdEditor({ household, onReload }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<HouseholdForm>(() => (household ? householdToForm(household) : emptyHouseholdForm()));
  // The version the user started editing from – not a newer one fetched in the background.
  const [baseVersion] = useState(household?.version);
  const known = useMemo(() => knownFields(form.members.length), [form.members.length]);
  const errors = useFormErrors(known);
  const idempotency = useIdempotencyKey();
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (focusTarget) {
      document.getElementById(focusTarget)?.focus();
      setFocusTarget(null);
    }
  }, [focusTarget]);

  const save = useMutation({
    mutationFn: (payload: ReturnType<typeof formToPayload>) =>
      household && baseVersion !== undefined
        ? ok(
            api.PUT('/households/{id}', {
              params: { path: { id: household.id } },
              body: { ...payload, version: baseVersion },
              headers: ifMatch(baseVersion),
            }),
          )
        : ok(api.POST('/households', { body: payload, headers: idempotent(idempotency.current(payload)) })),
    onSettled: (_data, err) => idempotency.settle(err),
    onSuccess: (saved) => {
      queryClient.setQueryData(householdKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['households', 'list'] });
      void navigate(`/households/${saved.id}`, { state: { flash: household ? 'saved' : 'created' } });
    },
    onError: (err) => errors.showError(err),
  });

  const patch = (p: Partial<HouseholdForm>) => setForm((f) => ({ ...f, ...p }));
  const patchMember = (index: number, p: Partial<MemberForm>) =>
    setForm((f) => ({ ...f, members: f.members.map((m, i) => (i === index ? { ...m, ...p } : m)) }));
  const addMember = () => {
    setForm((f) => ({ ...f, members: [...f.members, emptyMember(f.members.length === 0 ? 'head' : 'other')] }));
    setFocusTarget(fieldId(FORM, `members.${form.members.length}.firstName`));
  };
  const removeMember = (index: number) => {
    setForm((f) => ({ ...f, members: f.members.filter((_, i) => i !== index) }));
    errors.clear(); // paths shift after removal
    addButton.current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = formToPayload(form);
    const checked = household ? validate(ZHouseholdUpdate, { ...payload, version: baseVersion }) : validate(ZHouseholdCreate, payload);
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    save.mutate(payload);
  };

  const labelFor = (path: string): string => {
    const m = /^members\.(\d+)\.(\w+)$/.exec(path);
    if (m) return `${t('household.member', { n: Number(m[1]) + 1 })}, ${t(`household.${m[2] as 'firstName'}`)}`;
    const labels: Record<string, string> = {
      situation: t('household.situation'),
      situationSince: t('household.situationSince'),
      seekingHousing: t('household.seekingHousing'),
      caseManagerId: t('household.caseManager'),
      socialWorkerId: t('household.socialWorker'),
      members: t('household.members'),
      'needs.wheelchair': t('household.wheelchair'),
      'needs.stepFree': t('household.stepFree'),
      'needs.pets': t('household.pets'),
      'needs.districtsAvoid': t('household.districtsAvoid'),
      'needs.districtsPrefer': t('household.districtsPrefer'),
      'needs.notes': t('household.notes'),
    };
    return labels[path] ?? path;
  };

  const cancelTo = household ? `/households/${household.id}` : '/households';

  return (
    <form className="stack household-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={FORM} labelFor={labelFor}>
        {errors.isConflict && onReload && (
          <Button variant="secondary" icon="autorenew" onClick={onReload}>
            {t('errors.reloadLatest')}
          </Button>
        )}
      </ErrorSummary>

      <Fieldset legend={t('household.members')} id={fieldId(FORM, 'members')} error={errors.error('members')}>
        {form.members.map((member, index) => (
          <MemberFields
            key={member.key}
            formId={FORM}
            index={index}
            member={member}
            errors={errors}
            canRemove={form.members.length > 1}
            onChange={(p) => patchMember(index, p)}
            onRemove={() => removeMember(index)}
          />
        ))}
        <div>
          <button
            ref={addButton}
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={addMember}
            disabled={form.members.length >= 20}
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('household.addMember')}</span>
          </button>
        </div>
      </Fieldset>

      <Fieldset legend={t('household.situation')}>
        <div className="form-grid form-grid--2">
          <SelectField
            id={fieldId(FORM, 'situation')}
            label={t('household.situation')}
            value={form.situation}
            placeholder={t('common.pleaseSelect')}
            required
            options={HOUSING_SITUATIONS.map((s) => ({ value: s, label: t(`situation.${s}`) }))}
            error={errors.error('situation')}
            onChange={(e) => patch({ situation: e.target.value as HouseholdForm['situation'] })}
          />
          <TextField
            id={fieldId(FORM, 'situationSince')}
            label={t('household.situationSince')}
            type="date"
            optional
            value={form.situationSince}
            error={errors.error('situationSince')}
            onChange={(e) => patch({ situationSince: e.target.value })}
          />
        </div>
        <CheckboxField
          id={fieldId(FORM, 'seekingHousing')}
          label={t('household.seekingHousing')}
          checked={form.seekingHousing}
          error={errors.error('seekingHousing')}
          onChange={(e) => patch({ seekingHousing: e.target.checked })}
        />
      </Fieldset>

      <NeedsFields formId={FORM} form={form} errors={errors} onChange={patch} />
      <AssignmentFields formId={FORM} form={form} errors={errors} current={household} onChange={patch} />

      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{save.isPending ? t('common.saving') : t('common.save')}</span>
        </button>
        <ButtonLink to={cancelTo} variant="tertiary">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
