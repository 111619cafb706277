import type { z } from 'zod';
import type { ZImportField, ZImportSource } from '../../contracts/preventionImport';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, IMPORT_SOURCES } from '../../contracts/preventionImport';
import { ApiError } from '../api';
import { ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { SelectField, TextField } from '../components/Field';
import { errorMessage } from '../i18n/errors';
import { importKeys, saveMapping, type ImportJob } from './api';

type ImportField = z.infer<typeof ZImportField>;
type ImportSource = z.infer<typeof ZImportSource>;

/** Step 2: a field per column (suggested from the headings), the notices' source; then every row is checked. */
export function MappingStep({ job, onCancel, onSaved }: { job: ImportJob; onCancel?: (() => void) | undefined; onSaved?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [columns, setColumns] = useState<(ImportField | null)[]>(job.mapping ?? job.suggestedMapping);
  const [source, setSource] = useState<ImportSource>(job.source ?? 'landlord');
  const [defaultCity, setDefaultCity] = useState(job.defaultCity ?? '');
  const save = useMutation({
    mutationFn: () => saveMapping(job.id, { columns, source, defaultCity: defaultCity.trim() || null, version: job.version }),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: [...importKeys.job(job.id), 'rows'] });
      queryClient.setQueryData(importKeys.job(job.id), updated);
      onSaved?.();
    },
  });
  const problems = save.error instanceof ApiError ? (save.error.problem.errors ?? []) : [];
  const errorAt = (field: string) =>
    problems
      .filter((p) => p.field === field)
      .map((p) => p.message)
      .join(' ') || undefined;
  const general = problems.filter((p) => p.field === 'columns' || p.field === 'defaultCity');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const fieldOptions = IMPORT_FIELDS.map((f) => ({ value: f, label: t(`preventionImport.fields.${f}`) }));

  return (
    <form onSubmit={submit} noValidate aria-busy={save.isPending || undefined}>
      <h2 className="kern-heading-medium">{t('preventionImport.mappingTitle')}</h2>
      <p className="kern-body">{t('preventionImport.mappingIntro')}</p>
      {save.error && (
        <ErrorAlert message={errorMessage(save.error, t)}>
          {general.length > 0 && (
            <ul className="kern-list">
              {general.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          )}
        </ErrorAlert>
      )}
      <div
        className="kern-table-responsive table-scroll import-mapping"
        role="group"
        aria-label={t('preventionImport.mappingCaption')}
        tabIndex={0}
      >
        <table className="kern-table kern-table--small">
          <caption className="visually-hidden">{t('preventionImport.mappingCaption')}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('preventionImport.colColumn')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('preventionImport.colSamples')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('preventionImport.colField')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {job.columns.map((c) => (
              <tr key={c.index} className="kern-table__row">
                <th scope="row" className="kern-table__header">
                  {c.name}
                </th>
                <td className="kern-table__cell">
                  <ul className="import-samples">
                    {c.samples.map((s, i) => (
                      <li key={i}>{s}</li>
                    ))}
                  </ul>
                </td>
                <td className="kern-table__cell">
                  <SelectField
                    id={`import-column-${c.index}`}
                    label={t('preventionImport.fieldFor', { column: c.name })}
                    className="label-visually-hidden"
                    options={fieldOptions}
                    placeholder={t('preventionImport.ignore')}
                    value={columns[c.index] ?? ''}
                    error={errorAt(`columns.${c.index}`)}
                    onChange={(e) =>
                      setColumns((prev) => prev.map((v, i) => (i === c.index ? (e.target.value as ImportField) || null : v)))
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="import-options">
        <SelectField
          id="import-source"
          label={t('preventionImport.source')}
          options={IMPORT_SOURCES.map((s) => ({ value: s, label: t(`preventionImport.sources.${s}`) }))}
          value={source}
          onChange={(e) => setSource(e.target.value as ImportSource)}
        />
        <TextField
          id="import-default-city"
          label={t('preventionImport.defaultCity')}
          hint={t('preventionImport.defaultCityHint')}
          optional
          value={defaultCity}
          error={errorAt('defaultCity')}
          onChange={(e) => setDefaultCity(e.target.value)}
        />
      </div>
      <div className="import-actions">
        <Button type="submit" icon="check" disabled={save.isPending}>
          {save.isPending ? t('preventionImport.checking') : t('preventionImport.check')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
