import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useStepForm } from '../components/StepForm';
import { ActionDialog } from '../placement/ActionDialog';
import { useRefreshSustainment } from './queries';
import { buildBody, initialValues, serverIssues, type FieldSpec, type FormValues } from './stepForm';
import { StepFields } from './StepFields';

const ANY_BODY = z.record(z.string(), z.unknown());

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
  /** `key`: the submission's Idempotency-Key (creating steps send it). */
  run: (body: Record<string, unknown>, key: string) => Promise<unknown>;
  onDone: (result: unknown) => void;
  onClose: () => void;
}

/** A step of an incident or tenancy as a dialog form (React Aria modal): fields, errors at the fields, submit. */
export function StepDialog({ formId, title, intro, fields, submitLabel, schema, extra, run, onDone, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const refresh = useRefreshSustainment();
  const step = useStepForm<FormValues, z.ZodType<Record<string, unknown>>, unknown>({
    schema: (schema ?? ANY_BODY) as z.ZodType<Record<string, unknown>>,
    defaultValues: initialValues(fields),
    toBody: (values) => {
      const { body, issues } = buildBody(fields, values, t('sustainment.form.moneyInvalid'));
      return { body: { ...body, ...extra }, issues };
    },
    run,
    known: new Set(fields.map((f) => f.name)),
    refresh,
    reload: refresh,
    onDone,
    serverIssues,
  });
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
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
      onSubmit={step.submit}
    >
      {intro && <div className="kern-body">{intro}</div>}
      <StepFields formId={formId} fields={fields} values={step.values} error={step.errors.error} onChange={step.set} />
    </ActionDialog>
  );
}
