import { Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { errorMessage } from '../i18n/errors';
import { needsTotpEnrolment } from './can';
import { AppShell } from '../shell/AppShell';
import { fetchMe, ME_KEY, MeContext } from './session';

/** Layout route: loads `me`, sends anonymous users to /login and pending TOTP enrolment to /security. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });

  if (isPending) {
    return (
      <main id="main" className="app-main app-main--standalone">
        <Loading />
      </main>
    );
  }
  if (error) {
    return (
      <main id="main" className="app-main app-main--standalone">
        <h1 className="kern-heading-large">{t('app.name')}</h1>
        <ErrorAlert message={errorMessage(error, t)}>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void refetch()}>
            <span className="kern-label">{t('common.reload')}</span>
          </button>
        </ErrorAlert>
      </main>
    );
  }
  if (!me) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (needsTotpEnrolment(me) && location.pathname !== '/security') {
    return <Navigate to="/security" replace />;
  }
  return (
    <MeContext.Provider value={me}>
      <AppShell>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell>
    </MeContext.Provider>
  );
}
