import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { JOURNAL_KINDS } from '../../contracts/common';
import { ZJournalCreate } from '../../contracts/households';
import { api, ok, idempotent } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { ErrorSummary } from '../components/ErrorSummary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { dateTimeLocalToIso, formatDateTime, toDateTimeLocal } from '../i18n/format';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId, validate } from '../lib/validation';
import { householdKeys } from './queries';

type JournalInput = z.input<typeof ZJournalCreate>;
type Kind = JournalInput['kind'];
const FORM = 'journal';
const PAGE_SIZE = 20;

export function JournalSection({ householdId, canCreate }: { householdId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const journal = useInfiniteQuery({
    queryKey: householdKeys.journal(householdId),
    initialPageParam: 1,
    queryFn: ({ pageParam, signal }) =>
      ok(
        api.GET('/households/{id}/journal', {
          params: { path: { id: householdId }, query: { page: pageParam, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const entries = (journal.data?.pages.flatMap((p) => p.items) ?? []).slice().sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)); // newest first

  return (
    <Section id="journal" title={t('journal.title')}>
      {canCreate && <JournalForm householdId={householdId} />}
      {journal.isPending ? (
        <Loading />
      ) : journal.isError ? (
        <ErrorAlert message={errorMessage(journal.error, t)} />
      ) : entries.length === 0 ? (
        <p className="kern-body">{t('journal.empty')}</p>
      ) : (
        <ol className="journal">
          {entries.map((e) => (
            <li key={e.id} className="journal__entry kern-card">
              <div className="journal__meta">
                <span className="kern-body kern-body--bold">
                  {formatDateTime(e.occurredAt)} · {t(`journalKind.${e.kind}`)}
                </span>
                <span className={`kern-badge ${e.participation ? 'kern-badge--success' : 'kern-badge--info'}`}>
                  <span className="kern-label">{e.participation ? t('journal.participated') : t('journal.notParticipated')}</span>
                </span>
                {e.author && (
                  <span className="kern-body kern-body--small kern-body--muted">{t('journal.author', { name: e.author.displayName })}</span>
                )}
              </div>
              <p className="kern-body preline">{e.text}</p>
            </li>
          ))}
        </ol>
      )}
      {journal.hasNextPage && (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => void journal.fetchNextPage()}
          disabled={journal.isFetchingNextPage}
        >
          <span className="kern-label">{t('journal.more')}</span>
        </button>
      )}
    </Section>
  );
}

function JournalForm({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [occurredAt, setOccurredAt] = useState(() => toDateTimeLocal(new Date()));
  const [kind, setKind] = useState<Kind>('contact');
  const [participation, setParticipation] = useState(false);
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  // The submit button is disabled while saving, which drops focus to <body>: it goes to the message instead.
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const errors = useFormErrors();
  const idempotency = useIdempotencyKey();

  const create = useMutation({
    mutationFn: (body: JournalInput) =>
      ok(
        api.POST('/households/{id}/journal', {
          params: { path: { id: householdId } },
          body,
          headers: idempotent(idempotency.current(body)),
        }),
      ),
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: () => {
      errors.clear();
      setText('');
      setParticipation(false);
      setOccurredAt(toDateTimeLocal(new Date()));
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: householdKeys.journal(householdId) });
    },
    onError: (err) => errors.showError(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = { occurredAt: dateTimeLocalToIso(occurredAt) ?? '', kind, participation, text };
    const checked = validate(ZJournalCreate, body);
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    create.mutate(body);
  };

  const labels: Record<string, string> = {
    occurredAt: t('journal.occurredAt'),
    kind: t('journal.kind'),
    participation: t('journal.participation'),
    text: t('journal.text'),
  };

  return (
    <form className="stack journal-form" onSubmit={submit} noValidate aria-labelledby="journal-form-title">
      <h3 id="journal-form-title" className="kern-heading-small">
        {t('journal.add')}
      </h3>
      <ErrorSummary errors={errors} formId={FORM} labelFor={(p) => labels[p] ?? p} />
      {saved && (
        <Alert variant="success" ref={savedRef} focusable>
          <p className="kern-body">{t('common.created')}</p>
        </Alert>
      )}
      <div className="form-grid form-grid--2">
        <TextField
          id={fieldId(FORM, 'occurredAt')}
          label={t('journal.occurredAt')}
          type="datetime-local"
          required
          value={occurredAt}
          error={errors.error('occurredAt')}
          onChange={(e) => setOccurredAt(e.target.value)}
        />
        <SelectField
          id={fieldId(FORM, 'kind')}
          label={t('journal.kind')}
          value={kind}
          options={JOURNAL_KINDS.map((k) => ({ value: k, label: t(`journalKind.${k}`) }))}
          error={errors.error('kind')}
          onChange={(e) => setKind(e.target.value as Kind)}
        />
      </div>
      <CheckboxField
        id={fieldId(FORM, 'participation')}
        label={t('journal.participation')}
        checked={participation}
        error={errors.error('participation')}
        onChange={(e) => setParticipation(e.target.checked)}
      />
      <TextAreaField
        id={fieldId(FORM, 'text')}
        label={t('journal.text')}
        required
        rows={4}
        maxLength={10000}
        value={text}
        error={errors.error('text')}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={create.isPending}>
          <span className="kern-label">{create.isPending ? t('common.saving') : t('journal.submit')}</span>
        </button>
      </div>
    </form>
  );
}
