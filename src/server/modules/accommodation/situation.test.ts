import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inAgency } from '../../db/database.js';
import { clearPoolCache, poolOf } from '../households/pool.service.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { placesFixture } from '../../../../test/accommodation-fixtures.js';

/*
 * Move-in and move-out keep the household's housing situation and its "since" right, so the
 * placement pool counts the waiting time from the day the household became homeless.
 */
let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let places: Awaited<ReturnType<typeof placesFixture>>;
const A = '/api/v1/accommodation';
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  places = await placesFixture(client(app, await login(app, agency.users.accommodation_worker.email)));
});
afterAll(() => app.close());

const situation = (id: string) =>
  testDbs()
    .owner.selectFrom('households')
    .select(['situation', 'situation_since', 'seeking_housing'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

async function poolSince(householdId: string): Promise<number | null | undefined> {
  clearPoolCache();
  const { entries } = await inAgency(testDbs().app, agency.id, (tx) => poolOf(tx, agency.id));
  const e = entries.find((x) => x.id === householdId);
  return e ? e.since : undefined;
}

async function stay(over: Record<string, unknown>, place: string) {
  const h = (await cm.post('/api/v1/households', householdInput({ members: householdInput().members.slice(0, 1), ...over }))).json();
  const a = await cm.post(`${A}/assignments`, {
    householdId: h.id,
    facilityId: places.facilityId,
    fromDate: '2026-11-05',
    payer: 'agency',
    places: [{ memberId: h.members[0].id, placeId: place }],
  });
  expect(a.statusCode, a.body).toBe(201);
  return { h: h.id as string, a: a.json() };
}

describe('the household follows its stay', () => {
  it('a household on the street keeps its homeless-since date on move-in; own flat ends it', async () => {
    const { h, a } = await stay({ situation: 'rough_sleeping', situationSince: '2024-05-01' }, places.place('A1', 0));
    expect(await situation(h)).toMatchObject({ situation: 'rough_sleeping', situation_since: '2024-05-01' });
    const moved = (await cm.post(`${A}/assignments/${a.id}/move-in`, { movedInOn: '2026-11-06', version: a.version })).json();
    expect(await situation(h)).toMatchObject({ situation: 'in_accommodation', situation_since: '2024-05-01', seeking_housing: true });
    expect(await poolSince(h)).toBe(day('2024-05-01'));
    await cm.post(`${A}/assignments/${moved.id}/move-out`, { movedOutOn: '2026-12-01', reason: 'own_flat', version: moved.version });
    expect(await situation(h)).toMatchObject({ situation: 'housed', situation_since: '2026-12-01', seeking_housing: false });
    expect(await poolSince(h)).toBeUndefined();
  });

  it('a household that had a home becomes homeless on the day it moves in; leaving for hospital keeps that day', async () => {
    const { h, a } = await stay({ situation: 'at_risk', situationSince: '2026-09-01', seekingHousing: true }, places.place('A1', 1));
    const moved = (await cm.post(`${A}/assignments/${a.id}/move-in`, { movedInOn: '2026-11-07', version: a.version })).json();
    expect(await situation(h)).toMatchObject({ situation: 'in_accommodation', situation_since: '2026-11-07' });
    expect(await poolSince(h)).toBe(day('2026-11-07'));
    await cm.post(`${A}/assignments/${moved.id}/move-out`, { movedOutOn: '2026-11-30', reason: 'hospital', version: moved.version });
    expect(await situation(h)).toMatchObject({ situation: 'hidden_homeless', situation_since: '2026-11-07', seeking_housing: true });
    expect(await poolSince(h)).toBe(day('2026-11-07'));
  });

  it('a cancelled assignment changes nothing', async () => {
    const { h, a } = await stay({ situation: 'hidden_homeless', situationSince: '2025-02-01' }, places.place('F1'));
    const c = await cm.post(`${A}/assignments/${a.id}/cancel`, { reason: 'Nicht erschienen', version: a.version });
    expect(c.json()).toMatchObject({ state: 'cancelled', persons: [expect.objectContaining({ untilDate: '2026-11-05' })] });
    expect(await situation(h)).toMatchObject({ situation: 'hidden_homeless', situation_since: '2025-02-01' });
  });
});
