import type { Tx } from '../../db/database.js';

/** Transfers to carriers (§ 67b SGB X) and consents of aftercare, for the data subject's access and the DPO's logs. */
export function aftercareSubjectRepository(tx: Tx) {
  return {
    transfers(householdId: string | null, limit: number) {
      return tx
        .selectFrom('aftercare_transfers as t')
        .innerJoin('aftercare_cases as ac', 'ac.id', 't.case_id')
        .innerJoin('carriers as c', 'c.id', 't.carrier_id')
        .innerJoin('households as h', 'h.id', 'ac.household_id')
        .select(['t.at', 't.kind', 't.fields', 'c.name as carrier', 'h.reference'])
        .$if(householdId !== null, (q) => q.where('ac.household_id', '=', householdId!))
        .orderBy('t.at', 'desc')
        .limit(limit)
        .execute();
    },
    consents(householdId: string | null, limit: number) {
      return tx
        .selectFrom('aftercare_consents as k')
        .innerJoin('carriers as c', 'c.id', 'k.carrier_id')
        .innerJoin('households as h', 'h.id', 'k.household_id')
        .select(['k.household_id', 'h.reference', 'c.name as carrier', 'k.purpose', 'k.given_on', 'k.withdrawn_on'])
        .$if(householdId !== null, (q) => q.where('k.household_id', '=', householdId!))
        .orderBy('k.given_on', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
