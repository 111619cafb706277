import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZPasswordReset } from '../../contracts/admin';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { useFormErrors } from '../lib/formErrors';
import { fieldId, validate } from '../lib/validation';
import type { User } from './queries';

export function PasswordResetForm({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const formId = `reset-${user.id}`;
  const [password, setPassword] = useState('');
  const errors = useFormErrors();

  const reset = useMutation({
    mutationFn: (body: { password: string }) => ok(api.POST('/users/{id}/password', { params: { path: { id: user.id } }, body })),
    onSuccess: onDone,
    onError: (err) => errors.showError(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(ZPasswordReset, { password });
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    reset.mutate({ password });
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
        value={password}
        error={errors.error('password')}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={reset.isPending}>
          <span className="kern-label">{t('users.resetPassword')}</span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
