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
await sql`UPDATE households SET seeking_housing = true, situation = CASE WHEN situation IN ('at_risk', 'housed') THEN 'in_accommodation' ELSE situation END WHERE agency_id = ${agencyId}`.execute(dbs.owner).catch(()=>{});
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
