import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZOrgInput, ZOrgUpdate } from '../../contracts/admin';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId, validate } from '../lib/validation';
import { adminKeys, fetchOrgs, saveOrg, type Org, type OrgKind } from './queries';

const FIELDS = ['name', 'contactName', 'email', 'phone', 'street', 'postalCode', 'city'] as const;
type FieldName = (typeof FIELDS)[number];

interface Props {
  kind: OrgKind;
  org?: Org;
  onDone: () => void;
  onCancel: () => void;
}

/** Create/edit a housing provider or NGO carrier. */
export function OrgForm({ kind, org, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = `org-${kind}-${org?.id ?? 'new'}`;
  const [values, setValues] = useState<Record<FieldName, string>>(() => {
    const v = {} as Record<FieldName, string>;
    for (const f of FIELDS) v[f] = org?.[f] ?? '';
    return v;
  });
  const [version, setVersion] = useState(org?.version);
  const errors = useFormErrors();
  const idempotency = useIdempotencyKey();

  const save = useMutation({
    mutationFn: (v: { update: z.output<typeof ZOrgUpdate> } | { create: z.output<typeof ZOrgInput> }) =>
      'update' in v
        ? saveOrg(kind, { update: v.update, id: org!.id })
        : saveOrg(kind, { create: v.create, key: idempotency.current(v.create) }),
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.orgs(kind) });
      onDone();
    },
    onError: (err) => errors.showError(err),
  });

  const reload = async () => {
    const list = await queryClient.fetchQuery({ queryKey: adminKeys.orgs(kind), queryFn: () => fetchOrgs(kind), staleTime: 0 });
    const fresh = list.items.find((o) => o.id === org?.id);
    if (fresh) {
      const v = {} as Record<FieldName, string>;
      for (const f of FIELDS) v[f] = fresh[f] ?? '';
      setValues(v);
      setVersion(fresh.version);
    }
    errors.clear();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    for (const f of FIELDS) body[f] = f === 'name' ? values[f] : values[f].trim() === '' ? null : values[f];
    if (org) body.version = version;
    const checked = org ? validate(ZOrgUpdate, body) : validate(ZOrgInput, body);
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    save.mutate(org ? { update: checked.data as z.output<typeof ZOrgUpdate> } : { create: checked.data });
  };

  const label = (f: FieldName) => t(`orgs.${f}`);
  const input = (f: FieldName, props: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={fieldId(formId, f)}
      label={label(f)}
      optional={f !== 'name'}
      required={f === 'name'}
      value={values[f]}
      error={errors.error(f)}
      onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
      {...props}
    />
  );

  return (
    <form className="stack dialog-form" onSubmit={submit} noValidate>
      <ErrorSummary
        errors={errors}
        formId={formId}
        labelFor={(p) => ((FIELDS as readonly string[]).includes(p) ? label(p as FieldName) : p)}
      >
        {errors.isConflict && (
          <Button variant="secondary" icon="autorenew" onClick={() => void reload()}>
            {t('errors.reloadLatest')}
          </Button>
        )}
      </ErrorSummary>
      {input('name', { maxLength: 200, autoComplete: 'organization' })}
      {input('contactName', { maxLength: 120, autoComplete: 'off' })}
      <div className="form-grid form-grid--2">
        {input('email', { type: 'email', maxLength: 200, autoComplete: 'off' })}
        {input('phone', { type: 'tel', maxLength: 40, autoComplete: 'off' })}
      </div>
      {input('street', { maxLength: 200, autoComplete: 'off' })}
      <div className="form-grid form-grid--postal">
        {input('postalCode', { inputMode: 'numeric', maxLength: 5, autoComplete: 'off' })}
        {input('city', { maxLength: 100, autoComplete: 'off' })}
      </div>
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
