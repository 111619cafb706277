/**
 * The accommodation load of the bench (issue 16: "2,000 facilities, 20,000 places, 50,000 persons
 * with five years of stays"): 150 operators (municipal, welfare organisations, commercial, other)
 * with a contract or an agreed rate each and dated day rates (most changed once or twice), 2,000
 * facilities of every type of provision and admission state, 8,000 rooms with their attributes and
 * 20,000 places, and five years of assignments of the bench agency's households — about 50,000
 * persons — with moves in and out, one place per person, and transfers between facilities that keep
 * one stay history. Generated in PostgreSQL (bind parameters only), deterministic relative to today,
 * added once per data directory.
 *
 * Each room serves households of its size one after another (a room with n places, households of n
 * persons): the five years are cut into the same slots for every room of a size, so two rooms of a
 * pair (in different facilities) can swap their households half-way through a slot — a transfer
 * for both — without any place ever holding two persons at once. The household's own record
 * (situation, "in accommodation since") is not changed, so the other bench runs see the same pool.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/types.js';
import { HISTORY_DAYS } from './history.common.js';

export const BENCH_FACILITIES = Number(process.env.BENCH_FACILITIES ?? 2_000);
export const BENCH_PLACES = Number(process.env.BENCH_PLACES ?? 20_000);
export const BENCH_PERSONS = Number(process.env.BENCH_PERSONS ?? 50_000);
const OPERATORS = 150;
const PREFIX = 'Bench-Unterkunft ';
/** Households of up to this many persons are placed (one room of that size). */
const MAX_SIZE = 6;

export async function seedAccommodationBench(owner: Kysely<DB>, agencyId: string, districts: readonly string[]): Promise<void> {
  const { rows: have } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM accommodation_facilities WHERE agency_id = ${agencyId} AND name LIKE ${PREFIX + '%'}`.execute(owner);
  if (have[0]!.n > 0) return;
  const t0 = performance.now();
  await owner.transaction().execute(async (tx) => {
    const worker = await tx
      .selectFrom('users')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('role', '=', 'accommodation_worker')
      .orderBy('email')
      .executeTakeFirst();
    const by = worker?.id ?? null;
    await sql`
      CREATE FUNCTION pg_temp.ua(i bigint, salt integer) RETURNS double precision LANGUAGE sql IMMUTABLE AS
      $$ SELECT ((hashint8(i * 1000 + salt)::bigint + 2147483648) % 1000003) / 1000003.0 $$`.execute(tx);

    // The households to place: not in accommodation through the demo, 1–6 persons, until 50,000 persons.
    await sql`
      CREATE TEMP TABLE ah ON COMMIT DROP AS
      WITH h AS (
        SELECT h.id, h.reference, (SELECT count(*)::int FROM household_members m WHERE m.agency_id = h.agency_id AND m.household_id = h.id) AS b
        FROM households h
        WHERE h.agency_id = ${agencyId}
          AND NOT EXISTS (SELECT 1 FROM accommodation_assignments a WHERE a.agency_id = h.agency_id AND a.household_id = h.id)),
      s AS (SELECT h.*, sum(b) OVER (ORDER BY reference) AS persons_so_far FROM h WHERE b BETWEEN 1 AND ${MAX_SIZE})
      SELECT id, b, row_number() OVER (PARTITION BY b ORDER BY reference)::int - 1 AS q FROM s WHERE persons_so_far <= ${BENCH_PERSONS}`.execute(
      tx,
    );

    // Rooms per size in proportion to the persons of that size (so every room serves ~ the same number of households).
    await sql`
      CREATE TEMP TABLE arb ON COMMIT DROP AS
      WITH p AS (SELECT b, count(*)::int AS hh, sum(b)::int AS persons FROM ah GROUP BY b)
      SELECT b, hh, GREATEST(1, round(${BENCH_PLACES}::numeric * persons / (SELECT sum(persons) FROM p) / b))::int AS rooms FROM p`.execute(
      tx,
    );
    await sql`
      ALTER TABLE arb ADD COLUMN slots integer;
      UPDATE arb SET slots = ceil(hh::numeric / rooms)::int`.execute(tx);

    // Operators with contracts (one in five an agreed rate without a contract) and dated rates.
    await sql`
      CREATE TEMP TABLE aop ON COMMIT DROP AS
      SELECT o, gen_random_uuid() AS id, gen_random_uuid() AS contract_id,
        CASE WHEN o % 20 < 3 THEN 'municipality' WHEN o % 20 < 11 THEN 'welfare' WHEN o % 20 < 18 THEN 'commercial' ELSE 'other' END AS kind
      FROM generate_series(0, ${OPERATORS - 1}) o`.execute(tx);
    await sql`
      INSERT INTO accommodation_operators (id, agency_id, name, kind, welfare_association, street, postal_code, city, email, created_by, created_at)
      SELECT id, ${agencyId}, 'Bench-Betreiber ' || lpad((o + 1)::text, 3, '0'), kind,
        CASE WHEN kind = 'welfare' THEN (ARRAY['awo','caritas','drk','paritaetischer','diakonie','zwst','other'])[1 + o % 7] END,
        'Betreiberweg ' || (o + 1), '70173', 'Stuttgart', 'betreiber' || (o + 1) || '@bench.example', ${by},
        now() - interval '6 years'
      FROM aop`.execute(tx);
    await sql`
      INSERT INTO accommodation_contracts (id, agency_id, operator_id, kind, reference, valid_from, rate_basis, includes, notice_days, created_by)
      SELECT contract_id, ${agencyId}, id, CASE WHEN o % 5 = 4 THEN 'agreed_rate' ELSE 'contract' END,
        CASE WHEN o % 5 <> 4 THEN 'BV-' || lpad((o + 1)::text, 3, '0') END,
        current_date - ${HISTORY_DAYS + 365}::int, CASE WHEN o % 6 = 5 THEN 'place' ELSE 'person' END,
        ARRAY['Unterkunft', 'Nebenkosten', 'Reinigung'], CASE WHEN o % 5 <> 4 THEN 90 END, ${by}
      FROM aop`.execute(tx);
    await sql`
      INSERT INTO accommodation_rates (agency_id, contract_id, valid_from, cents_per_day, note, created_by)
      SELECT ${agencyId}, a.contract_id, r.valid_from, r.cents, r.note, ${by}
      FROM aop a CROSS JOIN LATERAL (VALUES
        (current_date - ${HISTORY_DAYS + 365}::int, 2500 + (a.o * 37) % 3500, 'Vertragsbeginn'),
        (CASE WHEN a.o % 2 = 0 THEN current_date - 1100 + a.o END, (2500 + (a.o * 37) % 3500) * 104 / 100, 'Anpassung'),
        (CASE WHEN a.o % 3 = 0 THEN current_date - 300 + a.o END, (2500 + (a.o * 37) % 3500) * 109 / 100, 'Anpassung')
      ) r(valid_from, cents, note) WHERE r.valid_from IS NOT NULL`.execute(tx);

    // Facilities, then rooms numbered across sizes (neighbouring rooms lie in different facilities) and places.
    await sql`
      CREATE TEMP TABLE af ON COMMIT DROP AS
      SELECT f, gen_random_uuid() AS id, p.id AS operator_id, p.contract_id, pg_temp.ua(f, 1) AS u
      FROM generate_series(0, ${BENCH_FACILITIES - 1}) f JOIN aop p ON p.o = f % ${OPERATORS}`.execute(tx);
    await sql`
      CREATE TEMP TABLE ar ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, r.b, r.ri, r.g, f.id AS facility_id, pg_temp.ua(r.g, 2) AS u
      FROM (SELECT arb.b, ri, (row_number() OVER (ORDER BY arb.b, ri) - 1)::int AS g
            FROM arb CROSS JOIN generate_series(0, arb.rooms - 1) ri) r
      JOIN af f ON f.f = r.g % ${BENCH_FACILITIES}`.execute(tx);
    await sql`CREATE INDEX ON ar (b, ri)`.execute(tx);
    await sql`
      INSERT INTO accommodation_facilities (id, agency_id, operator_id, contract_id, name, street, postal_code, city, district, provision,
        capacity, social_service, night_service, protection_concept, substance_tolerant, state, state_note, state_since, created_by, created_at)
      SELECT f.id, ${agencyId}, f.operator_id, f.contract_id, ${PREFIX} || lpad((f.f + 1)::text, 4, '0'), 'Unterkunftsweg ' || (f.f + 1),
        '70173', 'Stuttgart', (${districts}::text[])[1 + f.f % ${districts.length}],
        CASE WHEN f.u < 0.45 THEN 'short_term' WHEN f.u < 0.65 THEN 'partly_residential' WHEN f.u < 0.95 THEN 'residential' ELSE 'other' END,
        (SELECT coalesce(sum(r.b), 0)::int FROM ar r WHERE r.facility_id = f.id), f.u < 0.6, f.u > 0.5, f.f % 7 = 0, f.f % 5 = 0,
        CASE WHEN f.f % 33 = 0 THEN 'blocked' WHEN f.f % 20 = 0 THEN 'admitted_conditions' ELSE 'admitted' END,
        CASE WHEN f.f % 33 = 0 THEN 'Brandschutzmängel (Benchmark)' WHEN f.f % 20 = 0 THEN 'Auflage: zweites Bad (Benchmark)' END,
        current_date - ${HISTORY_DAYS + 300}::int + f.f % 250, ${by}, now() - interval '6 years'
      FROM af f`.execute(tx);
    await sql`
      INSERT INTO accommodation_facility_events (agency_id, facility_id, from_state, to_state, note, effective_on, created_by)
      SELECT ${agencyId}::uuid, f.id, NULL, 'admitted', NULL, current_date - ${HISTORY_DAYS + 300}::int, ${by}::uuid FROM af f
      UNION ALL
      SELECT ${agencyId}::uuid, f.id, 'admitted', CASE WHEN f.f % 33 = 0 THEN 'blocked' ELSE 'admitted_conditions' END, 'Benchmark',
        current_date - 200 + f.f % 150, ${by}::uuid FROM af f WHERE f.f % 33 = 0 OR f.f % 20 = 0`.execute(tx);
    await sql`
      INSERT INTO accommodation_rooms (id, agency_id, facility_id, label, size_m2, sex, family, wheelchair, step_free, pets, single_room, created_by)
      SELECT r.id, ${agencyId}, r.facility_id, 'Zimmer ' || (r.g + 1), 9 * r.b + 3,
        CASE WHEN r.b > 1 OR r.u < 0.2 THEN 'any' WHEN r.u < 0.7 THEN 'male' ELSE 'female' END,
        r.b >= 3, r.u < 0.05, r.u < 0.15, r.u > 0.9, r.b = 1, ${by}
      FROM ar r`.execute(tx);
    await sql`
      CREATE TEMP TABLE ap ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, r.id AS room_id, r.facility_id, t FROM ar r CROSS JOIN generate_series(0, r.b - 1) t`.execute(tx);
    await sql`CREATE INDEX ON ap (room_id, t)`.execute(tx);
    await sql`
      INSERT INTO accommodation_places (id, agency_id, facility_id, room_id, label, blocked_reason)
      SELECT p.id, ${agencyId}, p.facility_id, p.room_id, 'Platz ' || (p.t + 1),
        CASE WHEN pg_temp.ua(hashtext(p.id::text), 3) < 0.01 THEN 'Wasserschaden (Benchmark)' END
      FROM ap p`.execute(tx);

    await seedStays(tx, agencyId, by);
  });
  await sql`ANALYZE`.execute(owner);
  const { rows } = await sql<{ facilities: number; places: number; persons: number; assignments: number }>`
    SELECT (SELECT count(*)::int FROM accommodation_facilities WHERE agency_id = ${agencyId}) AS facilities,
      (SELECT count(*)::int FROM accommodation_places WHERE agency_id = ${agencyId}) AS places,
      (SELECT count(DISTINCT member_id)::int FROM accommodation_stays WHERE agency_id = ${agencyId}) AS persons,
      (SELECT count(*)::int FROM accommodation_assignments WHERE agency_id = ${agencyId}) AS assignments`.execute(owner);
  const r = rows[0]!;
  console.error(
    `Unterbringungs-Last: ${r.facilities} Unterkünfte, ${r.places} Plätze, ${r.persons} Personen in ${r.assignments} Zuweisungen, ${Math.round(performance.now() - t0)} ms`,
  );
}

/** The slots of each room size, the households in them, transfers by swapping within a pair, assignments and stays. */
async function seedStays(tx: Kysely<DB>, agencyId: string, by: string | null) {
  // One row per household: its room (round robin within its size) and slot; the slot's days are the same for both rooms of a pair.
  await sql`
    CREATE TEMP TABLE ao ON COMMIT DROP AS
    WITH o AS (
      SELECT h.id AS household_id, h.b, h.q % arb.rooms AS ri, h.q / arb.rooms AS j, arb.slots, arb.rooms
      FROM ah h JOIN arb ON arb.b = h.b),
    t AS (
      SELECT o.*, (o.ri / 2) AS m, o.b * 100000 + (o.ri / 2) AS pair,
        current_date - ${HISTORY_DAYS}::int + floor(${HISTORY_DAYS}::numeric * (o.j + 0.25 * pg_temp.ua((o.b * 100000 + o.ri / 2) * 50 + o.j, 4)) / o.slots)::int AS start0,
        current_date - ${HISTORY_DAYS}::int + floor(${HISTORY_DAYS}::numeric * (o.j + 1 + 0.25 * pg_temp.ua((o.b * 100000 + o.ri / 2) * 50 + o.j + 1, 4)) / o.slots)::int
          - 1 - floor(14 * pg_temp.ua((o.b * 100000 + o.ri / 2) * 50 + o.j, 5))::int AS end0,
        pg_temp.ua((o.b * 100000 + o.ri / 2) * 50 + o.j, 6) AS u
      FROM o)
    SELECT t.household_id, t.b, t.ri, t.j, t.pair, t.u, r.id AS room_id, r.facility_id,
      CASE WHEN t.j = 0 THEN t.start0 - floor(365 * t.u)::int ELSE t.start0 END AS from_date,
      CASE WHEN t.j < t.slots - 1 THEN t.end0 WHEN t.u < 0.85 THEN NULL ELSE GREATEST(t.start0 + 2, current_date - floor(60 * t.u)::int) END AS until_date,
      p.id AS partner_room_id, p.facility_id AS partner_facility_id,
      gen_random_uuid() AS id1, gen_random_uuid() AS id2
    FROM t JOIN ar r ON r.b = t.b AND r.ri = t.ri
    LEFT JOIN ar p ON p.b = t.b AND p.ri = (CASE WHEN t.ri % 2 = 0 THEN t.ri + 1 ELSE t.ri - 1 END)`.execute(tx);
  // A slot is swapped (a transfer for both households) when both rooms of the pair are taken in it and a draw says so.
  await sql`
    ALTER TABLE ao ADD COLUMN mid date;
    UPDATE ao a SET mid = a.from_date + (COALESCE(a.until_date, current_date) - a.from_date) / 2
    WHERE a.u < 0.12 AND a.partner_room_id IS NOT NULL AND COALESCE(a.until_date, current_date) - a.from_date >= 4
      AND EXISTS (SELECT 1 FROM ao b WHERE b.pair = a.pair AND b.j = a.j AND b.ri <> a.ri)`.execute(tx);
  // Both of a pair must agree on the day: the earlier start's half-way mark is too late for neither (same slot days).
  await sql`
    UPDATE ao a SET mid = GREATEST(a.mid, b.mid) FROM ao b
    WHERE b.pair = a.pair AND b.j = a.j AND b.ri <> a.ri AND a.mid IS NOT NULL AND b.mid IS NOT NULL`.execute(tx);
  await sql`
    UPDATE ao a SET mid = NULL FROM ao b
    WHERE b.pair = a.pair AND b.j = a.j AND b.ri <> a.ri AND (a.mid IS NULL) <> (b.mid IS NULL)`.execute(tx);
  await sql`UPDATE ao SET mid = NULL WHERE mid IS NOT NULL AND (mid <= from_date OR mid >= COALESCE(until_date, current_date + 1))`.execute(
    tx,
  );

  await sql`
    CREATE TEMP TABLE aa ON COMMIT DROP AS
    SELECT id1 AS id, household_id, b, room_id, facility_id, from_date, COALESCE(mid, until_date) AS until_date, NULL::uuid AS previous_id,
      id1 AS history_id, mid IS NOT NULL AS transferred, u FROM ao
    UNION ALL
    SELECT id2, household_id, b, partner_room_id, partner_facility_id, mid, until_date, id1, id1, false, u FROM ao WHERE mid IS NOT NULL`.execute(
    tx,
  );
  await sql`
    INSERT INTO accommodation_assignments (id, agency_id, household_id, facility_id, previous_id, history_id, from_date, payer,
      own_contribution_cents, legal_basis, state, moved_in_on, moved_in_by, moved_out_on, move_out_reason, created_by, created_at, updated_at)
    SELECT a.id, ${agencyId}, a.household_id, a.facility_id, a.previous_id, a.history_id, a.from_date,
      CASE WHEN a.u < 0.4 THEN 'jobcenter' ELSE 'agency' END, CASE WHEN a.u > 0.8 THEN 5000 ELSE 0 END,
      'Ordnungsrecht des Landes (Benchmark)',
      CASE WHEN a.until_date IS NOT NULL THEN 'moved_out' WHEN a.from_date > current_date - 3 THEN 'assigned' ELSE 'moved_in' END,
      CASE WHEN a.until_date IS NOT NULL OR a.from_date <= current_date - 3 THEN a.from_date END,
      CASE WHEN a.until_date IS NOT NULL OR a.from_date <= current_date - 3 THEN ${by}::uuid END,
      a.until_date,
      CASE WHEN a.transferred THEN 'other_facility' WHEN a.until_date IS NULL THEN NULL
        ELSE (ARRAY['own_flat','own_flat','own_flat','own_flat','other_facility','left_unknown','left_unknown','hospital','prison','other'])[1 + floor(a.u * 10)::int] END,
      ${by}, (a.from_date::timestamp + interval '10 hours') AT TIME ZONE 'Europe/Berlin',
      (COALESCE(a.until_date, a.from_date)::timestamp + interval '10 hours') AT TIME ZONE 'Europe/Berlin'
    FROM aa a ORDER BY a.previous_id NULLS FIRST`.execute(tx);
  await sql`
    INSERT INTO accommodation_stays (agency_id, assignment_id, household_id, member_id, facility_id, place_id, from_date, until_date, created_at)
    SELECT ${agencyId}, a.id, a.household_id, m.id, a.facility_id, p.id, a.from_date, a.until_date,
      (a.from_date::timestamp + interval '10 hours') AT TIME ZONE 'Europe/Berlin'
    FROM aa a
    CROSS JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY position)::int - 1 AS t FROM household_members
                        WHERE agency_id = ${agencyId} AND household_id = a.household_id) m
    JOIN ap p ON p.room_id = a.room_id AND p.t = m.t`.execute(tx);
}
