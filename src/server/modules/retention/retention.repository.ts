import { sql, type Kysely } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { TRetentionSettings } from '../../../contracts/retention.js';

/*
 * Retention reads the end of every programme's cases and anonymises through the one database
 * function (wh_anonymise_household, migration 2026-12-09T15-00_retention). It is the one place that
 * looks across the modules' tables: erasure must reach every record a household has, and the
 * scan test (retention.anonymise.test.ts) fails when a table it misses holds the household's names.
 */

/** Candidate states after which the household's placement round is over. */
const CANDIDATE_FINAL = ['refused', 'vetoed', 'allocated', 'not_selected', 'withdrawn'];

export interface DueHousehold {
  household_id: string;
  closed_on: string;
  due_on: string;
  programmes: string[];
}

export function retentionRepository(tx: Tx, agencyId: string) {
  return {
    /**
     * Households whose cases are all closed (no open case in any programme, not looking for a flat)
     * and whose every programme's retention period after its last closed case has run out by
     * `today`; not anonymised and not already listed (or kept beyond today).
     */
    due: (years: TRetentionSettings, today: string) =>
      sql<DueHousehold>`
        WITH ends AS (
          SELECT household_id, 'prevention' AS programme, bool_or(status <> 'closed') AS open,
                 max((closed_at AT TIME ZONE 'Europe/Berlin')::date) AS closed_on
          FROM prevention_cases WHERE agency_id = ${agencyId} GROUP BY household_id
          UNION ALL
          SELECT household_id, 'placement', bool_or(NOT (status = ANY (${CANDIDATE_FINAL}::text[]))),
                 max((updated_at AT TIME ZONE 'Europe/Berlin')::date)
          FROM candidates WHERE agency_id = ${agencyId} GROUP BY household_id
          UNION ALL
          SELECT household_id, 'sustainment', bool_or(status <> 'ended'), max(ended_on)
          FROM tenancies WHERE agency_id = ${agencyId} GROUP BY household_id
          UNION ALL
          SELECT household_id, 'aftercare', bool_or(state NOT IN ('ended', 'refused')),
                 max(coalesce(ended_on, (updated_at AT TIME ZONE 'Europe/Berlin')::date))
          FROM aftercare_cases WHERE agency_id = ${agencyId} GROUP BY household_id),
        per AS (
          SELECT e.household_id, bool_or(e.open) AS open, max(e.closed_on) AS closed_on,
                 max(e.closed_on + make_interval(years => CASE e.programme
                   WHEN 'prevention' THEN ${years.prevention}::int WHEN 'placement' THEN ${years.placement}::int
                   WHEN 'sustainment' THEN ${years.sustainment}::int ELSE ${years.aftercare}::int END))::date AS due_on,
                 array_agg(DISTINCT e.programme ORDER BY e.programme) AS programmes
          FROM ends e GROUP BY e.household_id)
        SELECT p.household_id, p.closed_on::text AS closed_on, p.due_on::text AS due_on, p.programmes
        FROM per p JOIN households h ON h.agency_id = ${agencyId} AND h.id = p.household_id
        WHERE NOT p.open AND p.due_on <= ${today}::date AND h.anonymised_at IS NULL AND NOT h.seeking_housing
          AND NOT EXISTS (SELECT 1 FROM retention_reviews r WHERE r.agency_id = ${agencyId} AND r.household_id = p.household_id
                          AND (r.status = 'due' OR (r.status = 'kept' AND r.keep_until > ${today}::date)))
        ORDER BY p.due_on, p.household_id`
        .execute(tx)
        .then((r) => r.rows),

    /** Lists a household as due; false when it is listed already. */
    list: (d: DueHousehold, runId: string) =>
      tx
        .insertInto('retention_reviews')
        .values({
          agency_id: agencyId,
          household_id: d.household_id,
          closed_on: d.closed_on,
          due_on: d.due_on,
          programmes: d.programmes,
          run_id: runId,
        })
        .onConflict((oc) => oc.columns(['agency_id', 'household_id']).where('status', '=', 'due').doNothing())
        .returning('id')
        .executeTakeFirst(),

    reviews: (status: string) =>
      tx
        .selectFrom('retention_reviews as r')
        .innerJoin('households as h', (j) => j.onRef('h.id', '=', 'r.household_id').onRef('h.agency_id', '=', 'r.agency_id'))
        .selectAll('r')
        .select(['h.reference', 'h.head_name'])
        .where('r.agency_id', '=', agencyId)
        .where('r.status', '=', status)
        .orderBy('r.due_on')
        .orderBy('r.id')
        .limit(500)
        .execute(),

    review: (id: string) =>
      tx
        .selectFrom('retention_reviews as r')
        .innerJoin('households as h', (j) => j.onRef('h.id', '=', 'r.household_id').onRef('h.agency_id', '=', 'r.agency_id'))
        .selectAll('r')
        .select(['h.reference', 'h.head_name'])
        .where('r.agency_id', '=', agencyId)
        .where('r.id', '=', id)
        .forUpdate('r')
        .executeTakeFirst(),

    decide: (
      id: string,
      by: string,
      set: { status: 'anonymised' | 'kept'; keep_reason?: string; keep_until?: string; documents_deleted?: number },
    ) =>
      tx
        .updateTable('retention_reviews')
        .set({ ...set, decided_by: by, decided_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('status', '=', 'due')
        .executeTakeFirst(),

    /**
     * Removes the household's personal data everywhere (see the migrations 2026-12-09T15-00_retention
     * and 2026-12-10T15-00_audit_retention; the texts first, while the names to replace are still
     * there); answers the documents deleted.
     */
    async anonymise(householdId: string, pseudonym: string): Promise<number> {
      const texts = await sql<{ docs: number }>`SELECT wh_anonymise_household_texts(${householdId}::uuid, ${pseudonym}) AS docs`.execute(
        tx,
      );
      const rest = await sql<{ docs: number }>`SELECT wh_anonymise_household(${householdId}::uuid, ${pseudonym}) AS docs`.execute(tx);
      return texts.rows[0]!.docs + rest.rows[0]!.docs;
    },
  };
}
export type RetentionRepository = ReturnType<typeof retentionRepository>;

/** Every agency's id (the daily pass runs over all of them). */
export const retentionAgencies = (db: Kysely<DB>) =>
  sql<{ id: string }>`SELECT wh_retention_agencies() AS id`.execute(db).then((r) => r.rows.map((x) => x.id));
