import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REQUEST_CHANNELS, ZPrivacyRequestCreate } from '../../contracts/privacy';
import { isoDateIn } from '../../contracts/format';
import { api, ok } from '../api';
import { ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { StepErrorExtras } from '../components/StepFeedback';
import { useStepForm } from '../components/StepForm';
import { fieldId } from '../lib/validation';
import { HouseholdPicker } from '../sustainment/HouseholdPicker';
import { buildBody, initialValues, serverIssues, type FieldSpec, type FormValues } from '../sustainment/stepForm';
import { StepFields } from '../sustainment/StepFields';
import { useRefreshPrivacy } from './queries';
import '../sustainment/sustainment.css';

const FORM_ID = 'privacy-request';

/** /privacy/requests/new[?household=<id>] – record an access request for a household or one of its members. */
export function RequestFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshPrivacy();
  const [params] = useSearchParams();
  const preset = params.get('household');
  const [household, setHousehold] = useState<{ id: string; label: string } | null>(preset ? { id: preset, label: '' } : null);
  const detail = useQuery({
    queryKey: ['households', 'detail', household?.id],
    queryFn: ({ signal }) => ok(api.GET('/households/{id}', { params: { path: { id: household!.id } }, signal })),
    enabled: !!household,
  });
  const members = detail.data?.members ?? [];
  const f = (k: string) => t(`privacy.form.${k}` as never);
  const fields: FieldSpec[] = [
    {
      name: 'memberId',
      type: 'select',
      label: f('member'),
      options: [{ value: '', label: f('wholeHousehold') }, ...members.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }))],
      optional: true,
    },
    {
      name: 'channel',
      type: 'select',
      label: f('channel'),
      options: REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`privacy.channel.${c}`) })),
    },
    { name: 'receivedOn', type: 'date', label: f('receivedOn'), initial: isoDateIn(new Date()) },
    { name: 'requestedBy', type: 'text', label: f('requestedBy'), hint: f('requestedByHint') },
    { name: 'note', type: 'textarea', label: f('note'), optional: true },
  ];
  const step = useStepForm<FormValues, typeof ZPrivacyRequestCreate, { id: string }>({
    schema: ZPrivacyRequestCreate,
    formId: FORM_ID,
    defaultValues: initialValues(fields),
    toBody: (values) => {
      const { body, issues } = buildBody(fields, values, '');
      if (!household) issues.push({ field: 'householdId', code: 'too_small', message: 'required', origin: 'string', minimum: 1 });
      return { body: { ...body, memberId: body.memberId || null, householdId: household?.id }, issues };
    },
    run: (body) => ok(api.POST('/privacy/requests', { body })),
    known: new Set(['householdId', ...fields.map((x) => x.name)]),
    refresh,
    reload: refresh,
    serverIssues,
    onDone: (created) => void navigate(`/privacy/requests/${created.id}`, { state: { flash: 'created' } }),
  });
  const labels: Record<string, string> = { householdId: f('household'), ...Object.fromEntries(fields.map((x) => [x.name, x.label])) };
  const title = f('title');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.submit();
  };
  const shown = household && !household.label && detail.data ? { id: household.id, label: detail.data.reference } : household;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body page-intro">{f('intro')}</p>
      <form id={FORM_ID} className="stack" noValidate onSubmit={submit}>
        <ErrorSummary errors={step.errors} formId={FORM_ID} labelFor={(p) => labels[p] ?? p}>
          {step.error ? <StepErrorExtras error={step.error} onReload={step.reload} /> : null}
        </ErrorSummary>
        <HouseholdPicker
          id={fieldId(FORM_ID, 'householdId')}
          value={shown}
          error={step.errors.error('householdId')}
          onChange={setHousehold}
        />
        <StepFields formId={FORM_ID} fields={fields} values={step.values} error={step.errors.error} onChange={step.set} />
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={step.mutation.isPending}>
            <span className="kern-label">{step.mutation.isPending ? t('common.saving') : f('submit')}</span>
          </button>
          <ButtonLink to="/privacy" variant="tertiary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
