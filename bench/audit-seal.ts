/*
 * How long sealing takes after a bulk write: `node bin/run-ts.mjs bench/audit-seal.ts [events]`
 * (default 100,000). Starts a throw-away embedded PostgreSQL, migrates it, appends the events to one
 * agency in one statement, then seals them as the app does (app role, HMACs computed in Node, links
 * written back in batches as array bind parameters) and verifies the chain.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { appUrlFrom, createKysely, inAgency, migrate } from '../src/server/db/database.js';
import { startEmbeddedPostgres } from '../src/server/db/embedded.js';
import { sealAudit, verifyChain } from '../src/server/platform/audit/chain.js';
import { parseKeys } from '../src/server/platform/keys/keyring.js';

const n = Number(process.argv[2] ?? 100_000);
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wohnhilfe-seal-'));
const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), 55_000 + crypto.randomInt(5000));
const owner = createKysely(pg.url.replace(/\/[^/]*$/, '/postgres'), 2);
const appUrl = appUrlFrom(pg.url.replace(/\/[^/]*$/, '/postgres'));
try {
  await migrate(owner, decodeURIComponent(new URL(appUrl).password));
  const app = createKysely(appUrl, 2);
  const keys = parseKeys(`bench:${crypto.randomBytes(32).toString('base64url')}`, 'bench');
  const agency = await owner
    .insertInto('agencies')
    .values({ name: 'Bench', ags: '08111000', federal_state: 'BW', reference_prefix: 'B', settings: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO audit_events (agency_id, actor_id, actor_role, action, entity_type, entity_id, purpose, outcome, ip, details)
    SELECT ${agency.id}::uuid, gen_random_uuid(), 'case_manager', 'prevention.create', 'prevention_case', gen_random_uuid()::text,
      NULL, 'success', '10.0.0.1', jsonb_build_object('import', 'bench', 'row', i)
    FROM generate_series(1, ${n}) i`.execute(owner);
  const t0 = performance.now();
  const sealed = await sealAudit(app, keys);
  const t1 = performance.now();
  const result = await inAgency(app, agency.id, (tx) => verifyChain(tx, agency.id, keys));
  const t2 = performance.now();
  console.log(
    `${sealed} events sealed in ${((t1 - t0) / 1000).toFixed(2)} s; verified (${result.ok ? 'ok' : 'BROKEN'}) in ${((t2 - t1) / 1000).toFixed(2)} s`,
  );
  await app.destroy();
} finally {
  await owner.destroy();
  await pg.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
