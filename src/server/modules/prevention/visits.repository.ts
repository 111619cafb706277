import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { ZVisitListQuery } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import type { PreventionVisitsTable } from '../../db/types.js';
import { endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { addDays } from './prevention.derive.js';

export type VisitRow = Selectable<PreventionVisitsTable> & { by_name: string | null };

export interface VisitWrite {
  kind: string;
  visited_at: string;
  name: string;
  birth_date: string | null;
  concern: string;
  outcome: string;
  note: string | null;
  household_id: string | null;
  during_walk_in: boolean;
}

/** Data access for the register of visits (walk-ins and appointments), bound to one agency. */
export function visitRepository(tx: Tx, agencyId: string) {
  const withName = () =>
    tx
      .selectFrom('prevention_visits as v')
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .selectAll('v')
      .select('u.display_name as by_name')
      .where('v.agency_id', '=', agencyId);

  return {
    async list(q: z.output<typeof ZVisitListQuery>) {
      const base = withName()
        .$if(!!q.from, (b) => b.where('v.visited_at', '>=', new Date(endOfDayBerlin(addDays(q.from!, -1)).getTime() + 1)))
        .$if(!!q.to, (b) => b.where('v.visited_at', '<=', endOfDayBerlin(q.to!)))
        .$if(!!q.kind, (b) => b.where('v.kind', '=', q.kind!));
      const [items, total] = await Promise.all([
        base
          .orderBy('v.visited_at', 'desc')
          .orderBy('v.id')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        base
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items: items as VisitRow[], total: Number(total.n) };
    },
    /** The visit with the name of who recorded it. */
    find: (id: string) => withName().where('v.id', '=', id).executeTakeFirstOrThrow() as Promise<VisitRow>,
    /** The visit row locked for a change. */
    lock: (id: string) =>
      tx.selectFrom('prevention_visits').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).forUpdate().executeTakeFirst(),
    /** Which case a visit opened, if it exists (a case is opened from a visit only once). */
    caseOf: (id: string) =>
      tx
        .selectFrom('prevention_visits')
        .select(['id', 'case_id'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst(),
    insert: (v: VisitWrite, by: string) =>
      tx
        .insertInto('prevention_visits')
        .values({ agency_id: agencyId, ...v, created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow(),
    async update(id: string, v: VisitWrite) {
      await tx
        .updateTable('prevention_visits')
        .set((eb) => ({ ...v, version: eb('version', '+', 1) }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },
    /** The visit opened this case, for this household. */
    async linkCase(id: string, caseId: string, householdId: string) {
      await tx
        .updateTable('prevention_visits')
        .set((eb) => ({ case_id: caseId, household_id: householdId, outcome: 'case_opened', version: eb('version', '+', 1) }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },
  };
}
