import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { can } from '../permissions';
import { useMe } from './session';

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('app.noAccessTitle')}>{t('app.noAccessTitle')}</PageHeading>
      <p className="kern-body">{t('app.noAccessText')}</p>
    </>
  );
}

/** Renders children only with one of the given permissions (the server checks again). */
export function RequirePermission({ permission, children }: { permission: string | readonly string[] | null; children: ReactNode }) {
  const me = useMe();
  return can(me, permission) ? <>{children}</> : <NoAccess />;
}
