import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DOCUMENTED_VISIT_STATUSES, RISK_SIGNS, VISIT_TOPICS, ZVisitInput } from '../../contracts/aftercare';
import { isoDateIn } from '../../contracts/format';
import { api, ok } from '../api';
import { ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Fieldset } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { StepErrorExtras } from '../components/StepFeedback';
import { useStepForm } from '../components/StepForm';
import { errorMessage } from '../i18n/errors';
import { fieldId } from '../lib/validation';
import { buildBody, initialValues, serverIssues, type FieldSpec, type FormValues } from '../sustainment/stepForm';
import { StepFields } from '../sustainment/StepFields';
import { useAftercareCase, useRefreshAftercare, type AftercareCase } from './queries';
import '../sustainment/sustainment.css';
import './aftercare.css';

const FORM_ID = 'aftercare-visit';

/** /aftercare/cases/:id/visit – documenting a home visit, laid out for a tablet during the visit. */
export function VisitFormPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useAftercareCase(id);
  if (query.isPending) return <Loading />;
  if (query.isError || !query.data) return <ErrorAlert message={errorMessage(query.error, t)} />;
  return <VisitForm c={query.data} />;
}

function VisitForm({ c }: { c: AftercareCase }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshAftercare();
  const fields: FieldSpec[] = [
    { name: 'visitedOn', type: 'date', label: t('aftercare.visitForm.visitedOn'), initial: isoDateIn(new Date()) },
    {
      name: 'topics',
      type: 'checks',
      label: t('aftercare.visitForm.topics'),
      optional: true,
      options: VISIT_TOPICS.map((v) => ({ value: v, label: t(`aftercare.topic.${v}`) })),
    },
    {
      name: 'riskSigns',
      type: 'checks',
      label: t('aftercare.visitForm.riskSigns'),
      hint: t('aftercare.visitForm.riskHint'),
      optional: true,
      options: RISK_SIGNS.map((v) => ({ value: v, label: t(`aftercare.risk.${v}`) })),
    },
    { name: 'arrearsCents', type: 'money', label: t('aftercare.visitForm.arrears'), optional: true },
    {
      name: 'householdView',
      type: 'textarea',
      label: t('aftercare.visitForm.householdView'),
      hint: t('aftercare.visitForm.householdViewHint'),
      optional: true,
    },
    { name: 'note', type: 'textarea', label: t('aftercare.visitForm.note'), optional: true },
  ];
  const statusField: FieldSpec = { name: 'status', type: 'select', label: t('aftercare.visitForm.status') };
  const all = [statusField, ...fields];
  const step = useStepForm<FormValues, typeof ZVisitInput, AftercareCase>({
    schema: ZVisitInput,
    formId: FORM_ID,
    defaultValues: initialValues(all),
    toBody: (values) => buildBody(all, values, t('aftercare.visitForm.moneyInvalid')),
    run: (body: z.output<typeof ZVisitInput>) => ok(api.POST('/aftercare/cases/{id}/visits', { params: { path: { id: c.id } }, body })),
    known: new Set(all.map((f) => f.name)),
    refresh,
    reload: refresh,
    serverIssues,
    onDone: () => void navigate(`/aftercare/cases/${c.id}`, { state: { flash: 'documentVisit' } }),
  });
  const labels = Object.fromEntries(all.map((f) => [f.name, f.label]));
  const status = typeof step.values.status === 'string' ? step.values.status : '';
  const statusId = fieldId(FORM_ID, 'status');
  const title = t('aftercare.visitForm.title');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.submit();
  };
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body page-intro">
        {t('aftercare.visitForm.intro', { name: c.household.name, address: c.household.address ?? t('common.none') })}
      </p>
      <form id={FORM_ID} className="stack ac-visit-form" noValidate onSubmit={submit}>
        <ErrorSummary errors={step.errors} formId={FORM_ID} labelFor={(p) => labels[p] ?? p}>
          {step.error ? <StepErrorExtras error={step.error} onReload={step.reload} /> : null}
        </ErrorSummary>
        <Fieldset legend={statusField.label} id={statusId} error={step.errors.error('status')} className="plain-fieldset">
          <div className="ac-status">
            {DOCUMENTED_VISIT_STATUSES.map((s) => (
              <div className="kern-form-check" key={s}>
                <input
                  id={`${statusId}-${s}`}
                  type="radio"
                  name={statusId}
                  className="kern-form-check__radio"
                  checked={status === s}
                  onChange={() => step.set('status', s)}
                />
                <label className="kern-label" htmlFor={`${statusId}-${s}`}>
                  {t(`aftercare.visitStatus.${s}`)}
                </label>
              </div>
            ))}
          </div>
        </Fieldset>
        <StepFields formId={FORM_ID} fields={fields} values={step.values} error={step.errors.error} onChange={step.set} />
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={step.mutation.isPending}>
            <span className="kern-label">{step.mutation.isPending ? t('common.saving') : t('aftercare.visitForm.submit')}</span>
          </button>
          <ButtonLink to={`/aftercare/cases/${c.id}`} variant="tertiary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
