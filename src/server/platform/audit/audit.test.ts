import { inject, describe, expect, it, vi } from 'vitest';
import { client, createAgency, householdInput, login, TEST_AUDIT_KEY, testApp, testDbs, testKeys } from '../../../../test/helpers.js';
import { auditVerify } from '../../../cli/audit.js';
import { loadConfig } from '../../config.js';
import { inAgency } from '../../db/database.js';
import { jobNamespace, runJobs, until } from '../../../../test/jobs.js';
import { enqueue, type JobRunner } from '../jobs/queue.js';
import { bulkWriteInProgress, holdOffSealing, recordAudit } from './audit.js';
import { sealAudit, verifyChain } from './chain.js';
import { auditSeal, SEAL_MAX_DEFER_MS, type SealPassOutput } from './seal.job.js';

/** Verifies one agency's chain as the owner (the auditor's route does the same as the app role). */
const verify = (agencyId: string) => inAgency(testDbs().owner, agencyId, (tx) => verifyChain(tx, agencyId, testKeys()));

describe('hash-chained audit trail', () => {
  it('chains every event of an agency and reports the first tampered link', async () => {
    const app = await testApp();
    const agency = await createAgency();
    const cm = client(app, await login(app, agency.users.case_manager.email));
    const h = (await cm.post('/api/v1/households', householdInput())).json();
    for (let i = 0; i < 3; i++) await cm.get(`/api/v1/households/${h.id}`);
    await app.close();
    const { owner } = testDbs();
    await sealAudit(owner, testKeys());
    const before = await verify(agency.id);
    expect(before).toMatchObject({ ok: true, brokenAt: null, pending: 0 });
    expect(before.checked).toBeGreaterThanOrEqual(5);

    const events = await owner
      .selectFrom('audit_events')
      .select(['seq', 'action', 'entity_id', 'occurred_at'])
      .where('agency_id', '=', agency.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.action === 'household.read' && e.entity_id === h.id)).toHaveLength(3);

    // An auditor sees the same verdict through the API.
    const app2 = await testApp();
    const auditor = client(app2, await login(app2, agency.users.auditor.email));
    expect((await auditor.get('/api/v1/audit-events/verify')).json().ok).toBe(true);
    const page = (await auditor.get(`/api/v1/audit-events?entityId=${h.id}&action=household.read`)).json();
    expect(page.total).toBe(3);
    await app2.close();

    // Rewriting history: change who read the household in event 3.
    await owner.updateTable('audit_events').set({ actor_role: 'lead' }).where('agency_id', '=', agency.id).where('seq', '=', 3).execute();
    const after = await verify(agency.id);
    expect(after).toMatchObject({ ok: false, checked: 2, brokenAt: 3 });

    // The CLI says so too, naming the agency and the event.
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((m: string) => void lines.push(m));
    const code = await auditVerify(loadConfig({ DATABASE_URL: inject('ownerUrl'), LOG_LEVEL: 'silent', AUDIT_KEY: TEST_AUDIT_KEY }));
    spy.mockRestore();
    expect(code).toBe(2);
    expect(lines.find((l) => l.includes(agency.name))).toMatch(/FEHLER.*Ereignis Nr\. 3/);
  });

  it('seals events appended concurrently into one gapless chain', async () => {
    const app = await testApp();
    const agency = await createAgency();
    const cm = client(app, await login(app, agency.users.case_manager.email));
    await Promise.all(Array.from({ length: 20 }, () => cm.get('/api/v1/households')));
    await app.close();
    const { owner } = testDbs();
    await Promise.all([sealAudit(owner, testKeys()), sealAudit(owner, testKeys())]);
    await sealAudit(owner, testKeys());
    const r = await verify(agency.id);
    expect(r).toMatchObject({ ok: true, pending: 0 });
    expect(r.checked).toBeGreaterThanOrEqual(21);
  });

  it('detects a deleted event in the middle of the chain', async () => {
    const app = await testApp();
    const agency = await createAgency();
    const cm = client(app, await login(app, agency.users.case_manager.email));
    await cm.get('/api/v1/households');
    await cm.get('/api/v1/households');
    await app.close();
    const { owner } = testDbs();
    await sealAudit(owner, testKeys());
    await owner.deleteFrom('audit_events').where('agency_id', '=', agency.id).where('seq', '=', 2).execute();
    expect((await verify(agency.id)).brokenAt).toBe(2);
  });

  describe('bulk writes hold off the background sealer', () => {
    /** Opens a transaction that holds off sealing until `release` is called. */
    async function holder() {
      const { owner } = testDbs();
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let held!: () => void;
      const holding = new Promise<void>((r) => (held = r));
      const agency = await createAgency();
      const done = inAgency(owner, agency.id, async (tx) => {
        await holdOffSealing(tx);
        held();
        await released;
      });
      await holding;
      return {
        release: async () => {
          release();
          await done;
        },
      };
    }

    it('reports a bulk write only while one holds off sealing (two at once share it)', async () => {
      const { owner, app } = testDbs();
      expect(await bulkWriteInProgress(app)).toBe(false);
      const a = await holder();
      const b = await holder();
      expect(await bulkWriteInProgress(app)).toBe(true);
      await a.release();
      expect(await bulkWriteInProgress(owner)).toBe(true);
      await b.release();
      expect(await bulkWriteInProgress(app)).toBe(false);
    });

    /** The sealing job as the app runs it, on queues of this test's own; `passes` hears each pass. */
    async function sealer(passes: SealPassOutput[] = []): Promise<JobRunner> {
      return runJobs([auditSeal], {}, { onHandled: (_id, o) => void ('output' in o && passes.push(o.output as SealPassOutput)) });
    }
    const event = (agencyId: string) =>
      inAgency(testDbs().owner, agencyId, async (tx) =>
        recordAudit(
          tx,
          { agencyId, actorId: null, actorRole: 'system', purpose: null, ip: null },
          { action: 'prevention_import.done', entityId: agencyId },
        ),
      );

    it('waits while a bulk write runs and seals its events right after it', async () => {
      await jobNamespace([auditSeal]);
      const agency = await createAgency();
      const passes: SealPassOutput[] = [];
      const h = await holder();
      const runner = await sealer(passes);
      try {
        await event(agency.id);
        await until(() => passes.length >= 2);
        expect(passes.every((p) => 'deferred' in p)).toBe(true);
        await h.release();
        await until(() => passes.some((p) => 'sealed' in p));
        await until(async () => (await verify(agency.id)).pending === 0);
      } finally {
        await runner.stop();
        await h.release();
      }
    });

    it('seals in the background as the app starts it, within about a second of a write', async () => {
      await jobNamespace([auditSeal]);
      const agency = await createAgency();
      const runner = await sealer();
      try {
        await event(agency.id);
        await until(async () => (await verify(agency.id)).pending === 0);
        await new Promise((r) => setTimeout(r, 600));
        await event(agency.id);
        const t0 = Date.now();
        await until(async () => (await verify(agency.id)).pending === 0);
        expect(Date.now() - t0).toBeLessThan(1500);
      } finally {
        await runner.stop();
      }
    });

    it('does not wait longer than its limit', async () => {
      await jobNamespace([auditSeal]);
      const h = await holder();
      const passes: SealPassOutput[] = [];
      // The chain's last sealing pass was just over the limit ago (it runs on: the app's start adds none).
      await enqueue(testDbs().app, auditSeal, { lastPassAt: new Date(Date.now() - SEAL_MAX_DEFER_MS - 1000).toISOString() });
      const runner = await sealer(passes);
      try {
        await until(() => passes.length >= 2);
        expect(passes[0]).toHaveProperty('sealed');
        expect(await bulkWriteInProgress(testDbs().app)).toBe(true);
        // The next pass knows the chain has just sealed, and waits for the bulk write again.
        expect(passes[1]).toEqual({ deferred: true });
      } finally {
        await runner.stop();
        await h.release();
      }
    });
  });
});
