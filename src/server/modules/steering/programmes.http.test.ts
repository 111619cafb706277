import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFigure, TFigures } from '../../../contracts/steering.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
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
});
afterAll(() => app.close());

describe('placement and sustainment figures', () => {
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
