import { useTranslation } from 'react-i18next';

/** Toggles between German and English; the target language name is marked with its own lang. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = i18n.resolvedLanguage === 'en' ? 'de' : 'en';
  return (
    <button type="button" className="kern-btn kern-btn--tertiary lang-switch" onClick={() => void i18n.changeLanguage(target)}>
      <span className="kern-icon kern-icon--language" aria-hidden="true" />
      <span className="kern-label">
        <span className="visually-hidden">{t('app.switchLanguagePrefix')} </span>
        <span lang={target}>{t('app.switchLanguage')}</span>
      </span>
    </button>
  );
}
