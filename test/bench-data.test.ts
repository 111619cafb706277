import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberFigures } from '../src/server/modules/steering/city.compute.js';
import { snapshotStore } from '../src/server/modules/steering/snapshots.service.js';
import { FIGURE_CONTRIBUTIONS } from '../src/server/modules/steering/contributions.js';
import { createAgency, testDbs, type TestAgency } from './helpers.js';

/*
 * The bench loads (bench/history.ts, bench/accommodation.ts) on a small agency: the domain event log
 * agrees with every case's state column, every steering figure has data over the five years, no
 * place ever holds two persons at once and transfers keep one stay history. Sizes via the bench's
 * environment variables, set before the modules are loaded.
 */
process.env.BENCH_FACILITIES = '40';
process.env.BENCH_PLACES = '400';
process.env.BENCH_PERSONS = '900';
const HOUSEHOLDS = 1200;

let agency: TestAgency;
beforeAll(async () => {
  const { owner } = testDbs();
  agency = await createAgency();
  await sql`
    WITH h AS (
      INSERT INTO households (agency_id, reference, head_name, search_text, persons, situation, seeking_housing, needs, wheelchair, children)
      SELECT ${agency.id}, 'B-' || lpad(i::text, 5, '0'), 'Muster, Person ' || i, 'b-' || i, 1 + i % 4,
        (ARRAY['in_accommodation', 'hidden_homeless', 'rough_sleeping', 'at_risk', 'housed'])[1 + i % 5], i % 3 = 0, '{}', false,
        CASE i % 4 WHEN 2 THEN 1 WHEN 3 THEN 3 ELSE 0 END
      FROM generate_series(1, ${HOUSEHOLDS}) i RETURNING id, persons)
    INSERT INTO household_members (agency_id, household_id, position, first_name, last_name, gender, relationship, birth_date)
    SELECT ${agency.id}, h.id, p, 'Person' || p, 'Muster', (ARRAY['female', 'male', 'diverse'])[1 + (p + h.persons) % 3],
      CASE WHEN p = 0 THEN 'head' WHEN p = 1 AND h.persons = 2 THEN 'partner' ELSE 'child' END,
      CASE WHEN p = 0 THEN date '1980-01-01' + h.persons * 400 ELSE date '2015-01-01' END
    FROM h CROSS JOIN generate_series(0, h.persons - 1) p`.execute(owner);
  const { seedHistory } = await import('../bench/history.js');
  const { seedAccommodationBench } = await import('../bench/accommodation.js');
  await seedHistory(owner, agency.id);
  await seedAccommodationBench(owner, agency.id, ['Mitte', 'Nord', 'Süd']);
}, 240_000);

/** Per case kind: cases whose last logged state differs from their state column. */
async function disagreeing(table: string, kind: string, column: string) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.table(table)} t
    WHERE t.agency_id = ${agency.id}
      AND t.${sql.ref(column)} IS DISTINCT FROM (SELECT e.to_state FROM domain_events e
        WHERE e.agency_id = t.agency_id AND e.case_kind = ${kind} AND e.case_id = t.id ORDER BY e.at DESC, e.from_state IS NULL LIMIT 1)`.execute(
    testDbs().owner,
  );
  return rows[0]!.n;
}

describe('bench history (five years of programme events)', () => {
  it('logs every case with its transitions, the last one the state the case is in', async () => {
    const { rows } = await sql<{ kind: string; cases: number; starts: number }>`
      SELECT case_kind AS kind, count(DISTINCT case_id)::int AS cases, count(*) FILTER (WHERE from_state IS NULL)::int AS starts
      FROM domain_events WHERE agency_id = ${agency.id} GROUP BY 1 ORDER BY 1`.execute(testDbs().owner);
    expect(rows.map((r) => r.kind)).toEqual(['aftercare_case', 'candidate', 'incident', 'offer', 'prevention_case', 'tenancy']);
    for (const r of rows) expect(r.starts, r.kind).toBe(r.cases);
    expect(await disagreeing('prevention_cases', 'prevention_case', 'status')).toBe(0);
    expect(await disagreeing('offers', 'offer', 'status')).toBe(0);
    expect(await disagreeing('candidates', 'candidate', 'status')).toBe(0);
    expect(await disagreeing('tenancies', 'tenancy', 'status')).toBe(0);
    expect(await disagreeing('incidents', 'incident', 'state')).toBe(0);
    expect(await disagreeing('aftercare_cases', 'aftercare_case', 'state')).toBe(0);
  });

  it('gives every steering figure data over the five years, and is added once', async () => {
    const wanted = new Set(FIGURE_CONTRIBUTIONS.flatMap((c) => c.families.flatMap((f) => f.figures.map((x) => x.id))));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const period = { from: day(new Date(Date.now() - 1826 * 86_400_000)), to: day(new Date()) };
    const [mine] = await memberFigures(testDbs().app, snapshotStore(FIGURE_CONTRIBUTIONS, { maxAgeMinutes: 0 }), [agency.id], period);
    const empty = [...wanted].filter((id) => mine!.results.get(id)?.value === null || mine!.results.get(id)?.value === undefined);
    expect(empty).toEqual([]);

    const { seedHistory } = await import('../bench/history.js');
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM domain_events WHERE agency_id = ${agency.id}`.execute(testDbs().owner))
        .rows[0]!.n;
    const before = await count();
    await seedHistory(testDbs().owner, agency.id);
    expect(await count()).toBe(before);
  });
});

describe('bench accommodation load', () => {
  it('builds the facilities and places asked for, with operators, contracts and changed rates', async () => {
    const { rows } = await sql<{ facilities: number; places: number; operators: number; rates: number; contracts: number }>`
      SELECT (SELECT count(*)::int FROM accommodation_facilities WHERE agency_id = ${agency.id}) AS facilities,
        (SELECT count(*)::int FROM accommodation_places WHERE agency_id = ${agency.id}) AS places,
        (SELECT count(*)::int FROM accommodation_operators WHERE agency_id = ${agency.id}) AS operators,
        (SELECT count(*)::int FROM accommodation_contracts WHERE agency_id = ${agency.id}) AS contracts,
        (SELECT count(*)::int FROM accommodation_rates WHERE agency_id = ${agency.id}) AS rates`.execute(testDbs().owner);
    const r = rows[0]!;
    expect(r.facilities).toBe(40);
    expect(Math.abs(r.places - 400)).toBeLessThanOrEqual(6);
    // Every operator has its contract, but the one the test agency made for its operator user.
    expect(r.contracts).toBe(r.operators - 1);
    expect(r.rates).toBeGreaterThan(r.contracts);
  });

  it('never puts two persons on one place at once, and places every member of a household', async () => {
    const { rows } = await sql<{ overlaps: number; persons: number; strangers: number; incomplete: number }>`
      SELECT
        (SELECT count(*)::int FROM accommodation_stays a JOIN accommodation_stays b ON b.place_id = a.place_id AND b.id > a.id
         WHERE a.agency_id = ${agency.id} AND daterange(a.from_date, a.until_date) && daterange(b.from_date, b.until_date)) AS overlaps,
        (SELECT count(DISTINCT member_id)::int FROM accommodation_stays WHERE agency_id = ${agency.id}) AS persons,
        (SELECT count(*)::int FROM accommodation_stays s JOIN household_members m ON m.id = s.member_id
         WHERE s.agency_id = ${agency.id} AND m.household_id <> s.household_id) AS strangers,
        (SELECT count(*)::int FROM accommodation_assignments a
         WHERE a.agency_id = ${agency.id} AND (SELECT count(*) FROM accommodation_stays s WHERE s.assignment_id = a.id)
           <> (SELECT count(*) FROM household_members m WHERE m.household_id = a.household_id)) AS incomplete`.execute(testDbs().owner);
    expect(rows[0]).toMatchObject({ overlaps: 0, strangers: 0, incomplete: 0 });
    expect(rows[0]!.persons).toBeGreaterThan(800);
    expect(rows[0]!.persons).toBeLessThanOrEqual(900);
  });

  it('keeps one stay history across a transfer: moved out to another facility on the day the next assignment begins', async () => {
    const { rows } = await sql<{ transfers: number; broken: number }>`
      SELECT count(*)::int AS transfers,
        count(*) FILTER (WHERE p.moved_out_on <> n.from_date OR p.move_out_reason <> 'other_facility' OR n.history_id <> p.history_id
          OR n.facility_id = p.facility_id OR n.household_id <> p.household_id)::int AS broken
      FROM accommodation_assignments n JOIN accommodation_assignments p ON p.id = n.previous_id
      WHERE n.agency_id = ${agency.id}`.execute(testDbs().owner);
    expect(rows[0]!.transfers).toBeGreaterThan(0);
    expect(rows[0]!.broken).toBe(0);
  });
});
