import { useTranslation } from 'react-i18next';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        const main = document.getElementById('main');
        if (main) {
          e.preventDefault();
          main.focus();
          main.scrollIntoView();
        }
      }}
    >
      {t('app.skipLink')}
    </a>
  );
}
