import { useTranslation } from 'react-i18next';
import { ASSUMPTION_DECISIONS, LEGAL_BASES, MEASURE_KINDS, MEASURE_STATES, ZMeasureInput } from '../../contracts/prevention';
import { api, ok, idempotent, ifMatch } from '../api';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { StepActionDialog } from '../placement/ActionDialog';
import { useCasePage, useCaseStepRefresh } from './context';
import { useLooseT } from './labels';
import { emptyMeasureForm, isMoneyField, measurePayload, measureToForm, type MeasureForm, type MeasureKind } from './measureForm';
import { type Measure } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'measure';
/** Fields of the decision on a rent-debt assumption: the case manager's (server: decideMeasure). */
const DECISION_FIELDS = new Set([
  'decision',
  'decidedOn',
  'grantedCents',
  'repaymentMonthlyCents',
  'repaymentStartsOn',
  'repaymentNote',
  'paidToLandlordOn',
]);

/** Add or edit a measure; the fields follow its kind (rent-debt assumption, commitment, other help). */
export function MeasureDialog({ measure, onClose }: { measure?: Measure; onClose: () => void }) {
  const { t } = useTranslation();
  const tx = useLooseT();
  const { case: c, can, notify } = useCasePage();
  const canDecide = can('decideMeasure');
  const stepRefresh = useCaseStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body, key) =>
      measure
        ? ok(
            api.PUT('/prevention/measures/{id}', {
              params: { path: { id: measure.id } },
              body: { ...body, version: measure.version },
              headers: ifMatch(measure.version),
            }),
          )
        : ok(api.POST('/prevention/cases/{id}/measures', { params: { path: { id: c.id } }, body, headers: idempotent(key) })),
    schema: ZMeasureInput,
    formId: FORM,
    defaultValues: measure ? measureToForm(measure) : emptyMeasureForm('rent_debt_assumption'),
    toBody: (v: MeasureForm) => {
      const { payload, issues } = measurePayload(v, t('prevention.money.invalid'));
      return { body: payload, issues };
    },
    onDone: () => {
      onClose();
      notify(measure ? t('prevention.measures.saved') : t('prevention.measures.added'));
    },
  });
  const form = step.values;
  const label = (k: string) => tx(`prevention.measures.field.${k}`);
  const text = (k: string, props: { type?: string; hint?: string } = {}) => (
    <TextField
      key={k}
      {...step.field(`data.${k}`)}
      label={label(k)}
      optional
      type={props.type}
      hint={props.hint ?? (isMoneyField(form.kind, k) ? t('prevention.money.euroHint') : undefined)}
      inputMode={isMoneyField(form.kind, k) ? 'decimal' : undefined}
      disabled={form.kind === 'rent_debt_assumption' && DECISION_FIELDS.has(k) && !canDecide}
    />
  );
  const select = (k: string, values: readonly string[], prefix: string) => (
    <SelectField
      key={k}
      {...step.field(`data.${k}`)}
      label={label(k)}
      optional
      placeholder={k === 'recipient' ? undefined : t('common.pleaseSelect')}
      disabled={form.kind === 'rent_debt_assumption' && DECISION_FIELDS.has(k) && !canDecide}
      options={values.map((v) => ({ value: v, label: tx(`${prefix}.${v}`) }))}
    />
  );
  const changeKind = (kind: MeasureKind) => {
    const empty = emptyMeasureForm(kind);
    step.set('kind', kind);
    step.set('data', empty.data);
    step.set('items', empty.items);
  };

  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={
        measure ? t('prevention.measures.editTitle', { kind: t(`prevention.measureKind.${form.kind}`) }) : t('prevention.measures.addTitle')
      }
      formId={FORM}
      labelFor={(p) => (p.startsWith('data.') ? label(p.slice(5)) : tx(`prevention.measures.${p}`, { defaultValue: p }))}
      submitLabel={measure ? t('common.save') : t('prevention.measures.add')}
    >
      <div className="form-grid">
        <SelectField
          {...step.field('kind')}
          label={t('prevention.measures.kind')}
          disabled={!!measure}
          options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`prevention.measureKind.${k}`) }))}
          onChange={(e) => changeKind(e.target.value as MeasureKind)}
        />
        <SelectField
          {...step.field('status')}
          label={t('prevention.measures.status')}
          options={MEASURE_STATES.map((s) => ({ value: s, label: t(`prevention.measureState.${s}`) }))}
        />
      </div>
      {form.kind === 'rent_debt_assumption' && (
        <>
          <div className="form-grid">
            {text('applicationOn', { type: 'date' })}
            {text('amountCents')}
            {select('legalBasis', LEGAL_BASES, 'prevention.legalBasis')}
          </div>
          <h3 className="kern-heading-small">{t('prevention.measures.decisionTitle')}</h3>
          {!canDecide && <p className="kern-hint">{t('prevention.measures.decisionByCm')}</p>}
          <div className="form-grid">
            {select('decision', ASSUMPTION_DECISIONS, 'prevention.decision')}
            {text('decidedOn', { type: 'date' })}
            {text('grantedCents')}
            {text('repaymentMonthlyCents')}
            {text('repaymentStartsOn', { type: 'date' })}
            {text('paidToLandlordOn', { type: 'date' })}
          </div>
          {text('repaymentNote')}
        </>
      )}
      {form.kind === 'commitment' && (
        <>
          <div className="form-grid">
            {select('recipient', ['landlord', 'court'], 'prevention.measures.recipient')}
            {text('recipientName')}
            {text('recipientReference')}
            {text('amountCents')}
            {select('legalBasis', LEGAL_BASES, 'prevention.legalBasis')}
            {text('validUntil', { type: 'date' })}
            {text('sentOn', { type: 'date' })}
          </div>
          <TextAreaField {...step.field('data.recipientAddress')} label={label('recipientAddress')} optional rows={3} maxLength={300} />
          <TextAreaField
            {...step.field('items', 'data.items')}
            label={label('items')}
            hint={t('prevention.measures.itemsHint')}
            optional
            rows={3}
          />
        </>
      )}
      {form.kind !== 'rent_debt_assumption' && form.kind !== 'commitment' && (
        <div className="form-grid">
          {text('provider')}
          {text('startsOn', { type: 'date' })}
          {text('endsOn', { type: 'date' })}
          {text('amountCents')}
        </div>
      )}
      <TextAreaField {...step.field('note')} label={t('prevention.measures.note')} optional rows={3} maxLength={4000} />
    </StepActionDialog>
  );
}
