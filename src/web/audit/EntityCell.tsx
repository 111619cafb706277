import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZAuditPage } from '../../contracts/admin';
import { useEntityTypeLabel } from '../lib/labels';

type AuditEvent = z.infer<typeof ZAuditPage>['items'][number];

/**
 * The record an audit event is about: its kind, its name where the viewer may see it (the server
 * names it through the owning module), a link where the viewer may open it, else a short id.
 */
export function EntityCell({ event: e }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const entityTypeLabel = useEntityTypeLabel();
  if (!e.entityType && !e.entityId) return <>{t('common.none')}</>;
  const kind = e.entityType ? entityTypeLabel(e.entityType) : null;
  const id = e.entityId;
  const shownId = id ? (id.length > 12 ? `${id.slice(0, 8)}…` : id) : null;
  if (e.entityName && e.entityLink) {
    return (
      <>
        {kind}{' '}
        <Link to={e.entityLink} className="kern-link" title={id ?? undefined}>
          {e.entityName}
        </Link>
      </>
    );
  }
  if (e.entityName) return <>{`${kind ?? ''} ${e.entityName}`.trim()}</>;
  return (
    <>
      {kind}
      {shownId && (
        <>
          <br />
          <code className="kern-body--small" title={id ?? undefined}>
            {shownId}
          </code>
        </>
      )}
    </>
  );
}
