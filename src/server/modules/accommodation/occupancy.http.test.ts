import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TOccupancyBoard, TOccupancyTrend, TStayLengths } from '../../../contracts/accommodationOccupancy.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { occupancySet } from '../../../../test/occupancy-fixtures.js';

/* The occupancy board against the hand-built set of test/occupancy-fixtures.ts (counts worked out there and below). */

let app: FastifyInstance;
let agency: TestAgency;
let worker: Client;
let set: Awaited<ReturnType<typeof occupancySet>>;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  const cm = client(app, await login(app, agency.users.case_manager.email));
  worker = client(app, await login(app, agency.users.accommodation_worker.email));
  set = await occupancySet(testDbs().owner, agency.id, cm);
});
afterAll(() => app.close());

const board = async (query: string): Promise<TOccupancyBoard> => {
  const r = await worker.get(`/api/v1/accommodation/occupancy?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('the occupancy board on a day', () => {
  it('counts occupied, free and blocked per facility: a move-out on the day frees the place, blocks count unless occupied', async () => {
    const b = await board('date=2026-03-10');
    // A: P1, P2 occupied (H2); P3 free (H1 moved out that day); P4 blocked. B (blocked): P6 occupied (H3), P5 blocked.
    expect(b.facilities.map(({ name, places, occupied, free, blocked }) => ({ name, places, occupied, free, blocked }))).toEqual([
      { name: 'Haus A', places: 4, occupied: 2, free: 1, blocked: 1 },
      { name: 'Haus B', places: 2, occupied: 1, free: 0, blocked: 1 },
    ]);
    expect(b.total).toEqual({ places: 6, occupied: 3, free: 1, blocked: 2 });
    expect(b.facilities[0]).toMatchObject({
      district: 'Mitte',
      provision: 'short_term',
      state: 'admitted',
      operatorName: 'Stadt Unterkünfte',
    });
  });

  it('counts per place attribute', async () => {
    const b = await board('date=2026-03-10');
    const of = (a: string) => b.attributes.find((x) => x.attribute === a);
    expect(of('family')).toEqual({ attribute: 'family', places: 2, occupied: 2, free: 0, blocked: 0 });
    expect(of('women_only')).toEqual({ attribute: 'women_only', places: 1, occupied: 0, free: 1, blocked: 0 });
    expect(of('wheelchair')).toEqual({ attribute: 'wheelchair', places: 1, occupied: 0, free: 0, blocked: 1 });
    expect(of('step_free')).toEqual({ attribute: 'step_free', places: 2, occupied: 1, free: 0, blocked: 1 });
    expect(of('pets')).toEqual({ attribute: 'pets', places: 0, occupied: 0, free: 0, blocked: 0 });
  });

  it('answers any date: the day before the move-out P3 is still occupied; before any stay all is free', async () => {
    expect((await board('date=2026-03-09')).facilities[0]).toMatchObject({ occupied: 3, free: 0, blocked: 1 });
    // Facility B is blocked for new assignments: its places not occupied count as blocked.
    expect((await board('date=2025-06-01')).total).toEqual({ places: 6, occupied: 0, free: 3, blocked: 3 });
  });

  it('filters by district, operator and type of provision', async () => {
    expect((await board('date=2026-03-10&district=Nord')).facilities.map((f) => f.name)).toEqual(['Haus B']);
    expect((await board(`date=2026-03-10&operatorId=${set.o1}`)).total).toEqual({ places: 4, occupied: 2, free: 1, blocked: 1 });
    const residential = await board('date=2026-03-10&provision=residential');
    expect(residential.total).toEqual({ places: 2, occupied: 1, free: 0, blocked: 1 });
    expect(residential.attributes.find((a) => a.attribute === 'family')!.places).toBe(0);
  });

  it('defaults to today and refuses a malformed date', async () => {
    expect((await board('')).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await worker.get('/api/v1/accommodation/occupancy?date=10.03.2026')).statusCode).toBe(400);
  });
});

describe('the trend', () => {
  it('gives the average occupied places and the rate per month for the 12 months up to the day', async () => {
    const r = await worker.get('/api/v1/accommodation/occupancy/trend?date=2026-03-10');
    expect(r.statusCode, r.body).toBe(200);
    const t: TOccupancyTrend = r.json();
    expect(t.months.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    const m = Object.fromEntries(t.months.map((x) => [x.month, { avg: x.averageOccupied, rate: x.rate }]));
    expect(m['2025-11']).toEqual({ avg: 0, rate: 0 });
    expect(m['2025-12']).toEqual({ avg: 1, rate: 16.7 }); // P5: 31 nights / 31 days; / 6 places
    expect(m['2026-01']).toEqual({ avg: 2, rate: 33.3 }); // P5 31 + P3 31
    expect(m['2026-02']).toEqual({ avg: 3, rate: 50 }); // P3 28 + P6 28 + P1, P2 14 each
    expect(m['2026-03']).toEqual({ avg: 3.9, rate: 65 }); // 1–10 March: P3 9 + P6 10 + P1, P2 10 each = 39 / 10 days
    expect(t.months[0]!.places).toBe(6);
  });
});

describe('the length of stay', () => {
  it('gives quartiles per household type for completed and running stays (a transfer stays one stay)', async () => {
    const r = await worker.get('/api/v1/accommodation/occupancy/stay-lengths?date=2026-03-10');
    expect(r.statusCode, r.body).toBe(200);
    const s: TStayLengths = r.json();
    expect(s.completedFrom).toBe('2025-03-11');
    const of = (t: string) => s.types.find((x) => x.householdType === t)!;
    expect(of('single').completed).toEqual({ stays: 1, q1: 68, median: 68, q3: 68 }); // H1: 1 Jan – 10 Mar
    expect(of('single').running).toEqual({ stays: 1, q1: 99, median: 99, q3: 99 }); // H3: since 1 Dec, transfer included
    expect(of('single_parent').running).toEqual({ stays: 1, q1: 23, median: 23, q3: 23 }); // H2: since 15 Feb
    expect(of('couple_children').completed).toEqual({ stays: 0, q1: null, median: null, q3: null });
    // On 9 March H1 was still there: three running single stays' worth of data, no completed one.
    const before: TStayLengths = (await worker.get('/api/v1/accommodation/occupancy/stay-lengths?date=2026-03-09')).json();
    const single = before.types.find((x) => x.householdType === 'single')!;
    expect(single.completed.stays).toBe(0);
    expect(single.running).toMatchObject({ stays: 2, q1: 74.75, median: 82.5, q3: 90.25 }); // 67 and 98 days, interpolated
  });
});

describe('access', () => {
  it('is audited and hidden from a housing company', async () => {
    await board('date=2026-03-10');
    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', agency.id)
      .where('action', 'like', 'accommodation.occupancy%')
      .execute();
    expect(events.length).toBeGreaterThan(0);
    const provider = client(app, await login(app, agency.users.provider_user.email));
    expect([403, 404]).toContain((await provider.get('/api/v1/accommodation/occupancy')).statusCode);
  });
});

describe('the boards an instance keeps', () => {
  it('answers from its copy only while nothing changed: a place blocked and freed again shows at once', async () => {
    const { owner } = testDbs();
    const before = await board('date=2026-03-10');
    expect(await board('date=2026-03-10')).toEqual(before);
    await owner.updateTable('accommodation_places').set({ blocked_reason: 'Wasserschaden' }).where('id', '=', set.places.P3!).execute();
    expect((await board('date=2026-03-10')).facilities[0]).toMatchObject({ name: 'Haus A', free: 0, blocked: 2 });
    await owner.updateTable('accommodation_places').set({ blocked_reason: null }).where('id', '=', set.places.P3!).execute();
    expect(await board('date=2026-03-10')).toEqual(before);
    // Another filter or day is another board.
    expect((await board('date=2026-03-09')).facilities[0]).toMatchObject({ occupied: 3, free: 0, blocked: 1 });
  });
});
