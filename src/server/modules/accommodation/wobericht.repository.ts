import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { StatisticsPersonRow } from '../households/statistics.service.js';

/*
 * The federal statistics (WoBerichtsG): who stayed over the reference night, and the report rows.
 * A person counts when one of their stays covers the night from the reference day to the next
 * (from_date ≤ day < until_date, until_date open or later) in an assignment the household moved
 * into (moved in or since moved out): moved out on 31 January is not counted, moved in on
 * 1 February neither; an assignment never moved into (or cancelled) does not count.
 */

/** A person's record: the household module's attributes plus the facility's and operator's. */
export type RecordRow = StatisticsPersonRow & { provision: string; provider: string; since: string };

type PersonsSql = (persons: RawBuilder<{ member_id: string; household_id: string }>) => RawBuilder<StatisticsPersonRow>;

export function woberichtRepository(tx: Tx, agencyId: string) {
  /** The statement prefix: `night` (one row per person staying that night) and `p` (with all attributes). */
  const withRecords = (day: string, attributes: PersonsSql) => sql`
    WITH night AS MATERIALIZED (
      SELECT DISTINCT ON (s.member_id) s.member_id, s.household_id, f.provision, o.kind AS provider, a.history_id
      FROM accommodation_stays s
      JOIN accommodation_assignments a ON a.agency_id = ${agencyId} AND a.id = s.assignment_id
      JOIN accommodation_facilities f ON f.agency_id = ${agencyId} AND f.id = s.facility_id
      JOIN accommodation_operators o ON o.agency_id = ${agencyId} AND o.id = f.operator_id
      WHERE s.agency_id = ${agencyId} AND a.state IN ('moved_in', 'moved_out')
        AND s.from_date <= ${day}::date AND (s.until_date IS NULL OR s.until_date > ${day}::date)
      ORDER BY s.member_id, s.from_date DESC),
    attrs AS MATERIALIZED (${attributes(sql`SELECT member_id, household_id FROM night`)}),
    p AS (
      SELECT attrs.*, night.provision, night.provider,
        (SELECT min(s2.from_date) FROM accommodation_assignments a2
          JOIN accommodation_stays s2 ON s2.agency_id = ${agencyId} AND s2.assignment_id = a2.id AND s2.member_id = night.member_id
          WHERE a2.agency_id = ${agencyId} AND a2.history_id = night.history_id
            AND a2.state IN ('moved_in', 'moved_out'))::text AS since
      FROM night JOIN attrs ON attrs.member_id = night.member_id)`;

  return {
    /** Every record, in a stable order (household reference, then the member's position). */
    records: (day: string, attributes: PersonsSql) =>
      sql<RecordRow>`${withRecords(day, attributes)}
        SELECT p.* FROM p
        JOIN household_members m ON m.agency_id = ${agencyId} AND m.id = p.member_id
        ORDER BY p.reference, m.position, p.member_id`
        .execute(tx)
        .then((r) => r.rows),

    /** Counts for the published table: sex × age band (with margins), household type, provision. */
    table: (day: string, attributes: PersonsSql) =>
      sql<{ dim: string; sex: string | null; key: string | null; n: number }>`${withRecords(day, attributes)}
        SELECT 'sex_age' AS dim, gender AS sex, age_band AS key, count(*)::int AS n FROM p GROUP BY GROUPING SETS ((gender, age_band), (age_band), (gender), ())
        UNION ALL SELECT 'household', NULL, household_type, count(*)::int FROM p GROUP BY household_type
        UNION ALL SELECT 'provision', NULL, provision, count(*)::int FROM p GROUP BY provision`
        .execute(tx)
        .then((r) => r.rows),

    /** The persons lacking an attribute (sex not stated, no birth date, no nationality), the first `limit`, and how many. */
    missing: (day: string, attributes: PersonsSql, limit: number) =>
      sql<{
        member_id: string;
        household_id: string;
        reference: string;
        name: string;
        sex: boolean;
        birth_date: boolean;
        nationality: boolean;
        total: number;
      }>`${withRecords(day, attributes)}
        SELECT member_id, household_id, reference, name, gender = 'unspecified' AS sex, birth_date IS NULL AS birth_date,
          nationality = 'unknown' AS nationality, count(*) OVER ()::int AS total
        FROM p WHERE gender = 'unspecified' OR birth_date IS NULL OR nationality = 'unknown'
        ORDER BY reference, name, member_id LIMIT ${limit}`
        .execute(tx)
        .then((r) => r.rows),

    report: (year: number) =>
      tx
        .selectFrom('accommodation_statistics_reports as r')
        .leftJoin('users as u', 'u.id', 'r.submitted_by')
        .selectAll('r')
        .select('u.display_name as submitted_by_name')
        .where('r.agency_id', '=', agencyId)
        .where('r.year', '=', year)
        .executeTakeFirst(),

    /** The year's report row, once: the id when this call created it, else undefined. */
    insertReport: (year: number, dueOn: string) =>
      tx
        .insertInto('accommodation_statistics_reports')
        .values({ agency_id: agencyId, year, due_on: dueOn })
        .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
        .returning('id')
        .executeTakeFirst()
        .then((r) => r?.id),

    submit: (id: string, by: string, persons: number, note: string | null) =>
      tx
        .updateTable('accommodation_statistics_reports')
        .set((eb) => ({ submitted_at: new Date(), submitted_by: by, submitted_persons: persons, note, version: eb('version', '+', 1) }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('submitted_at', 'is', null)
        .returning('id')
        .executeTakeFirst(),
  };
}

/** The agencies with at least one facility (a SECURITY DEFINER function: ids only), for the daily job. */
export const accommodationAgencies = (db: Kysely<DB>) =>
  sql<{ id: string }>`SELECT wh_accommodation_agencies() AS id`.execute(db).then((r) => r.rows.map((x) => x.id));
