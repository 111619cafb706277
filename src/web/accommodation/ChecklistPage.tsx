import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZChecklistInput } from '../../contracts/accommodationInspections';
import { api, ApiError, ok } from '../api';
import { ErrorAlert } from '../components/Alert';
import { Button, ButtonLink } from '../components/Button';
import { TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage, fieldErrorMessage, type FieldIssue } from '../i18n/errors';
import { useChecklist, type Checklist } from './inspections.queries';
import { useRefreshAccommodation } from './queries';

type Row = { key: string; title: string; category: string; norm: string };
const ITEM_FIELDS = ['key', 'title', 'category', 'norm'] as const;

/** The lead's page for the checklist of minimum standards: edit the items and the routine interval, save as a new version. */
export function ChecklistPage() {
  const { t } = useTranslation();
  const q = useChecklist();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert message={errorMessage(q.error, t)} />;
  return <ChecklistForm key={q.data.version} checklist={q.data} />;
}

function ChecklistForm({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  const refresh = useRefreshAccommodation();
  const [rows, setRows] = useState<Row[]>(
    checklist.items.map((i) => ({ key: i.key, title: i.title, category: i.category, norm: i.norm ?? '' })),
  );
  const [months, setMonths] = useState(String(checklist.routineMonths));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const c = (k: string, o?: Record<string, unknown>) => String(t(`inspections.checklist.${k}` as never, o as never));
  const save = useMutation({
    mutationFn: (body: unknown) => ok(api.PUT('/accommodation/checklist', { body: body as never })),
    onSuccess: async (r) => {
      setSaved(r.version);
      await refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.problem.errors) setErrors(toMap(e.problem.errors as FieldIssue[]));
    },
  });
  const toMap = (issues: FieldIssue[]) => Object.fromEntries(issues.map((i) => [i.field, fieldErrorMessage(i, t)]));
  const submit = () => {
    setSaved(null);
    const body = {
      items: rows.map((r) => ({ ...r, norm: r.norm || null })),
      routineMonths: months === '' ? Number.NaN : Number(months),
      note: note || null,
      version: checklist.version,
    };
    const parsed = ZChecklistInput.safeParse(body);
    if (!parsed.success) {
      setErrors(toMap(parsed.error.issues.map((i) => ({ ...i, field: i.path.join('.') }) as FieldIssue)));
      return;
    }
    setErrors({});
    save.mutate(body);
  };
  const set = (n: number, k: keyof Row, v: string) => setRows((rs) => rs.map((r, i) => (i === n ? { ...r, [k]: v } : r)));
  const title = c('title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body page-intro">{c('intro')}</p>
      <p className="kern-body">{checklist.version ? c('version', { version: checklist.version }) : c('defaultVersion')}</p>
      {saved !== null && (
        <p className="kern-body" role="status">
          {c('saved', { version: saved })}
        </p>
      )}
      {save.isError && !(save.error instanceof ApiError && save.error.problem.errors) && (
        <ErrorAlert message={errorMessage(save.error, t)} />
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField
          id="cl-routineMonths"
          label={c('routineMonths')}
          inputMode="numeric"
          value={months}
          error={errors.routineMonths}
          onChange={(e) => setMonths(e.target.value)}
        />
        {rows.map((r, n) => (
          <Section key={n} id={`cl-item-${n}`} title={`${c('item', { n: n + 1 })}: ${r.title || '–'}`}>
            {ITEM_FIELDS.map((k) => (
              <TextField
                key={k}
                id={`cl-${n}-${k}`}
                label={c(k === 'title' ? 'itemTitle' : k)}
                optional={k === 'norm'}
                value={r[k]}
                error={errors[`items.${n}.${k}`]}
                onChange={(e) => set(n, k, e.target.value)}
              />
            ))}
            <Button variant="tertiary" type="button" onClick={() => setRows((rs) => rs.filter((_, i) => i !== n))}>
              {c('remove', { n: n + 1 })}
            </Button>
          </Section>
        ))}
        {errors.items && <p className="kern-error kern-body">{errors.items}</p>}
        <p>
          <Button
            variant="secondary"
            type="button"
            icon="add"
            onClick={() => setRows((rs) => [...rs, { key: '', title: '', category: '', norm: '' }])}
          >
            {c('add')}
          </Button>
        </p>
        <TextField id="cl-note" label={c('note')} optional value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
        <p>
          <Button type="submit" disabled={save.isPending}>
            {c('save')}
          </Button>
        </p>
      </form>
      <ButtonLink to="/accommodation" variant="secondary">
        {t('accommodation.title')}
      </ButtonLink>
    </>
  );
}
