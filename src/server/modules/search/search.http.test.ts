import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSearchResult } from '../../../contracts/search.js';
import { activeCase, agreementInput, carrierUser, referralInput } from '../../../../test/aftercare-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { offerInput } from '../../../../test/placement-fixtures.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { directTenancy } from '../../../../test/sustainment-fixtures.js';

let app: FastifyInstance;
let own: TestAgency;
let other: TestAgency;
let cm: Client;
const tag = crypto.randomBytes(3).toString('hex');
const street = `Suchgasse ${tag}`;
let household: { id: string; reference: string };
let otherHousehold: { id: string; reference: string };
let preventionCase: { id: string; reference: string; householdId: string };
let offer: { id: string; reference: string };
let tenancy: { id: string; reference: string; householdId: string };

const search = async (c: Client, q: string, limit?: number) => {
  const res = await c.get(`/api/v1/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TSearchResult;
};
const group = (r: TSearchResult, kind: string) => r.groups.find((g) => g.kind === kind);
const ids = (r: TSearchResult, kind: string) => group(r, kind)?.items.map((i) => i.id) ?? [];

beforeAll(async () => {
  app = await testApp();
  own = await createAgency();
  other = await createAgency();
  cm = client(app, await login(app, own.users.case_manager.email));
  const unique = householdInput({
    members: [{ firstName: 'Gerda', lastName: `Suchtest${tag}`, birthDate: '1961-07-23', gender: 'female', relationship: 'head' }],
  });
  household = (await cm.post('/api/v1/households', unique)).json();
  const otherCm = client(app, await login(app, other.users.case_manager.email));
  // The other agency has a household of the same name, born the same day, at the same address.
  otherHousehold = (await otherCm.post('/api/v1/households', unique)).json();
  await otherCm.post('/api/v1/prevention/cases', courtNotice({ householdId: otherHousehold.id, street }));
  const pc = await cm.post('/api/v1/prevention/cases', courtNotice({ householdId: household.id, street }));
  expect(pc.statusCode, pc.body).toBe(201);
  preventionCase = pc.json();
  const provider = client(app, await login(app, own.users.provider_user.email));
  const o = await provider.post('/api/v1/offers', { ...offerInput({ street: `Angebotsweg ${tag}` }), submit: true });
  expect(o.statusCode, o.body).toBe(201);
  offer = o.json();
  tenancy = await directTenancy(cm, own, { street: `Mietstraße ${tag}` });
});
afterAll(() => app.close());

describe('GET /api/v1/search', () => {
  it('finds a household by its file number, exact match first', async () => {
    const r = await search(cm, household.reference);
    expect(r.reading).toBe('reference');
    expect(group(r, 'household')!.items[0]).toMatchObject({ id: household.id, reference: household.reference, matched: 'reference' });
  });

  it('finds a household by name, and by a German birth date', async () => {
    expect(ids(await search(cm, `suchtest${tag}`), 'household')).toEqual([household.id]);
    const r = await search(cm, '23.07.1961');
    expect(r.reading).toBe('birthDate');
    expect(ids(r, 'household')).toContain(household.id);
    expect(group(r, 'household')!.items.find((i) => i.id === household.id)!.matched).toBe('birthDate');
  });

  it('finds a household and its prevention case by the address the case carries', async () => {
    const r = await search(cm, street);
    expect(ids(r, 'prevention')).toEqual([preventionCase.id]);
    const hit = group(r, 'household')!.items.find((i) => i.id === household.id);
    expect(hit).toMatchObject({ matched: 'address' });
    expect(hit!.address).toContain(street);
  });

  it("finds a household by its own current address (not by a former one), and not another agency's", async () => {
    const current = `Wohngasse ${tag}`;
    const former = `Altgasse ${tag}`;
    const move = (c: Client, id: string, streetName: string, validFrom: string) =>
      c.post(`/api/v1/households/${id}/addresses`, {
        kind: 'own_flat',
        street: `${streetName} 4`,
        postalCode: '70173',
        city: 'Stuttgart',
        validFrom,
      });
    expect((await move(cm, household.id, former, '2024-01-01')).statusCode).toBe(201);
    expect((await move(cm, household.id, current, '2025-01-01')).statusCode).toBe(201);
    const otherCm = client(app, await login(app, other.users.case_manager.email));
    expect((await move(otherCm, otherHousehold.id, current, '2025-01-01')).statusCode).toBe(201);
    const r = await search(cm, current);
    expect(ids(r, 'household')).toEqual([household.id]);
    expect(group(r, 'household')!.items[0]).toMatchObject({ matched: 'address', address: `${current} 4, 70173 Stuttgart` });
    expect(ids(await search(cm, former), 'household')).toEqual([]);
  });

  it('finds prevention cases, offers and tenancies by their numbers', async () => {
    expect(ids(await search(cm, preventionCase.reference), 'prevention')).toEqual([preventionCase.id]);
    expect(ids(await search(cm, offer.reference), 'offer')).toEqual([offer.id]);
    expect(ids(await search(cm, tenancy.reference), 'tenancy')).toEqual([tenancy.id]);
    expect(ids(await search(cm, `Mietstraße ${tag}`), 'tenancy')).toEqual([tenancy.id]);
  });

  it("never shows another agency's records", async () => {
    for (const q of [`suchtest${tag}`, '23.07.1961', street, otherHousehold.reference]) {
      const r = await search(cm, q);
      expect(r.groups.flatMap((g) => g.items.map((i) => i.id))).not.toContain(otherHousehold.id);
    }
  });

  it('shows each role only what its scopes show: a company its own offers and tenancies, no households', async () => {
    const provider = client(app, await login(app, own.users.provider_user.email));
    const r = await search(provider, tag);
    expect(r.groups.map((g) => g.kind)).toEqual(['offer', 'tenancy']);
    expect(ids(r, 'offer')).toEqual([offer.id]);
    const sw = client(app, await login(app, own.users.social_worker.email));
    // The social worker does not look after the household: it is not among the households.
    expect(ids(await search(sw, `suchtest${tag}`), 'household')).toEqual([]);
    const auditor = client(app, await login(app, own.users.auditor.email));
    expect((await search(auditor, street)).groups.map((g) => g.kind)).toEqual(['prevention']);
    const admin = client(app, await login(app, own.users.admin.email));
    expect((await admin.get('/api/v1/search?q=abc')).statusCode).toBe(403);
  });

  it('shows a carrier only its consented, assigned cases', async () => {
    expect((await cm.post('/api/v1/aftercare/agreements', agreementInput(own.carrierId))).statusCode).toBe(201);
    const worker = await carrierUser(own, own.carrierId, false);
    const mine = await activeCase(cm, household.id, own.carrierId, worker.id);
    // A referral of another household of the same name, not yet granted: the carrier must not see it.
    const second = (
      await cm.post(
        '/api/v1/households',
        householdInput({ members: [{ firstName: 'Gisela', lastName: `Suchtest${tag}`, gender: 'female', relationship: 'head' }] }),
      )
    ).json();
    const referred = await cm.post('/api/v1/aftercare/cases', referralInput(second.id, own.carrierId));
    expect(referred.statusCode, referred.body).toBe(201);
    const pending = referred.json();
    const carrier = client(app, await login(app, worker.email));
    const r = await search(carrier, `suchtest${tag}`);
    expect(r.groups.map((g) => g.kind)).toEqual(['aftercare']);
    expect(ids(r, 'aftercare')).toEqual([mine.id]);
    expect(ids(await search(cm, pending.reference), 'aftercare')).toEqual([pending.id]);
    expect(ids(await search(carrier, pending.reference), 'aftercare')).toEqual([]);
  });

  it('limits the hits per kind and says there are more', async () => {
    await cm.post(
      '/api/v1/households',
      householdInput({ members: [{ firstName: 'Gerd', lastName: `Suchtest${tag}b`, gender: 'male', relationship: 'head' }] }),
    );
    const r = await search(cm, `suchtest${tag}`, 1);
    expect(group(r, 'household')!.items).toHaveLength(1);
    expect(group(r, 'household')!.more).toBe(true);
  });

  it('rejects an empty, a too short and a too long query with field details', async () => {
    for (const q of ['', ' a ', 'x'.repeat(101)]) {
      const res = await cm.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0]).toMatchObject({ field: 'querystring.q' });
    }
    expect((await cm.get('/api/v1/search')).statusCode).toBe(400);
  });

  it('audits each search with its length and reading, the text only for a file number', async () => {
    const events = () =>
      testDbs()
        .owner.selectFrom('audit_events')
        .select(['details'])
        .where('agency_id', '=', own.id)
        .where('actor_id', '=', own.users.case_manager.id)
        .where('action', '=', 'search.run')
        .orderBy('id', 'desc')
        .execute();
    await search(cm, `Suchtest${tag}`);
    const byName = (await events())[0]!.details as Record<string, unknown>;
    expect(byName).toMatchObject({
      reading: 'text',
      length: `Suchtest${tag}`.length,
      results: { household: 3, prevention: 0, aftercare: 2 },
    });
    expect(JSON.stringify(byName)).not.toContain(tag);
    await search(cm, household.reference);
    expect((await events())[0]!.details).toMatchObject({ reading: 'reference', q: household.reference });
  });
});
