import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ZPasswordReset } from '../../contracts/admin';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { useStepForm } from '../components/StepForm';
import { fieldId } from '../lib/validation';
import type { User } from './queries';

export function PasswordResetForm({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const formId = `reset-${user.id}`;
  const step = useStepForm({
    schema: ZPasswordReset,
    defaultValues: { password: '' },
    run: (body) => ok(api.POST('/users/{id}/password', { params: { path: { id: user.id } }, body })),
    // Nothing on the page shows the password; a reset has no version to reload.
    refresh: () => undefined,
    reload: () => Promise.resolve(),
    onDone,
  });
  const errors = step.errors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.submit();
  };

  return (
    <form className="stack dialog-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={formId} labelFor={() => t('users.newPassword')} />
      <TextField
        id={fieldId(formId, 'password')}
        label={t('users.newPassword')}
        hint={t('users.passwordHint')}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        value={step.values.password}
        error={errors.error('password')}
        onChange={(e) => step.set('password', e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={step.mutation.isPending}>
          <span className="kern-label">{t('users.resetPassword')}</span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
