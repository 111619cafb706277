import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZAgencySettingsUpdate } from '../../contracts/admin';
import { ROLES, type TRole } from '../../contracts/common';
import { api, ok, ifMatch } from '../api';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, Fieldset, TextAreaField, TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { splitList } from '../i18n/format';
import { useStepForm } from '../components/StepForm';
import { fieldId } from '../lib/validation';
import { can } from '../auth/can';
import { PlacementSettingsFields } from '../placement-admin/PlacementSettingsFields';
import { PLACEMENT_FIELDS, placementForm, placementLabels, placementSettings } from '../placement-admin/settingsForm';
import { SUSTAINMENT_FIELDS, sustainmentForm, sustainmentLabels, sustainmentSettings } from '../sustainment/settingsForm';
import { SustainmentSettingsFields } from '../sustainment/SustainmentSettingsFields';
import { PreventionSettingsFields } from '../prevention/PreventionSettingsFields';
import { PREVENTION_FIELDS, preventionForm, preventionLabels, preventionSettings } from '../prevention/settingsForm';
import { BILLING_DAY_FIELDS, BillingSettingsFields, billingDayLabels } from '../accommodation/BillingSettingsFields';
import { adminKeys, useAgency, type Agency } from './queries';

export function AgencyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const agency = useAgency();
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);

  return (
    <>
      <PageHeading title={t('agency.title')}>{t('agency.title')}</PageHeading>
      {agency.isPending ? (
        <Loading />
      ) : agency.isError ? (
        <ErrorAlert message={errorMessage(agency.error, t)} />
      ) : (
        <>
          <DescriptionList
            items={[
              { key: 'name', label: t('agency.name'), value: agency.data.name },
              { key: 'ags', label: t('agency.ags'), value: agency.data.ags },
              { key: 'state', label: t('agency.state'), value: t(`federalStates.${agency.data.federalState}`) },
            ]}
          />
          <Section id="settings" title={t('agency.settings')}>
            {saved && (
              <Alert variant="success">
                <p className="kern-body">{t('common.saved')}</p>
              </Alert>
            )}
            <SettingsForm
              key={`${agency.data.version}-${generation}`}
              agency={agency.data}
              readOnly={!can(me, 'agency.update')}
              onSaved={() => setSaved(true)}
              onReload={() => {
                setSaved(false);
                void agency.refetch().then(() => setGeneration((g) => g + 1));
              }}
            />
          </Section>
        </>
      )}
    </>
  );
}

const FORM = 'agency';

const KNOWN: ReadonlySet<string> = new Set([
  'settings.totpRequiredRoles',
  'settings.sessionIdleMinutes',
  'settings.localLogin',
  'settings.districts',
  'settings.letterhead.address',
  'settings.letterhead.city',
  'settings.letterhead.footer',
  ...PLACEMENT_FIELDS,
  ...SUSTAINMENT_FIELDS,
  ...PREVENTION_FIELDS,
  ...BILLING_DAY_FIELDS,
]);

interface SettingsValues {
  roles: TRole[];
  idle: string;
  localLogin: boolean;
  districts: string;
  placement: ReturnType<typeof placementForm>;
  sustainment: ReturnType<typeof sustainmentForm>;
  letterhead: Agency['settings']['letterhead'];
  prevention: ReturnType<typeof preventionForm>;
  billing: Agency['settings']['accommodationBilling'];
}

function SettingsForm({
  agency,
  readOnly,
  onSaved,
  onReload,
}: {
  agency: Agency;
  readOnly: boolean;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const step = useStepForm({
    schema: ZAgencySettingsUpdate,
    defaultValues: {
      roles: agency.settings.totpRequiredRoles,
      idle: String(agency.settings.sessionIdleMinutes),
      localLogin: agency.settings.localLogin,
      districts: agency.settings.districts.join('\n'),
      placement: placementForm(agency.settings.placement),
      sustainment: sustainmentForm(agency.settings.sustainment),
      letterhead: agency.settings.letterhead,
      prevention: preventionForm(agency.settings.prevention),
      billing: agency.settings.accommodationBilling,
    },
    toBody: (v: SettingsValues) => {
      const placementResult = placementSettings(v.placement, t);
      const sustainmentResult = sustainmentSettings(v.sustainment, t);
      const body = {
        settings: {
          // The settings this page does not edit (aftercare, retention …) are sent back as
          // loaded: the PUT replaces the whole object, and saving here must not reset them.
          ...agency.settings,
          totpRequiredRoles: ROLES.filter((r) => v.roles.includes(r)),
          sessionIdleMinutes: v.idle.trim() === '' ? Number.NaN : Number(v.idle),
          localLogin: v.localLogin,
          districts: splitList(v.districts, /\n/),
          placement: placementResult.settings,
          prevention: preventionSettings(v.prevention),
          sustainment: sustainmentResult.settings,
          letterhead: v.letterhead,
          accommodationBilling: v.billing,
        },
        version: agency.version,
      };
      return { body, issues: [...placementResult.issues, ...sustainmentResult.issues] };
    },
    run: (body) => ok(api.PUT('/agency/settings', { body, headers: ifMatch(agency.version) })),
    known: KNOWN,
    refresh: (updated) => queryClient.setQueryData(adminKeys.agency, updated),
    onDone: onSaved,
    // The page reloads the agency and mounts a fresh form.
    reload: () => Promise.resolve(onReload()),
  });
  const errors = step.errors;
  const v = step.values;

  const toggle = (role: TRole, on: boolean) => step.set('roles', on ? [...v.roles, role] : v.roles.filter((r) => r !== role));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.submit();
  };

  const labels: Record<string, string> = {
    'settings.totpRequiredRoles': t('agency.totpRoles'),
    'settings.sessionIdleMinutes': t('agency.sessionIdle'),
    'settings.localLogin': t('agency.localLogin'),
    'settings.districts': t('agency.districts'),
    'settings.letterhead.address': t('agency.letterheadAddress'),
    'settings.letterhead.city': t('agency.letterheadCity'),
    'settings.letterhead.footer': t('agency.letterheadFooter'),
    ...placementLabels(t),
    ...sustainmentLabels(t),
    ...preventionLabels(t),
    ...billingDayLabels(t),
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={FORM} labelFor={(p) => labels[p] ?? p}>
        {errors.isConflict && (
          <Button variant="secondary" icon="autorenew" onClick={onReload}>
            {t('errors.reloadLatest')}
          </Button>
        )}
      </ErrorSummary>
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <Fieldset
          legend={t('agency.totpRoles')}
          id={fieldId(FORM, 'settings.totpRequiredRoles')}
          error={errors.error('settings.totpRequiredRoles')}
        >
          <div className="check-grid">
            {ROLES.filter((r) => r !== 'steering').map((r) => (
              <CheckboxField
                key={r}
                id={fieldId(FORM, `role-${r}`)}
                label={t(`roles.${r}`)}
                checked={v.roles.includes(r)}
                onChange={(e) => toggle(r, e.target.checked)}
              />
            ))}
          </div>
        </Fieldset>
        <TextField
          id={fieldId(FORM, 'settings.sessionIdleMinutes')}
          label={t('agency.sessionIdle')}
          hint={t('agency.sessionIdleHint')}
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          className="field--narrow"
          value={v.idle}
          error={errors.error('settings.sessionIdleMinutes')}
          onChange={(e) => step.set('idle', e.target.value)}
        />
        <CheckboxField
          id={fieldId(FORM, 'settings.localLogin')}
          label={t('agency.localLogin')}
          hint={t('agency.localLoginHint')}
          checked={v.localLogin}
          error={errors.error('settings.localLogin')}
          onChange={(e) => step.set('localLogin', e.target.checked)}
        />
        <TextAreaField
          id={fieldId(FORM, 'settings.districts')}
          label={t('agency.districts')}
          hint={t('agency.districtsHint')}
          rows={8}
          value={v.districts}
          error={errors.error('settings.districts')}
          onChange={(e) => step.set('districts', e.target.value)}
        />
        <Fieldset legend={t('agency.letterhead')} id={fieldId(FORM, 'letterhead')}>
          <p className="kern-body kern-body--small">{t('agency.letterheadHint')}</p>
          <TextAreaField
            id={fieldId(FORM, 'settings.letterhead.address')}
            label={t('agency.letterheadAddress')}
            rows={3}
            value={v.letterhead.address}
            error={errors.error('settings.letterhead.address')}
            onChange={(e) => step.set('letterhead', { ...step.form.getValues('letterhead'), address: e.target.value })}
          />
          <TextField
            id={fieldId(FORM, 'settings.letterhead.city')}
            label={t('agency.letterheadCity')}
            value={v.letterhead.city}
            error={errors.error('settings.letterhead.city')}
            onChange={(e) => step.set('letterhead', { ...step.form.getValues('letterhead'), city: e.target.value })}
          />
          <TextField
            id={fieldId(FORM, 'settings.letterhead.footer')}
            label={t('agency.letterheadFooter')}
            value={v.letterhead.footer}
            error={errors.error('settings.letterhead.footer')}
            onChange={(e) => step.set('letterhead', { ...step.form.getValues('letterhead'), footer: e.target.value })}
          />
        </Fieldset>
        <PlacementSettingsFields
          formId={FORM}
          value={v.placement}
          errors={errors}
          onChange={(p) => step.set('placement', { ...step.form.getValues('placement'), ...p })}
        />
        <SustainmentSettingsFields
          formId={FORM}
          value={v.sustainment}
          errors={errors}
          onChange={(p) => step.set('sustainment', { ...step.form.getValues('sustainment'), ...p })}
        />
        <PreventionSettingsFields
          formId={FORM}
          value={v.prevention}
          errors={errors}
          onChange={(p) => step.set('prevention', { ...step.form.getValues('prevention'), ...p })}
        />
        <BillingSettingsFields
          formId={FORM}
          value={v.billing}
          errors={errors}
          onChange={(p) => step.set('billing', { ...step.form.getValues('billing'), ...p })}
        />
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={step.mutation.isPending}>
            <span className="kern-label">{step.mutation.isPending ? t('common.saving') : t('common.save')}</span>
          </button>
        </div>
      )}
    </form>
  );
}
