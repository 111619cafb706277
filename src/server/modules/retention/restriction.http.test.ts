import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../../../contracts/common.js';
import { roleHas, type Permission } from '../../platform/access/registry.js';
import { fill, fixtures, type Ids } from '../../../../test/matrix-fixtures.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { classifyWrite, NOT_HOUSEHOLD_WRITES, RESTRICTION_EXEMPT } from './restriction.guard.js';

/*
 * Restriction of processing: every write route of the route table is classified (household-bound,
 * exempt, or not about one household); with every household of the agency restricted, each
 * household-bound write route is refused with 423 problem+json for a role allowed to call it.
 */

let app: FastifyInstance;
let a: TestAgency;
let ids: Ids;
const sessions = {} as Record<TRole, { cookie: string; csrf: string }>;
let cm: Client;
let lead: Client;

beforeAll(async () => {
  app = await testApp();
  a = await createAgency();
  ids = await fixtures(app, a);
  for (const role of ROLES) sessions[role] = await login(app, a.users[role].email);
  cm = client(app, sessions.case_manager);
  lead = client(app, sessions.lead);
});
afterAll(() => app.close());

const writes = () => app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/v1/'));

const inject = (role: TRole, method: string, url: string, payload: unknown) =>
  app.inject({
    method: method as 'POST',
    url,
    payload: payload as object,
    // A version is sent so the If-Match rule does not answer first; the restriction comes before the input check.
    headers: { cookie: sessions[role].cookie, 'x-csrf-token': sessions[role].csrf, 'if-match': '"1"' },
  });

describe('restriction of processing', () => {
  it('classifies every write route of the route table', () => {
    const routes = writes();
    expect(routes.length).toBeGreaterThan(60);
    const unclassified = routes.filter((r) => !classifyWrite(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(unclassified, 'classify these in restriction.guard.ts').toEqual([]);
    // No stale entries: every listed route exists.
    const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect([...Object.keys(NOT_HOUSEHOLD_WRITES), ...Object.keys(RESTRICTION_EXEMPT)].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('is set by the lead or case manager with a reason, refuses bad input and a second restriction', async () => {
    const url = `/api/v1/households/${ids.household}/restriction`;
    // A role without the permission is refused (hidden as for any household write it may not make).
    expect([403, 404]).toContain((await client(app, sessions.social_worker).post(url, { reason: 'legal_claims' })).statusCode);
    const bad = await lead.post(url, { reason: 'weil', note: 'x'.repeat(1001) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(new Set(bad.json().errors.map((e: { field: string }) => e.field))).toEqual(new Set(['reason', 'note']));
    const set = await lead.post(url, { reason: 'accuracy_contested', note: 'Anschrift bestritten' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().active).toMatchObject({ reason: 'accuracy_contested', note: 'Anschrift bestritten', liftedAt: null });
    expect((await cm.post(url, { reason: 'legal_claims' })).statusCode).toBe(409);
    const state = await client(app, sessions.social_worker).get(url);
    expect(state.statusCode).toBe(200);
    expect(state.json().active.reason).toBe('accuracy_contested');
  });

  it('refuses every household-bound write route with 423 while the household is restricted', async () => {
    // Every household of the agency restricted, so every subject of the fixtures is covered.
    const { owner } = testDbs();
    const households = await owner.selectFrom('households').select('id').where('agency_id', '=', a.id).execute();
    await owner
      .insertInto('household_restrictions')
      .values(households.filter((h) => h.id !== ids.household).map((h) => ({ agency_id: a.id, household_id: h.id, reason: 'other' })))
      .execute();

    // The fixtures' walk-in visit has no household: it gets one, so its routes are bound too.
    await owner.updateTable('prevention_visits').set({ household_id: ids.household }).where('id', '=', ids.visit).execute();

    const bound = writes().filter((r) => {
      const c = classifyWrite(r.method, r.url);
      return c && 'bound' in c;
    });
    expect(bound.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const r of bound) {
      const role = ROLES.find((x) => roleHas(x, r.access as Permission));
      if (!role) {
        failures.push(`${r.method} ${r.url}: no role may call it`);
        continue;
      }
      const c = classifyWrite(r.method, r.url) as { bound: { from: string } };
      const body = c.bound.from === 'body' ? { householdId: ids.household } : {};
      const res = await inject(role, r.method, fill(r.url, ids, role), body);
      if (res.statusCode !== 423 || !String(res.headers['content-type']).includes('application/problem+json'))
        failures.push(`${r.method} ${r.url} as ${role}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      else expect(res.json()).toMatchObject({ code: 'processing_restricted', status: 423 });
    }
    expect(failures).toEqual([]);
  });

  it('still allows reading and storing, and writes again once lifted', async () => {
    expect((await cm.get(`/api/v1/households/${ids.household}`)).statusCode).toBe(200);
    const note = { occurredAt: new Date(Date.now() - 60_000).toISOString(), kind: 'note', participation: false, text: 'Vermerk' };
    expect((await cm.post(`/api/v1/households/${ids.household}/journal`, note)).statusCode).toBe(423);
    expect((await cm.post(`/api/v1/households/${ids.household}/restriction/lift`, { note: '' })).statusCode).toBe(400);
    const lifted = await cm.post(`/api/v1/households/${ids.household}/restriction/lift`, { note: 'Anschrift geklärt' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ active: null });
    expect(lifted.json().history[0]).toMatchObject({ liftNote: 'Anschrift geklärt' });
    expect((await cm.post(`/api/v1/households/${ids.household}/journal`, note)).statusCode).toBe(201);
    expect((await cm.post(`/api/v1/households/${ids.household}/restriction/lift`, { note: 'nochmal' })).statusCode).toBe(409);
    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', a.id)
      .where('entity_id', '=', ids.household)
      .where('action', 'like', 'restriction.%')
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(['restriction.lift', 'restriction.read', 'restriction.set']);
  });
});
