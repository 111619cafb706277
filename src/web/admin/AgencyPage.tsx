import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
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
import { useFormErrors } from '../lib/formErrors';
import { fieldId, validate } from '../lib/validation';
import { can } from '../auth/can';
import { PlacementSettingsFields } from '../placement-admin/PlacementSettingsFields';
import { mergeIssues, PLACEMENT_FIELDS, placementForm, placementLabels, placementSettings } from '../placement-admin/settingsForm';
import { SUSTAINMENT_FIELDS, sustainmentForm, sustainmentLabels, sustainmentSettings } from '../sustainment/settingsForm';
import { SustainmentSettingsFields } from '../sustainment/SustainmentSettingsFields';
import { PreventionSettingsFields } from '../prevention/PreventionSettingsFields';
import { PREVENTION_FIELDS, preventionForm, preventionLabels, preventionSettings } from '../prevention/settingsForm';
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
  const [roles, setRoles] = useState<TRole[]>(agency.settings.totpRequiredRoles);
  const [idle, setIdle] = useState(String(agency.settings.sessionIdleMinutes));
  const [districts, setDistricts] = useState(agency.settings.districts.join('\n'));
  const [placement, setPlacement] = useState(() => placementForm(agency.settings.placement));
  const [sustainment, setSustainment] = useState(() => sustainmentForm(agency.settings.sustainment));
  const [letterhead, setLetterhead] = useState(agency.settings.letterhead);
  const [prevention, setPrevention] = useState(() => preventionForm(agency.settings.prevention));
  const [baseVersion] = useState(agency.version);
  const errors = useFormErrors(
    new Set([
      'settings.totpRequiredRoles',
      'settings.sessionIdleMinutes',
      'settings.districts',
      'settings.letterhead.address',
      'settings.letterhead.city',
      'settings.letterhead.footer',
      ...PLACEMENT_FIELDS,
      ...SUSTAINMENT_FIELDS,
      ...PREVENTION_FIELDS,
    ]),
  );

  const save = useMutation({
    mutationFn: (body: { settings: Agency['settings']; version: number }) =>
      ok(api.PUT('/agency/settings', { body, headers: ifMatch(baseVersion) })),
    onSuccess: (updated) => {
      queryClient.setQueryData(adminKeys.agency, updated);
      onSaved();
    },
    onError: (err) => errors.showError(err),
  });

  const toggle = (role: TRole, on: boolean) => setRoles((rs) => (on ? [...rs, role] : rs.filter((r) => r !== role)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const placementResult = placementSettings(placement, t);
    const sustainmentResult = sustainmentSettings(sustainment, t);
    const body = {
      settings: {
        totpRequiredRoles: ROLES.filter((r) => roles.includes(r)),
        sessionIdleMinutes: idle.trim() === '' ? Number.NaN : Number(idle),
        districts: splitList(districts, /\n/),
        placement: placementResult.settings,
        prevention: preventionSettings(prevention),
        sustainment: sustainmentResult.settings,
        letterhead,
      },
      version: baseVersion,
    };
    const checked = validate(ZAgencySettingsUpdate, body);
    const own = [...placementResult.issues, ...sustainmentResult.issues];
    if (!checked.ok || own.length > 0) {
      errors.showIssues(mergeIssues(own, checked.ok ? [] : checked.issues));
      return;
    }
    errors.clear();
    save.mutate(body);
  };

  const labels: Record<string, string> = {
    'settings.totpRequiredRoles': t('agency.totpRoles'),
    'settings.sessionIdleMinutes': t('agency.sessionIdle'),
    'settings.districts': t('agency.districts'),
    'settings.letterhead.address': t('agency.letterheadAddress'),
    'settings.letterhead.city': t('agency.letterheadCity'),
    'settings.letterhead.footer': t('agency.letterheadFooter'),
    ...placementLabels(t),
    ...sustainmentLabels(t),
    ...preventionLabels(t),
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
            {ROLES.map((r) => (
              <CheckboxField
                key={r}
                id={fieldId(FORM, `role-${r}`)}
                label={t(`roles.${r}`)}
                checked={roles.includes(r)}
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
        <Fieldset legend={t('agency.letterhead')} id={fieldId(FORM, 'letterhead')}>
          <p className="kern-body kern-body--small">{t('agency.letterheadHint')}</p>
          <TextAreaField
            id={fieldId(FORM, 'settings.letterhead.address')}
            label={t('agency.letterheadAddress')}
            rows={3}
            value={letterhead.address}
            error={errors.error('settings.letterhead.address')}
            onChange={(e) => setLetterhead((l) => ({ ...l, address: e.target.value }))}
          />
          <TextField
            id={fieldId(FORM, 'settings.letterhead.city')}
            label={t('agency.letterheadCity')}
            value={letterhead.city}
            error={errors.error('settings.letterhead.city')}
            onChange={(e) => setLetterhead((l) => ({ ...l, city: e.target.value }))}
          />
          <TextField
            id={fieldId(FORM, 'settings.letterhead.footer')}
            label={t('agency.letterheadFooter')}
            value={letterhead.footer}
            error={errors.error('settings.letterhead.footer')}
            onChange={(e) => setLetterhead((l) => ({ ...l, footer: e.target.value }))}
          />
        </Fieldset>
        <PlacementSettingsFields formId={FORM} value={placement} errors={errors} onChange={(p) => setPlacement((f) => ({ ...f, ...p }))} />
        <SustainmentSettingsFields
          formId={FORM}
          value={sustainment}
          errors={errors}
          onChange={(p) => setSustainment((f) => ({ ...f, ...p }))}
        />
        <PreventionSettingsFields
          formId={FORM}
          value={prevention}
          errors={errors}
          onChange={(p) => setPrevention((f) => ({ ...f, ...p }))}
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
