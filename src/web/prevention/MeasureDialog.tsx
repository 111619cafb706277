import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSUMPTION_DECISIONS, LEGAL_BASES, MEASURE_KINDS, MEASURE_STATES, ZMeasureInput } from '../../contracts/prevention';
import { api, ok, idempotent, ifMatch } from '../api';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { ActionDialog } from '../placement/ActionDialog';
import { useCasePage, useCaseStepRefresh } from './context';
import { useLooseT } from './labels';
import {
  emptyMeasureForm,
  isMoneyField,
  measurePayload,
  measureToForm,
  type MeasureForm,
  type MeasureKind,
  type MeasureStatus,
} from './measureForm';
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
  const [form, setForm] = useState<MeasureForm>(() => (measure ? measureToForm(measure) : emptyMeasureForm('rent_debt_assumption')));
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
    onDone: () => {
      onClose();
      notify(measure ? t('prevention.measures.saved') : t('prevention.measures.added'));
    },
  });
  const set = (k: string, v: string) => setForm((f) => ({ ...f, data: { ...f.data, [k]: v } }));
  const id = (k: string) => fieldId(FORM, `data.${k}`);
  const label = (k: string) => tx(`prevention.measures.field.${k}`);
  const text = (k: string, props: { type?: string; hint?: string } = {}) => (
    <TextField
      key={k}
      id={id(k)}
      label={label(k)}
      optional
      type={props.type}
      hint={props.hint ?? (isMoneyField(form.kind, k) ? t('prevention.money.euroHint') : undefined)}
      inputMode={isMoneyField(form.kind, k) ? 'decimal' : undefined}
      disabled={form.kind === 'rent_debt_assumption' && DECISION_FIELDS.has(k) && !canDecide}
      value={form.data[k] ?? ''}
      error={step.errors.error(`data.${k}`)}
      onChange={(e) => set(k, e.target.value)}
    />
  );
  const select = (k: string, values: readonly string[], prefix: string) => (
    <SelectField
      key={k}
      id={id(k)}
      label={label(k)}
      optional
      placeholder={k === 'recipient' ? undefined : t('common.pleaseSelect')}
      disabled={form.kind === 'rent_debt_assumption' && DECISION_FIELDS.has(k) && !canDecide}
      value={form.data[k] ?? ''}
      options={values.map((v) => ({ value: v, label: tx(`${prefix}.${v}`) }))}
      error={step.errors.error(`data.${k}`)}
      onChange={(e) => set(k, e.target.value)}
    />
  );

  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={
        measure ? t('prevention.measures.editTitle', { kind: t(`prevention.measureKind.${form.kind}`) }) : t('prevention.measures.addTitle')
      }
      formId={FORM}
      errors={step.errors}
      error={step.error}
      onReload={() => {
        step.reload();
        onClose();
      }}
      labelFor={(p) => (p.startsWith('data.') ? label(p.slice(5)) : tx(`prevention.measures.${p}`, { defaultValue: p }))}
      submitLabel={measure ? t('common.save') : t('prevention.measures.add')}
      pending={step.mutation.isPending}
      onSubmit={() => {
        const { payload, issues } = measurePayload(form, t('prevention.money.invalid'));
        step.submitBody(payload, issues);
      }}
    >
      <div className="form-grid">
        <SelectField
          id={fieldId(FORM, 'kind')}
          label={t('prevention.measures.kind')}
          disabled={!!measure}
          value={form.kind}
          options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`prevention.measureKind.${k}`) }))}
          onChange={(e) => setForm({ ...emptyMeasureForm(e.target.value as MeasureKind), status: form.status, note: form.note })}
        />
        <SelectField
          id={fieldId(FORM, 'status')}
          label={t('prevention.measures.status')}
          value={form.status}
          options={MEASURE_STATES.map((s) => ({ value: s, label: t(`prevention.measureState.${s}`) }))}
          error={step.errors.error('status')}
          onChange={(e) => setForm((f) => ({ ...f, status: e.target.value as MeasureStatus }))}
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
          <TextAreaField
            id={id('recipientAddress')}
            label={label('recipientAddress')}
            optional
            rows={3}
            maxLength={300}
            value={form.data.recipientAddress ?? ''}
            error={step.errors.error('data.recipientAddress')}
            onChange={(e) => set('recipientAddress', e.target.value)}
          />
          <TextAreaField
            id={id('items')}
            label={label('items')}
            hint={t('prevention.measures.itemsHint')}
            optional
            rows={3}
            value={form.items}
            error={step.errors.error('data.items')}
            onChange={(e) => setForm((f) => ({ ...f, items: e.target.value }))}
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
      <TextAreaField
        id={fieldId(FORM, 'note')}
        label={t('prevention.measures.note')}
        optional
        rows={3}
        maxLength={4000}
        value={form.note}
        error={step.errors.error('note')}
        onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))}
      />
    </ActionDialog>
  );
}
