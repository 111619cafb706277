import type { Kysely } from 'kysely';
import type { TNotice } from '../../../../contracts/prevention.js';
import { inAgency, type Tx } from '../../../db/database.js';
import type { DB } from '../../../db/types.js';
import { holdOffSealing, recordAudit, type AuditSubject } from '../../../platform/audit/audit.js';
import { notify } from '../../../platform/notify/notify.js';
import { openCasesInBulk, reserveCaseReferences } from '../prevention.bulk.js';
import { importRunRepository } from './import-run.repository.js';
import { tidySearchIndexes } from '../../../platform/jobs/maintenance.job.js';

/**
 * Imports a confirmed job in chunks, each chunk one transaction: the next rows without a case are
 * locked (FOR UPDATE SKIP LOCKED), turned into cases (openCasesInBulk), and get their case; the
 * job gets its progress; all committed together. A chunk happens wholly or not at all, and rows
 * another runner (another request, another instance) holds are skipped, rows it has committed no
 * longer qualify: every valid row becomes a case exactly once. Each runner works on two chunks at
 * once (two connections: while PostgreSQL writes one chunk, Node prepares the other, and on two
 * cores both can write). References are reserved per chunk in a short transaction of their own, so
 * the counter row is not locked while a chunk is written (a failed chunk leaves a gap in the
 * numbers). The job is finished under its lock once no row is left. The process keeps one runner
 * per job.
 */

export const IMPORT_CHUNK = 5000;
const PARALLEL = 2;

export function importRunner(db: Kysely<DB>, opts: { chunk?: number; parallel?: number; onError?: (e: unknown) => void } = {}) {
  const chunk = opts.chunk ?? IMPORT_CHUNK;
  const parallel = opts.parallel ?? PARALLEL;
  const running = new Map<string, Promise<void>>();

  /**
   * One chunk: the open rows numbered after `after` up to `after + chunk` (row numbers are the
   * file's lines, so a window holds at most `chunk` rows and bounds what is read whatever plan the
   * import table's statistics, lagging behind a fresh upload, suggest). False when the job is no
   * longer importing.
   */
  async function step(agencyId: string, jobId: string, who: AuditSubject, after: number): Promise<boolean> {
    const upTo = after + chunk;
    const need = await inAgency(db, agencyId, async (tx) => {
      const n = await importRunRepository(tx, agencyId, jobId).windowNeeds(after, upTo);
      return n.cases > 0 ? reserveCaseReferences(tx, agencyId, Number(n.cases), Number(n.households)) : null;
    });
    if (!need) return true;
    return inAgency(db, agencyId, async (tx) => {
      // Key share: chunks of this and other runners go on side by side; finishing waits for them.
      const repo = importRunRepository(tx, agencyId, jobId);
      if ((await repo.stateSharingJob()) !== 'importing') return false;
      const rows = await repo.lockWindow(after, upTo);
      if (!rows.length) return true;
      // Room for merging the trigram indexes' pending entries when this chunk fills the list, and
      // no nested loops: right after an upload the statistics may still count the job's rows as
      // one, and a nested loop over the chunk's rows and the job's rows is then quadratic (3 s for
      // 5,000 rows). The window of row numbers bounds what a hash join reads.
      await repo.planForChunk();
      await holdOffSealing(tx);
      const res = await openCasesInBulk(
        tx,
        who,
        rows.map((r) => ({ notice: r.record as TNotice, householdId: r.match_household_id })),
        { importJobId: jobId, references: need },
      );
      const links = rows.map((r, i) => ({ r: r.row_no, c: res.caseIds[i], h: res.householdIds[i], n: !r.match_household_id }));
      await repo.linkWindow(links, after, upTo);
      // Last: the job row stays locked only until the commit that follows.
      await repo.addProgress(rows.length);
      return true;
    });
  }

  /** Every window once, `parallel` at a time; false when the job stopped importing. */
  async function pass(agencyId: string, jobId: string, who: AuditSubject): Promise<boolean> {
    const end = await inAgency(db, agencyId, (tx) => importRunRepository(tx, agencyId, jobId).lastRowNo());
    let next = 0;
    let stopped = false;
    const worker = async () => {
      while (!stopped && next < end) {
        const after = next;
        next += chunk;
        const going = await step(agencyId, jobId, who, after).catch((e: unknown) => {
          stopped = true;
          throw e;
        });
        if (!going) stopped = true;
      }
    };
    const results = await Promise.allSettled(Array.from({ length: parallel }, worker));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return !stopped;
  }

  /** Finishes the job when no row is left; waits for chunks in flight (job lock). */
  async function tryFinish(agencyId: string, jobId: string, who: AuditSubject): Promise<boolean> {
    const finished = await inAgency(db, agencyId, async (tx) => {
      const repo = importRunRepository(tx, agencyId, jobId);
      const job = await repo.lockJob();
      if (job?.state !== 'importing') return 'before';
      if (await repo.anyOpenRow()) return 'open';
      await finish(tx, agencyId, jobId, who, job.created_by, job.filename);
      return 'now';
    });
    // The new households and cases wait in the search indexes' pending lists: searches right after
    // the import should not read them all (the job would tidy within a minute anyway).
    if (finished === 'now') await tidySearchIndexes(db);
    return finished !== 'open';
  }

  async function finish(tx: Tx, agencyId: string, jobId: string, who: AuditSubject, createdBy: string, filename: string) {
    const repo = importRunRepository(tx, agencyId, jobId);
    const report = await repo.report();
    await repo.markDone(report);
    recordAudit(tx, who, { action: 'prevention_import.done', entityId: jobId, details: { ...report } });
    const userIds = [...new Set([createdBy, who.actorId].filter((x): x is string => !!x))];
    await notify(tx, agencyId, {
      userIds,
      kind: 'prevention_import.done',
      mail: false,
      link: `/prevention/import/${jobId}`,
      title: `Import „${filename}“ abgeschlossen: ${report.createdCases.toLocaleString('de-DE')} Fälle angelegt`,
      text: {
        key: 'notice.importDone',
        params: {
          filename,
          created: report.createdCases,
          newHouseholds: report.newHouseholds,
          linked: report.linkedHouseholds,
          skipped: report.skippedInvalid + report.skippedDuplicates,
        },
      },
      body: `${report.newHouseholds.toLocaleString('de-DE')} neue Haushalte, ${report.linkedHouseholds.toLocaleString('de-DE')} mit vorhandenen Haushalten verknüpft, ${(report.skippedInvalid + report.skippedDuplicates).toLocaleString('de-DE')} Zeilen übersprungen.`,
    });
  }

  async function fail(agencyId: string, jobId: string, who: AuditSubject, e: unknown) {
    await inAgency(db, agencyId, async (tx) => {
      await importRunRepository(tx, agencyId, jobId).markFailed(
        'Der Import wurde wegen eines technischen Fehlers abgebrochen. Bereits angelegte Fälle bleiben erhalten.',
      );
      recordAudit(tx, who, {
        action: 'prevention_import.failed',
        entityId: jobId,
        outcome: 'failure',
        details: { error: (e as Error).message?.slice(0, 300) ?? String(e) },
      });
    }).catch(() => undefined);
  }

  return {
    /** Starts importing the job in the background unless this process already does. */
    start(agencyId: string, jobId: string, who: AuditSubject): Promise<void> {
      const current = running.get(jobId);
      if (current) return current;
      const p = (async () => {
        try {
          // Rows skipped because another runner held them are taken up in the next pass if that
          // runner's chunk did not commit.
          while ((await pass(agencyId, jobId, who)) && !(await tryFinish(agencyId, jobId, who)));
        } catch (e) {
          opts.onError?.(e);
          await fail(agencyId, jobId, who, e);
        } finally {
          running.delete(jobId);
        }
      })();
      running.set(jobId, p);
      return p;
    },
    isRunning: (jobId: string) => running.has(jobId),
    /** Waits for every import of this process (app shutdown, tests). */
    async drain(): Promise<void> {
      while (running.size) await Promise.allSettled([...running.values()]);
    },
  };
}
export type ImportRunner = ReturnType<typeof importRunner>;
