import type { FastifyInstance } from 'fastify';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, PASSWORD, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { CLIENT_ID, CLIENT_SECRET, CookieJar, freePort, startIdp } from '../../../../test/oidc-idp.js';
import { SSO_COOKIE } from './oidc-state.js';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider) on a local port: the browser's
 * way is followed redirect by redirect, the IdP's login page answered in code (test/oidc-idp.ts).
 */
let app: FastifyInstance;
let idp: Awaited<ReturnType<typeof startIdp>>;
let provider: ReturnType<Awaited<ReturnType<typeof startIdp>>['configure']>;
let agency: TestAgency;
let mfaAgency: TestAgency;
let origin: string;

beforeAll(async () => {
  idp = await startIdp();
  agency = await createAgency();
  mfaAgency = await createAgency({ totpRequiredRoles: ['admin'] });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  app = await testApp({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_REDIRECT_URL: `${origin}/api/v1/auth/oidc/callback`,
    OIDC_AGENCY_MAP: JSON.stringify({
      'amt-test': agency.id,
      'amt-mfa': mfaAgency.id,
      'amt-geloescht': '00000000-0000-4000-8000-000000000000',
    }),
    OIDC_ROLE_MAP: JSON.stringify({ 'wh-admin': 'admin', 'wh-leitung': 'lead', 'wh-sachbearbeitung': 'case_manager' }),
  });
  await app.listen({ port, host: '127.0.0.1' });
  provider = idp.configure(origin);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await idp?.close();
});

let n = 0;
/** An IdP account with the given claims; returns its subject and e-mail address. */
function account(claims: Record<string, unknown>, amr?: string[]) {
  const sub = `sub-${++n}-${Date.now()}`;
  const email = `sso-${n}-${Date.now()}@test.example`;
  idp.accounts.set(sub, { claims: { email, email_verified: true, name: `Frau Nummer ${n}`, ...claims }, ...(amr ? { amr } : {}) });
  return { sub, email };
}

/** Our login → IdP (its session in `jar`) → our callback; optionally altering the IdP URL or the callback URL on the way. */
async function ssoLogin(
  sub: string,
  jar = new CookieJar(),
  alter: { authorize?: (u: URL) => void; callback?: (u: URL) => void; cookie?: (v: string) => string } = {},
) {
  const start = await app.inject({ url: '/api/v1/auth/oidc/login' });
  expect(start.statusCode).toBe(302);
  const pending = start.cookies.find((c) => c.name === SSO_COOKIE)!;
  expect(pending).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
  const authorize = new URL(start.headers.location as string);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  alter.authorize?.(authorize);
  idp.state.nextLogin = sub;
  const { url, res: last } = await jar.follow(authorize.href, idp.issuer);
  const back = new URL(url);
  if (back.origin !== origin) throw new Error(`stopped at the IdP: ${last.status} ${await last.text()}`);
  expect(back.origin + back.pathname).toBe(`${origin}/api/v1/auth/oidc/callback`);
  alter.callback?.(back);
  const cookie = alter.cookie ? alter.cookie(pending.value) : pending.value;
  const res = await app.inject({ url: back.pathname + back.search, headers: { cookie: `${SSO_COOKIE}=${cookie}` } });
  expect(res.statusCode).toBe(302);
  const session = res.cookies.find((c) => c.name === '__Host-wohnhilfe');
  return { location: res.headers.location as string, session: session ? `__Host-wohnhilfe=${session.value}` : null };
}

const me = (cookie: string) => app.inject({ url: '/api/v1/me', headers: { cookie } });
const { owner } = testDbs();
const ssoEvents = (agencyId: string, action = 'auth.sso_login') =>
  owner
    .selectFrom('audit_events')
    .select(['outcome', 'details', 'entity_id'])
    .where('agency_id', '=', agencyId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();

describe('single sign-on (OpenID Connect, code + PKCE)', () => {
  it('tells the login page that it is configured', async () => {
    expect((await app.inject({ url: '/api/v1/auth/sso' })).json()).toEqual({ enabled: true });
  });

  it('provisions an account on the first login from the claims, maps the role, and follows the claims later', async () => {
    const a = account({ agency: 'amt-test', roles: ['wh-sachbearbeitung', 'wh-leitung'] });
    const first = await ssoLogin(a.sub);
    expect(first.location).toBe('/');
    const m = (await me(first.session!)).json();
    // The first entry of the map the user holds wins: lead before case_manager.
    expect(m).toMatchObject({
      email: a.email,
      role: 'lead',
      displayName: expect.stringMatching(/^Frau Nummer/),
      agency: { id: agency.id },
    });
    idp.accounts.get(a.sub)!.claims['roles'] = 'wh-sachbearbeitung';
    const second = await ssoLogin(a.sub);
    expect((await me(second.session!)).json()).toMatchObject({ id: m.id, role: 'case_manager' });
    const events = await ssoEvents(agency.id);
    expect(events.filter((e) => e.entity_id === m.id).map((e) => e.details)).toEqual([
      expect.objectContaining({ account: 'provisioned', role: 'lead' }),
      expect.objectContaining({ account: 'known', role: 'case_manager', previousRole: 'lead' }),
    ]);
    // An account made by single sign-on has no password.
    const row = await owner
      .selectFrom('users')
      .select(['password_hash', 'oidc_issuer', 'oidc_subject'])
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ password_hash: '!sso', oidc_issuer: idp.issuer, oidc_subject: a.sub });
  });

  it('links an existing local account of the same agency by its verified e-mail address', async () => {
    const sub = `sub-linked-${Date.now()}`;
    idp.accounts.set(sub, {
      claims: {
        email: agency.users.social_worker.email,
        email_verified: true,
        name: 'Sozialarbeit',
        agency: 'amt-test',
        roles: ['wh-sachbearbeitung'],
      },
    });
    const { session } = await ssoLogin(sub);
    expect((await me(session!)).json()).toMatchObject({ id: agency.users.social_worker.id, role: 'case_manager' });
  });

  it('refuses an unknown agency, an agency that does not exist and a user without a mapped role', async () => {
    for (const [claims, reason] of [
      [{ agency: 'amt-unbekannt', roles: ['wh-leitung'] }, 'unknown_agency'],
      [{ agency: 'amt-geloescht', roles: ['wh-leitung'] }, 'unknown_agency'],
      [{ roles: ['wh-leitung'] }, 'unknown_agency'],
      [{ agency: 'amt-test', roles: ['andere-rolle'] }, 'no_role'],
    ] as const) {
      const a = account(claims);
      const res = await ssoLogin(a.sub);
      expect(res, JSON.stringify(claims)).toEqual({ location: `/login?sso=${reason}`, session: null });
    }
    const logged = await owner
      .selectFrom('installation_audit_events')
      .select('details')
      .where('action', '=', 'auth.sso_login')
      .where(({ eb }) => eb.cast(eb.ref('details', '->>').key('agency' as never), 'text'), '=', 'amt-unbekannt')
      .execute();
    expect(logged).toEqual([{ details: expect.objectContaining({ reason: 'unknown_agency' }) }]);
  });

  it('refuses a tampered state, a tampered nonce and an altered or missing state cookie', async () => {
    const a = account({ agency: 'amt-test', roles: ['wh-sachbearbeitung'] });
    const lastRefusal = async () =>
      (
        await owner
          .selectFrom('installation_audit_events')
          .select('details')
          .where('action', '=', 'auth.sso_login')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow()
      ).details as { reason: string; error: string };
    const tries = [
      [{ callback: (u: URL) => u.searchParams.set('state', 'x'.repeat(43)) }, /state/],
      [{ authorize: (u: URL) => u.searchParams.set('nonce', 'untergeschobene-nonce-1234567890') }, /nonce/],
      [{ cookie: (v: string) => v.slice(0, -4) + (v.endsWith('AAAA') ? 'BBBB' : 'AAAA') }, /no_pending_login/],
      [{ cookie: () => '' }, /no_pending_login/],
    ] as const;
    for (const [alter, why] of tries) {
      expect(await ssoLogin(a.sub, new CookieJar(), alter)).toEqual({ location: '/login?sso=failed', session: null });
      expect(await lastRefusal()).toMatchObject({ reason: 'failed', error: expect.stringMatching(why) });
    }
    // Untampered, the same account gets in.
    expect((await ssoLogin(a.sub)).location).toBe('/');
  });

  it('refuses a user deactivated in wohnhilfe, and one deactivated at the IdP at the next login', async () => {
    const a = account({ agency: 'amt-test', roles: ['wh-sachbearbeitung'] });
    const jar = new CookieJar();
    const { session } = await ssoLogin(a.sub, jar);
    const id = (await me(session!)).json().id as string;
    await owner.updateTable('users').set({ active: false }).where('id', '=', id).execute();
    expect(await ssoLogin(a.sub, jar)).toEqual({ location: '/login?sso=inactive', session: null });
    await owner.updateTable('users').set({ active: true }).where('id', '=', id).execute();
    // At the IdP (which, like Keycloak, ends the IdP sessions of an account it disables): the IdP refuses the login.
    expect((await ssoLogin(a.sub, jar)).location).toBe('/');
    idp.accounts.get(a.sub)!.disabled = true;
    expect(await ssoLogin(a.sub, new CookieJar())).toEqual({ location: '/login?sso=idp_refused', session: null });
    const refused = await owner
      .selectFrom('installation_audit_events')
      .select('details')
      .where('action', '=', 'auth.sso_login')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(refused.details).toMatchObject({ reason: 'idp_refused', error: 'access_denied' });
  });

  it('asks the IdP for a second factor where the agency requires one for the role', async () => {
    const plain = account({ agency: 'amt-mfa', roles: ['wh-admin'] });
    expect((await ssoLogin(plain.sub)).location).toBe('/login?sso=mfa_missing');
    const strong = account({ agency: 'amt-mfa', roles: ['wh-admin'] }, ['pwd', 'otp']);
    const { session } = await ssoLogin(strong.sub);
    expect((await app.inject({ url: '/api/v1/users', headers: { cookie: session! } })).statusCode).toBe(200);
  });

  it('logs out at the IdP too, and the IdP’s back-channel logout ends our other sessions of that IdP session', async () => {
    const a = account({ agency: 'amt-test', roles: ['wh-sachbearbeitung'] });
    const jar = new CookieJar();
    const one = await ssoLogin(a.sub, jar);
    const two = await ssoLogin(a.sub, jar); // the IdP's session is reused: same sid
    const csrf = (await me(one.session!)).json().csrfToken as string;
    const out = await client(app, { cookie: one.session!, csrf }).post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    const end = new URL(out.json().endSessionUrl);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/login`);
    expect((await me(one.session!)).statusCode).toBe(401);
    expect((await me(two.session!)).statusCode).toBe(200);
    // At the IdP: its confirmation form, confirmed; it then posts the logout token to us.
    const form = await (await jar.fetch(end.href)).text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)![1]!;
    const action = new URL(/action="([^"]+)"/.exec(form)![1]!, idp.issuer).href;
    const done = await jar.follow(action, idp.issuer, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(done.url).toBe(`${origin}/login`);
    expect((await me(two.session!)).statusCode).toBe(401);
    const events = await ssoEvents(agency.id, 'auth.sso_backchannel_logout');
    expect(events.at(-1)).toMatchObject({ details: { sessions: 1, bySid: true } });
  });

  it('ends every session of a subject by a back-channel logout token, and refuses a forged one', async () => {
    const a = account({ agency: 'amt-test', roles: ['wh-sachbearbeitung'] });
    const { session } = await ssoLogin(a.sub);
    const forger = await generateKeyPair('RS256');
    const forged = await new SignJWT({ events: { 'http://schemas.openid.net/event/backchannel-logout': {} }, sub: a.sub, jti: 'x' })
      .setProtectedHeader({ alg: 'RS256', typ: 'logout+jwt' })
      .setIssuer(idp.issuer)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .sign(forger.privateKey);
    const post = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/oidc/backchannel-logout',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ logout_token: token }).toString(),
      });
    expect((await post(forged)).statusCode).toBe(400);
    expect((await me(session!)).statusCode).toBe(200);
    const c = (await provider.Client.find(CLIENT_ID)) as unknown as { backchannelLogout(sub: string, sid?: string): Promise<void> };
    // The IdP's own token for the subject (no sid: every session of the user ends).
    await c.backchannelLogout(a.sub);
    expect((await me(session!)).statusCode).toBe(401);
  });
});

describe('local accounts switched off per agency', () => {
  it('refuses password logins of that agency’s users and shows the setting to admins', async () => {
    const other = await createAgency({ totpRequiredRoles: [], localLogin: false });
    const post = (password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: other.users.lead.email, password } });
    // A wrong password is answered as ever (nothing is told about the account) ...
    expect((await post('falsch-falsch')).statusCode).toBe(401);
    // ... the right one is refused with the way in that works.
    const refused = await post(PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('Dienstkonto');
    const events = await owner
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('agency_id', '=', other.id)
      .where('action', '=', 'auth.login')
      .orderBy('id')
      .execute();
    expect(events.at(-1)).toEqual({ outcome: 'failure', details: { reason: 'local_login_disabled' } });
    // Another agency's local accounts still work; its admin sees the setting.
    const admin = client(app, await login(app, agency.users.admin.email));
    expect((await admin.get('/api/v1/agency')).json().settings.localLogin).toBe(true);
  });
});
