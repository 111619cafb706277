import type { Kysely } from 'kysely';
import { inAgency, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { audit } from '../audit/audit.js';
import { AccessDenied } from '../errors/app-error.js';
import type { Ctx } from './context.js';

/**
 * Runs a service body in one transaction of the actor's agency. A denied attempt rolls back
 * whatever ran and is then audited in a transaction of its own, so denials are never lost.
 */
export function actorTx<T>(db: Kysely<DB>, ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return guarded(db, ctx, () => inAgency(db, ctx.actor.agencyId, fn));
}

/** Runs `fn`; a denied attempt is audited in a transaction of its own, then rethrown. */
export async function guarded<T>(db: Kysely<DB>, ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AccessDenied) {
      await inAgency(db, ctx.actor.agencyId, (tx) =>
        audit(tx, ctx, {
          action: 'access.denied',
          entityId: e.entity?.id ?? null,
          outcome: 'denied',
          details: { permission: e.permission, entityType: e.entity?.type ?? null },
        }),
      );
    }
    throw e;
  }
}
