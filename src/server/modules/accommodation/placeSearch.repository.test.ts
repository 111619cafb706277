import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { placesFixture, roomInput } from '../../../../test/accommodation-fixtures.js';
import { inAgency } from '../../db/database.js';
import { districtExcluded, exclusions, type Needs } from './placeSearch.js';
import { placeSearchRepository, type PlaceRow, type SqlNeeds } from './placeSearch.repository.js';

/*
 * The place search applies its rules in PostgreSQL; placeSearch.ts `exclusions` states them. For
 * rooms of every kind and a range of households, both must give every place the same reasons.
 */

let app: FastifyInstance;
let agency: TestAgency;
const A = '/api/v1/accommodation';
const DAY = '2026-11-10';

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  const acc = client(app, await login(app, agency.users.accommodation_worker.email));
  const mitte = await placesFixture(acc, 'Mitte');
  const nord = await placesFixture(acc, 'Nord');
  for (const room of [
    roomInput('M1', { sex: 'male', family: false, places: 3, sizeM2: 26 }),
    roomInput('W1', { wheelchair: true, pets: true, places: 1, sizeM2: null }),
    roomInput('K1', { places: 4, sizeM2: 40 }),
  ]) {
    const r = await acc.post(`${A}/facilities/${nord.facilityId}/rooms`, room);
    expect(r.statusCode, r.body).toBe(201);
  }
  const blocked = await acc.put(`${A}/facilities/${mitte.facilityId}/places/${mitte.place('A1', 1)}`, { reason: 'Wasserschaden' });
  expect(blocked.statusCode, blocked.body).toBe(200);
});
afterAll(() => app.close());

const household = (over: Partial<Needs>): Needs => ({
  persons: 1,
  children: 0,
  sexes: ['female'],
  wheelchair: false,
  pets: false,
  wanted: [],
  excluded: [],
  ...over,
});

const HOUSEHOLDS: Needs[] = [
  household({}),
  household({ sexes: ['male'] }),
  household({ sexes: ['diverse'], wheelchair: true }),
  household({ persons: 3, children: 2, sexes: ['female', 'male'], pets: true, excluded: [' nord '] }),
  household({ persons: 2, sexes: ['male', 'unspecified'], excluded: ['MITTE'] }),
];

describe('place search rules in SQL', () => {
  it('gives every place the reasons placeSearch.ts gives it, in the same order', async () => {
    const { app: db } = testDbs();
    for (const needs of HOUSEHOLDS) {
      const rows = await inAgency(db, agency.id, async (tx) => {
        const repo = placeSearchRepository(tx, agency.id);
        const n: SqlNeeds = {
          nonFemale: needs.sexes.some((s) => s !== 'female'),
          nonMale: needs.sexes.some((s) => s !== 'male'),
          children: needs.children > 0,
          several: needs.persons > 1,
          wheelchair: needs.wheelchair,
          pets: needs.pets,
          excludedDistricts: (await repo.districts()).filter((d) => districtExcluded(needs, d)),
        };
        const summary = await repo.summary(DAY, n);
        const fitting = await repo.fitting(
          DAY,
          n,
          summary.facilities.map((f) => f.id),
        );
        const seen = new Map<string, PlaceRow>(fitting.map((r) => [r.place_id, r]));
        for (const [reason, count] of Object.entries(summary.counts)) {
          const some = await repo.excluded(DAY, n, reason as PlaceRow['reasons'][number], 1000, 0);
          expect(some).toHaveLength(count);
          for (const r of some) seen.set(r.place_id, r);
        }
        expect(seen.size).toBe(summary.places);
        return [...seen.values()];
      });
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        const facts = {
          facilityState: r.facility_state,
          district: r.district,
          blockedReason: r.blocked_reason,
          occupiedSince: r.occupied_since,
          sizeM2: r.size_m2 === null ? null : Number(r.size_m2),
          roomPlaces: r.room_places,
          sex: r.sex,
          family: r.family,
          wheelchair: r.wheelchair,
          pets: r.pets,
          singleRoom: r.single_room,
        };
        expect(r.reasons, `${r.room_label}/${r.place_label} for ${JSON.stringify(needs)}`).toEqual(exclusions(needs, facts));
      }
    }
  });
});
