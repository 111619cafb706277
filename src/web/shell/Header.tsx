import { lazy, Suspense } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { can } from '../auth/can';
import { storeMe, useMe } from '../auth/session';
import { NotificationBell } from '../notify/NotificationBell';
import { helpTopicFor } from '../help/content/types';
import { LanguageSwitch } from './LanguageSwitch';

// The search (combobox, popover) loads in a chunk of its own, after the page itself.
const GlobalSearch = lazy(() => import('../search/GlobalSearch').then((m) => ({ default: m.GlobalSearch })));

export function Header() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const logout = useMutation({
    mutationFn: () => ok(api.POST('/auth/logout')),
    onSettled: (data) => {
      // Whatever the server said: forget everything local and go to the login page, or — after a
      // single sign-on — on to the identity provider's logout, which sends the browser back to it.
      queryClient.clear();
      storeMe(queryClient, null);
      if (data && 'endSessionUrl' in data) window.location.assign(data.endSessionUrl);
      else void navigate('/login', { replace: true, state: { loggedOut: true } });
    },
  });

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-brand">
          <Link to="/" className="app-brand__name">
            {t('app.name')}
          </Link>
          <span className="app-brand__agency">
            <span className="visually-hidden">{t('app.agency')}: </span>
            {me.agency.name}
          </span>
        </div>
        <div className="app-header__tools">
          {can(me, 'search.use') && (
            <Suspense fallback={<div className="global-search" />}>
              <GlobalSearch />
            </Suspense>
          )}
          <p className="app-user kern-body kern-body--small">
            <span className="visually-hidden">{t('app.userInfo')} </span>
            <span className="app-user__name">{me.displayName}</span>
            <span className="app-user__role">{t(`roles.${me.role}`)}</span>
          </p>
          <Link className="kern-btn kern-btn--tertiary app-help-link" to={`/help#${helpTopicFor(pathname, me.role)}`}>
            <span className="kern-icon kern-icon--help" aria-hidden="true" />
            <span className="kern-label">
              {t('app.help')}
              <span className="visually-hidden"> – {t('app.helpFor')}</span>
            </span>
          </Link>
          <NotificationBell />
          <LanguageSwitch />
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>
            <span className="kern-icon kern-icon--logout" aria-hidden="true" />
            <span className="kern-label">{t('app.logout')}</span>
          </button>
        </div>
      </div>
    </header>
  );
}
