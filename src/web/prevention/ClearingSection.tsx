import { useState, type FormEvent } from 'react';
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
  const [form, setForm] = useState<ClearingForm>(() => clearingForm(c.clearing, c.threatStage));
  const [dirty, setDirty] = useState(false);
  const stepRefresh = useCaseStepRefresh();
  const save = useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.PUT('/prevention/cases/{id}/clearing', { params: { path: { id: c.id } }, body, headers: ifMatch(body.version) })),
    schema: ZClearingUpdate,
    onDone: () => notify(t('prevention.clearing.saved')),
  });
  const stepRefresh2 = useCaseStepRefresh();
  const complete = useStepForm({
    ...stepRefresh2,
    run: (body) => ok(api.POST('/prevention/cases/{id}/clearing/complete', { params: { path: { id: c.id } }, body })),
    schema: ZVersioned,
    onDone: () => notify(t('prevention.clearing.completed')),
  });
  const patch = (p: Partial<ClearingForm>) => {
    setForm((f) => ({ ...f, ...p }));
    setDirty(true);
  };
  const id = (f: string) => fieldId(FORM, `${P}.${f}`);
  const err = (f: string) => save.errors.error(`${P}.${f}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { clearing, issues } = clearingPayload(form, t('prevention.money.invalid'));
    save.submitBody({ clearing, version: c.clearing.version }, issues);
  };
  const checks = <T extends string>(
    name: string,
    all: readonly T[],
    selected: readonly T[],
    key: keyof ClearingForm,
    label: (v: T) => string,
  ) => (
    <div className="check-grid">
      {all.map((v) => (
        <CheckboxField
          key={v}
          id={id(`${name}-${v}`)}
          label={label(v)}
          checked={selected.includes(v)}
          onChange={(e) => patch({ [key]: toggle(all, selected, v, e.target.checked) } as Partial<ClearingForm>)}
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
                id={id('threatStage')}
                label={t('prevention.clearing.threatStage')}
                value={form.threatStage}
                placeholder={t('common.pleaseSelect')}
                options={THREAT_STAGES.map((s) => ({ value: s, label: t(`prevention.stage.${s}`) }))}
                error={err('threatStage')}
                onChange={(e) => patch({ threatStage: e.target.value as ClearingForm['threatStage'] })}
              />
            </div>
            <CheckboxField
              id={id('threatConfirmed')}
              label={t('prevention.clearing.threatConfirmed')}
              checked={form.threatConfirmed}
              onChange={(e) => patch({ threatConfirmed: e.target.checked })}
            />
          </Fieldset>
          <Fieldset legend={t('prevention.clearing.tried')} id={id('triedSoFar')}>
            {checks('tried', TRIED, form.triedSoFar, 'triedSoFar', (v) => t(`prevention.clearing.triedOption.${v}`))}
            <TextAreaField
              id={id('triedNote')}
              label={t('prevention.clearing.triedNote')}
              optional
              rows={2}
              maxLength={4000}
              value={form.triedNote}
              error={err('triedNote')}
              onChange={(e) => patch({ triedNote: e.target.value })}
            />
          </Fieldset>
          <Fieldset legend={t('prevention.clearing.income')} id={id('income')}>
            {checks('income', INCOME, form.income, 'income', (v) => t(`prevention.clearing.incomeOption.${v}`))}
            <TextField
              id={id('monthlyIncomeCents')}
              className="field--narrow"
              label={t('prevention.clearing.monthlyIncome')}
              hint={t('prevention.money.euroHint')}
              optional
              inputMode="decimal"
              value={form.monthlyIncome}
              error={err('monthlyIncomeCents')}
              onChange={(e) => patch({ monthlyIncome: e.target.value })}
            />
            <TextAreaField
              id={id('resourcesNote')}
              label={t('prevention.clearing.resourcesNote')}
              optional
              rows={2}
              maxLength={4000}
              value={form.resourcesNote}
              error={err('resourcesNote')}
              onChange={(e) => patch({ resourcesNote: e.target.value })}
            />
          </Fieldset>
          <Fieldset legend={t('prevention.clearing.unclaimed')} id={id('unclaimedBenefits')}>
            {checks('unclaimed', UNCLAIMED, form.unclaimedBenefits, 'unclaimedBenefits', (v) =>
              t(`prevention.clearing.unclaimedOption.${v}`),
            )}
            <TextAreaField
              id={id('unclaimedNote')}
              label={t('prevention.clearing.unclaimedNote')}
              optional
              rows={2}
              maxLength={4000}
              value={form.unclaimedNote}
              error={err('unclaimedNote')}
              onChange={(e) => patch({ unclaimedNote: e.target.value })}
            />
          </Fieldset>
          <Fieldset legend={t('prevention.clearing.wishes')}>
            <SelectField
              id={id('wishes')}
              className="field--narrow"
              label={t('prevention.clearing.wishesChoice')}
              placeholder={t('common.pleaseSelect')}
              value={form.wishes ?? ''}
              options={WISHES.map((w) => ({ value: w, label: t(`prevention.clearing.wishOption.${w}`) }))}
              error={err('wishes')}
              onChange={(e) => patch({ wishes: e.target.value as ClearingForm['wishes'] })}
            />
            <TextAreaField
              id={id('wishesNote')}
              label={t('prevention.clearing.wishesNote')}
              optional
              rows={2}
              maxLength={4000}
              value={form.wishesNote}
              error={err('wishesNote')}
              onChange={(e) => patch({ wishesNote: e.target.value })}
            />
          </Fieldset>
          <CheckboxField
            id={id('complete')}
            label={t('prevention.clearing.complete')}
            hint={t('prevention.clearing.completeHint')}
            checked={form.complete}
            onChange={(e) => patch({ complete: e.target.checked })}
          />
        </fieldset>
        {editable && (
          <div className="form-actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={save.mutation.isPending}>
              <span className="kern-label">{save.mutation.isPending ? t('common.saving') : t('prevention.clearing.save')}</span>
            </button>
            {canComplete && (
              <Button
                variant="secondary"
                disabled={dirty || !c.clearing.complete || complete.mutation.isPending}
                onClick={() => complete.submitBody({ version: c.version })}
              >
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
