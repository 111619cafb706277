import type { RawBuilder, SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';

/* The aftercare queries behind the start page (see desk.service.ts); the carrier's visits come from the queue. */

export function aftercareDeskRepository(tx: Tx, agencyId: string) {
  const cases = () =>
    tx.selectFrom('aftercare_cases as ac').innerJoin('households as h', 'h.id', 'ac.household_id').where('ac.agency_id', '=', agencyId);
  return {
    /** Referrals the Fachstelle still has to check and decide, oldest first. */
    async toDecide(scope: RawBuilder<SqlBool>, limit: number) {
      const base = cases().where('ac.state', 'in', ['referred', 'checked']).where(scope);
      const [rows, total] = await Promise.all([
        base
          .select(['ac.id', 'ac.reference', 'ac.state', 'ac.created_at', 'h.head_name'])
          .orderBy('ac.created_at')
          .orderBy('ac.id')
          .limit(limit)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** The household's aftercare cases that `scope` (the actor's `aftercareScope`) shows, newest first. */
    ofHousehold: (householdId: string, scope: RawBuilder<SqlBool>) =>
      tx
        .selectFrom('aftercare_cases as ac')
        .where('ac.agency_id', '=', agencyId)
        .where('ac.household_id', '=', householdId)
        .where(scope)
        .select(['ac.id', 'ac.reference', 'ac.state', 'ac.street', 'ac.postal_code', 'ac.city', 'ac.referred_on', 'ac.ended_on'])
        .orderBy('ac.referred_on', 'desc')
        .orderBy('ac.id')
        .execute(),

    /** The household's consents to the transfer to a carrier, of the cases `scope` shows, newest first. */
    consentsOf: (householdId: string, scope: RawBuilder<SqlBool>) =>
      tx
        .selectFrom('aftercare_consents as k')
        .innerJoin('aftercare_cases as ac', 'ac.id', 'k.case_id')
        .innerJoin('carriers as c', 'c.id', 'k.carrier_id')
        .where('k.agency_id', '=', agencyId)
        .where('k.household_id', '=', householdId)
        .where(scope)
        .select(['k.purpose', 'k.form', 'k.given_on', 'k.withdrawn_on', 'k.withdrawal_note', 'c.name as carrier_name', 'ac.reference'])
        .orderBy('k.given_on', 'desc')
        .orderBy('k.created_at', 'desc')
        .execute(),

    /** References (and for the office the household's name) of these cases that `scope` shows. */
    names: (ids: string[], scope: RawBuilder<SqlBool>) =>
      ids.length
        ? cases().where('ac.id', 'in', ids).where(scope).select(['ac.id', 'ac.reference', 'h.head_name']).execute()
        : Promise.resolve([]),
  };
}
