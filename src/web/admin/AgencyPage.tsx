import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZAgencySettingsUpdate } from '../../contracts/admin';
import { ROLES, type TRole } from '../../contracts/common';
import { api } from '../api';
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
import { useFormErrors } from '../lib/formErrors';
import { fieldId, validate } from '../lib/validation';
import { can, PERM } from '../permissions';
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
              readOnly={!can(me, PERM.agencyUpdate)}
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

function SettingsForm({ agency, readOnly, onSaved, onReload }: { agency: Agency; readOnly: boolean; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<TRole[]>(agency.settings.totpRequiredRoles);
  const [idle, setIdle] = useState(String(agency.settings.sessionIdleMinutes));
  const [districts, setDistricts] = useState(agency.settings.districts.join('\n'));
  const [baseVersion] = useState(agency.version);
  const errors = useFormErrors(new Set(['settings.totpRequiredRoles', 'settings.sessionIdleMinutes', 'settings.districts']));

  const save = useMutation({
    mutationFn: (body: { settings: Agency['settings']; version: number }) => api.put<Agency>('/agency/settings', body, baseVersion),
    onSuccess: (updated) => {
      queryClient.setQueryData(adminKeys.agency, updated);
      onSaved();
    },
    onError: (err) => errors.showError(err),
  });

  const toggle = (role: TRole, on: boolean) => setRoles((rs) => (on ? [...rs, role] : rs.filter((r) => r !== role)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      settings: {
        totpRequiredRoles: ROLES.filter((r) => roles.includes(r)),
        sessionIdleMinutes: idle.trim() === '' ? Number.NaN : Number(idle),
        districts: splitList(districts, /\n/),
        placement: agency.settings.placement,
        letterhead: agency.settings.letterhead,
      },
      version: baseVersion,
    };
    const checked = validate(ZAgencySettingsUpdate, body);
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    save.mutate(body);
  };

  const labels: Record<string, string> = {
    'settings.totpRequiredRoles': t('agency.totpRoles'),
    'settings.sessionIdleMinutes': t('agency.sessionIdle'),
    'settings.districts': t('agency.districts'),
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
        <Fieldset legend={t('agency.totpRoles')} id={fieldId(FORM, 'settings.totpRequiredRoles')} error={errors.error('settings.totpRequiredRoles')}>
          <div className="check-grid">
            {ROLES.map((r) => (
              <CheckboxField key={r} id={fieldId(FORM, `role-${r}`)} label={t(`roles.${r}`)} checked={roles.includes(r)} onChange={(e) => toggle(r, e.target.checked)} />
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
          value={idle}
          error={errors.error('settings.sessionIdleMinutes')}
          onChange={(e) => setIdle(e.target.value)}
        />
        <TextAreaField
          id={fieldId(FORM, 'settings.districts')}
          label={t('agency.districts')}
          hint={t('agency.districtsHint')}
          rows={8}
          value={districts}
          error={errors.error('settings.districts')}
          onChange={(e) => setDistricts(e.target.value)}
        />
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
            <span className="kern-label">{save.isPending ? t('common.saving') : t('common.save')}</span>
          </button>
        </div>
      )}
    </form>
  );
}
