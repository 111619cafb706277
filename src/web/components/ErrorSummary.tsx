import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { Alert } from './Alert';

interface Props {
  errors: FormErrors;
  formId: string;
  /** Human-readable label of a field path, shown in the list. */
  labelFor?: (path: string) => string;
  /** Extra actions, e.g. the reload button after a 412. */
  children?: ReactNode;
}

/** Summary alert at the top of a form; links move focus to the faulty field. */
export function ErrorSummary({ errors, formId, labelFor, children }: Props) {
  const { t } = useTranslation();
  if (!errors.summary) return null;
  const entries = Object.entries(errors.fields);

  const jump = (e: MouseEvent<HTMLAnchorElement>, path: string) => {
    const el = document.getElementById(fieldId(formId, path));
    if (el) {
      e.preventDefault();
      // A group (fieldset) is not focusable: focus its first input instead.
      const target = el.matches('input, select, textarea') ? el : (el.querySelector<HTMLElement>('input, select, textarea') ?? el);
      target.focus();
      el.scrollIntoView({ block: 'center' });
    }
  };

  return (
    <Alert
      variant="danger"
      title={entries.length > 0 ? t('common.errorSummaryTitle') : t('common.error')}
      ref={errors.summaryRef}
      focusable
    >
      <p className="kern-body">{errors.summary}</p>
      {entries.length > 0 && (
        <>
          <p className="kern-body">{t('common.errorSummaryCount', { count: entries.length })}</p>
          <ul className="kern-list error-summary__list">
            {entries.map(([path, message]) => (
              <li key={path}>
                <a className="kern-link" href={`#${fieldId(formId, path)}`} onClick={(e) => jump(e, path)}>
                  {labelFor ? `${labelFor(path)}: ` : ''}
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </Alert>
  );
}
