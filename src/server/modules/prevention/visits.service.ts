import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TPreventionSettings } from '../../../contracts/admin.js';
import type { ZVisit, ZVisitInput, ZVisitListQuery, ZVisitUpdate } from '../../../contracts/prevention.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { AccessDenied } from '../../platform/errors/app-error.js';
import type { Tx } from '../../db/database.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { householdFacts } from '../households/households.service.js';
import { fieldError, kit } from './prevention.shared.js';
import { visitRepository, type VisitRow, type VisitWrite } from './visits.repository.js';

type Visit = z.infer<typeof ZVisit>;
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Whether an instant falls into the agency's open consultation hours (Europe/Berlin wall clock). */
export function duringWalkInHours(hours: TPreventionSettings['walkInHours'], at: Date): boolean {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  const weekday = WEEKDAYS[p.weekday!]!;
  const time = `${p.hour}:${p.minute}`;
  return hours.some((h) => h.weekday === weekday && time >= h.from && time < h.to);
}

const present = (v: VisitRow): Visit => ({
  id: v.id,
  kind: v.kind as Visit['kind'],
  visitedAt: new Date(v.visited_at).toISOString(),
  name: v.name,
  birthDate: v.birth_date,
  concern: v.concern,
  outcome: v.outcome as Visit['outcome'],
  note: v.note,
  householdId: v.household_id,
  caseId: v.case_id,
  duringWalkInHours: v.during_walk_in,
  by: v.created_by ? { id: v.created_by, displayName: v.by_name ?? '' } : null,
  version: v.version,
  createdAt: new Date(v.created_at).toISOString(),
});

/** The register of walk-in consultation hours and appointments: who came, when, why, with what result. */
export function visitService(db: Kysely<DB>) {
  /** A named household must be one of the agency's. */
  const checkHousehold = async (tx: Tx, ctx: Ctx, id: string | null | undefined) => {
    if (id && !(await householdFacts(tx, ctx.actor.agencyId, id)))
      throw fieldError('householdId', 'invalid_value', 'Diesen Haushalt gibt es in dieser Behörde nicht.');
  };
  const during = (hours: TPreventionSettings['walkInHours'], input: z.output<typeof ZVisitInput>) =>
    input.kind === 'walk_in' && duringWalkInHours(hours, new Date(input.visitedAt));

  return {
    list: (ctx: Ctx, q: z.output<typeof ZVisitListQuery>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.visit.list');
        const { items, total } = await visitRepository(tx, ctx.actor.agencyId).list(q);
        audit(tx, ctx, { action: 'prevention.visit_list', details: { from: q.from ?? null, to: q.to ?? null, results: items.length } });
        return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
      }),

    create: (ctx: Ctx, input: z.output<typeof ZVisitInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.visit.create');
        const repo = visitRepository(tx, ctx.actor.agencyId);
        await checkHousehold(tx, ctx, input.householdId);
        const s = await kit(tx, ctx).fx.settings();
        const row = await repo.insert(
          {
            kind: input.kind,
            visited_at: input.visitedAt,
            name: input.name,
            birth_date: input.birthDate,
            concern: input.concern,
            outcome: input.outcome,
            note: input.note,
            household_id: input.householdId,
            during_walk_in: during(s.prevention.walkInHours, input),
          } satisfies VisitWrite,
          ctx.actor.userId,
        );
        audit(tx, ctx, { action: 'prevention.visit_create', entityId: row.id });
        return present(await repo.find(row.id));
      }),

    update: (ctx: Ctx, id: string, input: z.output<typeof ZVisitUpdate>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.visit.update', { type: 'prevention_visit', id });
        const k = kit(tx, ctx);
        const repo = visitRepository(tx, ctx.actor.agencyId);
        const v = await repo.lock(id);
        if (!v) throw new AccessDenied('prevention.visit.update', { type: 'prevention_visit', id });
        k.checkVersion(v.version, input.version);
        await checkHousehold(tx, ctx, input.householdId);
        const s = await k.fx.settings();
        await repo.update(id, {
          kind: input.kind,
          visited_at: input.visitedAt,
          name: input.name,
          birth_date: input.birthDate,
          concern: input.concern,
          // A visit that opened a case keeps that outcome.
          outcome: v.case_id ? 'case_opened' : input.outcome,
          note: input.note,
          household_id: v.case_id ? v.household_id : input.householdId,
          during_walk_in: during(s.prevention.walkInHours, input),
        });
        audit(tx, ctx, { action: 'prevention.visit_update', entityId: id });
        return present(await repo.find(id));
      }),
  };
}
