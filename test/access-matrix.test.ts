import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../src/contracts/common.js';
import { inAgency } from '../src/server/db/database.js';
import { PERMISSIONS, roleHas, type Permission } from '../src/server/platform/access/registry.js';
import { enqueueMail } from '../src/server/platform/mail/outbox.js';
import { notify } from '../src/server/platform/notify/notify.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from './helpers.js';

/**
 * The access matrix: every route of the app (from Fastify's route table) must be listed here with a
 * sample request, and is called by every role with records of its own agency and of another one.
 * A role without the permission gets 403 (or 404 for a named record); another agency's record is 404.
 */
const PUBLIC_ROUTES = new Set(['POST /api/v1/auth/login', 'GET /api/openapi.json', 'GET /api/health']);

type Ids = { household: string; user: string; provider: string; carrier: string; socialWorker: string; mail: string; notifications: Record<TRole, string> };
const SAMPLES: Record<string, (ids: Ids) => unknown> = {
  'GET /api/v1/me': () => undefined,
  'POST /api/v1/auth/logout': () => ({}),
  'POST /api/v1/auth/totp/enrol': () => ({}),
  'POST /api/v1/auth/totp/confirm': () => ({ code: '123456' }),
  'GET /api/v1/households': () => undefined,
  'POST /api/v1/households': () => householdInput(),
  'GET /api/v1/households/:id': () => undefined,
  'PUT /api/v1/households/:id': (i) => ({ ...householdInput({ socialWorkerId: i.socialWorker }), version: 1 }),
  'GET /api/v1/households/:id/journal': () => undefined,
  'POST /api/v1/households/:id/journal': () => ({ occurredAt: '2026-11-01T10:00:00Z', kind: 'note', participation: false, text: 'Matrix' }),
  'GET /api/v1/households/:id/access-log': () => undefined,
  'GET /api/v1/staff': () => undefined,
  'GET /api/v1/users': () => undefined,
  'POST /api/v1/users': () => ({ email: `neu.${Math.random().toString(36).slice(2)}@test.example`, displayName: 'Neu', role: 'case_manager', password: 'Ein-sicheres-Passwort-1' }),
  'PUT /api/v1/users/:id': () => ({ displayName: 'Umbenannt', role: 'case_manager', active: true, version: 1 }),
  'POST /api/v1/users/:id/password': () => ({ password: 'Ein-neues-Passwort-22' }),
  'GET /api/v1/agency': () => undefined,
  'PUT /api/v1/agency/settings': () => ({ settings: { totpRequiredRoles: [], sessionIdleMinutes: 30, districts: [] }, version: 1 }),
  'GET /api/v1/providers': () => undefined,
  'POST /api/v1/providers': () => ({ name: 'Matrix Wohnbau' }),
  'PUT /api/v1/providers/:id': () => ({ name: 'Matrix Wohnbau', version: 1 }),
  'GET /api/v1/carriers': () => undefined,
  'POST /api/v1/carriers': () => ({ name: 'Matrix Träger' }),
  'PUT /api/v1/carriers/:id': () => ({ name: 'Matrix Träger', version: 1 }),
  'GET /api/v1/audit-events': () => undefined,
  'GET /api/v1/audit-events/verify': () => undefined,
  'GET /api/v1/deadlines': () => undefined,
  'GET /api/v1/notifications': () => undefined,
  'POST /api/v1/notifications/:id/read': () => ({}),
  'POST /api/v1/notifications/read-all': () => ({}),
  'GET /api/v1/outbox': () => undefined,
  'GET /api/v1/outbox/:id': () => undefined,
  'GET /api/v1/outbox/:id/attachments/:index': () => undefined,
  'GET /api/v1/document-templates': () => undefined,
  'GET /api/v1/document-templates/:kind': () => undefined,
  'PUT /api/v1/document-templates/:kind': () => ({ title: 'Matrix', body: 'Matrix {{today}}', version: 0 }),
  'DELETE /api/v1/document-templates/:kind': () => undefined,
  'POST /api/v1/document-templates/:kind/preview': () => ({}),
};

let app: FastifyInstance;
let own: TestAgency;
let other: TestAgency;
const ids: Record<'own' | 'other', Ids> = {} as never;
const sessions = {} as Record<TRole, Client>;

async function fixtures(a: TestAgency): Promise<Ids> {
  const cm = client(app, await login(app, a.users.case_manager.email));
  const h = await cm.post('/api/v1/households', householdInput({ situation: 'in_accommodation', socialWorkerId: a.users.social_worker.id }));
  const { owner } = testDbs();
  const extra = await owner.insertInto('users').values({ agency_id: a.id, email: `extra.${a.id}@test.example`, display_name: 'Extra', role: 'case_manager', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
  // Every role reads its own notification; the outbox mail has one attachment.
  const notifications = {} as Record<TRole, string>;
  const mail = await inAgency(testDbs().app, a.id, async (tx) => {
    for (const role of ROLES) {
      await notify(tx, a.id, { userIds: [a.users[role].id], kind: 'matrix', title: 'Matrix', mail: false });
    }
    const rows = await tx.selectFrom('notifications').select(['id', 'user_id']).execute();
    for (const role of ROLES) notifications[role] = rows.find((r) => r.user_id === a.users[role].id)!.id;
    return enqueueMail(tx, a.id, { to: ['matrix@test.example'], subject: 'Matrix', text: 'Matrix', kind: 'matrix', attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: 'YQ==' }] });
  });
  return { household: h.json().id, user: extra.id, provider: a.otherProviderId, carrier: a.carrierId, socialWorker: a.users.social_worker.id, mail, notifications };
}

const send = (c: Client, method: string, url: string, body: unknown) =>
  method === 'GET' ? c.get(url) : method === 'PUT' ? c.put(url, body) : method === 'DELETE' ? c.del(url) : c.post(url, body);

const fill = (url: string, i: Ids, role: TRole) => {
  if (url.startsWith('/api/v1/notifications')) return url.replace(':id', i.notifications[role]);
  if (url.startsWith('/api/v1/outbox')) return url.replace(':id', i.mail).replace(':index', '0');
  const kind = url.startsWith('/api/v1/households') ? 'household' : url.startsWith('/api/v1/users') ? 'user' : url.startsWith('/api/v1/providers') ? 'provider' : 'carrier';
  return url.replace(':id', i[kind]).replace(':kind', 'guarantee_contract');
};

beforeAll(async () => {
  app = await testApp();
  own = await createAgency();
  other = await createAgency();
  ids.own = await fixtures(own);
  ids.other = await fixtures(other);
  for (const role of ROLES) sessions[role] = client(app, await login(app, own.users[role].email));
});
afterAll(() => app.close());

describe('access matrix', () => {
  it('lists every route: public ones explicitly, all others with a registered permission and a sample', () => {
    const api = app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    for (const r of api) {
      const key = `${r.method} ${r.url}`;
      expect(r.access, key).toBeDefined();
      if (r.access === 'public') expect(PUBLIC_ROUTES.has(key), `${key} is public`).toBe(true);
      else {
        expect(Object.keys(PERMISSIONS), key).toContain(r.access);
        expect(SAMPLES[key], `sample request for ${key}`).toBeDefined();
      }
    }
    expect(app.routeTable.filter((r) => r.url.startsWith('/api/docs')).every((r) => r.access === 'public')).toBe(true);
  });

  const routes = () => app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.access !== 'public' && r.url !== '/api/v1/auth/logout');

  it.each(ROLES)('role %s: allowed routes work on its own agency, others are refused (and audited)', async (role) => {
    const failures: string[] = [];
    let denials = 0;
    const deniedEvents = async () => Number((await testDbs().owner.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', own.id).where('actor_id', '=', own.users[role].id).where('action', '=', 'access.denied').executeTakeFirstOrThrow()).n);
    const before = await deniedEvents();
    for (const r of routes()) {
      const key = `${r.method} ${r.url}`;
      const body = SAMPLES[key]!(ids.own);
      const url = fill(r.url, ids.own, role);
      const res = await send(sessions[role], r.method, url, body);
      const allowed = roleHas(role, r.access as Permission);
      const named = r.url.includes(':id');
      if (allowed && [401, 403, 404].includes(res.statusCode) && !(key === 'POST /api/v1/auth/totp/confirm' && res.statusCode === 401)) {
        failures.push(`${key} allowed but ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      if (!allowed && res.statusCode !== (named ? 404 : 403)) failures.push(`${key} denied but ${res.statusCode}`);
      if (!allowed) denials++;
    }
    expect(failures).toEqual([]);
    expect(await deniedEvents()).toBe(before + denials);
  });

  it.each(ROLES)('role %s: records of another agency are not found', async (role) => {
    const failures: string[] = [];
    for (const r of routes().filter((x) => x.url.includes(':id'))) {
      const key = `${r.method} ${r.url}`;
      const url = fill(r.url, ids.other, role);
      const body = SAMPLES[key]!(ids.other);
      const res = await send(sessions[role], r.method, url, body);
      if (res.statusCode !== 404) failures.push(`${key} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('audits denied attempts', async () => {
    const res = await sessions.auditor.get(`/api/v1/households/${ids.own.household}`);
    expect(res.statusCode).toBe(404);
    const { owner } = testDbs();
    const denied = await owner.selectFrom('audit_events').selectAll().where('agency_id', '=', own.id).where('outcome', '=', 'denied')
      .where('actor_id', '=', own.users.auditor.id).where('entity_id', '=', ids.own.household).execute();
    expect(denied.length).toBeGreaterThan(0);
    expect(denied[0]!.action).toBe('access.denied');
  });

  it('answers a denied read exactly like a missing id', async () => {
    const denied = await sessions.auditor.get(`/api/v1/households/${ids.own.household}`);
    const missing = await sessions.case_manager.get('/api/v1/households/00000000-0000-4000-8000-00000000dead');
    expect(denied.statusCode).toBe(missing.statusCode);
    const strip = (b: string) => ({ ...JSON.parse(b), instance: undefined });
    expect(strip(denied.body)).toEqual(strip(missing.body));
  });
});
