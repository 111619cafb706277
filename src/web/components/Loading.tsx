import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="kern-loader" aria-hidden="true" />
      <span className="kern-body">{t('app.loading')}</span>
    </div>
  );
}
