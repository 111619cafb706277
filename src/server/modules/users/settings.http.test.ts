import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';

let app: FastifyInstance;
let agency: TestAgency;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
});
afterAll(() => app.close());

const digestOf = async (id: string) =>
  (await testDbs().owner.selectFrom('users').select('mail_digest').where('id', '=', id).executeTakeFirstOrThrow()).mail_digest;

describe('own settings: daily mail digest', () => {
  it('is off by default, and each user switches it for themselves only, audited', async () => {
    const me = agency.users.case_manager;
    const c = client(app, await login(app, me.email));
    const read = await c.get('/api/v1/me/settings');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ mailDigest: false });

    const on = await c.put('/api/v1/me/settings', { mailDigest: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ mailDigest: true });
    expect((await c.get('/api/v1/me/settings')).json()).toEqual({ mailDigest: true });
    expect(await digestOf(me.id)).toBe(true);
    expect(await digestOf(agency.users.social_worker.id)).toBe(false);

    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.settings_update')
      .where('actor_id', '=', me.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_id: me.id, entity_type: 'user', outcome: 'success' });
    expect(events[0]!.details).toMatchObject({ mailDigest: { from: false, to: true } });
  });

  it('every role may choose it (a housing company user too)', async () => {
    const c = client(app, await login(app, agency.users.provider_user.email));
    expect((await c.put('/api/v1/me/settings', { mailDigest: true })).statusCode).toBe(200);
    expect(await digestOf(agency.users.provider_user.id)).toBe(true);
  });

  it('rejects a body that is not a yes/no, or names another user', async () => {
    const c = client(app, await login(app, agency.users.lead.email));
    const bad = await c.put('/api/v1/me/settings', { mailDigest: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('mailDigest');
    expect((await c.put('/api/v1/me/settings', {})).statusCode).toBe(400);
    const other = await c.put('/api/v1/me/settings', { mailDigest: true, userId: agency.users.case_manager.id });
    expect(other.statusCode).toBe(400);
    expect(await digestOf(agency.users.lead.id)).toBe(false);
  });

  it('needs a session and the CSRF token', async () => {
    expect((await client(app, null).get('/api/v1/me/settings')).statusCode).toBe(401);
    const s = await login(app, agency.users.auditor.email);
    const noCsrf = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/settings',
      payload: { mailDigest: true },
      headers: { cookie: s.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await digestOf(agency.users.auditor.id)).toBe(false);
  });
});
