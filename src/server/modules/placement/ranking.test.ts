import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THouseholdCreate } from '../../../contracts/households.js';
import { createAgency, householdInput, testApp, type TestAgency } from '../../../../test/helpers.js';
import {
  approvedOffer,
  ensureConditions,
  placementActors,
  poolHousehold,
  type PlacementActors,
} from '../../../../test/placement-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let a: PlacementActors;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  a = await placementActors(app, agency);
  await ensureConditions(a.admin);
});
afterAll(() => app.close());

const needs = (over: Partial<THouseholdCreate['needs']> = {}) => ({
  wheelchair: false,
  stepFree: false,
  pets: false,
  health: false,
  districtsAvoid: [],
  districtsPrefer: [],
  notes: null,
  ...over,
});
const adult = (firstName: string, birthDate = '1980-01-01') => ({
  firstName,
  lastName: 'Test',
  birthDate,
  gender: 'female' as const,
  relationship: 'head' as const,
});
const partner = { firstName: 'Paul', lastName: 'Test', birthDate: '1979-01-01', gender: 'male' as const, relationship: 'partner' as const };
const child = (firstName: string) => ({
  firstName,
  lastName: 'Test',
  birthDate: '2016-05-05',
  gender: 'diverse' as const,
  relationship: 'child' as const,
});

describe('ranking the pool for an offer', () => {
  it('filters with reasons, scores with explanations, breaks ties by time homeless, and stores the ranking', async () => {
    const hh = async (name: string, over: Partial<THouseholdCreate>) => ({ name, ...(await poolHousehold(a.cm, agency, over)) });
    // Offer (fixtures): Mitte, 58 m², 2 rooms, 620 € cold, no pets, not step-free, wishes a family → suits 2–4 persons.
    const singleParent = await hh('singleParent', {
      situationSince: '2023-01-15',
      members: [adult('Ana'), child('Ben')],
      needs: needs({ districtsPrefer: ['Mitte'] }),
    });
    const family = await hh('family', {
      situationSince: '2025-06-01',
      members: [adult('Clara'), partner, child('Dana')],
      needs: needs({ health: true }),
    });
    const single = await hh('single', { members: [adult('Emil')] });
    const wheel = await hh('wheel', { members: [adult('Fiona'), child('Gus')], needs: needs({ wheelchair: true, stepFree: true }) });
    const avoids = await hh('avoids', { members: [adult('Hana'), child('Ida')], needs: needs({ districtsAvoid: ['Mitte'], pets: true }) });
    const big = await hh('big', { members: [adult('Jana'), partner, child('K1'), child('K2'), child('K3'), child('K4')] });
    const twinA = await hh('twinA', {
      situationSince: '2021-03-01',
      members: [adult('Lea', '1990-01-01'), { ...partner, birthDate: '1991-01-01' }],
      needs: needs(),
    });
    const twinB = await hh('twinB', {
      situationSince: '2021-03-02',
      members: [adult('Mia', '1990-01-01'), { ...partner, birthDate: '1991-01-01' }],
      needs: needs(),
    });
    const housed = await a.cm.post('/api/v1/households', householdInput({ situation: 'housed', seekingHousing: false }));
    const offer = await approvedOffer(a);

    const res = await a.sw.post(`/api/v1/offers/${offer.id}/rankings`);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    const order = r.entries.map((e: { householdId: string }) => e.householdId);
    expect(r.poolSize).toBe(8);
    expect(order).not.toContain(housed.json().id);
    expect(r.eligibleCount).toBe(4);
    // 36+ months, a child, wished district (56.67) > a shorter wait with health need and the company's wish (≈45) > the twins (40).
    expect(order).toEqual([singleParent.id, family.id, twinA.id, twinB.id]);

    // Every score is the sum of its criteria, each criterion shows value and weight.
    for (const e of r.entries) {
      const sum = e.criteria.reduce((s: number, c: { points: number }) => s + c.points, 0);
      expect(e.score).toBeCloseTo(sum, 2);
      for (const c of e.criteria) expect(c.weight).toBeGreaterThanOrEqual(0);
    }
    const fam = r.entries.find((e: { householdId: string }) => e.householdId === family.id);
    const by = (e: { criteria: { code: string; points: number; value: string }[] }, code: string) =>
      e.criteria.find((c) => c.code === code)!;
    expect(by(fam, 'health')).toMatchObject({ value: 'ja', points: 15 });
    expect(by(fam, 'hints')).toMatchObject({ value: 'passt', points: 5 });
    expect(by(fam, 'children')).toMatchObject({ value: '1', points: 6.67 });
    const sp = r.entries.find((e: { householdId: string }) => e.householdId === singleParent.id);
    expect(by(sp, 'district')).toMatchObject({ value: 'ja', points: 10 });
    expect(by(sp, 'hints').value).toBe('passt nicht');
    expect(by(sp, 'waiting').points).toBe(40); // over 36 months counts as 36

    // Ties: the household homeless longer stands first, and both say why.
    const a1 = r.entries.find((e: { householdId: string }) => e.householdId === twinA.id);
    const b1 = r.entries.find((e: { householdId: string }) => e.householdId === twinB.id);
    expect(a1.score).toBe(b1.score);
    expect(a1.rank).toBe(b1.rank - 1);
    expect(a1.tieBreak).toContain('länger wohnungslos');

    // Exclusions name every reason with the figures.
    const why = (id: string) =>
      r.exclusions.find((x: { householdId: string }) => x.householdId === id).reasons.map((x: { code: string; text: string }) => x.code);
    expect(why(single.id)).toEqual(['space', 'rent']);
    expect(r.exclusions.find((x: { householdId: string }) => x.householdId === single.id).reasons[0].text).toBe(
      'Wohnfläche 58 m² über dem Richtwert für 1 Person (45 m²)',
    );
    expect(why(wheel.id)).toEqual(['wheelchair']);
    expect(why(avoids.id)).toEqual(['pets', 'district_avoided']);
    expect(why(big.id)).toEqual(['occupancy']);
    expect(r.exclusions.find((x: { householdId: string }) => x.householdId === big.id).reasons[0].text).toBe(
      '2 Zimmer reichen für höchstens 4 Personen, der Haushalt hat 6',
    );
    expect(r.exclusionCounts).toMatchObject({
      space: 1,
      wheelchair: 1,
      pets: 1,
      district_avoided: 1,
      occupancy: 1,
      rent: 1,
      active_candidacy: 0,
    });

    // The stored ranking reads back the same, for later review.
    const stored = (await a.cm.get(`/api/v1/offers/${offer.id}/rankings/${r.id}`)).json();
    expect(stored.entries).toEqual(r.entries);
    expect(stored.weights).toEqual({ waiting: 40, children: 20, health: 15, age: 10, district: 10, hints: 5 });

    // A household picked for this offer is busy for other offers.
    await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: family.id, comment: 'passt' });
    const second = await approvedOffer(a);
    const r2 = (await a.cm.post(`/api/v1/offers/${second.id}/rankings`)).json();
    expect(r2.exclusions.find((x: { householdId: string }) => x.householdId === family.id).reasons[0]).toMatchObject({
      code: 'active_candidacy',
      text: `Bereits Kandidat für Angebot ${offer.reference}`,
    });
  });

  it('agency weights change the order', async () => {
    const ag = await createAgency();
    const p = await placementActors(app, ag);
    await ensureConditions(p.admin);
    const old = await poolHousehold(p.cm, ag, { situationSince: '2024-01-01', members: [adult('Nora'), partner] });
    const kids = await poolHousehold(p.cm, ag, { situationSince: '2026-10-01', members: [adult('Olga'), child('P1'), child('P2')] });
    const offer = await approvedOffer(p);
    const first = (await p.cm.post(`/api/v1/offers/${offer.id}/rankings`)).json();
    expect(first.entries[0].householdId).toBe(old.id);
    const agencyRes = (await p.admin.get('/api/v1/agency')).json();
    const settings = {
      ...agencyRes.settings,
      placement: { ...agencyRes.settings.placement, weights: { waiting: 5, children: 80, health: 0, age: 0, district: 0, hints: 0 } },
    };
    expect((await p.admin.put('/api/v1/agency/settings', { settings, version: agencyRes.version })).statusCode).toBe(200);
    const second = (await p.cm.post(`/api/v1/offers/${offer.id}/rankings`)).json();
    expect(second.entries[0].householdId).toBe(kids.id);
    expect((await p.cm.get(`/api/v1/offers/${offer.id}/rankings`)).json().items).toHaveLength(2);
  });
});
