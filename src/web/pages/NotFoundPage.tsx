import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('app.notFoundTitle')}>{t('app.notFoundTitle')}</PageHeading>
      <p className="kern-body">{t('app.notFoundText')}</p>
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('app.toHome')}
        </Link>
      </p>
    </>
  );
}
