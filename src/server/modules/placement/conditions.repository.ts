import type { Tx } from '../../db/database.js';

/** The statements on the programme conditions (rent caps, space, equipment) and the impact preview of a change. */
export function conditionsRepository(tx: Tx, agencyId: string) {
  return {
    conditionsAt(date: string) {
      return tx
        .selectFrom('programme_conditions')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('valid_from', '<=', date)
        .orderBy('valid_from', 'desc')
        .limit(1)
        .executeTakeFirst();
    },
    conditionsById(id: string) {
      return tx.selectFrom('programme_conditions').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
    },
    conditionsList() {
      return tx
        .selectFrom('programme_conditions as c')
        .leftJoin('users as u', 'u.id', 'c.created_by')
        .selectAll('c')
        .select('u.display_name as created_by_name')
        .where('c.agency_id', '=', agencyId)
        .orderBy('c.valid_from', 'desc')
        .execute();
    },
    insertConditions(values: {
      valid_from: string;
      rent_caps: string;
      extra_person_cents: number;
      space_base_sqm: number;
      space_per_person_sqm: number;
      required_equipment: string[];
      note: string | null;
      created_by: string;
    }) {
      return tx
        .insertInto('programme_conditions')
        .values({ agency_id: agencyId, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
    /** Open offers with their stored check, for the impact preview of a rule change. */
    openOffers() {
      return tx
        .selectFrom('offers')
        .select(['id', 'reference', 'living_space', 'rooms', 'cold_rent_cents', 'equipment', 'check_result'])
        .where('agency_id', '=', agencyId)
        .where('status', 'in', ['submitted', 'shortlisting', 'round_table'])
        .execute();
    },
    poolBySize() {
      return tx
        .selectFrom('households')
        .select(['persons', (eb) => eb.fn.countAll<string>().as('n')])
        .where('agency_id', '=', agencyId)
        .where('seeking_housing', '=', true)
        .where('status', '=', 'active')
        .where('situation', 'in', ['in_accommodation', 'hidden_homeless', 'rough_sleeping'])
        .groupBy('persons')
        .orderBy('persons')
        .execute();
    },
  };
}
