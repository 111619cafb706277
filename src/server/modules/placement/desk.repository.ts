import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';

/* The placement queries behind the start page and the hand-over of offers (see desk.service.ts). */

/** Offers the office is working on: from submission until the lease (drafts are the company's, the rest is done). */
export const OFFICE_OPEN_STATES = ['submitted', 'shortlisting', 'round_table', 'allocated'] as const;

export function placementDeskRepository(tx: Tx, agencyId: string) {
  const offers = () => tx.selectFrom('offers as o').where('o.agency_id', '=', agencyId);
  return {
    /** Offers in these states within the scope (and optionally of this case manager or nobody), oldest change first. */
    async inStates(states: readonly string[], scope: RawBuilder<SqlBool>, caseManagerOrNobody: string | null, limit: number) {
      const base = offers()
        .where('o.status', 'in', states)
        .where(scope)
        .$if(caseManagerOrNobody !== null, (b) =>
          b.where((eb) => eb.or([eb('o.case_manager_id', '=', caseManagerOrNobody), eb('o.case_manager_id', 'is', null)])),
        );
      const [rows, total] = await Promise.all([
        base
          .select(['o.id', 'o.reference', 'o.street', 'o.district', 'o.rooms', 'o.available_from', 'o.updated_at'])
          .orderBy('o.updated_at')
          .orderBy('o.id')
          .limit(limit)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    names: (ids: string[], scope: RawBuilder<SqlBool>) =>
      ids.length
        ? offers().where('o.id', 'in', ids).where(scope).select(['o.id', 'o.reference', 'o.street', 'o.district']).execute()
        : Promise.resolve([]),

    countsByCaseManager: () =>
      offers()
        .where('o.status', 'in', OFFICE_OPEN_STATES)
        .groupBy('o.case_manager_id')
        .select((eb) => ['o.case_manager_id', eb.fn.countAll<number>().as('open')])
        .execute(),

    openOf: (holderId: string | null) =>
      offers()
        .where('o.status', 'in', OFFICE_OPEN_STATES)
        .where('o.case_manager_id', holderId === null ? 'is' : '=', holderId)
        .select(['o.id', 'o.reference', 'o.street', 'o.district', 'o.available_from'])
        .orderBy('o.reference')
        .limit(500)
        .execute(),

    holdings: (ids: string[]) =>
      ids.length
        ? offers().where('o.id', 'in', ids).select(['o.id', 'o.case_manager_id', 'o.status']).forUpdate().execute()
        : Promise.resolve([]),

    /** The household's candidacies (every offer it was shortlisted or ranked for) within the scope, newest first. */
    candidaciesOf: (householdId: string, scope: RawBuilder<SqlBool>) =>
      tx
        .selectFrom('candidates as c')
        .innerJoin('offers as o', (j) => j.onRef('o.id', '=', 'c.offer_id').on('o.agency_id', '=', agencyId))
        .where('c.agency_id', '=', agencyId)
        .where('c.household_id', '=', householdId)
        .where(scope)
        .select([
          'c.id',
          'c.offer_id',
          'c.status',
          'c.rank',
          'o.reference',
          'o.street',
          'o.postal_code',
          'o.city',
          sql<string>`to_char(c.created_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD')`.as('created_on'),
        ])
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id')
        .execute(),

    setCaseManager: async (ids: string[], to: string) => {
      if (ids.length === 0) return;
      await tx
        .updateTable('offers')
        .set({ case_manager_id: to, version: sql`version + 1`, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', 'in', ids)
        .execute();
    },
  };
}
