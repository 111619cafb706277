import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TChecklist, ZChecklistInput } from '../../../contracts/accommodationInspections.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { DEFAULT_CHECKLIST, DEFAULT_ROUTINE_MONTHS } from './checklist.defaults.js';
import { inspectionsRepository } from './inspections.repository.js';

/** The agency's current checklist, or the default (version 0, not saved yet; items without ids). */
export async function currentChecklist(tx: Tx, agencyId: string): Promise<TChecklist> {
  const repo = inspectionsRepository(tx, agencyId);
  const c = await repo.currentChecklist();
  if (!c)
    return {
      id: null,
      version: 0,
      routineMonths: DEFAULT_ROUTINE_MONTHS,
      note: null,
      createdAt: null,
      items: DEFAULT_CHECKLIST.map((i) => ({ ...i, id: '00000000-0000-0000-0000-000000000000' })),
    };
  return {
    id: c.id,
    version: c.version,
    routineMonths: c.routine_months,
    note: c.note,
    createdAt: c.created_at.toISOString(),
    items: await repo.checklistItems(c.id),
  };
}

/** The id of the current checklist version, saving the default as version 1 when the agency has none. */
export async function checklistInUse(tx: Tx, agencyId: string, by: string | null): Promise<{ id: string; routineMonths: number }> {
  const repo = inspectionsRepository(tx, agencyId);
  const c = await repo.currentChecklist();
  if (c) return { id: c.id, routineMonths: c.routine_months };
  const row = await repo.insertChecklist(1, DEFAULT_ROUTINE_MONTHS, null, [...DEFAULT_CHECKLIST], by);
  if (!row) throw new AppError('precondition_failed', 'Die Checkliste wurde gerade angelegt. Bitte erneut versuchen.');
  return { id: row.id, routineMonths: DEFAULT_ROUTINE_MONTHS };
}

/** The checklist of minimum standards: read by the team, changed (as a new version) by the lead. */
export function checklistService(db: Kysely<DB>) {
  return {
    read: (ctx: Ctx) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read');
        const c = await currentChecklist(tx, ctx.actor.agencyId);
        audit(tx, ctx, { action: 'accommodation.checklist_read', details: { version: c.version } });
        return c;
      }),

    /** Saves a new version; inspections planned before keep the version they were planned with. */
    update: (ctx: Ctx, input: z.output<typeof ZChecklistInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.checklist');
        const repo = inspectionsRepository(tx, ctx.actor.agencyId);
        const current = (await repo.currentChecklist())?.version ?? 0;
        if (current !== input.version)
          throw new AppError('precondition_failed', 'Die Checkliste wurde inzwischen geändert. Bitte laden Sie sie neu.', {
            currentState: String(current),
          });
        const row = await repo.insertChecklist(current + 1, input.routineMonths, input.note, input.items, ctx.actor.userId);
        if (!row) throw new AppError('precondition_failed', 'Die Checkliste wurde inzwischen geändert. Bitte laden Sie sie neu.');
        audit(tx, ctx, {
          action: 'accommodation.checklist_update',
          entityId: row.id,
          details: { version: current + 1, items: input.items.length, routineMonths: input.routineMonths },
        });
        return currentChecklist(tx, ctx.actor.agencyId);
      }),
  };
}
export type ChecklistService = ReturnType<typeof checklistService>;
