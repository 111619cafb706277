/**
 * The older aftercare of the bench history (see ./history.ts; the running load of the last two years
 * is ./aftercare.ts): 0.04 ended cases per household referred in the first three of the five years,
 * checked, granted for half a year, activated and ended by a reason, with the consent and a visit
 * every three weeks (one in seven not met), plus their domain events.
 */
import { sql } from 'kysely';
import { HISTORY_DAYS, type HistoryContext, type Tx } from './history.common.js';

const CASES_PER_HOUSEHOLD = 0.04;
const PREFIX = 'NH-';

export async function seedAftercareHistory(tx: Tx, c: HistoryContext) {
  const total = Math.round(c.households * CASES_PER_HOUSEHOLD);
  const carrier = await tx.selectFrom('carriers').select('id').where('agency_id', '=', c.agencyId).orderBy('name').executeTakeFirst();
  if (!carrier) return;
  const workers = await tx
    .selectFrom('users')
    .select('id')
    .where('agency_id', '=', c.agencyId)
    .where('role', '=', 'carrier_worker')
    .where('carrier_id', '=', carrier.id)
    .orderBy('email')
    .execute();
  if (!workers.length) return;
  const cm = c.caseManagers[0]!;
  await sql`
    CREATE TEMP TABLE bac ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, k, h.id AS household_id,
      current_date - ${HISTORY_DAYS}::int + floor(k * 1100::numeric / ${total})::int AS referred_on,
      (${workers.map((w) => w.id)}::uuid[])[1 + k % ${workers.length}] AS worker
    FROM generate_series(0, ${total - 1}) k JOIN bh h ON h.i = (k * 104723 + 11) % ${c.households}`.execute(tx);
  await sql`
    INSERT INTO aftercare_cases (id, agency_id, reference, household_id, carrier_id, carrier_worker_id, target_group, source,
      referred_on, street, postal_code, city, state, comparable_help, checked_on, checked_by, granted_from, granted_until,
      granted_by, visit_every_weeks, end_reason, ended_on, created_by, created_at, updated_at)
    SELECT a.id, ${c.agencyId}, ${PREFIX} || lpad((a.k + 1)::text, 5, '0'), a.household_id, ${carrier.id}, a.worker,
      CASE WHEN a.k % 3 = 0 THEN 'precarious_housing' ELSE 'secured_tenancy' END,
      (ARRAY['self','carrier','housing_company','job_centre','social_office','fachstelle','parish','other'])[1 + a.k % 8],
      a.referred_on, 'Historienweg ' || (1 + a.k % 250), ${c.postal}, ${c.city}, 'ended', '{}'::text[], a.referred_on + 5, ${cm}::uuid,
      a.referred_on + 14, a.referred_on + 196, ${cm}::uuid, 3,
      (ARRAY['goals_reached','goals_reached','lease_signed','moved_away','no_contact','time_limit'])[1 + a.k % 6],
      a.referred_on + 150 + a.k % 40, ${cm}::uuid, pg_temp.at(a.referred_on, 9), pg_temp.at(a.referred_on + 150 + a.k % 40, 15)
    FROM bac a`.execute(tx);
  await sql`
    WITH c AS (
      INSERT INTO aftercare_consents (agency_id, case_id, household_id, carrier_id, purpose, form, given_on, recorded_by)
      SELECT ${c.agencyId}, a.id, a.household_id, ${carrier.id}, 'Durchführung der Wohnintegrationshilfe', 'written', a.referred_on + 12, ${cm}
      FROM bac a RETURNING id, case_id)
    UPDATE aftercare_cases ac SET consent_id = c.id FROM c WHERE ac.id = c.case_id AND ac.agency_id = ${c.agencyId}`.execute(tx);
  await sql`
    INSERT INTO aftercare_visits (agency_id, case_id, status, visited_on, topics, documented_by)
    SELECT ${c.agencyId}, a.id, CASE WHEN (a.k + v) % 7 = 6 THEN 'not_met' ELSE 'held' END, a.referred_on + 20 + 21 * v,
      CASE WHEN (a.k + v) % 7 = 6 THEN '{}'::text[] ELSE ARRAY['rent_paid', (ARRAY['income','family','health','job_centre'])[1 + (a.k + v) % 4]] END,
      a.worker
    FROM bac a CROSS JOIN generate_series(0, 6) v`.execute(tx);
  await sql`
    INSERT INTO domain_events (agency_id, case_kind, case_id, household_id, from_state, to_state, at, actor_id)
    SELECT ${c.agencyId}, 'aftercare_case', a.id, a.household_id, lag(s.state) OVER (PARTITION BY a.id ORDER BY s.ord), s.state,
      pg_temp.at(s.day, 10), ${cm}::uuid
    FROM bac a CROSS JOIN LATERAL (VALUES (0, 'referred', a.referred_on), (1, 'checked', a.referred_on + 5),
      (2, 'granted', a.referred_on + 14), (3, 'active', a.referred_on + 15), (4, 'ended', a.referred_on + 150 + a.k % 40)) s(ord, state, day)`.execute(
    tx,
  );
}
