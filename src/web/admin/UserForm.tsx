import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZUserCreate, ZUserUpdate } from '../../contracts/admin';
import { ROLES, type TRole } from '../../contracts/common';
import { api, ok, idempotent, ifMatch } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/Field';
import { SwitchField } from '../components/SwitchField';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId, validate } from '../lib/validation';
import { adminKeys, useOrgs, type User } from './queries';

interface Props {
  /** Edit mode when given. */
  user?: User;
  onDone: () => void;
  onCancel: () => void;
}

export function UserForm({ user, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = user ? `user-${user.id}` : 'user-new';
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<TRole | ''>(user?.role ?? '');
  const [providerId, setProviderId] = useState(user?.providerId ?? '');
  const [carrierId, setCarrierId] = useState(user?.carrierId ?? '');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(user?.active ?? true);
  const [version, setVersion] = useState(user?.version);
  const errors = useFormErrors();
  const idempotency = useIdempotencyKey();
  const providers = useOrgs('providers', role === 'provider_user');
  const carriers = useOrgs('carriers', role === 'carrier_worker');

  const save = useMutation({
    mutationFn: (v: { update: z.output<typeof ZUserUpdate> } | { create: z.output<typeof ZUserCreate> }) =>
      'update' in v
        ? ok(api.PUT('/users/{id}', { params: { path: { id: user!.id } }, body: v.update, headers: ifMatch(v.update.version) }))
        : ok(api.POST('/users', { body: v.create, headers: idempotent(idempotency.current(v.create)) })),
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      onDone();
    },
    onError: (err) => errors.showError(err),
  });

  const reload = async () => {
    const list = await queryClient.fetchQuery({ queryKey: adminKeys.users, queryFn: () => ok(api.GET('/users')), staleTime: 0 });
    const fresh = list.items.find((u) => u.id === user?.id);
    if (fresh) {
      setDisplayName(fresh.displayName);
      setRole(fresh.role);
      setProviderId(fresh.providerId ?? '');
      setCarrierId(fresh.carrierId ?? '');
      setActive(fresh.active);
      setVersion(fresh.version);
    }
    errors.clear();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const org = {
      providerId: role === 'provider_user' ? providerId || null : null,
      carrierId: role === 'carrier_worker' ? carrierId || null : null,
    };
    const body = user ? { displayName, role, ...org, active, version } : { email, displayName, role, ...org, password };
    const checked = user ? validate(ZUserUpdate, body) : validate(ZUserCreate, body);
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    save.mutate(user ? { update: checked.data as z.output<typeof ZUserUpdate> } : { create: checked.data as z.output<typeof ZUserCreate> });
  };

  const labels: Record<string, string> = {
    email: t('users.email'),
    displayName: t('users.displayName'),
    role: t('users.role'),
    providerId: t('users.provider'),
    carrierId: t('users.carrier'),
    password: t('users.password'),
    active: t('users.active'),
  };

  return (
    <form className="stack dialog-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={formId} labelFor={(p) => labels[p] ?? p}>
        {errors.isConflict && (
          <Button variant="secondary" icon="autorenew" onClick={() => void reload()}>
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
          value={email}
          error={errors.error('email')}
          onChange={(e) => setEmail(e.target.value)}
        />
      )}
      <TextField
        id={fieldId(formId, 'displayName')}
        label={t('users.displayName')}
        required
        maxLength={120}
        autoComplete="off"
        value={displayName}
        error={errors.error('displayName')}
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <SelectField
        id={fieldId(formId, 'role')}
        label={t('users.role')}
        required
        value={role}
        placeholder={t('common.pleaseSelect')}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={errors.error('role')}
        onChange={(e) => setRole(e.target.value as TRole | '')}
      />
      {role === 'provider_user' && (
        <SelectField
          id={fieldId(formId, 'providerId')}
          label={t('users.provider')}
          value={providerId}
          placeholder={t('common.pleaseSelect')}
          options={(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={errors.error('providerId')}
          onChange={(e) => setProviderId(e.target.value)}
        />
      )}
      {role === 'carrier_worker' && (
        <SelectField
          id={fieldId(formId, 'carrierId')}
          label={t('users.carrier')}
          value={carrierId}
          placeholder={t('common.pleaseSelect')}
          options={(carriers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={errors.error('carrierId')}
          onChange={(e) => setCarrierId(e.target.value)}
        />
      )}
      {user ? (
        <SwitchField label={t('users.active')} isSelected={active} onChange={setActive} />
      ) : (
        <TextField
          id={fieldId(formId, 'password')}
          label={t('users.password')}
          hint={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          error={errors.error('password')}
          onChange={(e) => setPassword(e.target.value)}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{save.isPending ? t('common.saving') : t('common.save')}</span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
