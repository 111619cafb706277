/**
 * The placement and sustainment part of the bench history (see ./history.ts): flat offers received
 * evenly over five years — one in eight declined as not eligible, one in sixteen withdrawn, the rest
 * ranked, shortlisted (four households each), presented, viewed, decided (refusals by reason, vetoes),
 * allocated at a round table and let —, then the guaranteed tenancy of each lease with its incidents
 * (rent defaults paid out or settled, conflicts solved or ending in a termination), payouts, recovery
 * agreements and instalments, ends and closing reviews.
 */
import { sql } from 'kysely';
import { HISTORY_DAYS, type HistoryContext, type Tx } from './history.common.js';

/** Offers begin a year before the five years, so tenancies reach their fifth anniversary within them. */
const OFFER_DAYS = HISTORY_DAYS + 365;

export async function seedSustainmentHistory(tx: Tx, c: HistoryContext, total: number) {
  // The offers' plan: each step's day (null: not yet, as of today).
  await sql`
    CREATE TEMP TABLE bo ON COMMIT DROP AS
    WITH k AS (
      SELECT k, current_date - ${OFFER_DAYS}::int + floor(k * ${OFFER_DAYS}::numeric / ${total})::int AS submitted_on,
        pg_temp.u(k, 11) AS u1, pg_temp.u(k, 12) AS u2, pg_temp.u(k, 13) AS u3, pg_temp.u(k, 14) AS u4, pg_temp.u(k, 15) AS u5
      FROM generate_series(0, ${total - 1}) k),
    d AS (
      SELECT k.*, CASE WHEN u1 < 0.12 THEN 'declined' WHEN u1 < 0.18 THEN 'withdrawn' ELSE 'let' END AS path,
        submitted_on + 2 + floor(u2 * 9)::int AS approved_on FROM k),
    e AS (SELECT d.*, approved_on + 14 + floor(u3 * 21)::int AS rt_on FROM d)
    SELECT gen_random_uuid() AS id, e.k, e.path, e.submitted_on, u1, u2, u3, u4, u5,
      CASE WHEN path <> 'declined' AND approved_on <= current_date THEN approved_on END AS approved_on,
      CASE WHEN path = 'declined' AND submitted_on + 3 + floor(u2 * 8)::int <= current_date THEN submitted_on + 3 + floor(u2 * 8)::int END AS declined_on,
      CASE WHEN path = 'withdrawn' AND approved_on + 5 + floor(u3 * 20)::int <= current_date THEN approved_on + 5 + floor(u3 * 20)::int END AS withdrawn_on,
      CASE WHEN path = 'let' AND rt_on <= current_date THEN rt_on END AS rt_on,
      CASE WHEN path = 'let' AND rt_on + 7 <= current_date THEN rt_on + 7 END AS allocated_on,
      CASE WHEN path = 'let' AND rt_on + 12 + floor(u4 * 30)::int <= current_date THEN rt_on + 12 + floor(u4 * 30)::int END AS let_on,
      (${c.caseManagers}::uuid[])[1 + k % ${c.caseManagers.length}] AS cm,
      (${c.providers}::uuid[])[1 + k % ${c.providers.length}] AS provider_id,
      (${c.districts}::text[])[1 + k % ${c.districts.length}] AS district,
      1 + floor(u5 * 4)::int AS rooms
    FROM e`.execute(tx);

  await sql`
    INSERT INTO offers (id, agency_id, reference, provider_id, status, street, postal_code, city, district, floor, lift,
      living_space, rooms, cold_rent_cents, service_charges_cents, heating_cents, deposit_cents, step_free, wheelchair,
      available_from, pets_allowed, decline_reason, case_manager_id, created_by, created_at, updated_at)
    SELECT o.id, ${c.agencyId}, 'BH-' || lpad((o.k + 1)::text, 5, '0'), o.provider_id,
      CASE WHEN o.let_on IS NOT NULL THEN 'let' WHEN o.allocated_on IS NOT NULL THEN 'allocated' WHEN o.rt_on IS NOT NULL THEN 'round_table'
           WHEN o.declined_on IS NOT NULL THEN 'declined' WHEN o.withdrawn_on IS NOT NULL THEN 'withdrawn'
           WHEN o.approved_on IS NOT NULL THEN 'shortlisting' ELSE 'submitted' END,
      'Angebotsstraße ' || (1 + o.k % 300), ${c.postal}, ${c.city}, o.district, floor(o.u3 * 6)::int, o.u3 > 0.5,
      25 + o.rooms * 17 + round((o.u4 * 10)::numeric, 2), o.rooms, 30000 + o.rooms * 15000 + floor(o.u2 * 10000)::int,
      8000 + o.rooms * 2000, 6000 + o.rooms * 1500, 90000 + o.rooms * 45000, o.u4 < 0.3, o.u4 < 0.08,
      o.submitted_on + 30, o.u5 < 0.4, CASE WHEN o.declined_on IS NOT NULL THEN 'Miete über der Angemessenheitsgrenze' END,
      o.cm, o.cm, pg_temp.at(o.submitted_on, 8),
      pg_temp.at(COALESCE(o.let_on, o.allocated_on, o.rt_on, o.declined_on, o.withdrawn_on, o.approved_on, o.submitted_on), 17)
    FROM bo o`.execute(tx);

  // One ranking per approved offer; its four shortlisted households with the months they had been homeless.
  await sql`
    CREATE TEMP TABLE bc ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, o.id AS offer_id, o.k, n.c, h.id AS household_id, h.reference, GREATEST(h.persons, 1) AS persons,
      2 + floor(pg_temp.u(o.k * 4 + n.c, 21) * 40)::int AS months, pg_temp.u(o.k * 4 + n.c, 22) AS u, o.approved_on,
      o.withdrawn_on, o.allocated_on
    FROM bo o CROSS JOIN generate_series(0, 3) n(c)
    JOIN bh h ON h.i = ((o.k * 4 + n.c) * 104729 + 17) % ${c.households}
    WHERE o.approved_on IS NOT NULL`.execute(tx);
  await sql`
    INSERT INTO rankings (id, agency_id, offer_id, round, weights, pool_size, eligible_count, entries, exclusions, exclusion_counts, created_by, created_at)
    SELECT o.id, ${c.agencyId}, o.id, 1, '{"waiting":40,"children":20,"health":15,"age":10,"district":10,"hints":5}'::jsonb,
      ${c.households}, ${Math.round(c.households / 8)},
      (SELECT jsonb_agg(jsonb_build_array(b.household_id, b.reference, b.persons, 9000 - b.c * 500, b.months, 0, 0, 0) ORDER BY b.c)
       FROM bc b WHERE b.offer_id = o.id), '[]'::jsonb, '{}'::jsonb, o.cm, pg_temp.at(o.approved_on + 1, 9)
    FROM bo o WHERE o.approved_on IS NOT NULL`.execute(tx);

  // Each candidate's steps (day, event kind, state after it); the ones after today are dropped.
  await sql`
    CREATE TEMP TABLE bce ON COMMIT DROP AS
    SELECT * FROM (
      SELECT b.id, b.offer_id, b.household_id, s.seq, s.kind, s.state, s.day, s.reason
      FROM bc b CROSS JOIN LATERAL (VALUES
        (0, 'picked', 'shortlisted', b.approved_on + 1, NULL),
        (1, 'presented', 'presented', b.approved_on + 2, NULL),
        (2, CASE WHEN b.c = 3 AND b.u < 0.2 THEN 'candidate_withdrawn' ELSE 'viewing_scheduled' END,
            CASE WHEN b.c = 3 AND b.u < 0.2 THEN 'withdrawn' ELSE 'viewing_scheduled' END, b.approved_on + 4, NULL),
        (3, CASE WHEN b.c = 3 AND b.u < 0.2 THEN NULL ELSE 'viewing_recorded' END, 'viewed', b.approved_on + 8, NULL),
        (4, CASE WHEN b.c = 3 AND b.u < 0.2 THEN NULL WHEN b.c = 1 OR (b.c = 3 AND b.u < 0.5) THEN 'refused'
                 WHEN b.c = 2 AND b.u < 0.25 THEN 'vetoed' ELSE 'accepted' END,
            CASE WHEN b.c = 1 OR (b.c = 3 AND b.u < 0.5) THEN 'refused' WHEN b.c = 2 AND b.u < 0.25 THEN 'vetoed' ELSE 'accepted' END,
            b.approved_on + 12,
            CASE WHEN b.c = 1 OR (b.c = 3 AND b.u < 0.5) THEN (ARRAY['location','size','rent','condition','neighbourhood','health','family','other'])[1 + floor(b.u * 8)::int] END),
        (5, CASE WHEN b.c = 3 AND b.u < 0.2 THEN NULL WHEN b.c = 2 AND b.u < 0.25 THEN NULL WHEN b.c = 0 THEN 'allocated' ELSE 'released' END,
            CASE WHEN b.c = 0 THEN 'allocated' ELSE 'not_selected' END, COALESCE(b.allocated_on, b.withdrawn_on), NULL)
      ) s(seq, kind, state, day, reason)
      WHERE s.kind IS NOT NULL AND s.day <= current_date AND (b.withdrawn_on IS NULL OR s.day <= b.withdrawn_on)
        AND NOT (s.kind = 'allocated' AND b.allocated_on IS NULL)) x`.execute(tx);
  await sql`CREATE INDEX ON bce (id, seq)`.execute(tx);

  await sql`
    INSERT INTO candidates (id, agency_id, offer_id, household_id, round, ranking_id, rank, score, status, pseudonym, comment,
      picked_by, refusal_reason, veto_reason, created_at, updated_at)
    SELECT b.id, ${c.agencyId}, b.offer_id, b.household_id, 1, b.offer_id, b.c + 1, 90 - b.c * 5, l.state,
      'Haushalt ' || chr(65 + b.c), '', o.cm, r.reason, CASE WHEN l.state = 'vetoed' THEN 'Bonität nicht ausreichend' END,
      pg_temp.at(b.approved_on + 1, 10), pg_temp.at(l.day, 15)
    FROM bc b JOIN bo o ON o.id = b.offer_id
    CROSS JOIN LATERAL (SELECT state, day FROM bce e WHERE e.id = b.id ORDER BY seq DESC LIMIT 1) l
    LEFT JOIN LATERAL (SELECT reason FROM bce e WHERE e.id = b.id AND e.kind = 'refused') r ON true`.execute(tx);

  await sql`
    INSERT INTO offer_events (agency_id, offer_id, candidate_id, at, actor_id, kind, provider_visible, details)
    SELECT ${c.agencyId}, e.offer_id, e.candidate_id, e.at, e.actor, e.kind, true, '{}'::jsonb FROM (
      SELECT o.id AS offer_id, NULL::uuid AS candidate_id, pg_temp.at(s.day, s.hour) AS at, o.cm AS actor, s.kind
      FROM bo o CROSS JOIN LATERAL (VALUES ('created', o.submitted_on, 8), ('submitted', o.submitted_on, 8.1),
        ('approved', o.approved_on, 11), ('declined', o.declined_on, 11), ('withdrawn', o.withdrawn_on, 12),
        ('round_table_scheduled', o.rt_on, 10), ('contracts', o.let_on, 14)) s(kind, day, hour)
      WHERE s.day IS NOT NULL
      UNION ALL
      SELECT e.offer_id, e.id, pg_temp.at(e.day, 9 + e.seq), o.cm, e.kind FROM bce e JOIN bo o ON o.id = e.offer_id) e
    ORDER BY e.at`.execute(tx);

  await seedTenancies(tx, c);
}

/** A tenancy per lease with incidents, payouts and recoveries. */
async function seedTenancies(tx: Tx, c: HistoryContext) {
  await sql`
    CREATE TEMP TABLE bt ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, o.k, o.id AS offer_id, b.id AS candidate_id, b.household_id, o.provider_id, o.district,
      o.let_on, o.let_on + 7 + floor(o.u5 * 24)::int AS lease_start, 30000 + o.rooms * 15000 AS rent,
      (${c.socialWorkers}::uuid[])[1 + o.k % ${c.socialWorkers.length}] AS sw, o.cm,
      pg_temp.u(o.k, 31) AS u1, pg_temp.u(o.k, 32) AS u2, pg_temp.u(o.k, 33) AS u3
    FROM bo o JOIN bc b ON b.offer_id = o.id AND b.c = 0
    WHERE o.let_on IS NOT NULL`.execute(tx);
  await sql`
    ALTER TABLE bt ADD COLUMN ended_on date;
    UPDATE bt SET ended_on = lease_start + 200 + floor(u1 / 0.18 * 1400)::int WHERE u1 < 0.18;
    UPDATE bt SET ended_on = NULL WHERE ended_on > current_date - 1`.execute(tx);
  await sql`
    INSERT INTO tenancies (id, agency_id, reference, household_id, provider_id, offer_id, candidate_id, street, postal_code, city,
      district, lease_start, lease_signed_on, cold_rent_cents, service_charges_cents, heating_cents, guarantee_start, guarantee_end,
      guarantee_max_cents, guarantee_items, guarantee_signed_on, contact_person_id, social_worker_id, status, end_reason, ended_on,
      closing_outcome, closing_reviewed_on, closing_reviewed_by, created_by, created_at, updated_at)
    SELECT t.id, ${c.agencyId}, 'GH-' || lpad((t.k + 1)::text, 5, '0'), t.household_id, t.provider_id, t.offer_id, t.candidate_id,
      'Angebotsstraße ' || (1 + t.k % 300), ${c.postal}, ${c.city}, t.district, t.lease_start, t.let_on, t.rent, 12000, 9000,
      t.lease_start, (t.lease_start + interval '5 years')::date - 1, t.rent * 8, ARRAY['rent_arrears', 'service_charge_arrears', 'damage'],
      t.let_on, t.cm, t.sw, CASE WHEN t.ended_on IS NULL THEN 'active' ELSE 'ended' END,
      CASE WHEN t.ended_on IS NOT NULL THEN (ARRAY['moved_out', 'terminated_by_provider', 'terminated_by_tenant'])[1 + t.k % 3] END,
      t.ended_on,
      CASE WHEN t.ended_on + 14 <= current_date THEN (ARRAY['independent', 'further_support', 'lost'])[1 + floor(t.u2 * 3)::int] END,
      CASE WHEN t.ended_on + 14 <= current_date THEN t.ended_on + 14 END,
      CASE WHEN t.ended_on + 14 <= current_date THEN t.sw END,
      t.cm, pg_temp.at(t.let_on, 14), pg_temp.at(COALESCE(t.ended_on, t.let_on), 15)
    FROM bt t`.execute(tx);

  // Incidents: three in ten tenancies report one, one in ten a second; each with its path of steps.
  await sql`
    CREATE TEMP TABLE bi ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, t.id AS tenancy_id, t.household_id, t.provider_id, t.rent, t.cm, t.sw, t.k * 2 + n.j AS k,
      CASE WHEN pg_temp.u(t.k * 2 + n.j, 41) < 0.65 THEN 'rent_default' ELSE 'conflict' END AS kind,
      t.lease_start + 60 + floor(pg_temp.u(t.k * 2 + n.j, 42) * 1100)::int AS reported_on, pg_temp.u(t.k * 2 + n.j, 43) AS u
    FROM bt t CROSS JOIN generate_series(0, 1) n(j)
    WHERE (n.j = 0 AND t.u3 < 0.3) OR (n.j = 1 AND t.u3 < 0.1)`.execute(tx);
  await sql`DELETE FROM bi i USING bt t WHERE t.id = i.tenancy_id AND (i.reported_on > current_date - 2 OR i.reported_on > t.ended_on)`.execute(
    tx,
  );
  await sql`
    CREATE TEMP TABLE bie ON COMMIT DROP AS
    SELECT i.id, s.seq, s.step, lag(s.state) OVER (PARTITION BY i.id ORDER BY s.seq) AS from_state, s.state, i.reported_on + s.after AS day
    FROM bi i CROSS JOIN LATERAL (
      SELECT * FROM (VALUES
        ('rent_default', 'secured', 0, 'report', 'reported', 0), ('rent_default', 'secured', 1, 'forward', 'clarifying', 1),
        ('rent_default', 'secured', 2, 'recordReasons', 'reasons_recorded', 6), ('rent_default', 'secured', 3, 'informProvider', 'awaiting_decision', 8),
        ('rent_default', 'secured', 4, 'demandPayment', 'payout_due', 20), ('rent_default', 'secured', 5, 'payout', 'assignment_pending', 27),
        ('rent_default', 'secured', 6, 'confirmAssignment', 'secured', 40),
        ('rent_default', 'resolved', 0, 'report', 'reported', 0), ('rent_default', 'resolved', 1, 'forward', 'clarifying', 1),
        ('rent_default', 'resolved', 2, 'markPaid', 'resolved', 12),
        ('conflict', 'secured', 0, 'report', 'reported', 0), ('conflict', 'secured', 1, 'forward', 'in_progress', 2),
        ('conflict', 'secured', 2, 'solve', 'solved', 25), ('conflict', 'secured', 3, 'informProvider', 'secured', 28),
        ('conflict', 'terminated', 0, 'report', 'reported', 0), ('conflict', 'terminated', 1, 'forward', 'in_progress', 2),
        ('conflict', 'terminated', 2, 'terminate', 'terminated', 30)
      ) v(kind, path, seq, step, state, after)
      WHERE v.kind = i.kind AND v.path = CASE WHEN i.kind = 'rent_default' THEN (CASE WHEN i.u < 0.45 THEN 'secured' ELSE 'resolved' END)
                                              ELSE (CASE WHEN i.u < 0.85 THEN 'secured' ELSE 'terminated' END) END) s
    WHERE i.reported_on + s.after <= current_date`.execute(tx);
  await sql`
    INSERT INTO incidents (id, agency_id, reference, tenancy_id, provider_id, kind, state, reported_via, reported_at, months,
      amount_cents, decision, category, description, occurred_on, terminated_on, created_at, updated_at)
    SELECT i.id, ${c.agencyId}, 'VH-' || lpad((i.k + 1)::text, 6, '0'), i.tenancy_id, i.provider_id, i.kind, l.state,
      CASE WHEN i.u < 0.6 THEN 'portal' ELSE 'office' END, pg_temp.at(i.reported_on, 10),
      CASE WHEN i.kind = 'rent_default' THEN ARRAY[to_char(i.reported_on - 30, 'YYYY-MM'), to_char(i.reported_on, 'YYYY-MM')] ELSE '{}' END,
      CASE WHEN i.kind = 'rent_default' THEN i.rent * 2 + 24000 END,
      CASE WHEN i.kind = 'rent_default' AND l.seq >= 4 AND i.u < 0.45 THEN 'demand_payment' END,
      CASE WHEN i.kind = 'conflict' THEN (ARRAY['noise', 'hygiene', 'damage', 'threats', 'neighbours', 'other'])[1 + i.k % 6] END,
      CASE WHEN i.kind = 'conflict' THEN 'Beschwerde der Nachbarschaft (Benchmark)' END,
      CASE WHEN i.kind = 'conflict' THEN i.reported_on - 3 END,
      CASE WHEN l.state = 'terminated' THEN l.day END,
      pg_temp.at(i.reported_on, 10), pg_temp.at(l.day, 16)
    FROM bi i CROSS JOIN LATERAL (SELECT state, seq, day FROM bie e WHERE e.id = i.id ORDER BY seq DESC LIMIT 1) l`.execute(tx);
  await sql`
    INSERT INTO incident_events (agency_id, incident_id, at, actor_id, step, from_state, to_state, round, details)
    SELECT ${c.agencyId}, e.id, pg_temp.at(e.day, 10 + e.seq * 0.1), i.cm, e.step, e.from_state, e.state, 1, '{}'::jsonb
    FROM bie e JOIN bi i ON i.id = e.id ORDER BY e.day, e.seq`.execute(tx);

  // Payouts at the payout step; seven in ten agree instalments of 50–150 € a month, paid until today or the claim.
  await sql`
    INSERT INTO guarantee_payouts (agency_id, tenancy_id, incident_id, amount_cents, paid_on, months, note, created_by, created_at)
    SELECT ${c.agencyId}, i.tenancy_id, i.id, i.rent * 2 + 24000, e.day,
      ARRAY[to_char(i.reported_on - 30, 'YYYY-MM'), to_char(i.reported_on, 'YYYY-MM')], 'Benchmark', i.cm, pg_temp.at(e.day, 12)
    FROM bi i JOIN bie e ON e.id = i.id AND e.step = 'payout'`.execute(tx);
  await sql`
    WITH a AS (
      INSERT INTO recovery_agreements (agency_id, tenancy_id, incident_id, instalment_cents, starts_on, interval_months, created_by, created_at)
      SELECT ${c.agencyId}, p.tenancy_id, p.incident_id, 5000 + (floor(i.u * 10) * 1000)::int, p.paid_on + 30, 1, i.cm, pg_temp.at(p.paid_on + 10, 12)
      FROM guarantee_payouts p JOIN bi i ON i.id = p.incident_id
      WHERE p.agency_id = ${c.agencyId} AND pg_temp.u(i.k, 44) < 0.7 AND p.paid_on + 30 <= current_date
      RETURNING id, tenancy_id, incident_id, instalment_cents, starts_on)
    INSERT INTO recovery_payments (agency_id, tenancy_id, agreement_id, amount_cents, paid_on, created_by, created_at)
    SELECT ${c.agencyId}, a.tenancy_id, a.id, a.instalment_cents, (a.starts_on + make_interval(months => m))::date, NULL,
      pg_temp.at((a.starts_on + make_interval(months => m))::date, 9)
    FROM a JOIN guarantee_payouts p ON p.incident_id = a.incident_id
    CROSS JOIN LATERAL generate_series(0, p.amount_cents / a.instalment_cents - 1) m
    WHERE (a.starts_on + make_interval(months => m))::date <= current_date AND pg_temp.u(m, 45) < 0.85`.execute(tx);
}
