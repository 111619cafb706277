import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFigure, TFigureCases, TFigures } from '../../../contracts/steering.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { occupancySet } from '../../../../test/occupancy-fixtures.js';

/*
 * Accommodation's steering figures for Q1 2026 (90 days) against the hand-built set of
 * test/occupancy-fixtures.ts:
 *   nights in Q1: P5 (A3) 31 · P3 (A1) 1 Jan–9 Mar 68 · P6 (A4) 1 Feb–31 Mar 59 · P1, P2 (A2) 15 Feb–31 Mar 45 each
 *     → 248 place-nights / (6 places × 90 days) = 45.9 %
 *   newly placed: H1 (1 Jan), H2 (15 Feb); A4 is a transfer, A3 moved in in 2025 → 2
 *   ends: A3 other facility (1 Feb), A1 own flat (10 Mar) → 2
 *   length of stay: H1 single, 1 Jan–10 Mar = 68 days; H3's stay runs on (transfer) → single 68, others none
 *   cost: facility A only (B has no contract): 30 € until 28 Feb, 40 € from 1 Mar;
 *     P3 59 nights × 30 + 9 × 40, P1 + P2 28 × 30 + 62 × 40 → 545 000 ct / 158 nights = 34.49 €
 */
const Q1 = 'from=2026-01-01&to=2026-03-31';

let app: FastifyInstance;
let agency: TestAgency;
let lead: Client;
let set: Awaited<ReturnType<typeof occupancySet>>;
let figures: TFigures;
const figure = (id: string): TFigure => figures.figures.find((x) => x.id === id)!;
const counts = (f: TFigure) => Object.fromEntries(f.breakdown!.filter((b) => b.count).map((b) => [b.key, b.count]));

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  const cm = client(app, await login(app, agency.users.case_manager.email));
  lead = client(app, await login(app, agency.users.lead.email));
  set = await occupancySet(testDbs().owner, agency.id, cm);
  const r = await lead.get(`/api/v1/steering/figures?${Q1}`);
  expect(r.statusCode, r.body).toBe(200);
  figures = r.json();
});
afterAll(() => app.close());

describe('accommodation figures', () => {
  it('computes the occupancy from the place-nights, with a written definition in both languages', () => {
    const f = figure('accommodation.occupancy');
    expect(f).toMatchObject({ value: 45.9, unit: 'share', module: 'accommodation' });
    expect(f.definition.de).toContain('Platz-Nächte');
    expect(f.definition.en).toContain('place-nights');
  });

  it('counts households newly placed and the ends of stay by reason', () => {
    expect(figure('accommodation.newly_placed').value).toBe(2);
    const ends = figure('accommodation.ends');
    expect(ends.value).toBe(2);
    expect(counts(ends)).toEqual({ own_flat: 1, other_facility: 1 });
  });

  it('gives the median length of the stays ended per household type (a transfer continues the stay)', () => {
    expect(figure('accommodation.stay_days_single').value).toBe(68);
    expect(figure('accommodation.stay_days_single_parent').value).toBeNull();
    expect(figure('accommodation.stay_days_couple_children').value).toBeNull();
  });

  it('prices each night at the dated rate in force (across a rate change) for the cost per person and night', () => {
    expect(figure('accommodation.cost_per_night')).toMatchObject({ value: 34.49, unit: 'euros' });
  });

  it('drills down to the assignments behind a figure', async () => {
    const ends: TFigureCases = (await lead.get(`/api/v1/steering/figures/accommodation.ends/cases?${Q1}`)).json();
    expect(ends.total).toBe(2);
    expect(ends.items.map((i) => [i.caseId, i.on])).toEqual([
      [set.a3, '2026-02-01'],
      [set.a1, '2026-03-10'],
    ]);
    expect(ends.items[0]).toMatchObject({ householdId: set.h3, link: `/accommodation/assignments/${set.a3}` });
    const placed: TFigureCases = (await lead.get(`/api/v1/steering/figures/accommodation.newly_placed/cases?${Q1}`)).json();
    expect(placed.items.map((i) => i.caseId)).toEqual([set.a1, set.a2]);
    const single: TFigureCases = (await lead.get(`/api/v1/steering/figures/accommodation.stay_days_single/cases?${Q1}`)).json();
    expect(single.items.map((i) => [i.caseId, i.on])).toEqual([[set.a1, '2026-03-10']]);
    const occupied: TFigureCases = (await lead.get(`/api/v1/steering/figures/accommodation.occupancy/cases?${Q1}`)).json();
    expect(occupied.total).toBe(4);
  });

  it('computes nothing for a period without stays', async () => {
    const empty: TFigures = (await lead.get('/api/v1/steering/figures?from=2024-01-01&to=2024-03-31')).json();
    const of = (id: string) => empty.figures.find((x) => x.id === id)!;
    expect(of('accommodation.occupancy').value).toBe(0);
    expect(of('accommodation.newly_placed').value).toBe(0);
    expect(of('accommodation.cost_per_night').value).toBeNull();
  });
});
