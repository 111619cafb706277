import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZAuditPage } from '../../contracts/admin';
import type { Permission } from '../../contracts/permissions';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { useEntityTypeLabel } from '../lib/labels';

type AuditEvent = z.infer<typeof ZAuditPage>['items'][number];

/** Record pages an event can link to, and the permission that opens them (the auditor: prevention cases). */
const RECORD_PAGES: Record<string, { permission: Permission; path: (id: string) => string }> = {
  household: { permission: 'household.read', path: (id) => `/households/${id}` },
  prevention_case: { permission: 'prevention.read', path: (id) => `/prevention/cases/${id}` },
  offer: { permission: 'offer.read', path: (id) => `/placement/offers/${id}` },
  tenancy: { permission: 'tenancy.read', path: (id) => `/sustainment/tenancies/${id}` },
  aftercare_case: { permission: 'aftercare.read', path: (id) => `/aftercare/cases/${id}` },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record an audit event is about: its kind, its name where known, a link where the viewer may open it. */
export function EntityCell({ event: e }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const me = useMe();
  const entityTypeLabel = useEntityTypeLabel();
  if (!e.entityType && !e.entityId) return <>{t('common.none')}</>;
  const kind = e.entityType ? entityTypeLabel(e.entityType) : null;
  const page = e.entityType ? RECORD_PAGES[e.entityType] : undefined;
  const id = e.entityId;
  const shownId = id ? (id.length > 12 ? `${id.slice(0, 8)}…` : id) : null;
  const name = e.entityName ?? shownId;
  const href = page && id && UUID.test(id) && can(me, page.permission) ? page.path(id) : null;
  return (
    <>
      {kind}
      {name &&
        (href ? (
          <>
            {kind ? ' ' : null}
            <Link to={href} className="kern-link" title={id ?? undefined}>
              {e.entityName ?? <code className="kern-body--small">{shownId}</code>}
            </Link>
          </>
        ) : e.entityName ? (
          ` ${e.entityName}`
        ) : (
          <>
            <br />
            <code className="kern-body--small" title={id ?? undefined}>
              {shownId}
            </code>
          </>
        ))}
    </>
  );
}
