import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFigure, TFigures } from '../../../contracts/steering.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { activeCase, agreementInput } from '../../../../test/aftercare-fixtures.js';
import { offerInput } from '../../../../test/placement-fixtures.js';
import { conflict, directTenancy, rentDefault } from '../../../../test/sustainment-fixtures.js';

/* Placement and sustainment figures for Q4 2025 against hand-computed values (dates set on the facts). */
const Q4 = '/api/v1/steering/figures?from=2025-10-01&to=2025-12-31';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;

const owner = () => testDbs().owner;

async function offer(provider: Client, submittedAt: string, contractsAt: string | null) {
  const r = await provider.post('/api/v1/offers', { ...offerInput(), submit: true });
  expect(r.statusCode, r.body).toBe(201);
  const id: string = r.json().id;
  await owner()
    .updateTable('offer_events')
    .set({ at: new Date(submittedAt) })
    .where('offer_id', '=', id)
    .where('kind', '=', 'submitted')
    .execute();
  if (contractsAt)
    await owner()
      .insertInto('offer_events')
      .values({ agency_id: agency.id, offer_id: id, kind: 'contracts', at: new Date(contractsAt), details: '{}' })
      .execute();
}

async function incident(tenancyId: string, body: object, reportedAt: string) {
  const r = await cm.post(`/api/v1/tenancies/${tenancyId}/incidents`, body);
  expect(r.statusCode, r.body).toBe(201);
  await owner()
    .updateTable('incidents')
    .set({ reported_at: new Date(reportedAt) })
    .where('id', '=', r.json().id)
    .execute();
}

const figure = (f: TFigures, id: string): TFigure => f.figures.find((x) => x.id === id)!;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  const provider = client(app, await login(app, agency.users.provider_user.email));
  await offer(provider, '2025-10-06T10:00:00Z', '2025-10-20T10:00:00Z'); // 14 days
  await offer(provider, '2025-11-03T10:00:00Z', '2025-12-03T10:00:00Z'); // 30 days
  await offer(provider, '2025-09-20T10:00:00Z', '2025-10-01T10:00:00Z'); // received in Q3, let in Q4: 11 days
  await offer(provider, '2025-12-10T10:00:00Z', null); // received, not let

  const t1 = await directTenancy(cm, agency, { leaseStart: '2024-01-01' });
  const t2 = await directTenancy(cm, agency, { leaseStart: '2025-06-01' });
  await directTenancy(cm, agency, { leaseStart: '2026-01-05' }); // not yet begun at the quarter's end
  await incident(t1.id, rentDefault(), '2025-10-15T09:00:00Z');
  await incident(t2.id, conflict(), '2025-11-11T09:00:00Z');
  await incident(t2.id, rentDefault(), '2025-12-31T23:30:00Z'); // 1 January in Berlin
  await owner()
    .updateTable('tenancies')
    .set({ status: 'ended', ended_on: '2025-11-30', end_reason: 'moved_out' })
    .where('id', '=', t2.id)
    .execute();

  // Aftercare: two cases granted in Q3; visits held, not met; one ends with its goals reached, one moved away.
  const worker = client(app, await login(app, agency.users.carrier_worker.email));
  const hh = async () => (await cm.post('/api/v1/households', householdInput({ situation: 'housed', seekingHousing: false }))).json().id;
  const agreement = await cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId, { validFrom: '2025-01-01' }));
  expect(agreement.statusCode, agreement.body).toBe(201);
  const a1 = await activeCase(cm, await hh(), agency.carrierId, agency.users.carrier_worker.id);
  const a2 = await activeCase(cm, await hh(), agency.carrierId, agency.users.carrier_worker.id);
  // Granted back then (the grant step takes only recent dates).
  await owner().updateTable('aftercare_cases').set({ granted_from: '2025-09-01' }).where('id', 'in', [a1.id, a2.id]).execute();
  for (const [status, visitedOn] of [
    ['held', '2025-09-15'],
    ['held', '2025-10-10'],
    ['held', '2025-11-10'],
    ['not_met', '2025-12-10'],
  ] as const) {
    const v = await worker.post(`/api/v1/aftercare/cases/${a1.id}/visits`, { status, visitedOn });
    expect(v.statusCode, v.body).toBeLessThan(300);
  }
  for (const [c, reason, endedOn] of [
    [a1, 'goals_reached', '2025-12-20'],
    [a2, 'moved_away', '2025-11-30'],
  ] as const) {
    const current = (await cm.get(`/api/v1/aftercare/cases/${c.id}`)).json();
    const e = await cm.post(`/api/v1/aftercare/cases/${c.id}/end`, { reason, endedOn, version: current.version });
    expect(e.statusCode, e.body).toBe(200);
  }
});
afterAll(() => app.close());

describe('placement, sustainment and aftercare figures', () => {
  it('aftercare: share of documented visits held and of ends with goals reached, with the counts by reason', async () => {
    const f: TFigures = (await cm.get(Q4)).json();
    const visits = figure(f, 'aftercare.visits_held');
    expect(visits).toMatchObject({ value: 66.7, previous: 100 });
    expect(Object.fromEntries(visits.breakdown!.map((b) => [b.key, b.count]))).toEqual({ held: 2, not_met: 1, refused: 0 });
    const ends = figure(f, 'aftercare.ends_goals_reached');
    expect(ends).toMatchObject({ value: 50, previous: null });
    expect(ends.breakdown!.filter((b) => b.count > 0).map((b) => [b.key, b.count])).toEqual([
      ['goals_reached', 1],
      ['moved_away', 1],
    ]);
  });

  it('count offers received and let and the median days from offer to lease', async () => {
    const f: TFigures = (await cm.get(Q4)).json();
    expect(figure(f, 'placement.offers_received')).toMatchObject({ value: 3, previous: 1 });
    expect(figure(f, 'placement.offers_let')).toMatchObject({ value: 3, previous: 0 });
    expect(figure(f, 'placement.offer_to_lease_days')).toMatchObject({ value: 14, previous: null, higherIsBetter: false });
  });

  it('count incidents by kind (Berlin days) and the tenancies running at the period’s end', async () => {
    const f: TFigures = (await cm.get(Q4)).json();
    const incidents = figure(f, 'sustainment.incidents');
    expect(incidents.value).toBe(2);
    expect(Object.fromEntries(incidents.breakdown!.map((b) => [b.key, b.count]))).toEqual({ rent_default: 1, conflict: 1 });
    expect(figure(f, 'sustainment.tenancies_running')).toMatchObject({ value: 1, previous: 2 });
  });
});
