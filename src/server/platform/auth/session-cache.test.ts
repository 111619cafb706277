import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { client, createAgency, login, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { SessionCache } from './session-cache.js';

/** Two stateless instances on one database, each with its own session cache. */
let a: FastifyInstance;
let b: FastifyInstance;
let agency: TestAgency;

beforeAll(async () => {
  [a, b] = await Promise.all([testApp(), testApp()]);
  agency = await createAgency();
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const until = async (probe: () => Promise<number>, status: number) => {
  const deadline = Date.now() + 3000;
  let last = await probe();
  while (last !== status && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    last = await probe();
  }
  return last;
};

describe('sessions across instances', () => {
  it('ends a session on every instance when it logs out on one', async () => {
    const s = await login(a, agency.users.case_manager.email);
    const onB = client(b, s);
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200); // now cached on B
    expect((await client(a, s).post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect(await until(async () => (await onB.get('/api/v1/me')).statusCode, 401)).toBe(401);
  });

  it('ends the sessions of a user deactivated directly in the database (CLI, other tools)', async () => {
    const other = await createAgency();
    const s = await login(a, other.users.lead.email);
    const onB = client(b, s);
    expect((await onB.get('/api/v1/households')).statusCode).toBe(200);
    await testDbs().owner.updateTable('users').set({ active: false }).where('id', '=', other.users.lead.id).execute();
    expect(await until(async () => (await onB.get('/api/v1/households')).statusCode, 401)).toBe(401);
  });

  it('applies a changed agency setting to cached sessions', async () => {
    const other = await createAgency();
    const s = await login(a, other.users.auditor.email);
    const onB = client(b, s);
    expect((await onB.get('/api/v1/audit-events')).statusCode).toBe(200);
    await testDbs()
      .owner.updateTable('agencies')
      .set({ settings: JSON.stringify({ totpRequiredRoles: ['auditor'] }) })
      .where('id', '=', other.id)
      .execute();
    // The auditor has no second factor yet: the agency now requires one before anything else.
    expect(await until(async () => (await onB.get('/api/v1/audit-events')).statusCode, 401)).toBe(401);
    expect((await onB.get('/api/v1/audit-events')).json().code).toBe('totp_required');
  });
});

describe('the session channel when the database drops it', () => {
  it('stops serving from the cache at once and listens again by itself, reporting the loss once', async () => {
    const errors: unknown[] = [];
    const cache = new SessionCache(inject('appUrl'), (e) => errors.push(e));
    await cache.start();
    try {
      expect(cache.live).toBe(true);
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(testDbs().app);
      // Its own backend: the one listening from this process that is not the query above.
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE application_name = 'wohnhilfe-session-events' AND backend_type = 'client backend'
                  AND pid <> ${rows[0]!.pid} AND state = 'idle' AND query LIKE 'LISTEN%'`.execute(testDbs().owner);
      await expect.poll(() => cache.live, { timeout: 2000, interval: 10 }).toBe(false);
      await expect.poll(() => cache.live, { timeout: 10_000, interval: 100 }).toBe(true);
      expect(errors).toHaveLength(1);
    } finally {
      await cache.close();
    }
  });
});
