import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { VISIT_KINDS, VISIT_OUTCOMES, ZVisitInput } from '../../contracts/prevention';
import { api, ok, idempotent } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { Modal } from '../components/Modal';
import { dateTimeLocalToIso, toDateTimeLocal } from '../i18n/format';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId, validate } from '../lib/validation';
import { todayBerlin } from './labels';
import { type Visit } from './queries';

const FORM = 'visit';

/** Records who came to the walk-in hours (or to an appointment). */
export function VisitDialog({ day, onClose, onSaved }: { day: string; onClose: () => void; onSaved: (v: Visit) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    kind: 'walk_in' as Visit['kind'],
    visitedAt: day === todayBerlin() ? toDateTimeLocal(new Date()) : `${day}T09:00`,
    name: '',
    birthDate: '',
    concern: '',
    outcome: 'advice_given' as Visit['outcome'],
    note: '',
  });
  const errors = useFormErrors();
  const idempotency = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (body: z.output<typeof ZVisitInput>) =>
      ok(api.POST('/prevention/visits', { body, headers: idempotent(idempotency.current(body)) })),
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: (v) => {
      void queryClient.invalidateQueries({ queryKey: ['prevention', 'visits'] });
      onSaved(v);
    },
    onError: (err) => errors.showError(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...form,
      visitedAt: dateTimeLocalToIso(form.visitedAt) ?? '',
      birthDate: form.birthDate || null,
      note: form.note.trim() || null,
    };
    const checked = validate(ZVisitInput, body);
    if (!checked.ok) return errors.showIssues(checked.issues);
    errors.clear();
    save.mutate(checked.data);
  };
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const id = (k: string) => fieldId(FORM, k);
  const labels: Record<string, string> = {
    kind: t('prevention.walkIn.col.kind'),
    visitedAt: t('prevention.walkIn.visitedAt'),
    name: t('prevention.walkIn.name'),
    birthDate: t('household.birthDate'),
    concern: t('prevention.walkIn.concern'),
    outcome: t('prevention.walkIn.col.outcome'),
    note: t('prevention.walkIn.note'),
  };
  return (
    <Modal isOpen onClose={onClose} title={t('prevention.walkIn.recordTitle')}>
      <form className="stack dialog-form" onSubmit={submit} noValidate id={FORM}>
        <ErrorSummary errors={errors} formId={FORM} labelFor={(p) => labels[p] ?? p} />
        <div className="form-grid">
          <SelectField
            id={id('kind')}
            label={labels.kind!}
            value={form.kind}
            options={VISIT_KINDS.map((k) => ({ value: k, label: t(`prevention.visitKind.${k}`) }))}
            onChange={(e) => set({ kind: e.target.value as Visit['kind'] })}
          />
          <TextField
            id={id('visitedAt')}
            label={labels.visitedAt!}
            type="datetime-local"
            required
            value={form.visitedAt}
            error={errors.error('visitedAt')}
            onChange={(e) => set({ visitedAt: e.target.value })}
          />
          <TextField
            id={id('name')}
            label={labels.name!}
            required
            maxLength={200}
            autoComplete="off"
            value={form.name}
            error={errors.error('name')}
            onChange={(e) => set({ name: e.target.value })}
          />
          <TextField
            id={id('birthDate')}
            label={labels.birthDate!}
            type="date"
            optional
            value={form.birthDate}
            error={errors.error('birthDate')}
            onChange={(e) => set({ birthDate: e.target.value })}
          />
        </div>
        <TextAreaField
          id={id('concern')}
          label={labels.concern!}
          required
          rows={3}
          maxLength={2000}
          value={form.concern}
          error={errors.error('concern')}
          onChange={(e) => set({ concern: e.target.value })}
        />
        <SelectField
          id={id('outcome')}
          className="field--narrow"
          label={labels.outcome!}
          value={form.outcome}
          options={VISIT_OUTCOMES.filter((o) => o !== 'case_opened').map((o) => ({ value: o, label: t(`prevention.visitOutcome.${o}`) }))}
          onChange={(e) => set({ outcome: e.target.value as Visit['outcome'] })}
        />
        <TextAreaField
          id={id('note')}
          label={labels.note!}
          optional
          rows={2}
          maxLength={4000}
          value={form.note}
          error={errors.error('note')}
          onChange={(e) => set({ note: e.target.value })}
        />
        <div className="form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
            <span className="kern-label">{save.isPending ? t('common.saving') : t('prevention.walkIn.save')}</span>
          </button>
          <Button variant="tertiary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
