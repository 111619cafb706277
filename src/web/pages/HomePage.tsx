import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Alert } from '../components/Alert';
import { PageHeading } from '../components/PageHeading';
import { can } from '../auth/can';
import { isBuilt } from '../modulePages';
import { NAV_ITEMS, navLabelKey } from '../shell/navItems';
import { DeskBoard } from '../desk/DeskBoard';

/** The start page: greeting, the work waiting for this user (the desk, from every module) and quick links. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const links = NAV_ITEMS.filter((item) => item.id !== 'home' && item.id !== 'security' && isBuilt(item.id) && can(me, item.permission));
  const quick = can(me, 'household.create') || links.length > 0;

  return (
    <>
      <PageHeading title={t('home.title')}>{t('home.title')}</PageHeading>
      <p className="kern-body kern-body--large">{t('home.greeting', { name: me.displayName })}</p>
      <p className="kern-body">{t('home.intro', { agency: me.agency.name, role: t(`roles.${me.role}`) })}</p>

      {!me.totpEnabled && (
        <Alert variant="info">
          <p className="kern-body">
            {t('home.totpHint')}{' '}
            <Link className="kern-link" to="/security">
              {t('security.title')}
            </Link>
          </p>
        </Alert>
      )}

      <DeskBoard />

      {me.role === 'carrier_worker' && !isBuilt('aftercare') ? (
        <p className="kern-body">{t('home.carrierStart')}</p>
      ) : (
        !quick && <p className="kern-body">{t('home.nothingYet')}</p>
      )}

      {quick && (
        <section aria-labelledby="quick-links" className="section">
          <h2 id="quick-links" className="kern-heading-medium">
            {t('home.quickLinks')}
          </h2>
          <ul className="quick-links">
            {can(me, 'household.create') && (
              <li>
                <Link className="quick-link" to="/households/new">
                  <span className="kern-icon kern-icon--add" aria-hidden="true" />
                  {t('home.newHousehold')}
                </Link>
              </li>
            )}
            {links.map((item) => (
              <li key={item.id}>
                <Link className="quick-link" to={item.path}>
                  {t(navLabelKey(item, me.role))}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
