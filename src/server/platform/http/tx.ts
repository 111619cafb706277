import { CompiledQuery, type Kysely } from 'kysely';
import { inAgency, sendWithoutWaiting, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { audit } from '../audit/audit.js';
import { AccessDenied } from '../errors/app-error.js';
import type { Ctx } from './context.js';

/**
 * Runs a service body in one transaction of the actor's agency (`inAgency`, the one transaction
 * helper). A denied attempt rolls back whatever ran and is then audited (see `auditDenials`).
 */
export function actorTx<T>(db: Kysely<DB>, ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return auditDenials(db, ctx, () =>
    inAgency(db, ctx.actor.agencyId, (tx) => {
      // The actor of the domain event log's transitions (the state-column triggers read it); sent
      // with the first statement, no round trip of its own.
      sendWithoutWaiting(tx, CompiledQuery.raw("SELECT set_config('app.actor_id', $1, true)", [ctx.actor.userId]));
      return fn(tx);
    }),
  );
}

/**
 * Runs `fn` (which opens its own transactions, e.g. a long upload committed in batches); a denied
 * attempt is audited in a transaction of its own, then rethrown, so denials are never lost.
 */
export async function auditDenials<T>(db: Kysely<DB>, ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AccessDenied) {
      await inAgency(db, ctx.actor.agencyId, async (tx) =>
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
