import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../contracts/permissions';
import { PageHeading } from '../components/PageHeading';
import { can } from './can';
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
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[] | null;
  children: ReactNode;
}) {
  const me = useMe();
  return can(me, permission) ? <>{children}</> : <NoAccess />;
}
