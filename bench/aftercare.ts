/**
 * The aftercare load of the bench (issue 15): 5,000 cases of the first demo agency with 60,000 home
 * visits, all with the agency's first carrier, whose lead (`traeger@…`) therefore sees every
 * consented case — the worst case for the carrier's start page. Generated in PostgreSQL in a few
 * statements (bind parameters only), deterministic relative to today, added once per data directory.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/types.js';

export const BENCH_CASES = Number(process.env.BENCH_AFTERCARE_CASES ?? 5_000);
export const BENCH_VISITS = Number(process.env.BENCH_AFTERCARE_VISITS ?? 60_000);
const PREFIX = 'NB-';

export async function seedAftercareBench(owner: Kysely<DB>, agencyId: string): Promise<void> {
  const { rows: have } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM aftercare_cases WHERE agency_id = ${agencyId} AND reference LIKE ${PREFIX + '%'}`.execute(owner);
  if (have[0]!.n >= BENCH_CASES) return;
  const t0 = performance.now();
  await owner.transaction().execute(async (tx) => {
    const carrier = await tx
      .selectFrom('carriers')
      .select('id')
      .where('agency_id', '=', agencyId)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const staff = await tx
      .selectFrom('users')
      .select(['id', 'role'])
      .where('agency_id', '=', agencyId)
      .where('role', 'in', ['case_manager', 'carrier_worker'])
      .where((eb) => eb.or([eb('role', '=', 'case_manager'), eb('carrier_id', '=', carrier.id)]))
      .orderBy('email')
      .execute();
    const cm = staff.find((u) => u.role === 'case_manager')!.id;
    const workers = staff.filter((u) => u.role === 'carrier_worker').map((u) => u.id);

    // States by position: 1 in 20 referred, 1 checked, 13 active, 5 ended (their grants one to two years back).
    await sql`
      WITH free AS (
        SELECT h.id, row_number() OVER (ORDER BY h.reference) - 1 AS i
        FROM households h
        WHERE h.agency_id = ${agencyId}
          AND NOT EXISTS (SELECT 1 FROM aftercare_cases ac WHERE ac.agency_id = h.agency_id AND ac.household_id = h.id)
        ORDER BY h.reference
        LIMIT ${BENCH_CASES}
      ), plan AS (
        SELECT f.id AS household_id, f.i,
          CASE WHEN f.i % 20 = 0 THEN 'referred' WHEN f.i % 20 = 1 THEN 'checked' WHEN f.i % 20 < 15 THEN 'active' ELSE 'ended' END AS state,
          CASE WHEN f.i % 20 < 15 THEN current_date - (f.i % 170)::int ELSE current_date - (200 + f.i % 500)::int END AS granted_from
        FROM free f
      )
      INSERT INTO aftercare_cases (agency_id, reference, household_id, carrier_id, carrier_worker_id, target_group, source,
        referred_on, street, postal_code, city, state, comparable_help, checked_on, checked_by, granted_from, granted_until,
        granted_by, visit_every_weeks, next_visit_due, end_reason, ended_on, created_by)
      SELECT ${agencyId}, ${PREFIX} || lpad((p.i + 1)::text, 5, '0'), p.household_id, ${carrier.id},
        CASE WHEN p.state IN ('active', 'ended') THEN ((${workers})::uuid[])[1 + p.i % ${workers.length}] END,
        CASE WHEN p.i % 3 = 0 THEN 'precarious_housing' ELSE 'secured_tenancy' END,
        (ARRAY['self','carrier','housing_company','job_centre','social_office','fachstelle','parish','other'])[1 + p.i % 8],
        p.granted_from - 14, 'Benchmarkstraße ' || (1 + p.i % 200), '70173', 'Stuttgart', p.state,
        CASE WHEN p.state = 'referred' THEN NULL ELSE '{}'::text[] END,
        CASE WHEN p.state = 'referred' THEN NULL ELSE p.granted_from - 3 END,
        CASE WHEN p.state = 'referred' THEN NULL ELSE ${cm}::uuid END,
        CASE WHEN p.state IN ('active', 'ended') THEN p.granted_from END,
        CASE WHEN p.state IN ('active', 'ended') THEN p.granted_from + 182 END,
        CASE WHEN p.state IN ('active', 'ended') THEN ${cm}::uuid END,
        CASE WHEN p.state IN ('active', 'ended') THEN 4 END,
        CASE WHEN p.state = 'active' THEN current_date + (p.i % 35)::int - 7 END,
        CASE WHEN p.state = 'ended' THEN (ARRAY['goals_reached','lease_signed','moved_away','no_contact','time_limit'])[1 + p.i % 5] END,
        CASE WHEN p.state = 'ended' THEN p.granted_from + 150 END,
        ${cm}
      FROM plan p`.execute(tx);

    await sql`
      WITH c AS (
        INSERT INTO aftercare_consents (agency_id, case_id, household_id, carrier_id, purpose, form, given_on, recorded_by)
        SELECT agency_id, id, household_id, carrier_id, 'Durchführung der Wohnintegrationshilfe', 'written', granted_from - 2, ${cm}
        FROM aftercare_cases
        WHERE agency_id = ${agencyId} AND reference LIKE ${PREFIX + '%'} AND state IN ('active', 'ended')
        RETURNING id, case_id)
      UPDATE aftercare_cases ac SET consent_id = c.id FROM c WHERE ac.id = c.case_id AND ac.agency_id = ${agencyId}`.execute(tx);

    // The visits, spread evenly over the granted cases, every 14 days back from today or the end; one in seven not met.
    await sql`
      WITH granted AS (
        SELECT id, COALESCE(ended_on, current_date) AS last_day, granted_from, carrier_worker_id,
          row_number() OVER (ORDER BY reference) - 1 AS k, count(*) OVER () AS n
        FROM aftercare_cases WHERE agency_id = ${agencyId} AND reference LIKE ${PREFIX + '%'} AND state IN ('active', 'ended'))
      INSERT INTO aftercare_visits (agency_id, case_id, status, visited_on, topics, household_view, documented_by)
      SELECT ${agencyId}, g.id, CASE WHEN (g.k + v) % 7 = 6 THEN 'not_met' ELSE 'held' END,
        GREATEST(g.granted_from, g.last_day - 14 * v - 3),
        CASE WHEN (g.k + v) % 7 = 6 THEN '{}'::text[] ELSE ARRAY['rent_paid', (ARRAY['income','family','health','job_centre'])[1 + (g.k + v) % 4]] END,
        CASE WHEN v = 0 THEN 'Wir kommen zurecht.' END, g.carrier_worker_id
      FROM granted g
      CROSS JOIN LATERAL generate_series(0, (${BENCH_VISITS}::int / g.n + CASE WHEN g.k < ${BENCH_VISITS}::int % g.n THEN 1 ELSE 0 END)::int - 1) AS v`.execute(
      tx,
    );

    // The next visit of each running case is a deadline in the worker's queue, as the app plans it.
    await sql`
      INSERT INTO deadlines (agency_id, subject_type, subject_id, kind, title, link, due_at, assignee_id, escalate_to_lead)
      SELECT agency_id, 'aftercare_case', id, 'aftercare_visit', 'Hausbesuch ' || reference, '/aftercare/cases/' || id,
        (next_visit_due + 1)::timestamp AT TIME ZONE 'Europe/Berlin' - interval '1 second', carrier_worker_id, false
      FROM aftercare_cases WHERE agency_id = ${agencyId} AND reference LIKE ${PREFIX + '%'} AND state = 'active'`.execute(tx);
  });
  await sql`ANALYZE aftercare_cases, aftercare_consents, aftercare_visits, deadlines`.execute(owner);
  console.error(`Nachsorge-Last: ${BENCH_CASES} Fälle, ${BENCH_VISITS} Besuche in ${Math.round(performance.now() - t0)} ms angelegt`);
}

/** A running bench case with its full visit history (the case page's worst case among them). */
export async function benchAftercareCase(owner: Kysely<DB>, agencyId: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM aftercare_cases WHERE agency_id = ${agencyId} AND reference = ${PREFIX + '00003'}`.execute(owner);
  return rows[0]!.id;
}
