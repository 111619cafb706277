import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, PASSWORD, testApp, testDbs, testKeys, type TestAgency } from '../../../../test/helpers.js';
import type { FastifyInstance } from 'fastify';
import { newTotpSecret, totpCode } from './totp.js';
import { resealTotpSecrets } from './totp-secrets.js';

let app: FastifyInstance;
let agency: TestAgency;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency({ totpRequiredRoles: ['admin', 'auditor'] });
});
afterAll(() => app.close());

const loginRaw = (email: string, totp?: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD, ...(totp ? { totp } : {}) } });
const storedSecret = async (userId: string) =>
  (await testDbs().owner.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow()).totp_secret;

describe('TOTP secrets at rest', () => {
  it('stores the enrolled secret encrypted under the key outside the database; login with TOTP works', async () => {
    const first = await loginRaw(agency.users.admin.email);
    const c = client(app, {
      cookie: `__Host-wohnhilfe=${first.cookies.find((x) => x.name === '__Host-wohnhilfe')!.value}`,
      csrf: first.json().me.csrfToken,
    });
    const enrol = (await c.post('/api/v1/auth/totp/enrol')).json();
    const stored = await storedSecret(agency.users.admin.id);
    expect(stored).not.toContain(enrol.secret);
    expect(stored).toMatch(/^whx1\.test\./);
    expect((await c.post('/api/v1/auth/totp/confirm', { code: totpCode(enrol.secret) })).statusCode).toBe(200);
    const next = totpCode(enrol.secret, Date.now() + 30_000);
    expect((await loginRaw(agency.users.admin.email, next)).json().status).toBe('ok');
  });

  it('encrypts a secret stored in clear before this change when the key is at hand (migrate/start), and login keeps working', async () => {
    const { owner } = testDbs();
    const secret = newTotpSecret();
    const userId = agency.users.auditor.id;
    await owner.updateTable('users').set({ totp_secret: secret, totp_enabled: true }).where('id', '=', userId).execute();
    expect(await resealTotpSecrets(owner, testKeys())).toBeGreaterThanOrEqual(1);
    const stored = await storedSecret(userId);
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^whx1\.test\./);
    // Idempotent: nothing of this agency is rewritten a second time.
    await resealTotpSecrets(owner, testKeys());
    expect(await storedSecret(userId)).toBe(stored);
    expect((await loginRaw(agency.users.auditor.email)).json()).toEqual({ status: 'totp_required' });
    expect((await loginRaw(agency.users.auditor.email, totpCode(secret))).json().status).toBe('ok');
    // A ciphertext copied to another user's row does not open there.
    await owner.updateTable('users').set({ totp_secret: stored, totp_enabled: true }).where('id', '=', agency.users.lead.id).execute();
    expect((await loginRaw(agency.users.lead.email, totpCode(secret, Date.now() + 30_000))).statusCode).toBe(401);
  });
});
