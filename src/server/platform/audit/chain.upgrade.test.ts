import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { testKeys } from '../../../../test/helpers.js';
import { createKysely, inAgency, migrator } from '../../db/database.js';
import { sealAudit, verifyChain } from './chain.js';

describe('upgrading a chain sealed before keying', () => {
  it('refuses to key a broken chain; an intact one is re-sealed with the key, keeping its numbers', async () => {
    const server = new URL(inject('ownerUrl'));
    const name = `wohnhilfe_upgrade_${crypto.randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    server.pathname = `/${name}`;
    const owner = createKysely(server.toString(), 2);
    try {
      const before = await migrator(owner).migrateTo('2026-11-22T10-00_job_queue');
      expect(before.error).toBeUndefined();
      const agency = await owner
        .insertInto('agencies')
        .values({ name: 'Altamt', ags: '08111000', federal_state: 'BW', reference_prefix: 'A', settings: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`
        INSERT INTO audit_events (agency_id, actor_role, action, outcome, details)
        SELECT ${agency.id}::uuid, 'lead', 'household.list', 'success', jsonb_build_object('i', i) FROM generate_series(1, 30) i`.execute(
        owner,
      );
      await sql`SELECT wh_audit_seal()`.execute(owner);
      const numbers = await owner
        .selectFrom('audit_events')
        .select(['id', 'seq'])
        .where('agency_id', '=', agency.id)
        .orderBy('id')
        .execute();

      // Tampered before the upgrade: the key migration stops and says why.
      await owner.updateTable('audit_events').set({ actor_role: 'admin' }).where('seq', '=', 7).execute();
      const refused = await migrator(owner).migrateToLatest();
      expect(String(refused.error)).toMatch(/bei Ereignis Nr\. 7 gebrochen/);

      await owner.updateTable('audit_events').set({ actor_role: 'lead' }).where('seq', '=', 7).execute();
      const upgraded = await migrator(owner).migrateToLatest();
      expect(upgraded.error).toBeUndefined();
      expect(await sealAudit(owner, testKeys())).toBe(30);
      const after = await owner
        .selectFrom('audit_events')
        .select(['id', 'seq', 'key_id'])
        .where('agency_id', '=', agency.id)
        .orderBy('id')
        .execute();
      expect(after.map((e) => ({ id: e.id, seq: e.seq }))).toEqual(numbers);
      expect(new Set(after.map((e) => e.key_id))).toEqual(new Set(['test']));
      expect(await inAgency(owner, agency.id, (tx) => verifyChain(tx, agency.id, testKeys()))).toMatchObject({
        ok: true,
        checked: 30,
        pending: 0,
      });
    } finally {
      await owner.destroy();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
