import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useStepForm } from '../components/StepForm';
import { StepActionDialog } from '../placement/ActionDialog';
import { buildBody, initialValues, serverIssues, type FieldSpec, type FormValues } from '../sustainment/stepForm';
import { StepFields } from '../sustainment/StepFields';
import { useRefreshAccommodation } from './queries';

const ANY_BODY = z.record(z.string(), z.unknown());

export interface AccStep {
  fields: readonly FieldSpec[];
  /** The contract schema of the request body (checked in the form first). */
  schema: z.ZodType;
  mapBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  run: (body: never) => Promise<unknown>;
}

/** One accommodation step as a dialog on the shared step form: fields, German messages at the fields, submit. */
export function AccDialog(props: {
  formId: string;
  title: string;
  intro?: ReactNode;
  step: AccStep;
  submitLabel: string;
  extra?: Record<string, unknown>;
  onDone: (result: unknown) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshAccommodation();
  const { fields, mapBody = (b) => b } = props.step;
  const step = useStepForm<FormValues, z.ZodType<Record<string, unknown>>, unknown>({
    schema: (props.step.schema ?? ANY_BODY) as z.ZodType<Record<string, unknown>>,
    defaultValues: initialValues(fields),
    formId: props.formId,
    toBody: (values) => {
      const { body, issues } = buildBody(fields, values, t('aftercare.visitForm.moneyInvalid'));
      return { body: { ...mapBody(body), ...props.extra }, issues };
    },
    run: (body) => props.step.run(body as never),
    known: new Set(fields.map((f) => f.name)),
    refresh,
    reload: refresh,
    onDone: props.onDone,
    serverIssues,
  });
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={props.onClose}
      title={props.title}
      formId={props.formId}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={props.submitLabel}
    >
      {props.intro && <div className="kern-body">{props.intro}</div>}
      <StepFields formId={props.formId} fields={fields} values={step.values} error={step.errors.error} onChange={step.set} />
    </StepActionDialog>
  );
}
