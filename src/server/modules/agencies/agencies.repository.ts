import type { Tx } from '../../db/database.js';

/** Data access for the agency itself: only the one row of the transaction's agency. */
export function agencyRepository(tx: Tx, agencyId: string) {
  return {
    find: () => tx.selectFrom('agencies').selectAll().where('id', '=', agencyId).executeTakeFirstOrThrow(),
    /** Name, state and settings: what other modules' steps need (letters, working days, rules). */
    facts: () =>
      tx.selectFrom('agencies').select(['name', 'ags', 'federal_state', 'settings']).where('id', '=', agencyId).executeTakeFirstOrThrow(),
    /** Replaces the settings if `version` is still current; undefined when it is not. */
    updateSettings: (settings: unknown, version: number) =>
      tx
        .updateTable('agencies')
        .set((eb) => ({ settings: JSON.stringify(settings), version: eb('version', '+', 1) }))
        .where('id', '=', agencyId)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),
  };
}
export type AgencyRepository = ReturnType<typeof agencyRepository>;
