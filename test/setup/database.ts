import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { appUrlFrom, createKysely, migrate } from '../../src/server/db/database.js';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.js';
import { installJobs } from '../../src/server/platform/jobs/queue.js';
import { ALL_JOBS } from '../../src/server/jobs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
    serverVersion: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/**
 * One PostgreSQL for the test run: the embedded 17 in a temporary directory, or the server named by
 * TEST_DATABASE_URL (CI points it at Debian's PostgreSQL 15). Each run gets a fresh database,
 * migrated as the owner; tests connect as the non-owner app role, and each test makes its own agency.
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let dir: string | null = null;
  if (!serverUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wohnhilfe-test-'));
    const pgHandle = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
    serverUrl = pgHandle.url;
    stop = pgHandle.stop;
  }
  const dbName = `wohnhilfe_test_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.end();
  const owner = new URL(serverUrl);
  owner.pathname = `/${dbName}`;
  const ownerUrl = owner.toString();
  const db = createKysely(ownerUrl, 2);
  const appUrl = appUrlFrom(ownerUrl);
  await migrate(db, new URL(appUrl).password ? decodeURIComponent(new URL(appUrl).password) : null);
  // No cron here: a recurring job would serve every test's agency (files that run jobs use their own queues).
  await installJobs(db, ALL_JOBS, { schedules: false });
  await db.destroy();
  console.log(`[${project.name}] Test-Datenbank: PostgreSQL ${version}, Datenbank ${dbName}`);
  project.provide('ownerUrl', ownerUrl);
  project.provide('appUrl', appUrl);
  project.provide('serverVersion', version);
  return async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await c.end();
    await stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}
