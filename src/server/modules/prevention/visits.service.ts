import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { TPreventionSettings } from '../../../contracts/admin.js';
import type { ZVisit, ZVisitInput, ZVisitListQuery, ZVisitUpdate } from '../../../contracts/prevention.js';
import type { DB, PreventionVisitsTable } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { AccessDenied } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { addDays } from './prevention.derive.js';
import { fieldError, kit } from './prevention.shared.js';

type Visit = z.infer<typeof ZVisit>;
const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Whether an instant falls into the agency's open consultation hours (Europe/Berlin wall clock). */
export function duringWalkInHours(hours: TPreventionSettings['walkInHours'], at: Date): boolean {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  const weekday = WEEKDAYS[p.weekday!]!;
  const time = `${p.hour}:${p.minute}`;
  return hours.some((h) => h.weekday === weekday && time >= h.from && time < h.to);
}

type VisitRow = Selectable<PreventionVisitsTable> & { by_name: string | null };
const present = (v: VisitRow): Visit => ({
  id: v.id, kind: v.kind as Visit['kind'], visitedAt: new Date(v.visited_at).toISOString(), name: v.name, birthDate: v.birth_date, concern: v.concern,
  outcome: v.outcome as Visit['outcome'], note: v.note, householdId: v.household_id, caseId: v.case_id, duringWalkInHours: v.during_walk_in,
  by: v.created_by ? { id: v.created_by, displayName: v.by_name ?? '' } : null, version: v.version, createdAt: new Date(v.created_at).toISOString(),
});

/** The register of walk-in consultation hours and appointments: who came, when, why, with what result. */
export function visitService(db: Kysely<DB>) {
  const select = (tx: Kysely<DB>, agencyId: string) =>
    tx.selectFrom('prevention_visits as v').leftJoin('users as u', 'u.id', 'v.created_by').selectAll('v').select('u.display_name as by_name').where('v.agency_id', '=', agencyId);

  return {
    list: (ctx: Ctx, q: z.output<typeof ZVisitListQuery>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.visit.list');
        const base = select(tx, ctx.actor.agencyId)
          .$if(!!q.from, (b) => b.where('v.visited_at', '>=', new Date(endOfDayBerlin(addDays(q.from!, -1)).getTime() + 1)))
          .$if(!!q.to, (b) => b.where('v.visited_at', '<=', endOfDayBerlin(q.to!)))
          .$if(!!q.kind, (b) => b.where('v.kind', '=', q.kind!));
        const [items, total] = await Promise.all([
          base.orderBy('v.visited_at', 'desc').orderBy('v.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
          base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ]);
        audit(tx, ctx, { action: 'prevention.visit_list', details: { from: q.from ?? null, to: q.to ?? null, results: items.length } });
        return { items: items.map(present), total: Number(total.n), page: q.page, pageSize: q.pageSize };
      }),

    create: (ctx: Ctx, input: z.output<typeof ZVisitInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.visit.create');
        const k = kit(tx, ctx);
        if (input.householdId && !(await k.repo.householdVisible(input.householdId))) throw fieldError('householdId', 'invalid_value', 'Diesen Haushalt gibt es in dieser Behörde nicht.');
        const s = await k.fx.settings();
        const row = await tx.insertInto('prevention_visits').values({
          agency_id: ctx.actor.agencyId, kind: input.kind, visited_at: input.visitedAt, name: input.name, birth_date: input.birthDate, concern: input.concern,
          outcome: input.outcome, note: input.note, household_id: input.householdId, during_walk_in: input.kind === 'walk_in' && duringWalkInHours(s.prevention.walkInHours, new Date(input.visitedAt)),
          created_by: ctx.actor.userId,
        }).returning('id').executeTakeFirstOrThrow();
        audit(tx, ctx, { action: 'prevention.visit_create', entityId: row.id });
        return present((await select(tx, ctx.actor.agencyId).where('v.id', '=', row.id).executeTakeFirstOrThrow()) as VisitRow);
      }),

    update: (ctx: Ctx, id: string, input: z.output<typeof ZVisitUpdate>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.visit.update', { type: 'prevention_visit', id });
        const k = kit(tx, ctx);
        const v = await tx.selectFrom('prevention_visits').selectAll().where('agency_id', '=', ctx.actor.agencyId).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!v) throw new AccessDenied('prevention.visit.update', { type: 'prevention_visit', id });
        k.checkVersion(v.version, input.version);
        if (input.householdId && !(await k.repo.householdVisible(input.householdId))) throw fieldError('householdId', 'invalid_value', 'Diesen Haushalt gibt es in dieser Behörde nicht.');
        const s = await k.fx.settings();
        await tx.updateTable('prevention_visits').set((eb) => ({
          kind: input.kind, visited_at: input.visitedAt, name: input.name, birth_date: input.birthDate, concern: input.concern,
          // A visit that opened a case keeps that outcome.
          outcome: v.case_id ? 'case_opened' : input.outcome, note: input.note, household_id: v.case_id ? v.household_id : input.householdId,
          during_walk_in: input.kind === 'walk_in' && duringWalkInHours(s.prevention.walkInHours, new Date(input.visitedAt)), version: eb('version', '+', 1),
        })).where('id', '=', id).execute();
        audit(tx, ctx, { action: 'prevention.visit_update', entityId: id });
        return present((await select(tx, ctx.actor.agencyId).where('v.id', '=', id).executeTakeFirstOrThrow()) as VisitRow);
      }),
  };
}
