import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/**
 * The record kinds a write route can be about, each with the statement that finds its household
 * (bound parameter, never built from values). One kind may belong to no household (a visit without
 * one): the answer is then empty.
 */
export const SUBJECT_HOUSEHOLD = {
  household: (id: string) => sql<{ h: string }>`SELECT id AS h FROM households WHERE id = ${id}::uuid`,
  candidate: (id: string) => sql<{ h: string }>`SELECT household_id AS h FROM candidates WHERE id = ${id}::uuid`,
  viewing: (id: string) =>
    sql<{ h: string }>`SELECT c.household_id AS h FROM viewings v JOIN candidates c ON c.id = v.candidate_id WHERE v.id = ${id}::uuid`,
  tenancy: (id: string) => sql<{ h: string }>`SELECT household_id AS h FROM tenancies WHERE id = ${id}::uuid`,
  incident: (id: string) =>
    sql<{ h: string }>`SELECT t.household_id AS h FROM incidents i JOIN tenancies t ON t.id = i.tenancy_id WHERE i.id = ${id}::uuid`,
  prevention_case: (id: string) => sql<{ h: string }>`SELECT household_id AS h FROM prevention_cases WHERE id = ${id}::uuid`,
  prevention_measure: (id: string) =>
    sql<{
      h: string;
    }>`SELECT c.household_id AS h FROM prevention_measures m JOIN prevention_cases c ON c.id = m.case_id WHERE m.id = ${id}::uuid`,
  prevention_referral: (id: string) =>
    sql<{
      h: string;
    }>`SELECT c.household_id AS h FROM prevention_referrals r JOIN prevention_cases c ON c.id = r.case_id WHERE r.id = ${id}::uuid`,
  prevention_visit: (id: string) =>
    sql<{ h: string }>`SELECT household_id AS h FROM prevention_visits WHERE id = ${id}::uuid AND household_id IS NOT NULL`,
  aftercare_case: (id: string) => sql<{ h: string }>`SELECT household_id AS h FROM aftercare_cases WHERE id = ${id}::uuid`,
  aftercare_goal: (id: string) =>
    sql<{
      h: string;
    }>`SELECT c.household_id AS h FROM aftercare_goals g JOIN aftercare_cases c ON c.id = g.case_id WHERE g.id = ${id}::uuid`,
  aftercare_referral: (id: string) =>
    sql<{
      h: string;
    }>`SELECT c.household_id AS h FROM aftercare_referrals r JOIN aftercare_cases c ON c.id = r.case_id WHERE r.id = ${id}::uuid`,
  aftercare_follow_up: (id: string) =>
    sql<{
      h: string;
    }>`SELECT c.household_id AS h FROM aftercare_follow_ups f JOIN aftercare_cases c ON c.id = f.case_id WHERE f.id = ${id}::uuid`,
  accommodation_assignment: (id: string) =>
    sql<{ h: string }>`SELECT household_id AS h FROM accommodation_assignments WHERE id = ${id}::uuid`,
  retention_review: (id: string) => sql<{ h: string }>`SELECT household_id AS h FROM retention_reviews WHERE id = ${id}::uuid`,
} as const;
export type SubjectKind = keyof typeof SUBJECT_HOUSEHOLD;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function restrictionRepository(tx: Tx, agencyId: string) {
  return {
    /** The households the subjects belong to (RLS keeps it to the transaction's agency). */
    async householdsOf(subjects: { kind: SubjectKind; id: string }[]): Promise<string[]> {
      const out = new Set<string>();
      for (const s of subjects) {
        if (!UUID.test(s.id)) continue;
        for (const r of (await SUBJECT_HOUSEHOLD[s.kind](s.id).execute(tx)).rows) out.add(r.h);
      }
      return [...out];
    },

    /** The active restriction among these households, if any. */
    activeAmong: (householdIds: string[]) =>
      householdIds.length === 0
        ? Promise.resolve(undefined)
        : tx
            .selectFrom('household_restrictions')
            .select(['id', 'household_id'])
            .where('agency_id', '=', agencyId)
            .where('household_id', 'in', householdIds)
            .where('lifted_at', 'is', null)
            .executeTakeFirst(),

    history: (householdId: string) =>
      tx
        .selectFrom('household_restrictions as r')
        .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'r.restricted_by').onRef('u.agency_id', '=', 'r.agency_id'))
        .selectAll('r')
        .select('u.display_name as restricted_by_name')
        .where('r.agency_id', '=', agencyId)
        .where('r.household_id', '=', householdId)
        .orderBy('r.restricted_at', 'desc')
        .execute(),

    /** Restricts; undefined when an active restriction exists already. */
    restrict: (householdId: string, reason: string, note: string | null, by: string) =>
      tx
        .insertInto('household_restrictions')
        .values({ agency_id: agencyId, household_id: householdId, reason, note, restricted_by: by })
        .onConflict((oc) => oc.columns(['agency_id', 'household_id']).where('lifted_at', 'is', null).doNothing())
        .returning('id')
        .executeTakeFirst(),

    lift: (householdId: string, note: string, by: string) =>
      tx
        .updateTable('household_restrictions')
        .set({ lifted_at: new Date(), lifted_by: by, lift_note: note })
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .where('lifted_at', 'is', null)
        .returning('id')
        .executeTakeFirst(),
  };
}
