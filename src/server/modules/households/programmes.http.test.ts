import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementInput, carrierUser } from '../../../../test/aftercare-fixtures.js';
import { hashPassword } from '../../platform/auth/password.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import {
  approvedOffer,
  consentInput,
  ensureConditions,
  placementActors,
  poolHousehold,
  type PlacementActors,
} from '../../../../test/placement-fixtures.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { tenancyInput } from '../../../../test/sustainment-fixtures.js';

/* The household record's programme overview: each module's cases of the household, through its own scope. */

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let a: PlacementActors;
let household: { id: string; reference: string };
const cases = {} as Record<'prevention' | 'candidate' | 'offer' | 'tenancy' | 'aftercare', string>;

type Entry = { module: string; kind: string; id: string; reference: string; state: string; rank: number | null; link: string };
const overview = async (c: Client, id: string) => c.get(`/api/v1/households/${id}/programmes`);

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  other = await createAgency();
  a = await placementActors(app, agency);
  await ensureConditions(a.admin);
  household = await poolHousehold(a.cm, agency);
  const prevention = await a.cm.post('/api/v1/prevention/cases', { ...courtNotice(), householdId: household.id });
  expect(prevention.statusCode, prevention.body).toBe(201);
  cases.prevention = prevention.json().id;
  const offer = await approvedOffer(a);
  cases.offer = offer.id;
  expect((await a.cm.post(`/api/v1/households/${household.id}/consents`, consentInput(agency.providerId))).statusCode).toBe(201);
  const candidate = await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: household.id, comment: 'Übersicht' });
  expect(candidate.statusCode, candidate.body).toBe(201);
  cases.candidate = candidate.json().id;
  const tenancy = await a.cm.post('/api/v1/tenancies', tenancyInput(household.id, agency.providerId));
  expect(tenancy.statusCode, tenancy.body).toBe(201);
  cases.tenancy = tenancy.json().id;
  expect((await a.cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId))).statusCode).toBe(201);
  cases.aftercare = (await activeCase(a.cm, household.id, agency.carrierId, agency.users.carrier_worker.id)).id;
});
afterAll(() => app.close());

describe('household programme overview', () => {
  it('lists the prevention case, the candidacy, the tenancy and the aftercare case with links, and audits the read', async () => {
    const res = await overview(a.cm, household.id);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Entry[];
    const byKind = Object.fromEntries(items.map((i) => [i.kind, i]));
    expect(Object.keys(byKind).sort()).toEqual(['aftercare_case', 'candidacy', 'prevention_case', 'tenancy']);
    expect(byKind.prevention_case).toMatchObject({
      module: 'prevention',
      id: cases.prevention,
      link: `/prevention/cases/${cases.prevention}`,
    });
    expect(byKind.candidacy).toMatchObject({ module: 'placement', id: cases.candidate, link: `/placement/offers/${cases.offer}` });
    expect(byKind.tenancy).toMatchObject({ module: 'sustainment', id: cases.tenancy, link: `/sustainment/tenancies/${cases.tenancy}` });
    expect(byKind.aftercare_case).toMatchObject({
      module: 'aftercare',
      id: cases.aftercare,
      state: 'active',
      link: `/aftercare/cases/${cases.aftercare}`,
    });
    for (const i of items) expect(i.reference).not.toBe('');

    const audited = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['entity_id', 'details'])
      .where('agency_id', '=', agency.id)
      .where('action', '=', 'household.programmes')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.entity_id).toBe(household.id);
    expect(audited[0]!.details).toMatchObject({ results: { prevention: 1, placement: 1, sustainment: 1, aftercare: 1 } });
  });

  it('shows a social worker only households it looks after, and only the modules its role may list', async () => {
    // The pool household is the social worker's: it sees all four (social work lists every module).
    const sw = await overview(a.sw, household.id);
    expect(sw.statusCode).toBe(200);
    expect((sw.json().items as Entry[]).map((i) => i.kind).sort()).toEqual(['aftercare_case', 'candidacy', 'prevention_case', 'tenancy']);
    // Another social worker of the agency does not look after it: the household is not there for them.
    const { owner } = testDbs();
    const email = `sw2.${agency.id.slice(0, 8)}@test.example`;
    await owner
      .insertInto('users')
      .values({
        agency_id: agency.id,
        email,
        display_name: 'Zweite Sozialarbeit',
        role: 'social_worker',
        password_hash: await hashPassword('Test-Passwort-123'),
      })
      .execute();
    const sw2 = client(app, await login(app, email));
    expect((await overview(sw2, household.id)).statusCode).toBe(404);
  });

  it('gives an accommodation worker no prevention and no aftercare cases (its role lists neither)', async () => {
    const { owner } = testDbs();
    const before = await owner.selectFrom('households').select('situation').where('id', '=', household.id).executeTakeFirstOrThrow();
    await owner.updateTable('households').set({ situation: 'in_accommodation' }).where('id', '=', household.id).execute();
    try {
      const aw = client(app, await login(app, agency.users.accommodation_worker.email));
      const res = await overview(aw, household.id);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json().items as Entry[]).map((i) => i.kind).sort()).toEqual(['candidacy', 'tenancy']);
    } finally {
      await owner.updateTable('households').set({ situation: before.situation }).where('id', '=', household.id).execute();
    }
  });

  it('refuses a housing company and a carrier (they do not read household records), and another agency never sees it', async () => {
    expect((await overview(a.provider, household.id)).statusCode).toBe(404);
    const carrier = client(app, await login(app, agency.users.carrier_worker.email));
    expect((await overview(carrier, household.id)).statusCode).toBe(404);
    const carrierLead = client(app, await login(app, (await carrierUser(agency, agency.carrierId, true)).email));
    expect((await overview(carrierLead, household.id)).statusCode).toBe(404);
    const otherCm = client(app, await login(app, other.users.case_manager.email));
    expect((await overview(otherCm, household.id)).statusCode).toBe(404);
  });
});
