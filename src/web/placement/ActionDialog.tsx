import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Modal } from '../components/Modal';
import type { FormErrors } from '../lib/formErrors';
import { StepErrorExtras } from '../components/StepFeedback';

interface Props {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  formId: string;
  errors: FormErrors;
  /** Latest error of the mutation (for the server's explanation and the reload button). */
  error?: unknown;
  onReload?: () => void;
  labelFor?: (path: string) => string;
  submitLabel: string;
  pending: boolean;
  onSubmit: () => void;
  /** Destructive confirmation (e.g. allocate, cancel) uses the same button style; only the text differs. */
  children?: ReactNode;
}

/** A React Aria dialog holding one small form: error summary, fields, submit and cancel. */
export function ActionDialog({
  isOpen,
  onClose,
  title,
  formId,
  errors,
  error,
  onReload,
  labelFor,
  submitLabel,
  pending,
  onSubmit,
  children,
}: Props) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal isOpen={isOpen} onClose={onClose} title={title}>
      <form className="stack dialog-form" onSubmit={submit} noValidate id={formId}>
        <ErrorSummary errors={errors} formId={formId} labelFor={labelFor}>
          {error ? <StepErrorExtras error={error} onReload={onReload} /> : null}
        </ErrorSummary>
        {children}
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
            <span className="kern-label">{pending ? t('common.saving') : submitLabel}</span>
          </button>
          <Button variant="tertiary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** What a step dialog needs of its form (`useStepForm`). */
export interface DialogStep {
  errors: FormErrors;
  error: unknown;
  mutation: { isPending: boolean };
  submit: () => void;
  reload: () => void;
}

/**
 * An `ActionDialog` wired to a step form: its errors, the reload button of a conflict, the pending
 * state and the submission. `closeOnReload`: after a conflict's reload the dialog closes (the
 * page shows the latest state), otherwise it stays open with the form's values.
 */
export function StepActionDialog({
  step,
  closeOnReload = false,
  ...props
}: Omit<Props, 'isOpen' | 'errors' | 'error' | 'onReload' | 'pending' | 'onSubmit'> & { step: DialogStep; closeOnReload?: boolean }) {
  return (
    <ActionDialog
      {...props}
      isOpen
      errors={step.errors}
      error={step.error}
      onReload={() => {
        step.reload();
        if (closeOnReload) props.onClose();
      }}
      pending={step.mutation.isPending}
      onSubmit={step.submit}
    />
  );
}
