import { z } from 'zod';
import { TextAreaField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { ActionDialog } from './ActionDialog';
import { useStepForm } from '../components/StepForm';
import { useOfferStepRefresh } from './context';

interface Props {
  isOpen: boolean;
  onClose: () => void;
  formId: string;
  title: string;
  label: string;
  submitLabel: string;
  intro?: string;
  hint?: string;
  /** The reason may stay empty (the server then supplies one). */
  optional?: boolean;
  run: (reason: string) => Promise<unknown>;
  onDone: () => void;
}

const required = z.object({ reason: z.string().trim().min(1).max(2000) });
const optionalReason = z.object({ reason: z.string().trim().max(2000) });

/** A step that needs a reason: withdraw, restart, decline, veto, take off the shortlist. */
export function ReasonDialog({ isOpen, onClose, formId, title, label, submitLabel, intro, hint, optional, run, onDone }: Props) {
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (b) => run(b.reason.trim()),
    schema: optional ? optionalReason : required,
    defaultValues: { reason: '' },
    onDone: () => {
      step.form.reset({ reason: '' });
      onDone();
    },
  });
  const close = () => {
    step.reset();
    onClose();
  };
  return (
    <ActionDialog
      isOpen={isOpen}
      onClose={close}
      title={title}
      formId={formId}
      errors={step.errors}
      error={step.error}
      onReload={() => {
        step.reload();
        onClose();
      }}
      labelFor={() => label}
      submitLabel={submitLabel}
      pending={step.mutation.isPending}
      onSubmit={step.submit}
    >
      {intro && <p className="kern-body">{intro}</p>}
      <TextAreaField
        id={fieldId(formId, 'reason')}
        label={label}
        hint={hint}
        optional={optional}
        required={!optional}
        rows={4}
        maxLength={2000}
        value={step.values.reason}
        error={step.errors.error('reason')}
        onChange={(e) => step.set('reason', e.target.value)}
      />
    </ActionDialog>
  );
}
