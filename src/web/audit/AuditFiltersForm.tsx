import { useState, type FormEvent } from 'react';
import { useActionOptions } from '../lib/labels';
import { useTranslation } from 'react-i18next';
import { ZAuditQuery } from '../../contracts/admin';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/Field';
import { useFormErrors } from '../lib/formErrors';
import { fieldId, validate } from '../lib/validation';
import { ActorPicker, RecordPicker } from './AuditPickers';
import { auditApiQuery, EMPTY_FILTERS, OUTCOMES, type AuditFilters } from './auditParams';

const FORM = 'audit-filter';

export function AuditFiltersForm({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const errors = useFormErrors();
  const set = (p: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...p }));
  const actionOptions = useActionOptions();

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
        <ActorPicker
          id={fieldId(FORM, 'actorId')}
          value={draft.actorId}
          error={errors.error('actorId')}
          onChange={(actorId) => set({ actorId })}
        />
        <RecordPicker
          id={fieldId(FORM, 'entityId')}
          value={draft.entityId}
          error={errors.error('entityId')}
          onChange={(entityId) => set({ entityId })}
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
