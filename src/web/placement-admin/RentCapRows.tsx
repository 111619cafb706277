import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Fieldset, TextField } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { newCapRow, type CapRow } from './conditionsForm';

export const FORM = 'conditions';
const MAX_ROWS = 12;

/** Rent caps by household size: one row per size, rows can be added and removed. */
export function RentCapRows({ rows, errors, onChange }: { rows: CapRow[]; errors: FormErrors; onChange: (rows: CapRow[]) => void }) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<CapRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const largest = rows.reduce((m, r) => Math.max(m, Number(r.persons) || 0), 0);
    onChange([...rows, newCapRow(String(Math.min(largest + 1, MAX_ROWS)))]);
    // Move focus to the new row's amount, so keyboard users continue where the row appeared.
    window.requestAnimationFrame(() => document.getElementById(fieldId(FORM, `rentCaps.${rows.length}.maxColdRentCents`))?.focus());
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    window.requestAnimationFrame(() => document.getElementById(fieldId(FORM, 'rentCaps-add'))?.focus());
  };

  return (
    <Fieldset
      legend={t('placementAdmin.conditions.rentCaps')}
      id={fieldId(FORM, 'rentCaps')}
      error={errors.error('rentCaps')}
      className="cap-rows"
    >
      <p className="kern-hint">{t('placementAdmin.conditions.rentCapsHint')}</p>
      {rows.map((row, i) => {
        const path = (f: string) => `rentCaps.${i}.${f}`;
        const n = i + 1;
        return (
          <fieldset key={row.key} className="cap-row">
            <legend className="visually-hidden">{t('placementAdmin.conditions.rentCapRow', { n })}</legend>
            <TextField
              id={fieldId(FORM, path('persons'))}
              label={t('placementAdmin.conditions.capPersons')}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_ROWS}
              required
              value={row.persons}
              error={errors.error(path('persons'))}
              onChange={(e) => update(row.key, { persons: e.target.value })}
            />
            <TextField
              id={fieldId(FORM, path('maxColdRentCents'))}
              label={t('placementAdmin.conditions.capAmount')}
              inputMode="decimal"
              required
              value={row.amount}
              error={errors.error(path('maxColdRentCents'))}
              onChange={(e) => update(row.key, { amount: e.target.value })}
            />
            <div className="cap-row__remove">
              {rows.length > 1 && (
                <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => remove(i)}>
                  <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                  <span className="kern-sr-only">{t('placementAdmin.conditions.removeCap', { n })}</span>
                </button>
              )}
            </div>
          </fieldset>
        );
      })}
      {rows.length < MAX_ROWS && (
        <div>
          <Button variant="secondary" icon="add" id={fieldId(FORM, 'rentCaps-add')} onClick={add}>
            {t('placementAdmin.conditions.addCap')}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}
