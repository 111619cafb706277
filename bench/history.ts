/**
 * Five years of programme history for the bench agency (issue 17: "50,000 households with five
 * years of events across every programme"): prevention cases with notices by source, contact
 * attempts, clearings, measures (rent-debt assumptions decided as loan, grant or refused) and
 * closings with outcomes — some households come back later and lose their home, so the "still kept
 * after 3/6/12 months" figures have both sides —; flat offers with rankings, shortlists, viewings,
 * declines by side and leases; the guaranteed tenancies that follow with incidents, payouts,
 * recovery agreements and payments, ends and closing reviews; older ended aftercare cases with
 * visits. Generated in PostgreSQL (INSERT … SELECT over generate_series, a hash of the row number
 * as the only randomness: deterministic relative to today), added once per data directory.
 *
 * The domain event log: the per-row triggers would stamp every transition with now(), so they are
 * switched off for the bulk inserts (inside the transaction, so no other writer misses them) and
 * the events are written with their historical times, as the triggers would have written them at
 * the time (see migration 2026-12-09T11-00_domain_events and ./history.events.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/types.js';
import { HISTORY_DAYS, type HistoryContext, type Tx } from './history.common.js';
import { seedAftercareHistory } from './history.aftercare.js';
import { writeDomainEvents } from './history.events.js';
import { seedSustainmentHistory } from './history.sustainment.js';

/** The share of the agency's households per programme over the five years. */
const PREVENTION_CASES_PER_HOUSEHOLD = 0.4;
/** Offers run over six years (see OFFER_DAYS), 1.2 % of the households a year. */
const OFFERS_PER_HOUSEHOLD = 0.072;
const TRIGGERS = ['prevention_cases', 'offers', 'candidates', 'incidents', 'tenancies', 'aftercare_cases'];

/** A deterministic draw in [0, 1) for row `i` and a salt (pg_temp.u, created for the transaction). */
async function helpers(tx: Tx, households: number) {
  await sql`
    CREATE FUNCTION pg_temp.u(i bigint, salt integer) RETURNS double precision LANGUAGE sql IMMUTABLE AS
    $$ SELECT ((hashint8(i * 1000 + salt)::bigint + 2147483648) % 1000003) / 1000003.0 $$`.execute(tx);
  // Midday in Berlin on a day, plus hours.
  await sql`
    CREATE FUNCTION pg_temp.at(d date, hours double precision) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS
    $$ SELECT (d::timestamp + make_interval(secs => hours * 3600)) AT TIME ZONE 'Europe/Berlin' $$`.execute(tx);
  await sql`SELECT set_config('bench.households', ${String(households)}, true)`.execute(tx);
}

export async function seedHistory(owner: Kysely<DB>, agencyId: string): Promise<void> {
  const { rows: have } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM prevention_cases WHERE agency_id = ${agencyId} AND reference LIKE 'PH-%'`.execute(owner);
  if (have[0]!.n > 0) return;
  const t0 = performance.now();
  await owner.transaction().execute(async (tx) => {
    const agency = await tx.selectFrom('agencies').select(['name']).where('id', '=', agencyId).executeTakeFirstOrThrow();
    const staff = await tx
      .selectFrom('users')
      .select(['id', 'role'])
      .where('agency_id', '=', agencyId)
      .where('role', 'in', ['case_manager', 'social_worker', 'lead'])
      .orderBy('email')
      .execute();
    const providers = await tx.selectFrom('housing_providers').select('id').where('agency_id', '=', agencyId).orderBy('name').execute();
    const { rows: districts } = await sql<{ district: string }>`
      SELECT DISTINCT district FROM offers WHERE agency_id = ${agencyId} ORDER BY 1`.execute(tx);
    const { rows: place } = await sql<{ postal_code: string; city: string }>`
      SELECT postal_code, city FROM offers WHERE agency_id = ${agencyId} ORDER BY reference LIMIT 1`.execute(tx);
    // The households in a fixed order, numbered from 0.
    await sql`
      CREATE TEMP TABLE bh ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY reference)::int - 1 AS i, id, reference,
        (SELECT count(*)::int FROM household_members m WHERE m.agency_id = h.agency_id AND m.household_id = h.id) AS persons
      FROM households h WHERE agency_id = ${agencyId}`.execute(tx);
    await sql`CREATE UNIQUE INDEX ON bh (i)`.execute(tx);
    const { rows: n } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bh`.execute(tx);
    const ctx: HistoryContext = {
      agencyId,
      households: n[0]!.n,
      caseManagers: staff.filter((s) => s.role === 'case_manager').map((s) => s.id),
      socialWorkers: staff.filter((s) => s.role === 'social_worker').map((s) => s.id),
      providers: providers.map((p) => p.id),
      districts: districts.length ? districts.map((d) => d.district) : ['Mitte'],
      postal: place[0]?.postal_code ?? '70173',
      city: place[0]?.city ?? agency.name,
    };
    if (!ctx.caseManagers.length || !ctx.socialWorkers.length || !ctx.providers.length)
      throw new Error('Bench-Historie: der Agentur fehlen Fallmanagement, Sozialarbeit oder Wohnungsunternehmen');
    await helpers(tx, ctx.households);
    for (const t of TRIGGERS) await sql`ALTER TABLE ${sql.table(t)} DISABLE TRIGGER ${sql.ref(`${t}_created_event`)}`.execute(tx);
    for (const t of TRIGGERS) await sql`ALTER TABLE ${sql.table(t)} DISABLE TRIGGER ${sql.ref(`${t}_transition_event`)}`.execute(tx);

    await seedPreventionHistory(tx, ctx);
    await seedSustainmentHistory(tx, ctx, Math.round(ctx.households * OFFERS_PER_HOUSEHOLD));
    await writeDomainEvents(tx, agencyId);
    await seedAftercareHistory(tx, ctx);

    // Deferred checks run now: a table with pending trigger events cannot be altered.
    await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx);
    for (const t of TRIGGERS) await sql`ALTER TABLE ${sql.table(t)} ENABLE TRIGGER ${sql.ref(`${t}_created_event`)}`.execute(tx);
    for (const t of TRIGGERS) await sql`ALTER TABLE ${sql.table(t)} ENABLE TRIGGER ${sql.ref(`${t}_transition_event`)}`.execute(tx);
  });
  await sql`ANALYZE`.execute(owner);
  const { rows } = await sql<{ kind: string; n: number }>`
    SELECT case_kind AS kind, count(*)::int AS n FROM domain_events WHERE agency_id = ${agencyId} GROUP BY 1 ORDER BY 1`.execute(owner);
  console.error(
    `Bench-Historie (5 Jahre) in ${Math.round(performance.now() - t0)} ms angelegt; Ereignisse: ${rows.map((r) => `${r.kind} ${r.n}`).join(', ')}`,
  );
}

/**
 * Prevention: 0.4 cases per household over five years, received evenly; one in eight a household
 * that had a case half a year earlier (and loses its home this time in half of them). Per case its clock: first attempt 0–9 days after receipt
 * (most within three), first real contact for 82 %, clearing completed for 85 % of those, closed
 * 20–160 days after receipt with an outcome that follows the path.
 */
async function seedPreventionHistory(tx: Tx, c: HistoryContext) {
  const total = Math.round(c.households * PREVENTION_CASES_PER_HOUSEHOLD);
  // A returning household's earlier case: received about half a year before.
  const back = Math.round(total / 10);
  // The plan: one row per case with its days (null: not yet, as of today).
  await sql`
    CREATE TEMP TABLE bp ON COMMIT DROP AS
    WITH k AS (
      SELECT k, current_date - ${HISTORY_DAYS}::int + floor(k * ${HISTORY_DAYS}::numeric / ${total})::int AS received_on,
        pg_temp.u(k, 1) AS u1, pg_temp.u(k, 2) AS u2, pg_temp.u(k, 3) AS u3, pg_temp.u(k, 4) AS u4,
        pg_temp.u(k, 5) AS u5, pg_temp.u(k, 6) AS u6, pg_temp.u(k, 7) AS u7, pg_temp.u(k, 8) AS u8
      FROM generate_series(0, ${total - 1}) k),
    d AS (
      SELECT k.*,
        received_on + CASE WHEN u2 < 0.55 THEN floor(u2 / 0.55 * 2) WHEN u2 < 0.85 THEN 2 + floor((u2 - 0.55) / 0.3 * 2)
                           ELSE 4 + floor((u2 - 0.85) / 0.15 * 6) END::int AS attempt_on,
        CASE WHEN u3 < 0.82 THEN floor(power(u3 / 0.82, 2) * 15)::int END AS contact_after,
        CASE WHEN u4 < 0.85 THEN 5 + floor(u4 / 0.85 * 26)::int END AS clearing_after
      FROM k),
    e AS (
      SELECT d.*, attempt_on + contact_after AS contact_on, attempt_on + contact_after + clearing_after AS clearing_on FROM d),
    f AS (
      SELECT e.*, GREATEST(received_on + 20 + floor(u5 * 140)::int, clearing_on + 3, contact_on + 3, attempt_on + 3) AS close_on FROM e)
    SELECT k, gen_random_uuid() AS id,
      (SELECT id FROM bh WHERE bh.i = (CASE WHEN u7 < 0.12 AND k >= ${back} THEN k - ${back} ELSE k END * 7919) % ${c.households}) AS household_id,
      u7 < 0.12 AND k >= ${back} AS repeated,
      received_on,
      CASE WHEN u1 < 0.35 THEN 'court_notice' WHEN u1 < 0.65 THEN 'landlord' WHEN u1 < 0.80 THEN 'job_centre'
           WHEN u1 < 0.92 THEN 'self_referral' ELSE 'other_service' END AS source,
      CASE WHEN attempt_on <= current_date THEN attempt_on END AS attempt_on,
      CASE WHEN contact_on <= current_date THEN contact_on END AS contact_on,
      CASE WHEN clearing_on <= current_date THEN clearing_on END AS clearing_on,
      CASE WHEN close_on < current_date THEN close_on END AS close_on,
      CASE WHEN u6 < 0.5 THEN 'letter' WHEN u6 < 0.85 THEN 'phone' WHEN u6 < 0.95 THEN 'home_visit' ELSE 'email' END AS channel,
      CASE WHEN contact_on IS NULL THEN 'no_contact' WHEN clearing_on IS NULL THEN 'help_declined'
           WHEN u7 < 0.12 AND k >= ${back} AND u8 < 0.5 THEN 'home_lost' WHEN u8 < 0.68 THEN 'home_kept' WHEN u8 < 0.80 THEN 'alternative_housing' WHEN u8 < 0.94 THEN 'home_lost'
           ELSE 'help_declined' END AS outcome,
      (${c.caseManagers}::uuid[])[1 + k % ${c.caseManagers.length}] AS cm,
      (${c.socialWorkers}::uuid[])[1 + k % ${c.socialWorkers.length}] AS sw,
      u1, u2, u3, u4, u5, u6, u7, u8
    FROM f`.execute(tx);

  await sql`
    INSERT INTO prevention_cases (id, agency_id, reference, household_id, status, source, source_detail, self_referral_via,
      received_on, tenants, street, postal_code, city, landlord_name, monthly_rent_cents, arrears_cents, threat_stage,
      termination_on, first_attempt_at, first_contact_at, clearing, outcome, outcome_note, closed_at, closed_by,
      case_manager_id, social_worker_id, created_by, created_at, updated_at)
    SELECT p.id, ${c.agencyId}, 'PH-' || lpad((p.k + 1)::text, 6, '0'), p.household_id,
      CASE WHEN p.close_on IS NOT NULL THEN 'closed' WHEN p.clearing_on IS NOT NULL THEN 'measures'
           WHEN p.contact_on IS NOT NULL THEN 'clearing' ELSE 'contacting' END,
      p.source,
      CASE p.source WHEN 'court_notice' THEN 'Amtsgericht' WHEN 'landlord' THEN 'Vermieter' WHEN 'job_centre' THEN 'Jobcenter'
                    WHEN 'other_service' THEN (ARRAY['Frauenberatung', 'Schuldnerberatung', 'Sozialpsychiatrischer Dienst'])[1 + p.k % 3] END,
      CASE WHEN p.source = 'self_referral' THEN (ARRAY['walk_in', 'appointment'])[1 + p.k % 2] END,
      p.received_on, '[]'::jsonb, 'Historienweg ' || (1 + p.k % 250), ${c.postal}, ${c.city},
      'Wohnbau ' || (1 + p.k % 40), 45000 + (p.u5 * 60000)::int, 60000 + (p.u4 * 300000)::int,
      CASE p.source WHEN 'court_notice' THEN (ARRAY['lawsuit', 'judgment', 'eviction_date'])[1 + p.k % 3]
                    WHEN 'landlord' THEN 'termination' ELSE (ARRAY['reminder', 'termination'])[1 + p.k % 2] END,
      CASE WHEN p.source IN ('court_notice', 'landlord') THEN p.received_on - 20 END,
      pg_temp.at(p.attempt_on, 10 + p.u6 * 6), pg_temp.at(p.contact_on, 11 + p.u3 * 5),
      CASE WHEN p.clearing_on IS NOT NULL THEN '{"threatConfirmed": true, "wishes": "keep_home", "complete": true}'::jsonb
           WHEN p.contact_on IS NOT NULL THEN '{"threatConfirmed": true}'::jsonb ELSE '{}'::jsonb END,
      CASE WHEN p.close_on IS NOT NULL THEN p.outcome END,
      CASE WHEN p.close_on IS NOT NULL THEN 'Historie (Benchmark)' END,
      pg_temp.at(p.close_on, 15), CASE WHEN p.close_on IS NOT NULL THEN p.cm END,
      p.cm, p.sw, p.cm, pg_temp.at(p.received_on, 8), pg_temp.at(COALESCE(p.close_on, p.clearing_on, p.contact_on, p.received_on), 16)
    FROM bp p`.execute(tx);

  // Further notices: a quarter of the cases get one more, from another source, while still open.
  await sql`
    INSERT INTO prevention_notices (agency_id, case_id, source, received_on, notice, created_by, created_at)
    SELECT ${c.agencyId}, p.id, s.source, n.day,
      jsonb_build_object('source', s.source, 'receivedOn', n.day, 'street', 'Historienweg ' || (1 + p.k % 250),
        'postalCode', ${c.postal}::text, 'city', ${c.city}::text, 'tenants', '[]'::jsonb),
      p.cm, pg_temp.at(n.day, 9)
    FROM bp p
    CROSS JOIN LATERAL (SELECT p.received_on + 7 + floor(p.u8 * 50)::int AS day) n
    CROSS JOIN LATERAL (SELECT CASE p.source WHEN 'landlord' THEN 'court_notice' WHEN 'court_notice' THEN 'job_centre' ELSE 'landlord' END AS source) s
    WHERE p.u7 >= 0.75 AND n.day <= COALESCE(p.close_on, current_date)`.execute(tx);

  // Contact attempts: the first by its channel; the one that reached the household (after an
  // unanswered letter mostly a home visit); unreached letters followed by a home visit in six of ten.
  await sql`
    INSERT INTO prevention_contact_attempts (agency_id, case_id, channel, at, result, step_index, created_by, created_at)
    SELECT ${c.agencyId}, a.case_id, a.channel, a.at, a.result, a.step, a.cm, a.at FROM (
      SELECT p.id AS case_id, p.channel, pg_temp.at(p.attempt_on, 10 + p.u6 * 6) AS at,
        CASE WHEN p.contact_on = p.attempt_on AND p.channel <> 'letter' THEN 'reached'
             ELSE (CASE p.channel WHEN 'letter' THEN 'letter_sent' WHEN 'phone' THEN 'not_reached' WHEN 'home_visit' THEN 'not_home' ELSE 'message_left' END)
        END AS result, 0 AS step, p.cm
      FROM bp p WHERE p.attempt_on IS NOT NULL
      UNION ALL
      SELECT p.id, CASE WHEN p.channel = 'letter' AND p.u3 < 0.5 THEN 'home_visit' WHEN p.u3 < 0.7 THEN 'phone' ELSE 'office' END,
        pg_temp.at(p.contact_on, 11 + p.u3 * 5), 'reached', 1, p.cm
      FROM bp p WHERE p.contact_on IS NOT NULL AND (p.contact_on > p.attempt_on OR p.channel = 'letter')
      UNION ALL
      SELECT p.id, 'home_visit', pg_temp.at(p.attempt_on + 5, 14), 'not_home', 1, p.cm
      FROM bp p WHERE p.contact_on IS NULL AND p.channel = 'letter' AND p.u6 < 0.2 AND p.attempt_on + 5 <= current_date) a`.execute(tx);

  // Measures after the clearing: rent-debt assumptions for 45 % (decided 7–40 days after it: loan,
  // grant or refused), socio-pedagogical support for 30 %.
  await sql`
    INSERT INTO prevention_measures (agency_id, case_id, kind, status, data, created_by, created_at, updated_at)
    SELECT ${c.agencyId}::uuid, p.id, 'rent_debt_assumption',
      CASE WHEN m.decided > current_date THEN 'applied' WHEN m.decision = 'rejected' THEN 'rejected' ELSE 'done' END,
      CASE WHEN m.decided > current_date
        THEN jsonb_build_object('applicationOn', p.clearing_on, 'amountCents', m.amount, 'legalBasis', m.basis)
        ELSE jsonb_build_object('applicationOn', p.clearing_on, 'amountCents', m.amount, 'legalBasis', m.basis, 'decision', m.decision,
          'decidedOn', m.decided, 'grantedCents', CASE WHEN m.decision = 'rejected' THEN 0 ELSE m.amount END) END,
      p.cm, pg_temp.at(p.clearing_on, 12), pg_temp.at(LEAST(m.decided, current_date), 12)
    FROM bp p
    CROSS JOIN LATERAL (SELECT p.clearing_on + 7 + floor(p.u1 * 34)::int AS decided, 60000 + floor(p.u4 * 300000)::int AS amount,
      CASE WHEN p.u2 < 0.7 THEN 'sgb2_22_8' ELSE 'sgb12_36' END AS basis,
      CASE WHEN p.u5 < 0.6 THEN 'loan' WHEN p.u5 < 0.85 THEN 'grant' ELSE 'rejected' END AS decision) m
    WHERE p.clearing_on IS NOT NULL AND p.u8 < 0.6
    UNION ALL
    SELECT ${c.agencyId}::uuid, p.id, 'socio_pedagogical', CASE WHEN p.close_on IS NULL THEN 'approved' ELSE 'done' END, '{}'::jsonb,
      p.sw, pg_temp.at(p.clearing_on, 13), pg_temp.at(COALESCE(p.close_on, p.clearing_on), 13)
    FROM bp p WHERE p.clearing_on IS NOT NULL AND p.u3 < 0.3`.execute(tx);
}
