import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZUserCreate, ZUserUpdate } from '../../contracts/admin';
import { ROLES, type TRole } from '../../contracts/common';
import { api, ok, idempotent, ifMatch } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/Field';
import { useStepForm } from '../components/StepForm';
import { SwitchField } from '../components/SwitchField';
import { fieldId } from '../lib/validation';
import { adminKeys, useOperatorChoices, useOrgs, type User } from './queries';

interface Props {
  /** Edit mode when given. */
  user?: User;
  onDone: () => void;
  onCancel: () => void;
}

interface UserValues {
  email: string;
  displayName: string;
  role: TRole | '';
  providerId: string;
  carrierId: string;
  operatorId: string;
  password: string;
  active: boolean;
  version: number | undefined;
}

const valuesOf = (user: User | undefined): UserValues => ({
  email: '',
  displayName: user?.displayName ?? '',
  role: user?.role ?? '',
  providerId: user?.providerId ?? '',
  carrierId: user?.carrierId ?? '',
  operatorId: user?.operatorId ?? '',
  password: '',
  active: user?.active ?? true,
  version: user?.version,
});

export function UserForm({ user, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = user ? `user-${user.id}` : 'user-new';
  const step = useStepForm({
    schema: user ? ZUserUpdate : ZUserCreate,
    defaultValues: valuesOf(user),
    toBody: (v: UserValues) => {
      const org = {
        providerId: v.role === 'provider_user' ? v.providerId || null : null,
        carrierId: v.role === 'carrier_worker' ? v.carrierId || null : null,
        operatorId: v.role === 'operator_user' ? v.operatorId || null : null,
      };
      const { email, displayName, role, active, version, password } = v;
      return { body: user ? { displayName, role, ...org, active, version } : { email, displayName, role, ...org, password } };
    },
    run: (body, key) =>
      user
        ? ok(
            api.PUT('/users/{id}', {
              params: { path: { id: user.id } },
              body: body as z.output<typeof ZUserUpdate>,
              headers: ifMatch((body as z.output<typeof ZUserUpdate>).version),
            }),
          )
        : ok(api.POST('/users', { body: body as z.output<typeof ZUserCreate>, headers: idempotent(key) })),
    refresh: () => void queryClient.invalidateQueries({ queryKey: adminKeys.users }),
    onDone,
    // A conflict: the latest state of this user into the form (the entered e-mail and password stay empty).
    reload: async (form) => {
      const list = await queryClient.fetchQuery({ queryKey: adminKeys.users, queryFn: () => ok(api.GET('/users')), staleTime: 0 });
      const fresh = list.items.find((u) => u.id === user?.id);
      if (fresh) form.reset(valuesOf(fresh));
    },
  });
  const errors = step.errors;
  const v = step.values;
  const providers = useOrgs('providers', v.role === 'provider_user');
  const carriers = useOrgs('carriers', v.role === 'carrier_worker');
  const operators = useOperatorChoices(v.role === 'operator_user');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.submit();
  };

  const labels: Record<string, string> = {
    email: t('users.email'),
    displayName: t('users.displayName'),
    role: t('users.role'),
    providerId: t('users.provider'),
    carrierId: t('users.carrier'),
    operatorId: t('users.operator'),
    password: t('users.password'),
    active: t('users.active'),
  };

  return (
    <form className="stack dialog-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={formId} labelFor={(p) => labels[p] ?? p}>
        {errors.isConflict && (
          <Button variant="secondary" icon="autorenew" onClick={step.reload}>
            {t('errors.reloadLatest')}
          </Button>
        )}
      </ErrorSummary>
      {!user && (
        <TextField
          id={fieldId(formId, 'email')}
          label={t('users.email')}
          type="email"
          autoComplete="off"
          required
          value={v.email}
          error={errors.error('email')}
          onChange={(e) => step.set('email', e.target.value)}
        />
      )}
      <TextField
        id={fieldId(formId, 'displayName')}
        label={t('users.displayName')}
        required
        maxLength={120}
        autoComplete="off"
        value={v.displayName}
        error={errors.error('displayName')}
        onChange={(e) => step.set('displayName', e.target.value)}
      />
      <SelectField
        id={fieldId(formId, 'role')}
        label={t('users.role')}
        required
        value={v.role}
        placeholder={t('common.pleaseSelect')}
        options={ROLES.filter((r) => r !== 'steering').map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={errors.error('role')}
        onChange={(e) => step.set('role', e.target.value as TRole | '')}
      />
      {v.role === 'provider_user' && (
        <SelectField
          id={fieldId(formId, 'providerId')}
          label={t('users.provider')}
          value={v.providerId}
          placeholder={t('common.pleaseSelect')}
          options={(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={errors.error('providerId')}
          onChange={(e) => step.set('providerId', e.target.value)}
        />
      )}
      {v.role === 'carrier_worker' && (
        <SelectField
          id={fieldId(formId, 'carrierId')}
          label={t('users.carrier')}
          value={v.carrierId}
          placeholder={t('common.pleaseSelect')}
          options={(carriers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={errors.error('carrierId')}
          onChange={(e) => step.set('carrierId', e.target.value)}
        />
      )}
      {v.role === 'operator_user' && (
        <SelectField
          id={fieldId(formId, 'operatorId')}
          label={t('users.operator')}
          value={v.operatorId}
          placeholder={t('common.pleaseSelect')}
          options={(operators.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={errors.error('operatorId')}
          onChange={(e) => step.set('operatorId', e.target.value)}
        />
      )}
      {user ? (
        <SwitchField label={t('users.active')} isSelected={v.active} onChange={(on) => step.set('active', on)} />
      ) : (
        <TextField
          id={fieldId(formId, 'password')}
          label={t('users.password')}
          hint={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={v.password}
          error={errors.error('password')}
          onChange={(e) => step.set('password', e.target.value)}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={step.mutation.isPending}>
          <span className="kern-label">{step.mutation.isPending ? t('common.saving') : t('common.save')}</span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
