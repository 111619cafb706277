import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFigure, TFigureCases, TFigures } from '../../../contracts/steering.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { offerInput } from '../../../../test/placement-fixtures.js';
import { directTenancy } from '../../../../test/sustainment-fixtures.js';

/*
 * The later placement and sustainment figures for Q4 2025 against hand-computed values (facts set
 * by the owner on the module's tables):
 *   offer 1 approved 10 Oct; household H2 refused it 12 Oct (location), the provider vetoed H3 13 Oct;
 *     let 20 Oct to H1, homeless 14 months at the ranking (band 12–24)
 *   offer 2 declined by the agency 1 Nov; offer 3 let 5 Nov to a household picked without ranking
 *   → eligible 1, declines 3 (household location, provider, agency), placed 2 (12–24 months, not stated)
 *   payouts 1 000 € in Q3 and 500 € in Q4, repayments 300 € by the end of Q4 → 500 € paid, 20 % recovered
 *   tenancy T1 began 10 Nov 2024 (1st anniversary in Q4, running), T3 began 15 Oct 2024 and ended
 *     30 Sep 2025 (1st anniversary in Q4, not running) → 50 %; T2 began 1 Dec 2023 → 2 years 100 %
 *   closing reviews in Q4: T1 independent, T2 further support → 50 %
 */
const Q4 = 'from=2025-10-01&to=2025-12-31';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
const owner = () => testDbs().owner;
const figure = (f: TFigures, id: string): TFigure => f.figures.find((x) => x.id === id)!;
const counts = (f: TFigure) => Object.fromEntries(f.breakdown!.filter((b) => b.count).map((b) => [b.key, b.count]));
const ids: Record<string, string> = {};

async function offer(provider: Client): Promise<string> {
  const r = await provider.post('/api/v1/offers', { ...offerInput(), submit: true });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}
const event = (offerId: string, kind: string, at: string, candidateId: string | null = null) =>
  owner()
    .insertInto('offer_events')
    .values({ agency_id: agency.id, offer_id: offerId, kind, at: new Date(at), details: '{}', candidate_id: candidateId })
    .execute();
async function household(): Promise<string> {
  const r = await cm.post('/api/v1/households', householdInput());
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}
const candidate = (offerId: string, householdId: string, status: string, over: Record<string, unknown> = {}) =>
  owner()
    .insertInto('candidates')
    .values({ agency_id: agency.id, offer_id: offerId, household_id: householdId, round: 1, status, pseudonym: 'X', comment: '', ...over })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  const provider = client(app, await login(app, agency.users.provider_user.email));
  const [o1, o2, o3] = [await offer(provider), await offer(provider), await offer(provider)];
  const [h1, h2, h3, h4] = [await household(), await household(), await household(), await household()];
  const ranking = await owner()
    .insertInto('rankings')
    .values({
      agency_id: agency.id,
      offer_id: o1,
      round: 1,
      weights: '{}',
      pool_size: 3,
      eligible_count: 3,
      entries: JSON.stringify([
        [h1, 'H1', 2, 100, 14, 0, 0, 0],
        [h2, 'H2', 1, 90, 3, 0, 0, 0],
      ]),
      exclusions: '[]',
      exclusion_counts: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await candidate(o1, h1, 'allocated', { ranking_id: ranking.id });
  const c2 = await candidate(o1, h2, 'refused', { ranking_id: ranking.id, refusal_reason: 'location' });
  const c3 = await candidate(o1, h3, 'vetoed', { veto_reason: 'Matrix' });
  await candidate(o3, h4, 'allocated');
  await event(o1, 'approved', '2025-10-10T08:00:00Z');
  await event(o1, 'refused', '2025-10-12T08:00:00Z', c2);
  await event(o1, 'vetoed', '2025-10-13T08:00:00Z', c3);
  await event(o1, 'contracts', '2025-10-20T08:00:00Z');
  await event(o2, 'declined', '2025-11-01T08:00:00Z');
  await event(o3, 'contracts', '2025-11-05T08:00:00Z');
  ids.o1 = o1;
  ids.h1 = h1;

  const t1 = (await directTenancy(cm, agency, { leaseStart: '2024-11-10' })).id;
  const t2 = (await directTenancy(cm, agency, { leaseStart: '2023-12-01' })).id;
  const t3 = (await directTenancy(cm, agency, { leaseStart: '2024-10-15' })).id;
  Object.assign(ids, { t1, t2, t3 });
  await owner()
    .updateTable('tenancies')
    .set({ status: 'ended', ended_on: '2025-09-30', end_reason: 'moved_out' })
    .where('id', '=', t3)
    .execute();
  const pay = (table: 'guarantee_payouts' | 'recovery_payments', tenancyId: string, cents: number, on: string) =>
    owner().insertInto(table).values({ agency_id: agency.id, tenancy_id: tenancyId, amount_cents: cents, paid_on: on }).execute();
  await pay('guarantee_payouts', t1, 100_000, '2025-08-01');
  await pay('guarantee_payouts', t2, 50_000, '2025-11-15');
  await pay('recovery_payments', t1, 20_000, '2025-09-01');
  await pay('recovery_payments', t1, 10_000, '2025-12-01');
  await pay('recovery_payments', t1, 5_000, '2026-01-10'); // after the period
  const review = (id: string, outcome: string, on: string) =>
    owner().updateTable('tenancies').set({ closing_outcome: outcome, closing_reviewed_on: on }).where('id', '=', id).execute();
  await review(t1, 'independent', '2025-10-30');
  await review(t2, 'further_support', '2025-12-30');
});
afterAll(() => app.close());

describe('placement and sustainment figures', () => {
  it('computes eligible offers, declines by side and placed households by time homeless', async () => {
    const f: TFigures = (await cm.get(`/api/v1/steering/figures?${Q4}`)).json();
    expect(figure(f, 'placement.offers_eligible').value).toBe(1);
    expect(figure(f, 'placement.offers_let').value).toBe(2);
    const declines = figure(f, 'placement.declines');
    expect(declines.value).toBe(3);
    expect(counts(declines)).toEqual({ household_location: 1, provider: 1, agency: 1 });
    const placed = figure(f, 'placement.placed_by_months_homeless');
    expect(placed.value).toBe(2);
    expect(counts(placed)).toEqual({ '12_to_24': 1, unknown: 1 });
  });

  it('computes payouts, recovery, tenancies still running and closing reviews', async () => {
    const f: TFigures = (await cm.get(`/api/v1/steering/figures?${Q4}`)).json();
    expect(figure(f, 'sustainment.payouts')).toMatchObject({ value: 500, unit: 'euros' });
    expect(figure(f, 'sustainment.recovery_rate').value).toBe(20);
    expect(figure(f, 'sustainment.running_after_1y').value).toBe(50);
    expect(figure(f, 'sustainment.running_after_2y').value).toBe(100);
    expect(figure(f, 'sustainment.running_after_3y').value).toBeNull();
    const reviews = figure(f, 'sustainment.closing_reviews');
    expect(reviews.value).toBe(50);
    expect(counts(reviews)).toEqual({ independent: 1, further_support: 1 });
  });

  it('drills down to the offers and tenancies behind a figure', async () => {
    const placed: TFigureCases = (await cm.get(`/api/v1/steering/figures/placement.placed_by_months_homeless/cases?${Q4}`)).json();
    expect(placed.total).toBe(2);
    expect(placed.items[0]).toMatchObject({ caseId: ids.o1, householdId: ids.h1, on: '2025-10-20', link: `/placement/offers/${ids.o1}` });
    const running: TFigureCases = (await cm.get(`/api/v1/steering/figures/sustainment.running_after_1y/cases?${Q4}`)).json();
    expect(running.items.map((i) => [i.caseId, i.on])).toEqual([
      [ids.t3, '2025-10-15'],
      [ids.t1, '2025-11-10'],
    ]);
    expect(running.items[0]).toMatchObject({ link: `/sustainment/tenancies/${ids.t3}`, fileNumber: expect.any(String) });
  });

  it('logs the tenancy’s end in the domain event log', async () => {
    const events = await owner()
      .selectFrom('domain_events')
      .select(['from_state', 'to_state', 'case_kind'])
      .where('case_id', '=', ids.t3!)
      .orderBy('at')
      .execute();
    expect(events).toEqual([
      { from_state: null, to_state: 'active', case_kind: 'tenancy' },
      { from_state: 'active', to_state: 'ended', case_kind: 'tenancy' },
    ]);
  });
});
