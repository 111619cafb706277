import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ZInvoiceInput, ZInvoiceLineInput, type TInvoice } from '../../contracts/accommodationBilling';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Fieldset, SelectField, TextField } from '../components/Field';
import { useStepForm } from '../components/StepForm';
import type { FieldIssue } from '../i18n/errors';
import { berlinToday, centsToInput, euroToCents } from '../lib/numbers';
import { fieldId } from '../lib/validation';

const FORM = 'billing-entry';
const MONTH = /^\d{4}-\d{2}$/;

interface LineValues {
  /** `assignmentId/memberId` of a person the operator housed in the month. */
  person: string;
  firstNight: string;
  lastNight: string;
  nights: string;
  amount: string;
}
interface EntryValues {
  operatorId: string;
  month: string;
  invoiceNo: string;
  receivedOn: string;
  lines: LineValues[];
}

const emptyLine = (): LineValues => ({ person: '', firstNight: '', lastNight: '', nights: '', amount: '' });

/**
 * The contract's invoice, checked in the form; the person is one choice (assignment and member), so
 * its issue belongs at `memberId` alone: the assignment is not checked here (the server does).
 */
const ZEntry = ZInvoiceInput.extend({
  lines: z
    .array(ZInvoiceLineInput.extend({ assignmentId: z.string() }))
    .min(1)
    .max(5000),
});

interface Props {
  operators: { operatorId: string; operatorName: string }[];
  operatorId: string | null;
  month: string;
  onCreated: (invoice: TInvoice) => void;
  onCancel: () => void;
}

/**
 * "Rechnung erfassen": an operator's invoice typed in by hand, line by line; every problem is shown at
 * its field. It sits in the page's section `billing-entry-section` (labelled by its heading).
 */
export function BillingEntry({ operators, operatorId, month, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const step = useStepForm({
    schema: ZEntry,
    formId: FORM,
    defaultValues: { operatorId: operatorId ?? '', month, invoiceNo: '', receivedOn: berlinToday(), lines: [emptyLine()] },
    toBody: (v: EntryValues) => {
      const issues: FieldIssue[] = [];
      const lines = v.lines.map((l, i) => {
        const [assignmentId = '', memberId = ''] = l.person.split('/');
        if (!l.person) issues.push({ field: `lines.${i}.memberId`, code: 'custom', message: t('accBilling.entry.personMissing') });
        const nights = /^\s*\d+\s*$/.test(l.nights) ? Number(l.nights) : Number.NaN;
        if (Number.isNaN(nights)) issues.push({ field: `lines.${i}.nights`, code: 'custom', message: t('accBilling.entry.nightsInvalid') });
        const amountCents = euroToCents(l.amount);
        if (Number.isNaN(amountCents))
          issues.push({ field: `lines.${i}.amountCents`, code: 'custom', message: t('accBilling.entry.amountInvalid') });
        return { assignmentId, memberId, firstNight: l.firstNight, lastNight: l.lastNight, nights, amountCents };
      });
      const { operatorId, month, invoiceNo, receivedOn } = v;
      return { body: { operatorId, month, invoiceNo, receivedOn, lines }, issues };
    },
    run: (body) => ok(api.POST('/accommodation/billing/invoices', { body })),
    refresh: () => qc.invalidateQueries({ queryKey: ['accommodation', 'billing'] }),
    onDone: onCreated,
    reload: () => Promise.resolve(),
  });
  const v = step.values;
  const errors = step.errors;
  const persons = useQuery({
    queryKey: ['accommodation', 'billing', v.month, v.operatorId],
    queryFn: ({ signal }) =>
      ok(api.GET('/accommodation/billing/operators/{id}', { params: { path: { id: v.operatorId }, query: { month: v.month } }, signal })),
    enabled: !!v.operatorId && MONTH.test(v.month),
  });
  const stays = persons.data?.stays ?? [];
  const choices = [...new Map(stays.map((s) => [`${s.assignmentId}/${s.memberId}`, s])).values()];

  const setLine = (i: number, patch: Partial<LineValues>) =>
    step.set(
      'lines',
      step.form.getValues('lines').map((l, j) => (j === i ? { ...l, ...patch } : l)),
    );
  /** A chosen person: the nights and amount of the computation as a start, where the line is still empty. */
  const pick = (i: number, person: string) => {
    const s = stays.find((x) => `${x.assignmentId}/${x.memberId}` === person);
    const l = step.form.getValues('lines')[i]!;
    const fill =
      s && s.segments.length > 0 && !l.firstNight && !l.lastNight
        ? {
            firstNight: s.segments[0]!.firstNight,
            lastNight: s.segments[s.segments.length - 1]!.lastNight,
            nights: String(s.nights),
            amount: centsToInput(s.cents),
          }
        : {};
    setLine(i, { person, ...fill });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.submit();
  };

  const head: Record<string, string> = {
    operatorId: t('accBilling.operator'),
    month: t('accBilling.month'),
    invoiceNo: t('accBilling.invoiceNo'),
    receivedOn: t('accBilling.receivedOn'),
    lines: t('accBilling.lines'),
  };
  const lineLabels: Record<string, string> = {
    memberId: t('accBilling.person'),
    assignmentId: t('accBilling.person'),
    firstNight: t('accBilling.entry.firstNight'),
    lastNight: t('accBilling.entry.lastNight'),
    nights: t('accBilling.nights'),
    amountCents: t('accBilling.entry.amount'),
  };
  const labelFor = (path: string) => {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(path);
    return m ? `${t('accBilling.entry.line', { n: Number(m[1]) + 1 })}, ${lineLabels[m[2]!] ?? m[2]}` : (head[path] ?? path);
  };
  const id = (path: string) => fieldId(FORM, path);

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${FORM}-section-title`}>
      <p className="kern-body">{t('accBilling.entry.intro')}</p>
      <ErrorSummary errors={errors} formId={FORM} labelFor={labelFor} />
      <div className="billing-line">
        <SelectField
          id={id('operatorId')}
          label={t('accBilling.operator')}
          value={v.operatorId}
          placeholder={t('common.pleaseSelect')}
          options={operators.map((o) => ({ value: o.operatorId, label: o.operatorName }))}
          error={errors.error('operatorId')}
          onChange={(e) => step.set('operatorId', e.target.value)}
        />
        <TextField
          id={id('month')}
          label={t('accBilling.month')}
          type="month"
          value={v.month}
          error={errors.error('month')}
          onChange={(e) => step.set('month', e.target.value)}
        />
        <TextField
          id={id('invoiceNo')}
          label={t('accBilling.invoiceNo')}
          maxLength={60}
          autoComplete="off"
          value={v.invoiceNo}
          error={errors.error('invoiceNo')}
          onChange={(e) => step.set('invoiceNo', e.target.value)}
        />
        <TextField
          id={id('receivedOn')}
          label={t('accBilling.receivedOn')}
          type="date"
          value={v.receivedOn}
          error={errors.error('receivedOn')}
          onChange={(e) => step.set('receivedOn', e.target.value)}
        />
      </div>
      <Fieldset legend={t('accBilling.lines')} id={id('lines')} error={errors.error('lines')}>
        {v.operatorId && persons.isSuccess && choices.length === 0 && <p className="kern-hint">{t('accBilling.entry.noPersons')}</p>}
        {!v.operatorId && <p className="kern-hint">{t('accBilling.entry.operatorFirst')}</p>}
        {v.lines.map((l, i) => {
          const p = (f: string) => `lines.${i}.${f}`;
          return (
            <Fieldset key={i} legend={t('accBilling.entry.line', { n: i + 1 })} className="billing-entry__line">
              <div className="billing-line">
                <SelectField
                  id={id(p('memberId'))}
                  label={t('accBilling.person')}
                  value={l.person}
                  placeholder={t('common.pleaseSelect')}
                  options={choices.map((s) => ({ value: `${s.assignmentId}/${s.memberId}`, label: `${s.person} (${s.reference})` }))}
                  error={errors.error(p('memberId')) ?? errors.error(p('assignmentId'))}
                  onChange={(e) => pick(i, e.target.value)}
                />
                <TextField
                  id={id(p('firstNight'))}
                  label={t('accBilling.entry.firstNight')}
                  type="date"
                  value={l.firstNight}
                  error={errors.error(p('firstNight'))}
                  onChange={(e) => setLine(i, { firstNight: e.target.value })}
                />
                <TextField
                  id={id(p('lastNight'))}
                  label={t('accBilling.entry.lastNight')}
                  type="date"
                  value={l.lastNight}
                  error={errors.error(p('lastNight'))}
                  onChange={(e) => setLine(i, { lastNight: e.target.value })}
                />
                <TextField
                  id={id(p('nights'))}
                  label={t('accBilling.nights')}
                  inputMode="numeric"
                  className="field--narrow"
                  value={l.nights}
                  error={errors.error(p('nights'))}
                  onChange={(e) => setLine(i, { nights: e.target.value })}
                />
                <TextField
                  id={id(p('amountCents'))}
                  label={t('accBilling.entry.amount')}
                  inputMode="decimal"
                  className="field--narrow"
                  value={l.amount}
                  error={errors.error(p('amountCents'))}
                  onChange={(e) => setLine(i, { amount: e.target.value })}
                />
              </div>
              {v.lines.length > 1 && (
                <div className="form-actions">
                  <Button
                    variant="tertiary"
                    icon="delete"
                    onClick={() => {
                      errors.clear();
                      step.set(
                        'lines',
                        v.lines.filter((_, j) => j !== i),
                      );
                    }}
                  >
                    {t('accBilling.entry.removeLine', { n: i + 1 })}
                  </Button>
                </div>
              )}
            </Fieldset>
          );
        })}
        <div className="form-actions">
          <Button variant="secondary" icon="add" onClick={() => step.set('lines', [...v.lines, emptyLine()])}>
            {t('accBilling.entry.addLine')}
          </Button>
        </div>
      </Fieldset>
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={step.mutation.isPending}>
          <span className="kern-label">{step.mutation.isPending ? t('common.saving') : t('accBilling.entry.submit')}</span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
