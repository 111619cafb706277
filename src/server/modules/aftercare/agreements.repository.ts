import type { Tx } from '../../db/database.js';

/* Every statement on the cooperation agreements. */

export function agreementRepository(tx: Tx, agencyId: string) {
  const base = () =>
    tx
      .selectFrom('aftercare_agreements as g')
      .innerJoin('carriers as c', 'c.id', 'g.carrier_id')
      .selectAll('g')
      .select('c.name as carrier_name')
      .select((eb) =>
        eb
          .selectFrom('aftercare_cases as ac')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('ac.carrier_id', '=', 'g.carrier_id')
          .where('ac.agency_id', '=', agencyId)
          .where('ac.state', 'in', ['granted', 'active'])
          .as('running'),
      )
      .where('g.agency_id', '=', agencyId);
  return {
    /** All agreements, or only one carrier's, newest first. */
    list: (carrierId: string | null) =>
      base()
        .$if(carrierId !== null, (q) => q.where('g.carrier_id', '=', carrierId!))
        .orderBy('c.name')
        .orderBy('g.valid_from', 'desc')
        .execute(),
    find: (id: string) => base().where('g.id', '=', id).executeTakeFirst(),
    /** The carrier's agreement in force on `date` (the latest started one). */
    inForce: (carrierId: string, date: string) =>
      base()
        .where('g.carrier_id', '=', carrierId)
        .where('g.valid_from', '<=', date)
        .where((eb) => eb.or([eb('g.valid_to', 'is', null), eb('g.valid_to', '>=', date)]))
        .orderBy('g.valid_from', 'desc')
        .limit(1)
        .executeTakeFirst(),
    insert: (v: {
      carrier_id: string;
      valid_from: string;
      valid_to: string | null;
      capacity_cases: number;
      visit_every_weeks: number;
      reporting_duties: string;
      note: string | null;
      created_by: string;
    }) =>
      tx
        .insertInto('aftercare_agreements')
        .values({ ...v, agency_id: agencyId })
        .returning('id')
        .executeTakeFirstOrThrow(),
    /** Writes the fields if `version` is still current; undefined when it is not. */
    update: (
      id: string,
      version: number,
      v: {
        valid_from: string;
        valid_to: string | null;
        capacity_cases: number;
        visit_every_weeks: number;
        reporting_duties: string;
        note: string | null;
      },
    ) =>
      tx
        .updateTable('aftercare_agreements')
        .set({ ...v, version: version + 1 })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),
  };
}
