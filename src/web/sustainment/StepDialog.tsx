import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ActionDialog } from '../placement/ActionDialog';
import { buildBody, initialValues, type FieldSpec } from './stepForm';
import { StepFields } from './StepFields';
import { useStep } from './useStep';

export interface StepDialogProps {
  formId: string;
  title: string;
  /** What the step means, shown above the fields. */
  intro?: ReactNode;
  fields: readonly FieldSpec[];
  submitLabel: string;
  schema?: z.ZodType;
  /** Added to every body (e.g. the record's version). */
  extra?: Record<string, unknown>;
  run: (body: Record<string, unknown>) => Promise<unknown>;
  onDone: (result: unknown) => void;
  onClose: () => void;
}

/** A step of an incident or tenancy as a dialog form (React Aria modal): fields, errors at the fields, submit. */
export function StepDialog({ formId, title, intro, fields, submitLabel, schema, extra, run, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(fields));
  const step = useStep({ run, schema, known: new Set(fields.map((f) => f.name)), onDone });
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  const submit = () => {
    const { body, issues } = buildBody(fields, values, t('sustainment.form.moneyInvalid'));
    step.submit({ ...body, ...extra }, issues);
  };
  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={title}
      formId={formId}
      errors={step.errors}
      error={step.error}
      onReload={() => {
        step.reload();
        onClose();
      }}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={submitLabel}
      pending={step.mutation.isPending}
      onSubmit={submit}
    >
      {intro && <div className="kern-body">{intro}</div>}
      <StepFields formId={formId} fields={fields} values={values} error={step.errors.error} onChange={(name, v) => setValues((x) => ({ ...x, [name]: v }))} />
    </ActionDialog>
  );
}
