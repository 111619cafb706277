import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SOURCES, TARGET_GROUPS, ZReferralInput } from '../../contracts/aftercare';
import { isoDateIn } from '../../contracts/format';
import { api, idempotent, ok } from '../api';
import { Alert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { StepErrorExtras } from '../components/StepFeedback';
import { useStepForm } from '../components/StepForm';
import { fieldId } from '../lib/validation';
import { HouseholdPicker } from '../sustainment/HouseholdPicker';
import { buildBody, initialValues, serverIssues, type FieldSpec, type FormValues } from '../sustainment/stepForm';
import { StepFields } from '../sustainment/StepFields';
import { carriersOf, useAgreements, useRefreshAftercare } from './queries';
import '../sustainment/sustainment.css';
import './aftercare.css';

const FORM_ID = 'aftercare-referral';

/** /aftercare/cases/new – the Fachstelle records a referral (any source) for a household and an intended carrier. */
export function ReferralFormPage() {
  const agreements = useAgreements();
  if (agreements.isPending) return <Loading />;
  return <ReferralForm carriers={carriersOf(agreements.data?.items)} />;
}

function ReferralForm({ carriers }: { carriers: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshAftercare();
  const [household, setHousehold] = useState<{ id: string; label: string } | null>(null);
  const f = (k: string) => t(`aftercare.referralForm.${k}` as never);
  const fields: FieldSpec[] = [
    {
      name: 'carrierId',
      type: 'select',
      label: f('carrier'),
      hint: f('carrierHint'),
      options: carriers.map((c) => ({ value: c.id, label: c.name })),
      initial: carriers.length === 1 ? carriers[0]!.id : '',
    },
    {
      name: 'targetGroup',
      type: 'select',
      label: f('targetGroup'),
      options: TARGET_GROUPS.map((g) => ({ value: g, label: t(`aftercare.targetGroup.${g}`) })),
    },
    {
      name: 'source',
      type: 'select',
      label: f('source'),
      options: REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`aftercare.source.${s}`) })),
    },
    { name: 'sourceDetail', type: 'text', label: f('sourceDetail'), optional: true },
    { name: 'referredOn', type: 'date', label: f('referredOn'), initial: isoDateIn(new Date()) },
    { name: 'street', type: 'text', label: f('street') },
    { name: 'postalCode', type: 'text', label: f('postalCode') },
    { name: 'city', type: 'text', label: f('city') },
    { name: 'phone', type: 'text', label: f('phone'), optional: true },
    { name: 'note', type: 'textarea', label: f('note'), optional: true },
  ];
  const step = useStepForm<FormValues, typeof ZReferralInput, { id: string }>({
    schema: ZReferralInput,
    formId: FORM_ID,
    defaultValues: initialValues(fields),
    toBody: (values) => {
      const { body, issues } = buildBody(fields, values, t('aftercare.visitForm.moneyInvalid'));
      if (!household) issues.push({ field: 'householdId', code: 'too_small', message: 'required', origin: 'string', minimum: 1 });
      return { body: { ...body, householdId: household?.id }, issues };
    },
    run: (body, key) => ok(api.POST('/aftercare/cases', { body, headers: idempotent(key) })),
    known: new Set(['householdId', ...fields.map((x) => x.name)]),
    refresh,
    reload: refresh,
    serverIssues,
    onDone: (created) => void navigate(`/aftercare/cases/${created.id}`, { state: { flash: 'referred' } }),
  });
  const labels: Record<string, string> = { householdId: f('household'), ...Object.fromEntries(fields.map((x) => [x.name, x.label])) };
  const title = f('title');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.submit();
  };
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body page-intro">{f('intro')}</p>
      {carriers.length === 0 && (
        <Alert variant="warning">
          <p className="kern-body">{f('noCarrier')}</p>
        </Alert>
      )}
      <form id={FORM_ID} className="stack ac-visit-form" noValidate onSubmit={submit}>
        <ErrorSummary errors={step.errors} formId={FORM_ID} labelFor={(p) => labels[p] ?? p}>
          {step.error ? <StepErrorExtras error={step.error} onReload={step.reload} /> : null}
        </ErrorSummary>
        <HouseholdPicker
          id={fieldId(FORM_ID, 'householdId')}
          value={household}
          error={step.errors.error('householdId')}
          onChange={setHousehold}
        />
        <StepFields formId={FORM_ID} fields={fields} values={step.values} error={step.errors.error} onChange={step.set} />
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={step.mutation.isPending}>
            <span className="kern-label">{step.mutation.isPending ? t('common.saving') : f('submit')}</span>
          </button>
          <ButtonLink to="/aftercare" variant="tertiary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
