import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useStepForm } from '../components/StepForm';
import { StepActionDialog } from '../placement/ActionDialog';
import { buildBody, initialValues, serverIssues, type FieldSpec, type FormValues } from '../sustainment/stepForm';
import { StepFields } from '../sustainment/StepFields';
import { useRefreshAftercare } from './queries';

const ANY_BODY = z.record(z.string(), z.unknown());

export interface AftercareStep {
  fields: readonly FieldSpec[];
  /** The contract schema of the request body (checked in the form first). */
  schema: z.ZodType;
  /** Body after the fields are read (e.g. "nobody" → null); added: `extra`. */
  mapBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** `key`: the submission's Idempotency-Key (creating steps send it). */
  run: (body: never, key: string) => Promise<unknown>;
}

interface Props {
  formId: string;
  title: string;
  intro?: ReactNode;
  step: AftercareStep;
  submitLabel: string;
  extra?: Record<string, unknown>;
  onDone: () => void;
  onClose: () => void;
}

/** One step of an aftercare case as a dialog on the shared step form: fields, German messages at the fields, submit. */
export function AftercareDialog({ formId, title, intro, step: spec, submitLabel, extra, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const refresh = useRefreshAftercare();
  const { fields, mapBody = (b) => b } = spec;
  const step = useStepForm<FormValues, z.ZodType<Record<string, unknown>>, unknown>({
    schema: (spec.schema ?? ANY_BODY) as z.ZodType<Record<string, unknown>>,
    defaultValues: initialValues(fields),
    formId,
    toBody: (values) => {
      const { body, issues } = buildBody(fields, values, t('aftercare.visitForm.moneyInvalid'));
      return { body: { ...mapBody(body), ...extra }, issues };
    },
    run: (body, key) => spec.run(body as never, key),
    known: new Set(fields.map((f) => f.name)),
    refresh,
    reload: refresh,
    onDone,
    serverIssues,
  });
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={title}
      formId={formId}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={submitLabel}
    >
      {intro && <div className="kern-body">{intro}</div>}
      <StepFields formId={formId} fields={fields} values={step.values} error={step.errors.error} onChange={step.set} />
    </StepActionDialog>
  );
}
