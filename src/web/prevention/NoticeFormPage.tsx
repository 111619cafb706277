import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZCaseCreate } from '../../contracts/prevention';
import { api, ok, idempotent } from '../api';
import { Button, ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { validate } from '../lib/validation';
import { CourtFields } from './CourtFields';
import { StepErrorExtras } from '../components/StepFeedback';
import { HouseholdMatchStep, type MatchChoice } from './HouseholdMatchStep';
import { todayBerlin, useLooseT } from './labels';
import { FORM, HomeFields, LegalFields, SourceFields, TenantFields } from './NoticeFields';
import { emptyNoticeForm, MONEY_FIELDS, NOTICE_FIELDS, noticePayload, showsCourt, splitName, type NoticeForm } from './noticeForm';
import { preventionKeys, type HouseholdMatch, type Visit } from './queries';
import './prevention.css';

/** A notice from a visit of the walk-in hours: the visitor's name and birth date, source self-referral. */
function fromVisit(visit: Visit | undefined): NoticeForm {
  const form = emptyNoticeForm(todayBerlin(), visit ? 'self_referral' : 'court_notice');
  if (!visit) return form;
  const tenant = { ...form.tenants[0]!, ...splitName(visit.name), birthDate: visit.birthDate ?? '' };
  return { ...form, selfReferralVia: visit.kind, tenants: [tenant], note: visit.concern };
}

/** "Meldung erfassen": the notice by source, then the household matching step, then the case. */
export function NoticeFormPage() {
  const { t } = useTranslation();
  const tx = useLooseT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const visit = (useLocation().state as { visit?: Visit } | null)?.visit;
  const [form, setForm] = useState<NoticeForm>(() => fromVisit(visit));
  const [matches, setMatches] = useState<HouseholdMatch[] | null>(null);
  const [choice, setChoice] = useState<MatchChoice>(visit?.householdId ? { kind: 'link', householdId: visit.householdId } : null);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const errors = useFormErrors(NOTICE_FIELDS);
  const idempotency = useIdempotencyKey();

  const match = useMutation({
    mutationFn: (body: ReturnType<typeof noticePayload>['payload']) =>
      ok(
        api.POST('/prevention/matches', {
          body: {
            tenants: body.tenants.map((p) => ({ firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate })),
            street: body.street,
            postalCode: body.postalCode,
          },
        }),
      ),
    onSuccess: (res) => {
      errors.clear();
      setMatches(res.items);
      setChoice((c) => (c?.kind === 'link' && !res.items.some((m) => m.householdId === c.householdId) ? null : c));
      window.requestAnimationFrame(() => document.getElementById('notice-householdId')?.querySelector('input')?.focus());
    },
    onError: (err) => errors.showError(err),
  });

  const create = useMutation({
    mutationFn: (body: z.output<typeof ZCaseCreate>) =>
      ok(api.POST('/prevention/cases', { body, headers: idempotent(idempotency.current(body)) })),
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: (saved) => {
      queryClient.setQueryData(preventionKeys.case(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: preventionKeys.all });
      const joined = saved.notices.length > 0 && choice?.kind === 'link' && !choice.newCase;
      void navigate(`/prevention/cases/${saved.id}`, { state: { flash: joined ? 'noticeAdded' : 'created' } });
    },
    onError: (err) => {
      setEdited(new Set());
      errors.showError(err);
    },
  });

  const patch = (p: Partial<NoticeForm>) => {
    setForm((f) => ({ ...f, ...p }));
    setEdited((e) => new Set([...e, ...Object.keys(p).map((k) => MONEY_FIELDS[k as keyof typeof MONEY_FIELDS] ?? k)]));
    // Who is affected or where they live changed: the matches are stale, look again.
    if (matches && ('tenants' in p || 'street' in p || 'postalCode' in p)) setMatches(null);
  };
  const fieldErrors = { error: (path: string) => (edited.has(path.split('.')[0]!) ? undefined : errors.error(path)) };

  const check = () => {
    const { payload, issues } = noticePayload(form, t('prevention.money.invalid'));
    const checked = validate(ZCaseCreate, payload);
    const all = [...issues, ...(checked.ok ? [] : checked.issues.filter((i) => !issues.some((x) => x.field === i.field)))];
    if (all.length) {
      setEdited(new Set());
      errors.showIssues(all);
      return null;
    }
    return checked.ok ? checked.data : null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = check();
    if (!payload) return;
    if (!matches) {
      match.mutate(payload);
      return;
    }
    if (!choice) {
      errors.showIssues([{ field: 'householdId', code: 'custom', message: t('prevention.match.chooseFirst') }]);
      return;
    }
    errors.clear();
    create.mutate({
      ...payload,
      ...(choice.kind === 'link'
        ? { householdId: choice.householdId, ...(choice.newCase ? { newCase: true } : {}) }
        : { createHousehold: true }),
      ...(visit ? { visitId: visit.id } : {}),
    });
  };

  const labelFor = (path: string): string => {
    const key = path.replace(/^tenants\.\d+\./, 'tenant.').replace(/^parties\.\d+\./, 'party.');
    return tx(`prevention.form.labels.${key}`, { defaultValue: path });
  };
  const pending = match.isPending || create.isPending;
  const title = t('prevention.form.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <form className="stack notice-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} formId={FORM} labelFor={labelFor}>
          {create.error ? <StepErrorExtras error={create.error} /> : null}
        </ErrorSummary>
        <SourceFields form={form} errors={fieldErrors} onChange={patch} />
        <TenantFields form={form} errors={fieldErrors} onChange={patch} />
        <HomeFields form={form} errors={fieldErrors} onChange={patch} />
        <LegalFields form={form} errors={fieldErrors} onChange={patch} />
        {showsCourt(form) && <CourtFields form={form} errors={fieldErrors} onChange={patch} />}

        {matches && <HouseholdMatchStep matches={matches} choice={choice} error={errors.error('householdId')} onChoose={setChoice} />}

        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
            <span className="kern-label">
              {pending ? t('common.saving') : matches ? t('prevention.form.create') : t('prevention.form.findHousehold')}
            </span>
          </button>
          {matches && (
            <Button variant="secondary" onClick={() => setMatches(null)}>
              {t('prevention.form.backToForm')}
            </Button>
          )}
          <ButtonLink to="/prevention" variant="tertiary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
