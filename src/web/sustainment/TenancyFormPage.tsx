import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { GUARANTEE_ITEMS } from '../../contracts/placement';
import { ZTenancyCreate, ZTenancyUpdate } from '../../contracts/sustainment';
import { useOrgs } from '../admin/queries';
import { api, ok, idempotent, ifMatch } from '../api';
import { ErrorAlert } from '../components/Alert';
import { Button, ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Fieldset } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useStaff } from '../households/queries';
import { errorMessage } from '../i18n/errors';
import { centsToInput } from '../lib/numbers';
import { fieldId } from '../lib/validation';
import { StepErrorExtras } from '../components/StepFeedback';
import { useStepForm } from '../components/StepForm';
import { HouseholdPicker } from './HouseholdPicker';
import { useRefreshSustainment, useTenancyDetail, type TenancyDetail } from './queries';
import { buildBody, initialValues, type FieldSpec, type FormValues } from './stepForm';
import { StepFields } from './StepFields';
import './sustainment.css';

const FORM = 'tenancy';

/** /sustainment/tenancies/new – a tenancy that began before wohnhilfe (placement creates its own). */
export function TenancyNewPage() {
  return <TenancyForm tenancy={null} />;
}

/** /sustainment/tenancies/:id/edit */
export function TenancyEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useTenancyDetail(id);
  if (query.isPending) return <Loading />;
  if (query.isError || !query.data) return <ErrorAlert message={errorMessage(query.error, t)} />;
  return <TenancyForm tenancy={query.data} />;
}

function TenancyForm({ tenancy }: { tenancy: TenancyDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const providers = useOrgs('providers');
  const staff = useStaff();
  const [household, setHousehold] = useState<{ id: string; label: string } | null>(null);
  const people = (roles: string[]) =>
    (staff.data ?? []).filter((s) => roles.includes(s.role)).map((s) => ({ value: s.id, label: s.displayName }));
  const f = (name: string, type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
    name,
    type,
    label: t(`sustainment.field.${name}` as 'sustainment.field.note'),
    ...extra,
  });
  const euro = t('sustainment.hint.euro');
  const x = tenancy;
  const groups: { key: string; fields: FieldSpec[] }[] = [
    {
      key: 'flat',
      fields: [
        f('providerId', 'select', {
          options: (providers.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          initial: x?.provider.id ?? '',
        }),
        f('street', 'text', { initial: x?.street ?? '' }),
        f('postalCode', 'text', { initial: x?.postalCode ?? '' }),
        f('city', 'text', { initial: x?.city ?? '' }),
        f('district', 'text', { optional: true, initial: x?.district ?? '' }),
      ],
    },
    {
      key: 'lease',
      fields: [
        f('leaseStart', 'date', { initial: x?.leaseStart ?? '' }),
        f('leaseSignedOn', 'date', { optional: true, initial: x?.leaseSignedOn ?? '' }),
        f('coldRentCents', 'money', { hint: euro, initial: centsToInput(x?.coldRentCents) }),
        f('serviceChargesCents', 'money', { hint: euro, initial: centsToInput(x?.serviceChargesCents) }),
        f('heatingCents', 'money', { hint: euro, initial: centsToInput(x?.heatingCents) }),
      ],
    },
    {
      key: 'guarantee',
      fields: [
        f('guaranteeStart', 'date', { optional: true, hint: t('sustainment.hint.guaranteeStart'), initial: x?.guaranteeStart ?? '' }),
        f('guaranteeEnd', 'date', { optional: true, hint: t('sustainment.hint.guaranteeEnd'), initial: x?.guaranteeEnd ?? '' }),
        f('guaranteeMaxCents', 'money', {
          optional: true,
          hint: t('sustainment.hint.guaranteeMax'),
          initial: centsToInput(x?.guaranteeMaxCents),
        }),
        f('guaranteeItems', 'checks', {
          optional: true,
          hint: t('sustainment.hint.guaranteeItems'),
          options: GUARANTEE_ITEMS.map((i) => ({ value: i, label: t(`placement.guarantee.${i}`) })),
          initial: x ? [...x.guaranteeItems] : [],
        }),
        f('guaranteeSignedOn', 'date', { optional: true, initial: x?.guaranteeSignedOn ?? '' }),
      ],
    },
    {
      key: 'people',
      fields: [
        f('contactPersonId', 'select', {
          optional: true,
          hint: t('sustainment.hint.contactPerson'),
          options: people(['case_manager', 'lead']),
          initial: x?.contactPerson?.id ?? '',
        }),
        f('socialWorkerId', 'select', {
          optional: true,
          hint: t('sustainment.hint.socialWorker'),
          options: people(['social_worker']),
          initial: x?.socialWorker?.id ?? '',
        }),
      ],
    },
  ];
  const fields = groups.flatMap((g) => g.fields);
  const refresh = useRefreshSustainment();
  const step = useStepForm<FormValues, typeof ZTenancyUpdate | typeof ZTenancyCreate, TenancyDetail>({
    schema: x ? ZTenancyUpdate : ZTenancyCreate,
    defaultValues: initialValues(fields),
    toBody: (values) => {
      const { body, issues } = buildBody(fields, values, t('sustainment.form.moneyInvalid'));
      if (!x && !household) issues.push({ field: 'householdId', code: 'too_small', message: 'required', origin: 'string', minimum: 1 });
      return { body: x ? { ...body, version: x.version } : { ...body, householdId: household?.id }, issues };
    },
    known: new Set(['householdId', ...fields.map((d) => d.name)]),
    run: (body, key) =>
      x
        ? ok(
            api.PUT('/tenancies/{id}', {
              params: { path: { id: x.id } },
              body: body as z.output<typeof ZTenancyUpdate>,
              headers: ifMatch(x.version),
            }),
          )
        : ok(api.POST('/tenancies', { body: body as z.output<typeof ZTenancyCreate>, headers: idempotent(key) })),
    refresh,
    reload: refresh,
    onDone: (result) => void navigate(`/sustainment/tenancies/${result.id}`, { state: { flash: x ? 'saved' : 'created' } }),
  });
  const labels: Record<string, string> = {
    householdId: t('sustainment.form.household'),
    ...Object.fromEntries(fields.map((d) => [d.name, d.label])),
  };
  const title = x ? t('sustainment.form.editTitle', { reference: x.reference }) : t('sustainment.form.newTitle');
  if (providers.isPending || staff.isPending) return <Loading />;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <form className="stack" noValidate id={FORM} onSubmit={(e) => (e.preventDefault(), step.submit())}>
        <ErrorSummary errors={step.errors} formId={FORM} labelFor={(p) => labels[p] ?? p}>
          {step.error ? <StepErrorExtras error={step.error} onReload={step.reload} /> : null}
        </ErrorSummary>
        {!x && (
          <HouseholdPicker
            id={fieldId(FORM, 'householdId')}
            value={household}
            error={step.errors.error('householdId')}
            onChange={setHousehold}
          />
        )}
        {groups.map((g) => (
          <Fieldset key={g.key} legend={t(`sustainment.form.group.${g.key as 'flat'}`)}>
            <div className="form-grid">
              <StepFields formId={FORM} fields={g.fields} values={step.values} error={step.errors.error} onChange={step.set} />
            </div>
          </Fieldset>
        ))}
        <div className="form-actions">
          <Button type="submit" icon="check" disabled={step.mutation.isPending}>
            {step.mutation.isPending ? t('common.saving') : x ? t('common.save') : t('sustainment.form.create')}
          </Button>
          <ButtonLink to={x ? `/sustainment/tenancies/${x.id}` : '/sustainment/tenancies'} variant="tertiary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
