import type { Tx } from '../../db/database.js';

export function correctionsRepository(tx: Tx, agencyId: string) {
  return {
    /** Stores the values as a JSON string (the exact text the digest covers; jsonb would reorder an object). */
    insert: (householdId: string, salt: string, value: string) =>
      tx
        .insertInto('audit_values')
        .values({ agency_id: agencyId, household_id: householdId, salt, value: JSON.stringify(value) })
        .returning('id')
        .executeTakeFirstOrThrow(),

    find: (id: string) =>
      tx.selectFrom('audit_values').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
  };
}
