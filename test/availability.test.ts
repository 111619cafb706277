import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { migrate } from '../src/server/db/database.js';
import { installJobs } from '../src/server/platform/jobs/queue.js';
import { ALL_JOBS } from '../src/server/jobs.js';
import { hashPassword } from '../src/server/platform/auth/password.js';
import { openDatabases, type Databases } from '../src/server/runtime.js';
import { PASSWORD, login, testConfig } from './helpers.js';

/*
 * The acceptance test of issue 13's availability part: the app as `npm start` runs it — its own
 * embedded PostgreSQL, background jobs, session channel — under load while the postmaster is killed
 * with SIGKILL. Requests answer 503 problem+json with Retry-After while it is away (never 500, no
 * crash), and the app serves again by itself: the embedded server is restarted, the pools, the
 * session channel and the jobs carry on.
 */

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

let dir: string;
let dbs: Databases;
let app: FastifyInstance;
let base: string;
let cookie: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wohnhilfe-avail-'));
  const config = testConfig({ PG_DATA_DIR: path.join(dir, 'pg'), PG_PORT: String(await freePort()), DATABASE_POOL_SIZE: '4' });
  dbs = await openDatabases(config);
  await migrate(dbs.owner, dbs.appPassword);
  await installJobs(dbs.owner, ALL_JOBS);
  const agency = await dbs.owner
    .insertInto('agencies')
    .values({
      name: 'Verfügbarkeitsamt',
      ags: '08111000',
      federal_state: 'BW',
      reference_prefix: 'V',
      settings: '{"totpRequiredRoles":[]}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await dbs.owner
    .insertInto('users')
    .values({
      agency_id: agency.id,
      email: 'sb@avail.example',
      display_name: 'SB',
      role: 'case_manager',
      password_hash: await hashPassword(PASSWORD),
    })
    .execute();
  app = await buildApp({ db: dbs.app, config, serveWeb: false, logger: false, listenUrl: dbs.appUrl, workers: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
  cookie = (await login(app, 'sb@avail.example')).cookie;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await dbs?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

interface Answer {
  at: number;
  status: number;
  type: string | null;
  retryAfter: string | null;
}

const postmasterPid = async () => Number((await fs.readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
const unsealed = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events WHERE seq IS NULL`.execute(dbs.owner)).rows[0]!.n;

describe('a killed embedded postmaster', () => {
  it('is restarted by the app: 503 problem+json with Retry-After meanwhile, serving again by itself', async () => {
    const answers: Answer[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const at = Date.now();
        const res = await fetch(`${base}/api/v1/households`, { headers: { cookie } });
        await res.arrayBuffer();
        answers.push({ at, status: res.status, type: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after') });
      }
    };
    const load = Promise.all(Array.from({ length: 4 }, worker));
    try {
      await new Promise((r) => setTimeout(r, 1000));
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
      const killed = await postmasterPid();
      const killedAt = Date.now();
      process.kill(killed, 'SIGKILL');

      // Serving again without anyone restarting anything: a 200 for a request sent after the kill.
      await expect
        .poll(() => answers.some((a) => a.at > killedAt + 200 && a.status === 200), { timeout: 60_000, interval: 200 })
        .toBe(true);
      const back = answers.find((a) => a.at > killedAt + 200 && a.status === 200)!;
      expect(back.at - killedAt).toBeLessThan(30_000);
      expect(await postmasterPid()).not.toBe(killed);
      await new Promise((r) => setTimeout(r, 500));
      running = false;
      await load;

      // While it was away: 503 problem+json with Retry-After, never anything else.
      const failed = answers.filter((a) => a.status !== 200);
      expect(failed.length).toBeGreaterThan(0);
      for (const a of failed)
        expect(a).toMatchObject({ status: 503, type: expect.stringMatching(/^application\/problem\+json/), retryAfter: '5' });
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    } finally {
      running = false;
      await load;
    }

    // The session channel listens again, and the background jobs carry on: the sealer numbers the
    // audit events of the reads after the restart into the chain.
    await expect
      .poll(
        async () =>
          (
            await sql<{
              n: number;
            }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'wohnhilfe-session-events'`.execute(dbs.owner)
          ).rows[0]!.n,
        { timeout: 15_000, interval: 250 },
      )
      .toBe(1);
    expect((await fetch(`${base}/api/v1/households`, { headers: { cookie } })).status).toBe(200);
    await expect.poll(unsealed, { timeout: 20_000, interval: 250 }).toBe(0);
  }, 120_000);
});
