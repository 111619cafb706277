import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZOrgInput, ZOrgUpdate } from '../../contracts/admin';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { useStepForm } from '../components/StepForm';
import { fieldId } from '../lib/validation';
import { adminKeys, fetchOrgs, saveOrg, type Org, type OrgKind } from './queries';

const FIELDS = ['name', 'contactName', 'email', 'phone', 'street', 'postalCode', 'city'] as const;
type FieldName = (typeof FIELDS)[number];
type OrgValues = Record<FieldName, string> & { version: number | undefined };

const valuesOf = (org: Org | undefined): OrgValues => {
  const v = { version: org?.version } as OrgValues;
  for (const f of FIELDS) v[f] = org?.[f] ?? '';
  return v;
};

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
  const step = useStepForm({
    schema: org ? ZOrgUpdate : ZOrgInput,
    defaultValues: valuesOf(org),
    toBody: (values: OrgValues) => {
      const body: Record<string, unknown> = {};
      for (const f of FIELDS) body[f] = f === 'name' ? values[f] : values[f].trim() === '' ? null : values[f];
      if (org) body.version = values.version;
      return { body };
    },
    run: (body, key) =>
      org
        ? saveOrg(kind, { update: body as z.output<typeof ZOrgUpdate>, id: org.id })
        : saveOrg(kind, { create: body as z.output<typeof ZOrgInput>, key }),
    refresh: () => void queryClient.invalidateQueries({ queryKey: adminKeys.orgs(kind) }),
    onDone,
    // A conflict: the latest state of this organisation into the form.
    reload: async (form) => {
      const list = await queryClient.fetchQuery({ queryKey: adminKeys.orgs(kind), queryFn: () => fetchOrgs(kind), staleTime: 0 });
      const fresh = list.items.find((o) => o.id === org?.id);
      if (fresh) form.reset(valuesOf(fresh));
    },
  });
  const errors = step.errors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.submit();
  };

  const label = (f: FieldName) => t(`orgs.${f}`);
  const input = (f: FieldName, props: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={fieldId(formId, f)}
      label={label(f)}
      optional={f !== 'name'}
      required={f === 'name'}
      value={step.values[f]}
      error={errors.error(f)}
      onChange={(e) => step.set(f, e.target.value)}
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
          <Button variant="secondary" icon="autorenew" onClick={step.reload}>
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
