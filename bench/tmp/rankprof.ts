import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../src/server/config.js';
import { openDatabases } from '../../src/server/runtime.js';
import { inAgency } from '../../src/server/db/database.js';
import { rankPool } from '../../src/server/modules/placement/ranking.js';
import { toRule } from '../../src/server/modules/placement/placement.repository.js';
const config = loadConfig({ ...process.env, PG_DATA_DIR: path.resolve('/work/main/data/bench-postgres'), PG_PORT: '54339', LOG_LEVEL: 'silent' });
const dbs = await openDatabases(config);
const agencyId = '00000000-0000-4000-8000-000000000001';
await sql`VACUUM FULL ANALYZE households`.execute(dbs.owner);
const o = await dbs.owner.selectFrom('offers').selectAll().where('agency_id','=',agencyId).where('status','=','shortlisting').executeTakeFirstOrThrow();
const c = await dbs.owner.selectFrom('programme_conditions').selectAll().where('id','=',o.conditions_id!).executeTakeFirstOrThrow();
const offer = { id: o.id, district: o.district, livingSpace: Number(o.living_space), rooms: Number(o.rooms), coldRentCents: o.cold_rent_cents, stepFree: o.step_free, wheelchair: o.wheelchair, petsAllowed: o.pets_allowed, preferred: o.preferred };
const w = { waiting: 40, children: 20, health: 15, age: 10, district: 10, hints: 5 };
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = await inAgency(dbs.app, agencyId, (tx) => rankPool(tx, offer, toRule(c), w));
  console.log('rank', Math.round(performance.now() - t0), 'ms pool', r.poolSize, 'eligible', r.eligibleCount);
}
await dbs.close();
// EXPLAIN
import { Kysely, PostgresDialect } from 'kysely';
import pgmod from 'pg';
const dbs2 = await openDatabases(config);
let captured = '';
let params: readonly unknown[] = [];
const k = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pgmod.Pool({ connectionString: dbs2.appUrl, max: 1 }) }), log: (e) => { if (e.query.sql.includes('WITH busy')) { captured = e.query.sql; params = e.query.parameters; } } });
await inAgency(k as never, agencyId, (tx) => rankPool(tx, offer, toRule(c), w));
const pool2 = new pgmod.Pool({ connectionString: dbs2.appUrl, max: 1 });
const cl = await pool2.connect();
await cl.query('BEGIN'); await cl.query(`SELECT set_config('app.agency_id', '${agencyId}', true)`); await cl.query(`SELECT set_config('work_mem', '32MB', true)`);
const plan = await cl.query('EXPLAIN (ANALYZE, BUFFERS) ' + captured, params as unknown[]);
console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
await cl.query('ROLLBACK'); cl.release(); await pool2.end(); await k.destroy(); await dbs2.close();
