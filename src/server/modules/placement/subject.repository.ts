import type { Tx } from '../../db/database.js';

/** Disclosures (§ 67b SGB X) and consents of placement, for the data subject's access and the DPO's logs. */
export function placementSubjectRepository(tx: Tx) {
  return {
    disclosures(householdId: string | null, limit: number) {
      return tx
        .selectFrom('disclosures as d')
        .innerJoin('housing_providers as p', 'p.id', 'd.provider_id')
        .innerJoin('households as h', 'h.id', 'd.household_id')
        .select(['d.disclosed_at', 'd.fields', 'd.consent_id', 'p.name as provider', 'h.reference'])
        .$if(householdId !== null, (q) => q.where('d.household_id', '=', householdId!))
        .orderBy('d.disclosed_at', 'desc')
        .limit(limit)
        .execute();
    },
    consents(householdId: string | null, limit: number) {
      return tx
        .selectFrom('consents as c')
        .innerJoin('housing_providers as p', 'p.id', 'c.recipient_provider_id')
        .innerJoin('households as h', 'h.id', 'c.household_id')
        .select(['c.household_id', 'h.reference', 'p.name as provider', 'c.purpose', 'c.given_on', 'c.valid_until', 'c.withdrawn_at'])
        .$if(householdId !== null, (q) => q.where('c.household_id', '=', householdId!))
        .orderBy('c.given_on', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
