import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, testApp, testDbs, testKeys, type TestAgency } from '../../../../test/helpers.js';
import { inAgency } from '../../db/database.js';
import { recordAudit, type AuditEvent } from '../../platform/audit/audit.js';
import { sealAudit, verifyChain } from '../../platform/audit/chain.js';
import { writeCheckpoints } from '../../platform/audit/checkpoints.js';
import { isReadAction, PSEUDONYMISED, pseudonymOf } from '../../platform/audit/pseudonymise.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { runRetention } from './retention.service.js';

/*
 * The audit trail's own retention: the daily run pseudonymises reads and sign-ins after two years
 * and every other event after ten (the defaults), keeps the events and their link hashes, and the
 * chain with its signed checkpoints still verifies; recent events stay as they were. The run is
 * recorded and shown to the data-protection officer.
 */

let app: FastifyInstance;
let a: TestAgency;
beforeAll(async () => {
  app = await testApp();
  a = await createAgency();
});
afterAll(() => app.close());

const yearsAgo = (years: number, days = 0) => new Date(Date.now() - (years * 365.25 + days) * 86_400_000);

/** One event as the app writes it, then dated back by the owner before it is sealed (the date is part of the sealed text). */
async function event(ev: AuditEvent, at: Date): Promise<number> {
  const { app: appDb, owner } = testDbs();
  const marker = crypto.randomUUID();
  await inAgency(appDb, a.id, async (tx) =>
    recordAudit(
      tx,
      { agencyId: a.id, actorId: a.users.case_manager.id, actorRole: 'case_manager', purpose: 'Test', ip: '10.1.2.3' },
      { ...ev, details: { ...ev.details, marker } },
    ),
  );
  const row = await sql<{ id: number }>`
    UPDATE audit_events SET occurred_at = ${at} WHERE agency_id = ${a.id} AND details->>'marker' = ${marker} RETURNING id`.execute(owner);
  return Number(row.rows[0]!.id);
}

const row = (id: number) =>
  testDbs()
    .owner.selectFrom('audit_events')
    .select(['actor_id', 'actor_role', 'action', 'entity_id', 'ip', 'details', 'hash', 'seq', 'pseudonymised_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const verify = () => inAgency(testDbs().owner, a.id, (tx) => verifyChain(tx, a.id, testKeys()));

describe('audit retention', () => {
  it('classifies reads and sign-ins apart from changes', () => {
    for (const r of ['household.read', 'household.list', 'auth.login', 'privacy.transfer_log', 'retention.runs', 'household.access_log'])
      expect(isReadAction(r), r).toBe(true);
    for (const c of ['household.update', 'incident.report', 'retention.anonymised', 'consent.withdraw', 'offer.transition'])
      expect(isReadAction(c), c).toBe(false);
  });

  it('pseudonymises old events in place, keeps the chain verifiable and leaves recent events untouched', async () => {
    const { owner } = testDbs();
    const household = crypto.randomUUID();
    const review = crypto.randomUUID();
    const oldRead = await event(
      { action: 'household.read', entityId: household, details: { review, query: 'Frau Quellbrunn', count: 3, kind: 'note' } },
      yearsAgo(3),
    );
    const oldChange = await event({ action: 'household.update', entityId: household, details: { fields: ['head_name'] } }, yearsAgo(3));
    const ancientChange = await event({ action: 'household.update', entityId: household, details: { fields: ['needs'] } }, yearsAgo(11));
    const recentRead = await event({ action: 'household.read', entityId: household, details: {} }, yearsAgo(0, 30));
    await sealAudit(owner, testKeys());
    await writeCheckpoints(owner, testKeys());
    const before = await Promise.all([oldRead, oldChange, ancientChange, recentRead].map(row));
    expect(await verify()).toMatchObject({ ok: true, pending: 0 });

    const today = berlinDate(new Date());
    expect(await runRetention(testDbs().app, testKeys(), today, [a.id])).toEqual({ listed: 0, auditPseudonymised: 2 });

    const keyId = testKeys().currentId;
    const pseudo = (v: string) => pseudonymOf(testKeys(), keyId, v);
    const read = await row(oldRead);
    expect(read).toMatchObject({
      actor_id: pseudo(a.users.case_manager.id),
      actor_role: 'case_manager',
      action: 'household.read',
      entity_id: pseudo(household),
      ip: null,
      hash: before[0]!.hash,
      seq: before[0]!.seq,
    });
    expect(read.actor_id).not.toBe(a.users.case_manager.id);
    expect(read.details).toMatchObject({ review: pseudo(review), query: PSEUDONYMISED, count: 3, kind: 'note' });
    expect(read.pseudonymised_at).not.toBeNull();
    // The ten-year change too; the three-year change and the recent read are as they were.
    expect(await row(ancientChange)).toMatchObject({ actor_id: pseudo(a.users.case_manager.id), entity_id: pseudo(household), ip: null });
    expect(await row(oldChange)).toEqual(before[1]);
    expect(await row(recentRead)).toEqual(before[3]);

    // The chain and its signed checkpoint still verify; a second run finds nothing more to do.
    const verified = await verify();
    expect(verified).toMatchObject({ ok: true, brokenAt: null, checkpointBrokenAt: null });
    expect(verified.checkpoints).toBeGreaterThan(0);
    expect(await runRetention(testDbs().app, testKeys(), today, [a.id])).toEqual({ listed: 0, auditPseudonymised: 0 });

    // A pseudonymised event is sealed too: changing it (or dropping its second seal) breaks the chain there.
    await owner.updateTable('audit_events').set({ actor_role: 'lead' }).where('id', '=', oldRead).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: Number(read.seq) });
    await owner.updateTable('audit_events').set({ actor_role: 'case_manager', pseudo_hash: null }).where('id', '=', oldRead).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: Number(read.seq) });
  });

  it('refuses to pseudonymise events younger than a year, whatever the app asks', async () => {
    const id = await event({ action: 'household.list', details: {} }, yearsAgo(0, 10));
    await sealAudit(testDbs().owner, testKeys());
    await expect(
      inAgency(testDbs().app, a.id, (tx) =>
        sql`SELECT * FROM wh_audit_pseudonymise(${[id]}::bigint[], ${[crypto.randomUUID()]}::uuid[], ${[null]}::text[], ${[null]}::jsonb[])`.execute(
          tx,
        ),
      ),
    ).rejects.toThrow(/0 of 1/);
  });

  it('shows the runs to the data-protection officer (audited), not to a case manager', async () => {
    const dpo = client(app, await login(app, a.users.dpo.email));
    const res = await dpo.get('/api/v1/retention/runs');
    expect(res.statusCode, res.body).toBe(200);
    const runs = res.json().items as { auditPseudonymised: number; listed: number; ranOn: string }[];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.map((r) => r.auditPseudonymised).sort()).toEqual([0, 2]);
    const audited = await testDbs()
      .owner.selectFrom('audit_events')
      .select('details')
      .where('agency_id', '=', a.id)
      .where('action', '=', 'retention.runs')
      .where('actor_id', '=', a.users.dpo.id)
      .execute();
    expect(audited).toHaveLength(1);
    const cm = client(app, await login(app, a.users.case_manager.email));
    expect((await cm.get('/api/v1/retention/runs')).statusCode).toBe(403);
  });
});
