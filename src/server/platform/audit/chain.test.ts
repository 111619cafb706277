import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAgency, TEST_AUDIT_KEY, testDbs, testKeys } from '../../../../test/helpers.js';
import { jobNamespace, runJobs, until } from '../../../../test/jobs.js';
import { inAgency } from '../../db/database.js';
import { parseKeys, type Keyring } from '../keys/keyring.js';
import { recordAudit } from './audit.js';
import { sealAudit, verifyChain } from './chain.js';
import { allCheckpoints, parseJsonl, toJsonl, writeCheckpoints } from './checkpoints.js';
import { auditCheckpoint, auditSeal } from './seal.job.js';

const verify = (agencyId: string, keys: Keyring = testKeys(), external: Parameters<typeof verifyChain>[3] = []) =>
  inAgency(testDbs().owner, agencyId, (tx) => verifyChain(tx, agencyId, keys, external));

/** `n` events in the agency, one transaction each, as the app writes them. */
async function events(agencyId: string, n: number) {
  for (let i = 0; i < n; i++)
    await inAgency(testDbs().app, agencyId, async (tx) =>
      recordAudit(
        tx,
        { agencyId, actorId: null, actorRole: 'case_manager', purpose: null, ip: '10.0.0.1' },
        { action: 'household.list', details: { i } },
      ),
    );
}

/**
 * The database owner's re-hash, exactly as the old chain did it: wh_audit_hash as the foundation
 * migration defined it (recreated by the attacker in pg_temp), applied from `fromSeq` to the end.
 */
async function ownerRehash(agencyId: string, fromSeq: number, opts: { dropKeyId?: boolean } = {}) {
  const { owner } = testDbs();
  await owner.connection().execute(async (c) => {
    await sql`
      CREATE OR REPLACE FUNCTION pg_temp.wh_audit_hash(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|',
          e.prev_hash, e.agency_id::text, e.seq::text, e.id::text,
          to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), e.action,
          coalesce(e.entity_type, ''), coalesce(e.entity_id, ''), coalesce(e.purpose, ''),
          e.outcome, coalesce(e.ip, ''), coalesce(e.details::text, '')), 'UTF8')), 'hex')
      $$`.execute(c);
    const rows = await c
      .selectFrom('audit_events')
      .select('seq')
      .where('agency_id', '=', agencyId)
      .where('seq', '>=', fromSeq)
      .orderBy('seq')
      .execute();
    for (const r of rows) {
      await sql`
        UPDATE audit_events e SET
          prev_hash = (SELECT p.hash FROM audit_events p WHERE p.agency_id = e.agency_id AND p.seq = e.seq - 1),
          key_id = ${opts.dropKeyId ? null : sql`e.key_id`}
        WHERE e.agency_id = ${agencyId} AND e.seq = ${r.seq}`.execute(c);
      await sql`UPDATE audit_events e SET hash = pg_temp.wh_audit_hash(e) WHERE e.agency_id = ${agencyId} AND e.seq = ${r.seq}`.execute(c);
    }
  });
}

describe('audit chain keyed outside the database', () => {
  it('detects a row rewritten by the database owner who re-hashes the rest with the SQL hash function', async () => {
    const { owner } = testDbs();
    const agency = await createAgency();
    await events(agency.id, 6);
    await sealAudit(owner, testKeys());
    expect(await verify(agency.id)).toMatchObject({ ok: true, checked: 6, brokenAt: null, pending: 0 });

    await owner.updateTable('audit_events').set({ ip: '192.0.2.66' }).where('agency_id', '=', agency.id).where('seq', '=', 3).execute();
    await ownerRehash(agency.id, 3);
    // Every link is consistent again by the old rule, but the HMACs cannot be recomputed without the key.
    expect(await verify(agency.id)).toMatchObject({ ok: false, checked: 2, brokenAt: 3 });

    // Nor does claiming the rows were never keyed help: the chain then ends early, and the checkpoint shows it.
    const other = await createAgency();
    await events(other.id, 4);
    await sealAudit(owner, testKeys());
    await writeCheckpoints(owner, testKeys());
    await owner.updateTable('audit_events').set({ ip: '192.0.2.66' }).where('agency_id', '=', other.id).where('seq', '=', 2).execute();
    await ownerRehash(other.id, 2, { dropKeyId: true });
    // (A sealer running meanwhile would even re-seal the rows with the key: the checkpoint still shows it.)
    expect(await verify(other.id)).toMatchObject({ ok: false, checkpointBrokenAt: 4 });
  });

  it('refuses links made with another key and keeps verifying old keys after a rotation', async () => {
    const { owner } = testDbs();
    const agency = await createAgency();
    // The test run's key stays known too: a sealer of another test file may seal these events first.
    const oldKeys = parseKeys(`old:old-secret-0123456789abcdefghijklmnop,${TEST_AUDIT_KEY}`, 'test');
    const rotated = parseKeys(
      `new:new-secret-0123456789abcdefghijklmnop,old:old-secret-0123456789abcdefghijklmnop,${TEST_AUDIT_KEY}`,
      'test',
    );
    await events(agency.id, 3);
    await sealAudit(owner, oldKeys);
    await writeCheckpoints(owner, oldKeys);
    await events(agency.id, 2);
    await sealAudit(owner, rotated);
    await writeCheckpoints(owner, rotated);

    const keyIds = await owner.selectFrom('audit_events').select('key_id').where('agency_id', '=', agency.id).orderBy('seq').execute();
    expect(keyIds.map((r) => r.key_id).slice(3)).toEqual(['new', 'new']);
    expect(keyIds.slice(0, 3).every((r) => r.key_id !== 'new')).toBe(true);
    const cps = await inAgency(owner, agency.id, (tx) =>
      tx.selectFrom('audit_checkpoints').select(['seq', 'key_id']).where('agency_id', '=', agency.id).orderBy('seq').execute(),
    );
    expect(cps.at(-1)).toEqual({ seq: 5, key_id: 'new' });
    expect(cps.find((c) => c.seq === 3)?.key_id).not.toBe('new');
    expect(await verify(agency.id, rotated)).toMatchObject({ ok: true, checked: 5, checkpointBrokenAt: null });
    // Without the old key the first link cannot be checked: that is a break, not a pass.
    expect(await verify(agency.id, parseKeys('new:new-secret-0123456789abcdefghijklmnop', 'test'))).toMatchObject({
      ok: false,
      brokenAt: 1,
    });
  });

  it('compares an exported set of checkpoints with the database: a cut-off end and a forged checkpoint are found', async () => {
    const { owner } = testDbs();
    const agency = await createAgency();
    await events(agency.id, 5);
    await sealAudit(owner, testKeys());
    await writeCheckpoints(owner, testKeys());
    const exported = parseJsonl(toJsonl((await allCheckpoints(owner)).filter((c) => c.agencyId === agency.id)), 'export.jsonl');
    expect(exported.at(-1)).toMatchObject({ agencyId: agency.id, seq: 5, keyId: 'test' });
    expect(await verify(agency.id, testKeys(), exported)).toMatchObject({ ok: true, checkpointBrokenAt: null });

    // A forged checkpoint (right hash, but signed without the key) does not pass.
    const forged = { ...exported.at(-1)!, signature: 'f'.repeat(64) };
    expect(await verify(agency.id, testKeys(), [forged])).toMatchObject({ ok: false, brokenAt: null, checkpointBrokenAt: 5 });

    // The owner cuts off the last two events and deletes the stored checkpoints: the chain alone looks whole…
    await owner.deleteFrom('audit_events').where('agency_id', '=', agency.id).where('seq', '>=', 4).execute();
    await owner.deleteFrom('audit_checkpoints').where('agency_id', '=', agency.id).execute();
    expect(await verify(agency.id)).toMatchObject({ ok: true, checked: 3 });
    // …but not against the export kept elsewhere.
    const cut = await verify(agency.id, testKeys(), exported);
    expect(cut).toMatchObject({ ok: false, checked: 3, brokenAt: null });
    expect(cut.checkpointBrokenAt).toBeGreaterThanOrEqual(4);
  });

  it('writes a signed checkpoint after the background sealer sealed, and from the hourly job', async () => {
    await jobNamespace([auditSeal, auditCheckpoint]);
    const { owner } = testDbs();
    const agency = await createAgency();
    const checkpoints = () =>
      inAgency(owner, agency.id, (tx) =>
        tx.selectFrom('audit_checkpoints').select('seq').where('agency_id', '=', agency.id).orderBy('seq').execute(),
      );
    const runner = await runJobs([auditSeal]);
    try {
      await events(agency.id, 2);
      await until(async () => (await checkpoints()).at(-1)?.seq === 2);
    } finally {
      await runner.stop();
    }
    // Within five minutes of the last one, sealing adds none; the hourly job does.
    await events(agency.id, 1);
    await sealAudit(owner, testKeys());
    await writeCheckpoints(owner, testKeys(), 5 * 60_000);
    expect((await checkpoints()).at(-1)).toEqual({ seq: 2 });
    expect(auditCheckpoint.schedule?.cron).toBe('0 * * * *');
    await auditCheckpoint.handler({}, { db: testDbs().app, keys: testKeys() } as never);
    expect((await checkpoints()).at(-1)).toEqual({ seq: 3 });
    expect(await verify(agency.id)).toMatchObject({ ok: true, checkpointBrokenAt: null });
  });
});
