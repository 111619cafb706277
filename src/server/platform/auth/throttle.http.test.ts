import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, PASSWORD, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { throttleKeys } from './throttle.js';

let app: FastifyInstance;
let agency: TestAgency;

// Low limits so the tests stay short; the rules are the same as with the defaults.
beforeAll(async () => {
  app = await testApp({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_PER_ACCOUNT: '6', LOGIN_MAX_PER_ADDRESS: '5' });
  agency = await createAgency();
});
afterAll(() => app.close());

/** A fresh source address per test, so tests do not share address counters. */
const address = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
const attempt = (email: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });
const strip = (body: string) => ({ ...JSON.parse(body), instance: undefined });

describe('login throttling by account and address', () => {
  it("does not lock the owner out from another address by an attacker's wrong attempts", async () => {
    const email = agency.users.case_manager.email;
    const attacker = address();
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await attempt(email, 'falsch-falsch', attacker)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    // From the attacker's address even the right password waits.
    const locked = await attempt(email, PASSWORD, attacker);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // The owner from another address gets in at once.
    expect((await attempt(email, PASSWORD, address())).statusCode).toBe(200);
  });

  it('locks an account-and-address pair for a bounded time, then allows the right password again', async () => {
    const email = agency.users.lead.email;
    const from = address();
    for (let i = 0; i < 3; i++) expect((await attempt(email, 'falsch-falsch', from)).statusCode).toBe(401);
    expect((await attempt(email, PASSWORD, from)).statusCode).toBe(429);
    await testDbs()
      .owner.updateTable('login_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('key', '=', throttleKeys(email, from).pair)
      .execute();
    expect((await attempt(email, PASSWORD, from)).statusCode).toBe(200);
  });

  it('refuses new addresses when many addresses try one account, but lets the owner in from a usual one', async () => {
    const email = agency.users.social_worker.email;
    const usual = address();
    expect((await attempt(email, PASSWORD, usual)).statusCode).toBe(200);
    // Six addresses, one wrong password each: the account-wide limit trips.
    for (let i = 0; i < 6; i++) expect((await attempt(email, 'falsch-falsch', address())).statusCode).toBe(401);
    expect((await attempt(email, PASSWORD, address())).statusCode).toBe(429);
    expect((await attempt(email, PASSWORD, usual)).statusCode).toBe(200);
  });

  it('limits one address over all accounts', async () => {
    const from = address();
    const emails = [agency.users.auditor.email, agency.users.admin.email, `niemand.${crypto.randomUUID()}@test.example`];
    for (let i = 0; i < 5; i++) expect((await attempt(emails[i % 3]!, 'falsch-falsch', from)).statusCode).toBe(401);
    // Another account from the same address waits, even with its right password; from elsewhere it works.
    expect((await attempt(agency.users.carrier_worker.email, PASSWORD, from)).statusCode).toBe(429);
    expect((await attempt(agency.users.carrier_worker.email, PASSWORD, address())).statusCode).toBe(200);
  });
});

describe('unknown e-mail addresses', () => {
  it('answer exactly like existing accounts: status codes, 429 after the same number of attempts, bodies', async () => {
    const unknown = `unbekannt.${crypto.randomUUID()}@test.example`;
    const run = async (email: string) => {
      const from = address();
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await attempt(email, 'falsch-falsch', from));
      return answers.map((a) => ({ status: a.statusCode, body: strip(a.body), wait: a.headers['retry-after'] }));
    };
    const known = await run(agency.users.accommodation_worker.email);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
    expect(await run(unknown)).toEqual(known);
  });

  it('take about as long as existing accounts (the password is checked against a dummy hash)', async () => {
    const time = async (email: string) => {
      const t0 = performance.now();
      expect((await attempt(email, 'falsch-falsch', address())).statusCode).toBe(401);
      return performance.now() - t0;
    };
    const fresh = Object.values((await createAgency()).users).map((u) => u.email);
    const known: number[] = [];
    const unknown: number[] = [];
    await time(`aufwaermen.${crypto.randomUUID()}@test.example`);
    for (let i = 0; i < 8; i++) {
      known.push(await time(fresh[i]!));
      unknown.push(await time(`unbekannt.${crypto.randomUUID()}@test.example`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('write an audit event to the installation log, and create no user', async () => {
    const unknown = `unbekannt.${crypto.randomUUID()}@test.example`;
    const from = address();
    expect((await attempt(unknown, 'falsch-falsch', from)).statusCode).toBe(401);
    const { owner } = testDbs();
    const events = await owner.selectFrom('installation_audit_events').selectAll().where('ip', '=', from).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'auth.login', outcome: 'failure', details: { reason: 'unknown_account', email: unknown } });
    expect(await owner.selectFrom('users').select('id').where('email', '=', unknown).execute()).toEqual([]);
  });
});
