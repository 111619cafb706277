import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ZVersioned } from '../../contracts/common';
import { THREAT_STAGES, ZClearingUpdate } from '../../contracts/prevention';
import { api, ok, ifMatch } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, Fieldset, SelectField, TextAreaField, TextField } from '../components/Field';
import { Section } from '../components/Section';
import { fieldId } from '../lib/validation';
import { clearingForm, clearingPayload, INCOME, toggle, TRIED, UNCLAIMED, WISHES, type ClearingForm } from './clearingForm';
import { useCasePage, useCaseStepRefresh } from './context';
import { StepError, StepErrorExtras } from '../components/StepFeedback';
import { useLooseT } from './labels';
import { type PreventionCase } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'clearing';
const P = 'clearing';

/** The clearing checklist (version/If-Match) and the step that finishes it. */
export function ClearingSection() {
  const { case: c, can, notify } = useCasePage();
  // A new clearing version (saved here or elsewhere) starts the form again from the server's state.
  return (
    <ClearingEditor key={c.clearing.version} c={c} editable={can('saveClearing')} canComplete={can('completeClearing')} notify={notify} />
  );
}

function ClearingEditor({
  c,
  editable,
  canComplete,
  notify,
}: {
  c: PreventionCase;
  editable: boolean;
  canComplete: boolean;
  notify: (m: string) => void;
}) {
  const { t } = useTranslation();
  const tx = useLooseT();
  const stepRefresh = useCaseStepRefresh();
  const save = useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.PUT('/prevention/cases/{id}/clearing', { params: { path: { id: c.id } }, body, headers: ifMatch(body.version) })),
    schema: ZClearingUpdate,
    formId: FORM,
    defaultValues: clearingForm(c.clearing, c.threatStage),
    toBody: (v: ClearingForm) => {
      const { clearing, issues } = clearingPayload(v, t('prevention.money.invalid'));
      return { body: { clearing, version: c.clearing.version }, issues };
    },
    onDone: () => notify(t('prevention.clearing.saved')),
  });
  const stepRefresh2 = useCaseStepRefresh();
  const complete = useStepForm({
    ...stepRefresh2,
    run: (body) => ok(api.POST('/prevention/cases/{id}/clearing/complete', { params: { path: { id: c.id } }, body })),
    schema: ZVersioned,
    toBody: () => ({ body: { version: c.version } }),
    onDone: () => notify(t('prevention.clearing.completed')),
  });
  const form = save.values;
  // Changes not saved yet: finishing waits for them.
  const dirty = save.form.formState.isDirty;
  /** A text field of the checklist: its issues are at `clearing.<path>`. */
  const field = (name: Parameters<typeof save.field>[0], path: string = name) => save.field(name, `${P}.${path}`);
  const id = (f: string) => fieldId(FORM, `${P}.${f}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.submit();
  };
  const checks = <T extends string>(
    name: string,
    all: readonly T[],
    selected: readonly T[],
    key: 'triedSoFar' | 'income' | 'unclaimedBenefits',
    label: (v: T) => string,
  ) => (
    <div className="check-grid">
      {all.map((v) => (
        <CheckboxField
          key={v}
          id={id(`${name}-${v}`)}
          label={label(v)}
          checked={selected.includes(v)}
          onChange={(e) => save.set(key, toggle(all, selected, v, e.target.checked) as ClearingForm[typeof key])}
        />
      ))}
    </div>
  );

  return (
    <Section id="clearing" title={t('prevention.clearing.title')}>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary
          errors={save.errors}
          formId={FORM}
          labelFor={(p) => tx(`prevention.clearing.labels.${p.replace(`${P}.`, '')}`, { defaultValue: p })}
        >
          {save.error ? <StepErrorExtras error={save.error} onReload={save.reload} /> : null}
        </ErrorSummary>
        <fieldset className="plain-fieldset" disabled={!editable}>
          <Fieldset legend={t('prevention.clearing.threat')}>
            <div className="form-grid">
              <SelectField
                {...field('threatStage')}
                label={t('prevention.clearing.threatStage')}
                placeholder={t('common.pleaseSelect')}
                options={THREAT_STAGES.map((s) => ({ value: s, label: t(`prevention.stage.${s}`) }))}
              />
            </div>
            <CheckboxField
              id={id('threatConfirmed')}
              label={t('prevention.clearing.threatConfirmed')}
              checked={form.threatConfirmed}
              onChange={(e) => save.set('threatConfirmed', e.target.checked)}
            />
          </Fieldset>
          <Fieldset legend={t('prevention.clearing.tried')} id={id('triedSoFar')}>
            {checks('tried', TRIED, form.triedSoFar, 'triedSoFar', (v) => t(`prevention.clearing.triedOption.${v}`))}
            <TextAreaField {...field('triedNote')} label={t('prevention.clearing.triedNote')} optional rows={2} maxLength={4000} />
          </Fieldset>
          <Fieldset legend={t('prevention.clearing.income')} id={id('income')}>
            {checks('income', INCOME, form.income, 'income', (v) => t(`prevention.clearing.incomeOption.${v}`))}
            <TextField
              {...field('monthlyIncome', 'monthlyIncomeCents')}
              className="field--narrow"
              label={t('prevention.clearing.monthlyIncome')}
              hint={t('prevention.money.euroHint')}
              optional
              inputMode="decimal"
            />
            <TextAreaField {...field('resourcesNote')} label={t('prevention.clearing.resourcesNote')} optional rows={2} maxLength={4000} />
          </Fieldset>
          <Fieldset legend={t('prevention.clearing.unclaimed')} id={id('unclaimedBenefits')}>
            {checks('unclaimed', UNCLAIMED, form.unclaimedBenefits, 'unclaimedBenefits', (v) =>
              t(`prevention.clearing.unclaimedOption.${v}`),
            )}
            <TextAreaField {...field('unclaimedNote')} label={t('prevention.clearing.unclaimedNote')} optional rows={2} maxLength={4000} />
          </Fieldset>
          <Fieldset legend={t('prevention.clearing.wishes')}>
            <SelectField
              {...field('wishes')}
              className="field--narrow"
              label={t('prevention.clearing.wishesChoice')}
              placeholder={t('common.pleaseSelect')}
              options={WISHES.map((w) => ({ value: w, label: t(`prevention.clearing.wishOption.${w}`) }))}
            />
            <TextAreaField {...field('wishesNote')} label={t('prevention.clearing.wishesNote')} optional rows={2} maxLength={4000} />
          </Fieldset>
          <CheckboxField
            id={id('complete')}
            label={t('prevention.clearing.complete')}
            hint={t('prevention.clearing.completeHint')}
            checked={form.complete}
            onChange={(e) => save.set('complete', e.target.checked)}
          />
        </fieldset>
        {editable && (
          <div className="form-actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={save.mutation.isPending}>
              <span className="kern-label">{save.mutation.isPending ? t('common.saving') : t('prevention.clearing.save')}</span>
            </button>
            {canComplete && (
              <Button variant="secondary" disabled={dirty || !c.clearing.complete || complete.mutation.isPending} onClick={complete.submit}>
                {t('prevention.clearing.finish')}
              </Button>
            )}
          </div>
        )}
        {canComplete && (dirty || !c.clearing.complete) && (
          <p className="kern-body kern-body--small">{t('prevention.clearing.finishHint')}</p>
        )}
        <StepError error={complete.error} onReload={complete.reload} />
      </form>
    </Section>
  );
}
