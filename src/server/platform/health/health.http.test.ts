import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testConfig, testDbs } from '../../../../test/helpers.js';
import { buildApp } from '../../app.js';
import { createKysely } from '../../db/database.js';
import { migrations } from '../../db/migrations/index.js';

const apps: FastifyInstance[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  for (const c of closers) await c();
});

/** An app on `db` alone: no session channel, no workers. */
async function appOn(db = testDbs().app) {
  const app = await buildApp({ db, config: testConfig(), serveWeb: false, logger: false, workers: false });
  apps.push(app);
  return app;
}

/** A database whose migration table lists every migration this version knows but the last. */
async function databaseOneMigrationBehind() {
  const server = new URL(inject('ownerUrl'));
  const name = `wohnhilfe_behind_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  server.pathname = `/${name}`;
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  await c.query('CREATE TABLE kysely_migration (name varchar(255) PRIMARY KEY, timestamp varchar(255) NOT NULL)');
  const names = Object.keys(migrations);
  for (const n of names.slice(0, -1)) await c.query('INSERT INTO kysely_migration VALUES ($1, $2)', [n, new Date().toISOString()]);
  const db = createKysely(server.toString(), 2);
  closers.push(async () => {
    await db.destroy();
    await c.end();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  });
  return { db, applyLast: () => c.query('INSERT INTO kysely_migration VALUES ($1, $2)', [names.at(-1), new Date().toISOString()]) };
}

function expectUnavailable(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, detail: RegExp) {
  expect(res.statusCode).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['retry-after']).toBe('5');
  expect(res.json()).toMatchObject({ status: 503, code: 'unavailable', detail: expect.stringMatching(detail) });
}

describe('health probes', () => {
  it('live and ready answer without a session, set no cookie and carry no data', async () => {
    const app = await appOn();
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'live' });
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    for (const r of [live, ready]) {
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.headers['cache-control']).toBe('no-store');
    }
  });

  it('ready is 503 problem+json with Retry-After while the database lacks the newest migration, 200 once it has it', async () => {
    const behind = await databaseOneMigrationBehind();
    const app = await appOn(behind.db);
    expectUnavailable(await app.inject({ method: 'GET', url: '/health/ready' }), /nicht migriert \(1 Migration/);
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    await behind.applyLast();
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('ready is 503 while the database cannot be reached; live still answers', async () => {
    const away = createKysely('postgres://wohnhilfe_app:x@127.0.0.1:1/none', 2);
    closers.push(() => away.destroy());
    const app = await appOn(away);
    expectUnavailable(await app.inject({ method: 'GET', url: '/health/ready' }), /nicht erreichbar/);
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });
});
