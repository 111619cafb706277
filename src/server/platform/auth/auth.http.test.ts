import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, PASSWORD, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { throttleKeys } from './throttle.js';
import { totpCode } from './totp.js';

let app: FastifyInstance;
let agency: TestAgency;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency({ totpRequiredRoles: ['admin'] });
});
afterAll(() => app.close());

const loginRaw = (email: string, password = PASSWORD, totp?: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...(totp ? { totp } : {}) } });

describe('login, sessions and CSRF', () => {
  it('sets a __Host- session cookie (HttpOnly, Secure, SameSite=Lax) and a new session id at every login', async () => {
    const a = await loginRaw(agency.users.lead.email);
    expect(a.statusCode).toBe(200);
    const c = a.cookies.find((x) => x.name === '__Host-wohnhilfe')!;
    expect(c).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(c.domain).toBeUndefined();
    const b = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agency.users.lead.email, password: PASSWORD },
      headers: { cookie: `__Host-wohnhilfe=${c.value}` },
    });
    const c2 = b.cookies.find((x) => x.name === '__Host-wohnhilfe')!;
    expect(c2.value).not.toBe(c.value);
    // The session presented at login was replaced, not kept.
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: `__Host-wohnhilfe=${c.value}` } })).statusCode).toBe(401);
  });

  it('answers wrong credentials and unknown accounts alike', async () => {
    const wrong = await loginRaw(agency.users.lead.email, 'falsch-falsch');
    const unknown = await loginRaw('niemand@test.example', 'falsch-falsch');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('requires the CSRF token on unsafe methods', async () => {
    const s = await login(app, agency.users.case_manager.email);
    const without = await app.inject({ method: 'POST', url: '/api/v1/households', payload: {}, headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/households',
      payload: {},
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('ends the session at logout', async () => {
    const s = await login(app, agency.users.case_manager.email);
    const c = client(app, s);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ends all sessions of a user who is deactivated', async () => {
    const other = await createAgency();
    const victim = client(app, await login(app, other.users.social_worker.email));
    const admin = client(app, await login(app, other.users.admin.email));
    const users = (await admin.get('/api/v1/users')).json().items;
    const u = users.find((x: { id: string }) => x.id === other.users.social_worker.id);
    const res = await admin.put(`/api/v1/users/${u.id}`, { displayName: u.displayName, role: u.role, active: false, version: u.version });
    expect(res.statusCode).toBe(200);
    expect((await victim.get('/api/v1/me')).statusCode).toBe(401);
    expect((await loginRaw(other.users.social_worker.email)).statusCode).toBe(401);
  });

  it('expires idle and absolute sessions', async () => {
    const s = await login(app, agency.users.case_manager.email);
    const { owner } = testDbs();
    const id = (await import('./session.js')).sessionIdOf(s.cookie.split('=')[1]!);
    await owner
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('id', '=', id)
      .execute();
    expect((await client(app, s).get('/api/v1/me')).statusCode).toBe(401);
    const s2 = await login(app, agency.users.case_manager.email);
    const id2 = (await import('./session.js')).sessionIdOf(s2.cookie.split('=')[1]!);
    await owner
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', id2)
      .execute();
    expect((await client(app, s2).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('throttles failed logins per account, for a bounded time only', async () => {
    const other = await createAgency();
    const email = other.users.case_manager.email;
    for (let i = 0; i < 5; i++) expect((await loginRaw(email, 'falsch-falsch')).statusCode).toBe(401);
    const locked = await loginRaw(email);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Another account is unaffected.
    expect((await loginRaw(other.users.lead.email)).statusCode).toBe(200);
    // After the lock runs out the right password works again.
    const { owner } = testDbs();
    const { pair } = throttleKeys(email, '127.0.0.1');
    await owner
      .updateTable('login_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('key', '=', pair)
      .execute();
    expect((await loginRaw(email)).statusCode).toBe(200);
    // and the failures start over.
    expect(await owner.selectFrom('login_throttle').select('key').where('key', '=', pair).execute()).toEqual([]);
  });
});

describe('TOTP second factor', () => {
  it('makes a role that requires TOTP enrol before anything else, then asks for single-use codes', async () => {
    const first = await loginRaw(agency.users.admin.email);
    expect(first.json().status).toBe('totp_enrolment_required');
    const s = {
      cookie: `__Host-wohnhilfe=${first.cookies.find((c) => c.name === '__Host-wohnhilfe')!.value}`,
      csrf: first.json().me.csrfToken,
    };
    const c = client(app, s);
    expect((await c.get('/api/v1/users')).statusCode).toBe(401);
    const enrol = (await c.post('/api/v1/auth/totp/enrol')).json();
    expect(enrol.qrSvg).toContain('<svg');
    expect(enrol.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect((await c.post('/api/v1/auth/totp/confirm', { code: '000000' })).statusCode).toBe(401);
    const code = totpCode(enrol.secret);
    expect((await c.post('/api/v1/auth/totp/confirm', { code })).statusCode).toBe(200);
    expect((await c.get('/api/v1/users')).statusCode).toBe(200);

    const step2 = await loginRaw(agency.users.admin.email);
    expect(step2.json()).toEqual({ status: 'totp_required' });
    expect(step2.cookies.find((x) => x.name === '__Host-wohnhilfe')).toBeUndefined();
    // The code used at enrolment is spent; the next period's code works once.
    expect((await loginRaw(agency.users.admin.email, PASSWORD, code)).statusCode).toBe(401);
    const next = totpCode(enrol.secret, Date.now() + 30_000);
    expect((await loginRaw(agency.users.admin.email, PASSWORD, next)).json().status).toBe('ok');
    expect((await loginRaw(agency.users.admin.email, PASSWORD, next)).statusCode).toBe(401);
  });
});

describe('security headers', () => {
  it('sends CSP, HSTS, nosniff and no-store on personal data', async () => {
    const c = client(app, await login(app, agency.users.case_manager.email));
    const res = await c.get('/api/v1/households');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('gives the API docs the same strict CSP as the rest (no framing at all)', async () => {
    const api = (await app.inject({ url: '/api/v1/me' })).headers['content-security-policy'];
    expect(api).toContain("frame-ancestors 'none'");
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/static/swagger-initializer.js', '/api/docs/json']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-security-policy'], url).toBe(api);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('serves the OpenAPI 3.1 document and the docs', async () => {
    const doc = await app.inject({ url: '/api/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/households',
        '/api/v1/households/{id}',
        '/api/v1/households/{id}/journal',
        '/api/v1/auth/login',
        '/api/v1/auth/logout',
        '/api/v1/me',
        '/api/v1/audit-events',
      ]),
    );
    expect((await app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
  });
});
