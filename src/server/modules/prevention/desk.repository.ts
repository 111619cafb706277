import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/* The prevention queries behind the start page and the hand-over of cases (see desk.service.ts). */

export function preventionDeskRepository(tx: Tx, agencyId: string) {
  const cases = () =>
    tx.selectFrom('prevention_cases as c').innerJoin('households as h', 'h.id', 'c.household_id').where('c.agency_id', '=', agencyId);
  return {
    /**
     * New notices: open cases no contact was tried for yet, of this holder (case manager or social
     * worker column; `mineOrNobody` adds the unassigned ones), next contact step first.
     */
    async newNotices(
      filter: { column: 'case_manager_id' | 'social_worker_id'; userId: string; mineOrNobody: boolean } | null,
      limit: number,
    ) {
      const base = cases()
        .where('c.status', '=', 'contacting')
        .where('c.first_attempt_at', 'is', null)
        .$if(filter !== null, (b) =>
          b.where((eb) =>
            filter!.mineOrNobody
              ? eb.or([eb(`c.${filter!.column}`, '=', filter!.userId), eb(`c.${filter!.column}`, 'is', null)])
              : eb(`c.${filter!.column}`, '=', filter!.userId),
          ),
        );
      const [rows, total] = await Promise.all([
        base
          .select(['c.id', 'c.reference', 'c.source', 'c.received_on', 'c.next_contact_due_on', 'c.city', 'c.street', 'h.head_name'])
          .orderBy(sql`c.next_contact_due_on NULLS LAST`)
          .orderBy('c.received_on')
          .orderBy('c.id')
          .limit(limit)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** Names of these cases (prevention cases are visible to every role that may read them). */
    names: (ids: string[]) =>
      ids.length ? cases().where('c.id', 'in', ids).select(['c.id', 'c.reference', 'h.head_name']).execute() : Promise.resolve([]),

    /** Open cases per case manager (null: nobody). */
    countsByCaseManager: () =>
      cases()
        .where('c.status', '<>', 'closed')
        .groupBy('c.case_manager_id')
        .select((eb) => ['c.case_manager_id', eb.fn.countAll<number>().as('open')])
        .execute(),

    /** One case manager's open cases (null: the unassigned ones). */
    openOf: (holderId: string | null) =>
      cases()
        .where('c.status', '<>', 'closed')
        .where('c.case_manager_id', holderId === null ? 'is' : '=', holderId)
        .select(['c.id', 'c.reference', 'c.status', 'c.next_contact_due_on', 'c.cure_end', 'h.head_name'])
        .orderBy('c.reference')
        .limit(500)
        .execute(),

    holdings: (ids: string[]) =>
      ids.length
        ? tx
            .selectFrom('prevention_cases')
            .where('agency_id', '=', agencyId)
            .where('id', 'in', ids)
            .select(['id', 'case_manager_id', 'status'])
            .forUpdate()
            .execute()
        : Promise.resolve([]),

    /** The household's prevention cases for its programme overview, newest first. */
    ofHousehold: (householdId: string) =>
      tx
        .selectFrom('prevention_cases as c')
        .where('c.agency_id', '=', agencyId)
        .where('c.household_id', '=', householdId)
        .select([
          'c.id',
          'c.reference',
          'c.status',
          'c.street',
          'c.postal_code',
          'c.city',
          'c.received_on',
          sql<string | null>`to_char(c.closed_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD')`.as('closed_on'),
        ])
        .orderBy('c.received_on', 'desc')
        .orderBy('c.id')
        .execute(),

    setCaseManager: async (ids: string[], to: string) => {
      if (ids.length === 0) return;
      await tx
        .updateTable('prevention_cases')
        .set((eb) => ({ case_manager_id: to, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', 'in', ids)
        .execute();
    },
  };
}
