import { useTranslation } from 'react-i18next';
import type { Template } from './queries';

/** The placeholders a template may use; a click inserts one at the cursor of the text field. */
export function PlaceholderList({
  placeholders,
  onInsert,
  disabled,
}: {
  placeholders: Template['placeholders'];
  onInsert: (text: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="placeholder-list" aria-labelledby="placeholders-title">
      <h2 id="placeholders-title" className="kern-heading-small">
        {t('documentTemplates.placeholders')}
      </h2>
      <p className="kern-hint">{t('documentTemplates.placeholdersHint')}</p>
      <ul className="placeholder-list__items">
        {placeholders.map((p) => {
          const token = `{{${p.key}}}`;
          return (
            <li key={p.key}>
              <button
                type="button"
                className="placeholder-list__button"
                disabled={disabled}
                onClick={() => onInsert(token)}
                aria-describedby={`ph-${p.key}`}
              >
                <code>{token}</code>
                <span className="visually-hidden"> {t('documentTemplates.insert')}</span>
              </button>
              <span id={`ph-${p.key}`} className="placeholder-list__description">
                {p.description}
                {p.type && p.type !== 'text' ? ` · ${t(`documentTemplates.type_${p.type}`)}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
