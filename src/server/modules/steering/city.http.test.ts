import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCityAverage, TCityComparison, TCityFigure } from '../../../contracts/steering-city.js';
import { client, createAgency, login, PASSWORD, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { fill, fixtures, send, type Ids } from '../../../../test/matrix-fixtures.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { roleHas, type Permission } from '../../platform/access/registry.js';
import { hashPassword } from '../../platform/auth/password.js';
import { bodiesRepository } from './bodies.repository.js';

/*
 * The steering body's city-wide comparison and the member agency's city average, Q4 2025, against
 * hand-computed suppressed values; and the steering user's 404 on every record route.
 */
const Q4 = 'from=2025-10-01&to=2025-12-31';
const FIGURES = ['prevention.notices', 'prevention.first_attempt_within_standard', 'prevention.home_kept'];

let app: FastifyInstance;
let a: TestAgency;
let b: TestAgency;
let outsider: TestAgency;
let steering: Client;
let steeringUser: { id: string; email: string };
let agreementId: string;

async function notices(c: Client, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await c.post('/api/v1/prevention/cases', { ...courtNotice({ receivedOn: '2025-10-06' }), createHousehold: true });
    expect(res.statusCode, res.body).toBe(201);
    const attempt = await c.post(`/api/v1/prevention/cases/${res.json().id}/attempts`, {
      channel: 'letter',
      at: '2025-10-06T12:00:00Z',
      result: 'letter_sent',
    });
    expect(attempt.statusCode, attempt.body).toBeLessThan(300);
  }
}

const figure = (c: TCityComparison, id: string): TCityFigure => c.figures.find((f) => f.id === id)!;
const cellOf = (c: TCityComparison, f: TCityFigure, agencyId: string) => f.cells[c.agencies.findIndex((x) => x.id === agencyId)];

beforeAll(async () => {
  app = await testApp();
  [a, b, outsider] = [await createAgency(), await createAgency(), await createAgency()];
  const { owner } = testDbs();
  const repo = bodiesRepository(owner);
  const tag = crypto.randomBytes(4).toString('hex');
  const tenant = await repo.createBody({ name: `Senat ${tag}`, ags: '11000098', federalState: 'BE' });
  await owner
    .updateTable('agencies')
    .set({ settings: JSON.stringify({ totpRequiredRoles: [] }) })
    .where('id', '=', tenant)
    .execute();
  agreementId = await repo.createAgreement({
    bodyAgencyId: tenant,
    name: 'Zielvereinbarung Test',
    validFrom: '2025-01-01',
    validTo: null,
    figureIds: FIGURES,
    members: [a, b].map((x) => ({ agencyId: x.id, joinedOn: '2025-01-01' })),
  });
  steeringUser = await owner
    .insertInto('users')
    .values({
      agency_id: tenant,
      email: `steuerung.${tag}@test.example`,
      display_name: 'Steuerung',
      role: 'steering',
      password_hash: await hashPassword(PASSWORD),
    })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  steering = client(app, await login(app, steeringUser.email));
  await notices(client(app, await login(app, a.users.case_manager.email)), 6);
  await notices(client(app, await login(app, b.users.case_manager.email)), 2);
});
afterAll(() => app.close());

describe('the city-wide comparison', () => {
  it('shows the member agencies side by side and the city total, suppressed, with the time of the data', async () => {
    const res = await steering.get(`/api/v1/steering/city?${Q4}`);
    expect(res.statusCode, res.body).toBe(200);
    const c: TCityComparison = res.json();
    expect(c.agreement).toMatchObject({ id: agreementId, members: 2, figureIds: FIGURES });
    expect(c.agencies.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(Date.parse(c.computedAt)).toBeLessThanOrEqual(Date.now());

    const n = figure(c, 'prevention.notices');
    expect(cellOf(c, n, a.id)).toEqual({ value: 5, suppressed: null }); // 6 → 5
    expect(cellOf(c, n, b.id)).toEqual({ value: null, suppressed: 'small' }); // 2
    expect(n.total).toEqual({ value: 5, suppressed: null }); // 5 + "< 5" as 2 = 7 → 5

    // All 8 notices had their attempt the same day: 100 % everywhere; B (base 2) is small, so A is
    // hidden too, or B's share would follow from the city value and A's.
    const w = figure(c, 'prevention.first_attempt_within_standard');
    expect(cellOf(c, w, b.id)).toEqual({ value: null, suppressed: 'small' });
    expect(cellOf(c, w, a.id)).toEqual({ value: null, suppressed: 'secondary' });
    expect(w.total).toEqual({ value: 100, suppressed: null });

    // Nothing closed: no base anywhere.
    const kept = figure(c, 'prevention.home_kept');
    expect([...kept.cells, kept.total].every((p) => p.suppressed === 'small')).toBe(true);
    expect(kept.definition.de).toMatch(/abgeschlossenen/);
  });

  it('names no household, person or case', async () => {
    const body = (await steering.get(`/api/v1/steering/city?${Q4}`)).body;
    const { owner } = testDbs();
    const households = await owner
      .selectFrom('households')
      .select(['id', 'reference', 'head_name'])
      .where('agency_id', 'in', [a.id, b.id])
      .execute();
    expect(households.length).toBe(8);
    for (const h of households) {
      expect(body).not.toContain(h.id);
      expect(body).not.toContain(h.reference);
      expect(body).not.toContain(h.head_name.split(',')[0]!);
    }
  });

  it('answers only calendar quarters and years, and audits each read in the body’s own log', async () => {
    const res = await steering.get('/api/v1/steering/city?from=2025-10-02&to=2025-12-31');
    expect(res.statusCode).toBe(400);
    expect((await steering.get('/api/v1/steering/city?from=2025-01-01&to=2025-12-31')).statusCode).toBe(200);
    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('actor_id', '=', steeringUser.id)
      .where('action', '=', 'steering.city')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((e) => e.entity_id === agreementId)).toBe(true);
  });
});

describe('the city average beside a member agency’s figures', () => {
  it('gives the average of the member agencies, suppressed where the others are too small', async () => {
    const lead = client(app, await login(app, a.users.lead.email));
    const res = await lead.get(`/api/v1/steering/city-average?${Q4}`);
    expect(res.statusCode, res.body).toBe(200);
    const avg: TCityAverage = res.json();
    expect(avg.agreement?.id).toBe(agreementId);
    const of = (id: string) => avg.figures.find((f) => f.id === id)!.average;
    expect(of('prevention.notices')).toEqual({ value: 4, suppressed: null }); // (5 + 2) / 2
    expect(of('prevention.first_attempt_within_standard')).toEqual({ value: null, suppressed: 'small' }); // B: base 2
  });

  it('gives an agency outside every agreement none', async () => {
    const lead = client(app, await login(app, outsider.users.lead.email));
    const avg: TCityAverage = (await lead.get(`/api/v1/steering/city-average?${Q4}`)).json();
    expect(avg).toMatchObject({ agreement: null, figures: [] });
  });
});

describe('a steering user and the records', () => {
  let ids: Ids;
  beforeAll(async () => {
    ids = await fixtures(app, a);
  });

  it('gets 404 (a named record) or 403 (a list) on every route it has no permission for, with a member agency’s real ids', async () => {
    // The access matrix calls the same routes with valid bodies on the steering user's own tenant;
    // here every GET, and every write the schema lets through, names a member agency's real records.
    const routes = app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.access !== 'public' && r.url !== '/api/v1/auth/logout');
    const denied = routes.filter((r) => !roleHas('steering', r.access as Permission));
    expect(denied.length).toBeGreaterThan(150);
    const failures: string[] = [];
    let reached = 0;
    for (const r of denied) {
      const res = await send(steering, r.method, fill(r.url, ids, 'case_manager'), {});
      const expected = r.url.includes(':id') ? 404 : 403;
      // A write whose sample body the schema refuses (400) or that lacks its version (428) is turned
      // away before any service runs: an RFC 9457 problem, no data.
      const refusedEarly =
        r.method !== 'GET' && [400, 428].includes(res.statusCode) && String(res.headers['content-type'] ?? '').includes('problem+json');
      if (!refusedEarly) reached++;
      if (res.statusCode !== expected && !refusedEarly) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
      // A problem names the request in `instance`; nothing else may carry the id.
      const shown = String(res.headers['content-type'] ?? '').includes('problem+json')
        ? JSON.stringify({ ...res.json(), instance: null })
        : res.body;
      if (shown.includes(ids.household)) failures.push(`${r.method} ${r.url} shows the household`);
    }
    expect(failures).toEqual([]);
    expect(reached).toBeGreaterThan(denied.filter((r) => r.method === 'GET').length);
  });

  it('sees no record on the routes it may call either (its session, start page, notifications, the comparison)', async () => {
    const allowed = app.routeTable.filter(
      (r) =>
        r.method === 'GET' &&
        r.url.startsWith('/api/v1/') &&
        !r.url.includes(':') &&
        r.access !== 'public' && // anyone's (login, SSO discovery): no record either, tested with auth
        roleHas('steering', r.access as Permission),
    );
    expect(allowed.map((r) => r.url)).toContain('/api/v1/steering/city');
    for (const r of allowed) {
      const res = await steering.get(r.url);
      expect(res.statusCode, `${r.url} ${res.body}`).toBe(200);
      for (const id of [ids.household, ids.preventionCase, ids.offer, ids.tenancy, ids.incident]) expect(res.body).not.toContain(id);
    }
  });
});
