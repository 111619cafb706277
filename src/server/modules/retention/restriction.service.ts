import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZRestrictionCreate, ZRestrictionState } from '../../../contracts/retention.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { Tx } from '../../db/database.js';
import { visibleHousehold } from '../households/households.service.js';
import { restrictionRepository } from './restriction.repository.js';

type State = z.output<typeof ZRestrictionState>;

async function stateOf(tx: Tx, agencyId: string, householdId: string): Promise<State> {
  const rows = await restrictionRepository(tx, agencyId).history(householdId);
  const history = rows.map((r) => ({
    id: r.id,
    reason: r.reason as State['history'][number]['reason'],
    note: r.note,
    restrictedBy: r.restricted_by_name,
    restrictedAt: r.restricted_at.toISOString(),
    liftedAt: r.lifted_at ? new Date(r.lifted_at).toISOString() : null,
    liftNote: r.lift_note,
  }));
  return { active: history.find((h) => !h.liftedAt) ?? null, history };
}

/** Restriction of processing of one household: read (for the banner), set and lift. Enforcement: restriction.guard.ts. */
export function restrictionService(db: Kysely<DB>) {
  const visible = async (tx: Tx, ctx: Ctx, householdId: string, permission: 'restriction.read' | 'restriction.write') =>
    access.requireHousehold(ctx.actor, permission, await visibleHousehold(tx, ctx.actor, householdId), householdId);

  return {
    get: (ctx: Ctx, householdId: string) =>
      actorTx(db, ctx, async (tx) => {
        await visible(tx, ctx, householdId, 'restriction.read');
        audit(tx, ctx, { action: 'restriction.read', entityId: householdId });
        return stateOf(tx, ctx.actor.agencyId, householdId);
      }),

    restrict: (ctx: Ctx, householdId: string, input: z.output<typeof ZRestrictionCreate>) =>
      actorTx(db, ctx, async (tx) => {
        await visible(tx, ctx, householdId, 'restriction.write');
        const row = await restrictionRepository(tx, ctx.actor.agencyId).restrict(householdId, input.reason, input.note, ctx.actor.userId);
        if (!row) throw new AppError('conflict', 'Die Verarbeitung ist bereits eingeschränkt.', { currentState: 'restricted' });
        audit(tx, ctx, { action: 'restriction.set', entityId: householdId, details: { restriction: row.id, reason: input.reason } });
        return stateOf(tx, ctx.actor.agencyId, householdId);
      }),

    lift: (ctx: Ctx, householdId: string, note: string) =>
      actorTx(db, ctx, async (tx) => {
        await visible(tx, ctx, householdId, 'restriction.write');
        const row = await restrictionRepository(tx, ctx.actor.agencyId).lift(householdId, note, ctx.actor.userId);
        if (!row) throw new AppError('conflict', 'Die Verarbeitung ist nicht eingeschränkt.', { currentState: 'unrestricted' });
        audit(tx, ctx, { action: 'restriction.lift', entityId: householdId, details: { restriction: row.id } });
        return stateOf(tx, ctx.actor.agencyId, householdId);
      }),
  };
}
export type RestrictionService = ReturnType<typeof restrictionService>;
