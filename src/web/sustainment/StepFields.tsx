import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { CheckboxField, Fieldset, SelectField, TextAreaField, TextField } from '../components/Field';
import { fieldId } from '../lib/validation';
import type { FieldSpec, FieldValue, FormValues } from './stepForm';

interface Props {
  formId: string;
  fields: readonly FieldSpec[];
  values: FormValues;
  error: (name: string) => string | undefined;
  onChange: (name: string, value: FieldValue) => void;
}

/** The inputs of a step form, laid out from their specs (see stepForm.ts). */
export function StepFields({ formId, fields, values, error, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((f) => {
        const id = fieldId(formId, f.name);
        const common = { id, label: f.label, hint: f.hint, optional: f.optional, error: error(f.name) };
        const str = typeof values[f.name] === 'string' ? (values[f.name] as string) : '';
        switch (f.type) {
          case 'textarea':
            return (
              <TextAreaField
                key={f.name}
                {...common}
                rows={4}
                maxLength={4000}
                required={!f.optional}
                value={str}
                onChange={(e) => onChange(f.name, e.target.value)}
              />
            );
          case 'checkbox':
            return (
              <CheckboxField
                key={f.name}
                id={id}
                label={f.label}
                hint={f.hint}
                error={error(f.name)}
                checked={values[f.name] === true}
                onChange={(e) => onChange(f.name, e.target.checked)}
              />
            );
          case 'select':
            return (
              <SelectField
                key={f.name}
                {...common}
                options={f.options ?? []}
                placeholder={t('common.pleaseSelect')}
                required={!f.optional}
                value={str}
                onChange={(e) => onChange(f.name, e.target.value)}
              />
            );
          case 'yesno':
            return (
              <Fieldset key={f.name} legend={f.label} id={id} error={error(f.name)} className="plain-fieldset">
                {f.hint && <p className="kern-hint">{f.hint}</p>}
                {(['yes', 'no'] as const).map((v) => (
                  <div className="kern-form-check" key={v}>
                    <input
                      id={`${id}-${v}`}
                      type="radio"
                      name={id}
                      className="kern-form-check__radio"
                      checked={str === v}
                      onChange={() => onChange(f.name, v)}
                    />
                    <label className="kern-label" htmlFor={`${id}-${v}`}>
                      {f.options?.find((o) => o.value === v)?.label ?? t(`common.${v}`)}
                    </label>
                  </div>
                ))}
              </Fieldset>
            );
          case 'checks': {
            const list = Array.isArray(values[f.name]) ? (values[f.name] as string[]) : [];
            return (
              <Fieldset key={f.name} legend={f.label} id={id} error={error(f.name)} className="plain-fieldset sus-span-all">
                {f.hint && <p className="kern-hint">{f.hint}</p>}
                <div className="check-grid">
                  {(f.options ?? []).map((o) => (
                    <CheckboxField
                      key={o.value}
                      id={`${id}-${o.value}`}
                      label={o.label}
                      checked={list.includes(o.value)}
                      onChange={(e) => onChange(f.name, e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value))}
                    />
                  ))}
                </div>
              </Fieldset>
            );
          }
          case 'months':
            return (
              <MonthsField
                key={f.name}
                formId={formId}
                spec={f}
                value={Array.isArray(values[f.name]) ? (values[f.name] as string[]) : ['']}
                error={error(f.name)}
                onChange={(v) => onChange(f.name, v)}
              />
            );
          default: {
            const type = f.type === 'date' ? 'date' : f.type === 'datetime' ? 'datetime-local' : 'text';
            return (
              <TextField
                key={f.name}
                {...common}
                className={f.type === 'money' || f.type === 'date' ? 'field--narrow' : undefined}
                type={type}
                inputMode={f.type === 'money' ? 'decimal' : undefined}
                required={!f.optional}
                value={str}
                onChange={(e) => onChange(f.name, e.target.value)}
              />
            );
          }
        }
      })}
    </>
  );
}

/** One or more months (`<input type="month">`), with "add" and "remove" buttons. */
function MonthsField({
  formId,
  spec,
  value,
  error,
  onChange,
}: {
  formId: string;
  spec: FieldSpec;
  value: string[];
  error?: string;
  onChange: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = fieldId(formId, spec.name);
  const list = value.length ? value : [''];
  return (
    <Fieldset legend={spec.label} id={id} error={error} className="plain-fieldset">
      {spec.hint && <p className="kern-hint">{spec.hint}</p>}
      <ul className="plain-list sus-months">
        {list.map((m, i) => (
          <li key={i} className="sus-months__row">
            <TextField
              id={`${id}-${i}`}
              label={t('sustainment.form.monthN', { n: i + 1 })}
              className="field--narrow"
              type="month"
              placeholder="JJJJ-MM"
              value={m}
              onChange={(e) => onChange(list.map((x, j) => (j === i ? e.target.value : x)))}
            />
            {list.length > 1 && (
              <Button variant="tertiary" icon="delete" onClick={() => onChange(list.filter((_, j) => j !== i))}>
                {t('sustainment.form.removeMonth', { n: i + 1 })}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button variant="secondary" icon="add" className="sus-add" onClick={() => onChange([...list, ''])}>
        {t('sustainment.form.addMonth')}
      </Button>
    </Fieldset>
  );
}
