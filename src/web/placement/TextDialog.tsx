import { z } from 'zod';
import { TextAreaField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { StepActionDialog } from './ActionDialog';
import { useStepForm } from '../components/StepForm';
import { useOfferStepRefresh } from './context';

interface Props {
  formId: string;
  title: string;
  label: string;
  submitLabel: string;
  /** Text shown above the field, e.g. what the step means (allocation, cancellation). */
  intro?: string;
  hint?: string;
  initial?: string;
  /** Empty text allowed (e.g. an optional note); otherwise required. */
  optional?: boolean;
  /** Without a text field: a plain confirmation. */
  noField?: boolean;
  maxLength?: number;
  run: (text: string) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}

/** A confirmation with one text: viewing outcome, minutes, allocation note, cancellations. */
export function TextDialog({
  formId,
  title,
  label,
  submitLabel,
  intro,
  hint,
  initial = '',
  optional,
  noField,
  maxLength = 4000,
  run,
  onDone,
  onClose,
}: Props) {
  const schema = z.object({ text: optional || noField ? z.string().max(maxLength) : z.string().trim().min(1).max(maxLength) });
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({ ...stepRefresh, run: (b) => run(b.text.trim()), schema, defaultValues: { text: initial }, onDone });
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={title}
      formId={formId}
      labelFor={() => label}
      submitLabel={submitLabel}
    >
      {intro && <p className="kern-body">{intro}</p>}
      {!noField && (
        <TextAreaField
          id={fieldId(formId, 'text')}
          label={label}
          hint={hint}
          optional={optional}
          required={!optional}
          rows={5}
          maxLength={maxLength}
          value={step.values.text}
          error={step.errors.error('text')}
          onChange={(e) => step.set('text', e.target.value)}
        />
      )}
    </StepActionDialog>
  );
}
