import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldBase {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  optional?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ id, label, optional }: Pick<FieldBase, 'id' | 'label' | 'optional'>) {
  const { t } = useTranslation();
  return (
    <label className="kern-label" htmlFor={id}>
      {label}
      {optional && <span className="kern-label__optional"> {t('common.optional')}</span>}
    </label>
  );
}

function HintAndError({ id, hint, error }: Pick<FieldBase, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint && (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="kern-error" id={`${id}-error`}>
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
    </>
  );
}

/** Label, hint and error around one control, wired for screen readers. */
function FieldShell({
  id,
  label,
  error,
  hint,
  optional,
  className,
  children,
}: FieldBase & { className?: string | undefined; children: ReactNode }) {
  return (
    <div className={`kern-form-input ${className ?? ''}`}>
      <Label id={id} label={label} optional={optional} />
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

const controlAria = (id: string, hint?: string, error?: string) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': describedBy(id, hint, error),
});

export function TextField({ id, label, error, hint, optional, className, ...rest }: FieldBase & ComponentProps<'input'>) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} className={className}>
      <input
        id={id}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        {...controlAria(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextAreaField({ id, label, error, hint, optional, className, ...rest }: FieldBase & ComponentProps<'textarea'>) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} className={className}>
      <textarea
        id={id}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        {...controlAria(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  error,
  hint,
  optional,
  options,
  placeholder,
  className,
  ...rest
}: FieldBase & ComponentProps<'select'> & { options: Option[]; placeholder?: string }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} className={className}>
      <div className="kern-form-input__select-wrapper">
        <select
          id={id}
          className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          {...controlAria(id, hint, error)}
          {...rest}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </FieldShell>
  );
}

export function CheckboxField({ id, label, error, hint, className, ...rest }: Omit<FieldBase, 'optional'> & ComponentProps<'input'>) {
  return (
    <div className={`kern-form-check${error ? ' kern-form-check--error' : ''} ${className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        className={`kern-form-check__checkbox${error ? ' kern-form-check__checkbox--error' : ''}`}
        {...controlAria(id, hint, error)}
        {...rest}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint checkbox-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="kern-error" id={`${id}-error`}>
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
    </div>
  );
}

/** Group of related inputs with a legend (checkbox groups, a member block, …). */
export function Fieldset({
  legend,
  children,
  error,
  id,
  className,
}: {
  legend: ReactNode;
  children: ReactNode;
  error?: string;
  id?: string;
  className?: string;
}) {
  return (
    <fieldset
      className={`kern-fieldset${error ? ' kern-fieldset--error' : ''} ${className ?? ''}`}
      id={id}
      aria-describedby={error && id ? `${id}-error` : undefined}
    >
      <legend className="kern-label">{legend}</legend>
      {error && (
        <p className="kern-error" id={id ? `${id}-error` : undefined}>
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
      <div className="kern-fieldset__body">{children}</div>
    </fieldset>
  );
}
