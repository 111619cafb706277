/**
 * Benchmark server process: the embedded PostgreSQL with the city-scale demo set, the real app and
 * a bare Fastify + pg baseline, each on its own port. Reports ports and a session to the parent.
 */
import { execFileSync } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { inAgency, migrate } from '../src/server/db/database.js';
import { rankPool } from '../src/server/modules/placement/ranking.js';
import { rankingPage, shownIds } from '../src/server/modules/placement/rankings.present.js';
import { rankingsRepository } from '../src/server/modules/placement/rankings.repository.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, seedDemo } from '../src/server/db/seed/demo.js';
import { openDatabases } from '../src/server/runtime.js';
import { installJobs } from '../src/server/platform/jobs/queue.js';
import { ALL_JOBS } from '../src/server/jobs.js';
import { memberFigures } from '../src/server/modules/steering/city.compute.js';
import { snapshotStore } from '../src/server/modules/steering/snapshots.service.js';
import { FIGURE_CONTRIBUTIONS } from '../src/server/modules/steering/contributions.js';
import { seedAccommodationBench } from './accommodation.js';
import { benchAftercareCase, seedAftercareBench } from './aftercare.js';
import { seedHistory } from './history.js';

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 50_000);
/** App instances (and, for a fair ratio, baseline instances) as in a deployment with WEB_CONCURRENCY. */
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);

/**
 * The baselines: one Fastify server with a pg pool each. `/households/:id` is the bare select of the
 * household row. `/audited/households/:id` does what an audited read minimally needs, in one
 * transaction of the app role (not the owner, so row-level security applies as in the app): BEGIN,
 * the agency setting, the same read, one audit row, COMMIT (synchronous), all five with bind
 * parameters, sent together through pg's pipeline mode.
 */
async function baseline(ownerUrl: string, appUrl: string, agencyId: string, port: number) {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 10 });
  const appPool = new pg.Pool({ connectionString: appUrl, max: 10, pipeline: true } as pg.PoolConfig);
  pool.on('error', () => undefined);
  appPool.on('error', () => undefined);
  const base = Fastify();
  base.get('/households/:id', async (req) => {
    const { rows } = await pool.query('SELECT * FROM households WHERE id = $1', [(req.params as { id: string }).id]);
    return rows[0];
  });
  base.get('/audited/households/:id', async (req) => {
    const id = (req.params as { id: string }).id;
    const client = await appPool.connect();
    try {
      const [, , read] = await Promise.all([
        client.query('BEGIN'),
        client.query("SELECT set_config('app.agency_id', $1, true)", [agencyId]),
        client.query('SELECT * FROM households WHERE id = $1', [id]),
        client.query(
          'INSERT INTO audit_events (agency_id, actor_role, action, entity_type, entity_id, outcome) VALUES ($1, $2, $3, $4, $5, $6)',
          [agencyId, 'case_manager', 'household.read', 'household', id, 'success'],
        ),
        client.query('COMMIT'),
      ]);
      return read.rows[0];
    } finally {
      client.release();
    }
  });
  await base.listen({ port, host: '127.0.0.1' });
  return {
    port: (base.server.address() as { port: number }).port,
    close: async () => {
      await base.close();
      await pool.end();
      await appPool.end();
    },
  };
}

if (cluster.isWorker) {
  // One forked instance: the app and the baseline on the ports the primary chose.
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '10' });
  const dbs = await openDatabases(config);
  const app = await buildApp({
    db: dbs.app,
    config,
    serveWeb: false,
    logger: false,
    listenUrl: dbs.appUrl,
    workers: process.env.BENCH_INSTANCE === '0',
  });
  await app.listen({ port: Number(process.env.BENCH_APP_PORT), host: '127.0.0.1' });
  await baseline(dbs.ownerUrl, dbs.appUrl, DEMO_AGENCIES[0]!.id, Number(process.env.BENCH_BASE_PORT));
  process.send?.('up');
  await new Promise(() => undefined);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const dataDir = process.env.BENCH_PG_DATA_DIR ?? path.resolve('data/bench-postgres');
const config = loadConfig({
  ...process.env,
  PG_DATA_DIR: dataDir,
  PG_PORT: process.env.BENCH_PG_PORT ?? '54339',
  LOG_LEVEL: 'silent',
  DATABASE_POOL_SIZE: '10',
});

async function migrateAndSeed(dbs: Awaited<ReturnType<typeof openDatabases>>) {
  await migrate(dbs.owner, dbs.appPassword);
  await installJobs(dbs.owner, ALL_JOBS);
  let last = 0;
  await seedDemo(dbs.owner, {
    households,
    onProgress: (done, total) => {
      if (done - last >= 10_000 || done === total) {
        console.error(`Demodaten: ${done}/${total}`);
        last = done;
      }
    },
  });
  await seedAftercareBench(dbs.owner, DEMO_AGENCIES[0]!.id);
  await seedHistory(dbs.owner, DEMO_AGENCIES[0]!.id);
  await seedAccommodationBench(dbs.owner, DEMO_AGENCIES[0]!.id, DEMO_AGENCIES[0]!.districts);
  await sql`ANALYZE`.execute(dbs.owner);
}

// Every run starts from the same freshly seeded data: the embedded server's data directory is seeded
// once into a snapshot beside it and copied from there (cp -a keeps the server user's ownership), so
// the cases an import run adds do not slow the runs after it. An external DATABASE_URL is used as is.
// The snapshot's name carries the version of the bench load: one seeded before the five years of
// history and the accommodation load (./history.ts, ./accommodation.ts) is the starting point of the new one.
if (!config.DATABASE_URL) {
  const snapshot = `${dataDir}.seeded-${households}-history`;
  const older = `${dataDir}.seeded-${households}`;
  if (!existsSync(snapshot)) {
    if (existsSync(older)) {
      rmSync(dataDir, { recursive: true, force: true });
      execFileSync('cp', ['-a', older, dataDir]);
    }
    const seeding = await openDatabases(config, (m) => console.error(m));
    await migrateAndSeed(seeding);
    await seeding.close();
    execFileSync('cp', ['-a', dataDir, snapshot]);
  }
  rmSync(dataDir, { recursive: true, force: true });
  execFileSync('cp', ['-a', snapshot, dataDir]);
}
const dbs = await openDatabases(config, (m) => console.error(m));
await migrateAndSeed(dbs);
// A snapshot seeded before the seed tidied the search indexes still carries their pending lists.
await sql`SELECT wh_tidy_search_indexes()`.execute(dbs.owner);

const agencyId = DEMO_AGENCIES[0]!.id;
const sample = await dbs.owner
  .selectFrom('households')
  .select('id')
  .where('agency_id', '=', agencyId)
  .orderBy('reference')
  .offset(1234)
  .limit(1)
  .executeTakeFirstOrThrow();

let appPort: number;
let basePort: number;
let cookieValue: string;
let csrf: string;
let closeServers: () => Promise<void>;
if (INSTANCES <= 1) {
  const app = await buildApp({ db: dbs.app, config, serveWeb: false, logger: false, listenUrl: dbs.appUrl });
  await app.listen({ port: 0, host: '127.0.0.1' });
  appPort = (app.server.address() as { port: number }).port;
  const base = await baseline(dbs.ownerUrl, dbs.appUrl, agencyId, 0);
  basePort = base.port;
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'sachbearbeitung@stuttgart.example', password: DEMO_PASSWORD },
  });
  cookieValue = login.cookies.find((c) => c.name === '__Host-wohnhilfe')!.value;
  csrf = login.json().me.csrfToken;
  closeServers = async () => {
    await app.close();
    await base.close();
  };
} else {
  appPort = await freePort();
  basePort = await freePort();
  cluster.setupPrimary({ exec: path.resolve('bin/run-ts.mjs'), args: ['bench/server.ts'] });
  const workers = Array.from({ length: INSTANCES }, (_, i) =>
    cluster.fork({
      DATABASE_URL: dbs.ownerUrl,
      BENCH_INSTANCE: String(i),
      BENCH_APP_PORT: String(appPort),
      BENCH_BASE_PORT: String(basePort),
    }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('exit', (code) => reject(new Error(`Instanz beendet (${code})`)));
        }),
    ),
  );
  const res = await fetch(`http://127.0.0.1:${appPort}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sachbearbeitung@stuttgart.example', password: DEMO_PASSWORD }),
  });
  cookieValue = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-wohnhilfe='))!
    .split(';')[0]!
    .slice('__Host-wohnhilfe='.length);
  csrf = ((await res.json()) as { me: { csrfToken: string } }).me.csrfToken;
  closeServers = async () => {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((resolve) => {
            w.once('exit', resolve);
            w.kill();
          }),
      ),
    );
  };
}

// Ranking: the seeded Stuttgart offer that is already in shortlisting.
const offer = await dbs.owner
  .selectFrom('offers')
  .select('id')
  .where('agency_id', '=', agencyId)
  .where('status', '=', 'shortlisting')
  .orderBy('reference')
  .executeTakeFirstOrThrow();

/** A session of another demo login (through the app, as a browser signs in). */
async function sessionOf(email: string) {
  const res = await fetch(`http://127.0.0.1:${appPort}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`Anmeldung ${email}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-wohnhilfe='))!
    .split(';')[0]!;
}

// Households for the place search, spread over those without a flat of their own (every size, with
// and without needs), as the case management (who sees every household) searches for them.
const { rows: searchHouseholds } = await sql<{ id: string }>`
  SELECT id FROM (SELECT id, row_number() OVER (ORDER BY reference) AS n, count(*) OVER () AS total FROM households
                  WHERE agency_id = ${agencyId} AND situation IN ('in_accommodation', 'hidden_homeless', 'rough_sleeping')) h
  WHERE n % GREATEST(1, total / 100) = 7 ORDER BY n LIMIT 100`.execute(dbs.owner);

process.send?.({
  accommodationHouseholds: searchHouseholds.map((h) => h.id),
  offerId: offer.id,
  carrierCookie: await sessionOf(`traeger@${DEMO_AGENCIES[0]!.mail}`),
  // Billing and the federal statistics are the accommodation office's (accommodation_worker), not the case management's.
  accommodationCookie: await sessionOf(`unterkunft@${DEMO_AGENCIES[0]!.mail}`),
  aftercareCaseId: await benchAftercareCase(dbs.owner, agencyId),
  appPort,
  basePort,
  householdId: sample.id,
  cookie: `__Host-wohnhilfe=${cookieValue}`,
  csrf,
  households,
  instances: Math.max(1, INSTANCES),
});
process.on('message', (m) => void onMessage(m));
async function onMessage(m: unknown) {
  // People the agency already knows, for the import list (some rows must link, not duplicate).
  if (m === 'import:people') {
    const people = await dbs.owner
      .selectFrom('household_members')
      .select(['first_name as firstName', 'last_name as lastName', 'birth_date as birthDate'])
      .where('agency_id', '=', agencyId)
      .where('birth_date', 'is not', null)
      .orderBy('id')
      .limit(5000)
      .execute();
    process.send?.({ people });
    return;
  }
  // The ranking is measured on a pool of every household of the agency; the seeded situations are restored after.
  if (m === 'pool:all' || m === 'pool:restore') {
    if (m === 'pool:all') {
      await sql`CREATE TABLE IF NOT EXISTS bench_pool_backup AS SELECT id, seeking_housing, situation FROM households WHERE agency_id = ${agencyId}`.execute(
        dbs.owner,
      );
      await sql`UPDATE households SET seeking_housing = true, situation = CASE WHEN situation IN ('at_risk', 'housed') THEN 'in_accommodation' ELSE situation END WHERE agency_id = ${agencyId}`.execute(
        dbs.owner,
      );
    } else {
      await sql`UPDATE households h SET seeking_housing = b.seeking_housing, situation = b.situation FROM bench_pool_backup b WHERE b.id = h.id`.execute(
        dbs.owner,
      );
      await sql`DROP TABLE bench_pool_backup`.execute(dbs.owner);
    }
    // Autovacuum would catch up with these bulk updates in a real system; here it is done at once.
    await sql`VACUUM ANALYZE households`.execute(dbs.owner);
    process.send?.(m);
    return;
  }
  // The ranking computation alone, inside an agency transaction: open candidacies, the pool filtered
  // and scored in PostgreSQL, explain, names — without storing, HTTP and serialising.
  if (m === 'rank:direct') {
    const o = await dbs.owner.selectFrom('offers').selectAll().where('id', '=', offer.id).executeTakeFirstOrThrow();
    const rankOffer = {
      id: o.id,
      district: o.district,
      livingSpace: Number(o.living_space),
      rooms: Number(o.rooms),
      coldRentCents: o.cold_rent_cents,
      stepFree: o.step_free,
      wheelchair: o.wheelchair,
      petsAllowed: o.pets_allowed,
      preferred: o.preferred,
    };
    const weights = { waiting: 40, children: 20, health: 15, age: 10, district: 10, hints: 5 };
    const times: number[] = [];
    for (let k = 0; k < 105; k++) {
      const t0 = performance.now();
      await inAgency(dbs.app, agencyId, async (tx) => {
        const inputs = (await rankingsRepository(tx, agencyId).offerToRank(rankOffer.id, sql`true`))!;
        const r = await rankPool(tx, agencyId, rankOffer, inputs.rules!, weights, inputs.busy);
        // As the POST answers: the first page of entries and of exclusions, explained, with names.
        const lists = { basis: { offer: rankOffer, rules: inputs.rules! }, entries: r.entries, exclusions: r.exclusions };
        const first = { entriesPage: 1, exclusionsPage: 1 };
        const names = await rankingsRepository(tx, agencyId).names(shownIds(lists, first));
        const head = {
          id: o.id,
          offerId: o.id,
          round: 1,
          createdAt: '',
          createdBy: null,
          weights,
          poolSize: r.poolSize,
          eligibleCount: r.eligibleCount,
          exclusionCounts: r.exclusionCounts,
        };
        return rankingPage(head, lists, first, names);
      });
      if (k >= 5) times.push(performance.now() - t0);
    }
    process.send?.({ times });
    return;
  }
  // The city-wide comparison for 12 member agencies (the bench agency stands in for each of them, so
  // the 12 together hold 600,000 households: an upper bound), every figure, one year: first computed
  // as the hourly refresh does (each agency's year, stored), then as a request reads it (materialised).
  if (typeof m === 'object' && m !== null && (m as { city?: unknown }).city) {
    const { from, to, runs } = (m as { city: { from: string; to: string; runs: number } }).city;
    const figures = FIGURE_CONTRIBUTIONS.flatMap((c) => c.families.flatMap((f) => f.figures)).length;
    const members = Array.from({ length: 12 }, () => agencyId);
    const t0 = performance.now();
    await memberFigures(dbs.app, snapshotStore(FIGURE_CONTRIBUTIONS, { maxAgeMinutes: 0 }), members.slice(0, 1), { from, to });
    const computeMs = performance.now() - t0;
    const served = snapshotStore(FIGURE_CONTRIBUTIONS, { maxAgeMinutes: 120 });
    const times: number[] = [];
    for (let k = 0; k < runs + 1; k++) {
      const t1 = performance.now();
      await memberFigures(dbs.app, served, members, { from, to });
      if (k >= 1) times.push(performance.now() - t1);
    }
    process.send?.({ cityTimes: times, figures, computeMs });
    return;
  }
  // One household changes (as when a caseworker edits it): the next ranking must see it.
  if (m === 'pool:touch') {
    await sql`UPDATE households SET updated_at = now() WHERE id = ${sample.id}`.execute(dbs.owner);
    process.send?.(m);
    return;
  }
  // Audit events not yet sealed into the chain (the import's events are sealed after it).
  if (m === 'audit:pending') {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events WHERE seq IS NULL`.execute(dbs.owner);
    process.send?.({ pending: rows[0]!.n });
    return;
  }
  if (m === 'stop') {
    await closeServers();
    await dbs.close();
    process.exit(0);
  }
}
