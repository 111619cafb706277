import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api';
import { useActionOptions, useRoleLabel } from '../lib/labels';
import { useTranslation } from 'react-i18next';
import { ZAuditQuery } from '../../contracts/admin';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/Field';
import { useFormErrors } from '../lib/formErrors';
import { fieldId, validate } from '../lib/validation';
import { auditApiQuery, EMPTY_FILTERS, OUTCOMES, type AuditFilters } from './auditParams';

const FORM = 'audit-filter';

export function AuditFiltersForm({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const errors = useFormErrors();
  const set = (p: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...p }));
  const actionOptions = useActionOptions();
  const roleLabel = useRoleLabel();
  const actors = useQuery({
    queryKey: ['audit-actors'],
    queryFn: ({ signal }) => ok(api.GET('/audit-events/actors', { signal })),
    staleTime: 5 * 60_000,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(ZAuditQuery, auditApiQuery(draft, 1, 50));
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    onApply(draft);
  };

  const labels: Record<string, string> = {
    action: t('audit.action'),
    outcome: t('audit.outcome'),
    actorId: t('audit.actorId'),
    entityId: t('audit.entityId'),
    from: t('audit.from'),
    to: t('audit.to'),
  };

  return (
    <section role="search" className="filters" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title" className="kern-heading-small">
        {t('audit.filters')}
      </h2>
      <ErrorSummary errors={errors} formId={FORM} labelFor={(p) => labels[p] ?? p} />
      <form className="filters__grid" onSubmit={submit} noValidate>
        <SelectField
          id={fieldId(FORM, 'action')}
          label={t('audit.action')}
          value={draft.action}
          placeholder={t('common.all')}
          options={actionOptions}
          error={errors.error('action')}
          onChange={(e) => set({ action: e.target.value })}
        />
        <SelectField
          id={fieldId(FORM, 'outcome')}
          label={t('audit.outcome')}
          value={draft.outcome}
          placeholder={t('common.all')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          error={errors.error('outcome')}
          onChange={(e) => set({ outcome: e.target.value as AuditFilters['outcome'] })}
        />
        <SelectField
          id={fieldId(FORM, 'actorId')}
          label={t('audit.actorId')}
          value={draft.actorId}
          placeholder={t('common.all')}
          options={(actors.data ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName} (${roleLabel(u.role)}${u.active ? '' : `, ${t('users.activeNo')}`})`,
          }))}
          error={errors.error('actorId')}
          onChange={(e) => set({ actorId: e.target.value })}
        />
        <TextField
          id={fieldId(FORM, 'entityId')}
          label={t('audit.entityId')}
          value={draft.entityId}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          error={errors.error('entityId')}
          onChange={(e) => set({ entityId: e.target.value })}
        />
        <TextField
          id={fieldId(FORM, 'from')}
          label={t('audit.from')}
          type="date"
          value={draft.from}
          error={errors.error('from')}
          onChange={(e) => set({ from: e.target.value })}
        />
        <TextField
          id={fieldId(FORM, 'to')}
          label={t('audit.to')}
          type="date"
          value={draft.to}
          error={errors.error('to')}
          onChange={(e) => set({ to: e.target.value })}
        />
        <div className="filters__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('audit.apply')}</span>
          </button>
          <Button
            variant="tertiary"
            onClick={() => {
              setDraft(EMPTY_FILTERS);
              errors.clear();
              onApply(EMPTY_FILTERS);
            }}
          >
            {t('audit.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}
