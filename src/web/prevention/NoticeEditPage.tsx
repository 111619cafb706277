import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZCaseUpdate } from '../../contracts/prevention';
import { api, ok, ifMatch } from '../api';
import { ErrorAlert } from '../components/Alert';
import { Button, ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { useFormErrors } from '../lib/formErrors';
import { validate } from '../lib/validation';
import { CourtFields } from './CourtFields';
import { StepErrorExtras } from '../components/StepFeedback';
import { useLooseT } from './labels';
import { FORM, HomeFields, LegalFields, SourceFields } from './NoticeFields';
import { caseToNoticeForm, MONEY_FIELDS, NOTICE_FIELDS, noticePayload, showsCourt, type NoticeForm } from './noticeForm';
import { preventionKeys, useCase, type PreventionCase } from './queries';
import './prevention.css';

/** Correct the notice or add facts learnt later (eviction date, hearing, service of the lawsuit); the legal clock follows. */
export function NoticeEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCase(id);
  const [generation, setGeneration] = useState(0);
  if (query.isPending) return <Loading />;
  if (query.isError || !query.data) {
    return (
      <>
        <PageHeading title={t('prevention.form.editTitle', { reference: '' })}>
          {t('prevention.form.editTitle', { reference: '' })}
        </PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
      </>
    );
  }
  return (
    <Editor
      key={`${query.data.version}-${generation}`}
      c={query.data}
      onReload={() => void query.refetch().then(() => setGeneration((g) => g + 1))}
    />
  );
}

function Editor({ c, onReload }: { c: PreventionCase; onReload: () => void }) {
  const { t } = useTranslation();
  const tx = useLooseT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<NoticeForm>(() => caseToNoticeForm(c));
  const [baseVersion] = useState(c.version);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const errors = useFormErrors(NOTICE_FIELDS);
  const save = useMutation({
    mutationFn: (body: z.output<typeof ZCaseUpdate>) =>
      ok(api.PUT('/prevention/cases/{id}', { params: { path: { id: c.id } }, body, headers: ifMatch(baseVersion) })),
    onSuccess: (saved) => {
      queryClient.setQueryData(preventionKeys.case(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['prevention', 'list'] });
      void navigate(`/prevention/cases/${saved.id}?tab=overview`, { state: { flash: 'saved' } });
    },
    onError: (err) => {
      setEdited(new Set());
      errors.showError(err);
    },
  });
  const patch = (p: Partial<NoticeForm>) => {
    setForm((f) => ({ ...f, ...p }));
    setEdited((e) => new Set([...e, ...Object.keys(p).map((k) => MONEY_FIELDS[k as keyof typeof MONEY_FIELDS] ?? k)]));
  };
  const fieldErrors = { error: (path: string) => (edited.has(path.split('.')[0]!) ? undefined : errors.error(path)) };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { payload, issues } = noticePayload(form, t('prevention.money.invalid'));
    const { tenants: _tenants, ...rest } = payload;
    const body = { ...rest, version: baseVersion };
    const checked = validate(ZCaseUpdate, body);
    const all = [...issues, ...(checked.ok ? [] : checked.issues.filter((i) => !issues.some((x) => x.field === i.field)))];
    if (all.length) {
      setEdited(new Set());
      errors.showIssues(all);
      return;
    }
    errors.clear();
    if (checked.ok) save.mutate(checked.data);
  };
  const title = t('prevention.form.editTitle', { reference: c.reference });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <form className="stack notice-form" onSubmit={submit} noValidate>
        <ErrorSummary
          errors={errors}
          formId={FORM}
          labelFor={(p) => tx(`prevention.form.labels.${p.replace(/^parties\.\d+\./, 'party.')}`, { defaultValue: p })}
        >
          {save.error ? <StepErrorExtras error={save.error} /> : null}
          {errors.isConflict && (
            <Button variant="secondary" icon="autorenew" onClick={onReload}>
              {t('errors.reloadLatest')}
            </Button>
          )}
        </ErrorSummary>
        <SourceFields form={form} errors={fieldErrors} onChange={patch} />
        <HomeFields form={form} errors={fieldErrors} onChange={patch} />
        <LegalFields form={form} errors={fieldErrors} onChange={patch} />
        {showsCourt(form) && <CourtFields form={form} errors={fieldErrors} onChange={patch} />}
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
            <span className="kern-label">{save.isPending ? t('common.saving') : t('common.save')}</span>
          </button>
          <ButtonLink to={`/prevention/cases/${c.id}`} variant="tertiary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
