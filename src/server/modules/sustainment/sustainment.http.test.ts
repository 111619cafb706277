import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { placementActors, type PlacementActors } from '../../../../test/placement-fixtures.js';
import { conflict, directTenancy, inDays, rentDefault, tenancyInput, today } from '../../../../test/sustainment-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let a: PlacementActors;
let otherSw: Client;
let otherCm: Client;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  a = await placementActors(app, agency);
  const { owner } = testDbs();
  const hash = (
    await owner.selectFrom('users').select('password_hash').where('id', '=', agency.users.case_manager.id).executeTakeFirstOrThrow()
  ).password_hash;
  await owner
    .insertInto('users')
    .values([
      {
        agency_id: agency.id,
        email: `sw2.${agency.id}@test.example`,
        display_name: 'Zweite Sozialarbeit',
        role: 'social_worker',
        password_hash: hash,
      },
      {
        agency_id: agency.id,
        email: `cm2.${agency.id}@test.example`,
        display_name: 'Zweite Sachbearbeitung',
        role: 'case_manager',
        password_hash: hash,
      },
    ])
    .execute();
  otherSw = client(app, await login(app, `sw2.${agency.id}@test.example`));
  otherCm = client(app, await login(app, `cm2.${agency.id}@test.example`));
});
afterAll(() => app.close());

describe('tenancies over HTTP', () => {
  it('direct entry honours Idempotency-Key, fills the guarantee from the settings and reports every bad field', async () => {
    const h = (await a.cm.post('/api/v1/households', householdInput({ socialWorkerId: agency.users.social_worker.id }))).json();
    const body = tenancyInput(h.id, agency.providerId, {
      guaranteeMaxCents: undefined,
      guaranteeItems: undefined,
      leaseStart: '2025-03-01',
    });
    const first = await a.cm.post('/api/v1/tenancies', body, { 'idempotency-key': `t-${h.id}` });
    expect(first.statusCode).toBe(201);
    expect(first.headers.location).toBe(`/api/v1/tenancies/${first.json().id}`);
    const again = await a.cm.post('/api/v1/tenancies', body, { 'idempotency-key': `t-${h.id}` });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({
      guaranteeStart: '2025-03-01',
      guaranteeEnd: '2030-02-28',
      guaranteeMaxCents: 1_000_000,
      status: 'active',
      contactPerson: { id: agency.users.case_manager.id },
      socialWorker: { id: agency.users.social_worker.id },
    });
    // A second active tenancy for the same household is a conflict.
    expect((await a.cm.post('/api/v1/tenancies', body)).statusCode).toBe(409);
    const bad = await a.cm.post('/api/v1/tenancies', {
      ...body,
      householdId: '00000000-0000-4000-8000-000000000000',
      contactPersonId: agency.users.provider_user.id,
      socialWorkerId: agency.users.case_manager.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['contactPersonId', 'householdId', 'socialWorkerId']);
  });

  it('PUT needs the current version (412 when stale); the maximum never goes below what was paid out', async () => {
    const t = await directTenancy(a.cm, agency);
    const put = (v: number, over: Record<string, unknown> = {}) =>
      a.cm.put(`/api/v1/tenancies/${t.id}`, { ...tenancyInput(t.household.id, agency.providerId), version: v, ...over });
    const ok = await put(t.version, { coldRentCents: 65_000 });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`"${t.version + 1}"`);
    expect((await put(t.version)).statusCode).toBe(412);
    const inc = (await a.provider.post(`/api/v1/tenancies/${t.id}/incidents`, rentDefault(80_000))).json();
    for (const [step, body] of [
      ['forward', {}],
      ['reasons', { reasons: 'x' }],
      ['inform-provider', { message: 'y' }],
      ['demand-payment', {}],
      ['payout', { amountCents: 80_000 }],
    ] as const) {
      expect(
        (
          await (step === 'reasons' ? a.sw : step === 'demand-payment' ? a.provider : a.cm).post(
            `/api/v1/incidents/${inc.id}/${step}`,
            body,
          )
        ).statusCode,
        step,
      ).toBe(200);
    }
    const low = await put(t.version + 1, { guaranteeMaxCents: 79_999 });
    expect(low.statusCode).toBe(400);
    expect(low.json().errors[0].field).toBe('guaranteeMaxCents');
  });

  it('lists with filters: status, provider, guarantee ending within N months, search by household name', async () => {
    const soon = await directTenancy(a.cm, agency, { leaseStart: inDays(-5 * 365 + 60), street: 'Ahornweg 3' });
    const later = await directTenancy(a.cm, agency, { street: 'Birkenweg 9' });
    const list = async (q: string) => (await a.cm.get(`/api/v1/tenancies?${q}`)).json();
    const ending = (await list('guaranteeEndsWithinMonths=6&pageSize=100')).items.map((t: { id: string }) => t.id);
    expect(ending).toContain(soon.id);
    expect(ending).not.toContain(later.id);
    expect((await list('q=Birkenweg')).items.map((t: { id: string }) => t.id)).toEqual([later.id]);
    expect((await list(`q=${encodeURIComponent(later.household.name.split(',')[0])}`)).items.map((t: { id: string }) => t.id)).toEqual([
      later.id,
    ]);
    expect((await list(`providerId=${agency.otherProviderId}`)).items).toEqual([]);
    expect((await list('status=ended&pageSize=100')).items.every((t: { status: string }) => t.status === 'ended')).toBe(true);
    const item = (await list('q=Ahornweg')).items[0];
    expect(item.guarantee.remainingMonths).toBeLessThanOrEqual(2);
    expect(item.nextDeadline.kind).toBe('guarantee_reminder');
  });

  it('end and closing review close the reminders; a lost tenancy flags the household', async () => {
    const t = await directTenancy(a.cm, agency);
    const ended = (await a.cm.post(`/api/v1/tenancies/${t.id}/end`, { reason: 'moved_out', endedOn: today() })).json();
    expect(ended).toMatchObject({ status: 'ended', endReason: 'moved_out', endedOn: today() });
    expect(ended.actions).toEqual(['closingReview']);
    expect((await a.cm.post(`/api/v1/tenancies/${t.id}/end`, { reason: 'moved_out', endedOn: today() })).statusCode).toBe(409);
    const rev = (
      await a.sw.post(`/api/v1/tenancies/${t.id}/closing-review`, { outcome: 'lost', note: 'Ohne Anschlusswohnung ausgezogen.' })
    ).json();
    expect(rev.closingReview).toMatchObject({ outcome: 'lost', reviewedOn: today(), reviewedBy: { id: agency.users.social_worker.id } });
    const open = await testDbs()
      .owner.selectFrom('deadlines')
      .select('kind')
      .where('subject_id', '=', t.id)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
    const h = await testDbs()
      .owner.selectFrom('households')
      .select('follow_up_reason')
      .where('id', '=', t.household.id)
      .executeTakeFirstOrThrow();
    expect(h.follow_up_reason).toBe('tenancy_lost');
  });
});

describe('who sees what', () => {
  it('a company sees only its own tenancies and incidents: another company’s are 404, as in lists', async () => {
    const own = await directTenancy(a.cm, agency);
    const foreign = await directTenancy(a.cm, agency, { providerId: agency.otherProviderId });
    const inc = (await a.cm.post(`/api/v1/tenancies/${foreign.id}/incidents`, conflict())).json();
    expect((await a.provider.get(`/api/v1/tenancies/${foreign.id}`)).statusCode).toBe(404);
    expect((await a.provider.post(`/api/v1/tenancies/${foreign.id}/incidents`, rentDefault())).statusCode).toBe(404);
    expect((await a.provider.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await a.provider.post(`/api/v1/incidents/${inc.id}/warnings`, { issuedOn: today() })).statusCode).toBe(404);
    const tenancies = (await a.provider.get('/api/v1/tenancies?pageSize=100')).json().items;
    expect(tenancies.every((t: { provider: { id: string } }) => t.provider.id === agency.providerId)).toBe(true);
    expect(tenancies.map((t: { id: string }) => t.id)).toContain(own.id);
    expect(tenancies.every((t: { household: unknown }) => t.household === null)).toBe(true);
    // As landlord the company knows its tenant's name from the lease: that name, nothing else of the household.
    const ownView = (await a.provider.get(`/api/v1/tenancies/${own.id}`)).json();
    expect(ownView.household).toBeNull();
    expect(ownView.tenant).toBe((await a.cm.get(`/api/v1/tenancies/${own.id}`)).json().household.name);
    const incidents = (await a.provider.get('/api/v1/incidents?state=all&pageSize=100')).json().items;
    expect(incidents.map((i: { id: string }) => i.id)).not.toContain(inc.id);
    // The other company sees it, without the household or internal notes.
    const theirs = (await a.otherProvider.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(theirs).toMatchObject({ reasons: null, resolution: null, contacts: [], deadlines: [], nextDeadline: null });
    expect(theirs.tenancy.household).toBeNull();
  });

  it('social workers see the incidents of their tenancies, case managers those they are contact person of, leads all', async () => {
    const t = await directTenancy(a.cm, agency);
    const inc = (await a.provider.post(`/api/v1/tenancies/${t.id}/incidents`, rentDefault())).json();
    expect((await a.sw.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    expect((await a.lead.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    expect((await otherSw.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await otherCm.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await otherCm.post(`/api/v1/incidents/${inc.id}/forward`, {})).statusCode).toBe(404);
    // The tenancy itself stays readable for office staff, without incidents they may not see.
    const view = (await otherCm.get(`/api/v1/tenancies/${t.id}`)).json();
    expect(view.incidents).toEqual([]);
    expect(view.actions).not.toContain('reportRentDefault');
    const queue = (await a.cm.get('/api/v1/incidents?mine=true&pageSize=100')).json().items.map((i: { id: string }) => i.id);
    expect(queue).toContain(inc.id);
    expect((await otherCm.get('/api/v1/incidents?pageSize=100')).json().items.map((i: { id: string }) => i.id)).not.toContain(inc.id);
  });

  it('the queue lists open incidents by next deadline', async () => {
    const t1 = await directTenancy(a.cm, agency);
    const t2 = await directTenancy(a.cm, agency);
    const i1 = (await a.provider.post(`/api/v1/tenancies/${t1.id}/incidents`, rentDefault())).json();
    const i2 = (await a.provider.post(`/api/v1/tenancies/${t2.id}/incidents`, conflict())).json();
    // i2 forwarded: its contact deadline (2 working days) comes after i1's forward deadline (1 working day).
    await a.cm.post(`/api/v1/incidents/${i2.id}/forward`, {});
    const q = (await a.lead.get('/api/v1/incidents?pageSize=100')).json();
    const ids = q.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(i1.id)).toBeLessThan(ids.indexOf(i2.id));
    const dues = q.items
      .filter((i: { nextDeadline: unknown }) => i.nextDeadline)
      .map((i: { nextDeadline: { dueAt: string } }) => i.nextDeadline.dueAt);
    expect([...dues].sort()).toEqual(dues);
    expect(
      (await a.lead.get('/api/v1/incidents?kind=conflict&pageSize=100')).json().items.every((i: { kind: string }) => i.kind === 'conflict'),
    ).toBe(true);
  });
});
