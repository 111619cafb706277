import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { TNotice } from '../../../../contracts/prevention.js';
import type { TImportReport } from '../../../../contracts/preventionImport.js';
import { inAgency, type Tx } from '../../../db/database.js';
import type { DB } from '../../../db/types.js';
import { holdOffSealing, recordAudit, type AuditSubject } from '../../../platform/audit/audit.js';
import { notify } from '../../../platform/notify/notify.js';
import { openCasesInBulk, reserveCaseReferences } from '../prevention.bulk.js';

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
  const open = (agencyId: string, jobId: string) => (eb: ExpressionBuilder<DB, 'prevention_import_rows'>) =>
    eb.and([
      eb('agency_id', '=', agencyId),
      eb('job_id', '=', jobId),
      eb('status', '=', 'valid'),
      eb('duplicate_of', 'is', null),
      eb('case_id', 'is', null),
    ]);

  /**
   * One chunk: the open rows numbered after `after` up to `after + chunk` (row numbers are the
   * file's lines, so a window holds at most `chunk` rows and bounds what is read whatever plan the
   * import table's statistics, lagging behind a fresh upload, suggest). False when the job is no
   * longer importing.
   */
  async function step(agencyId: string, jobId: string, who: AuditSubject, after: number): Promise<boolean> {
    const upTo = after + chunk;
    const need = await inAgency(db, agencyId, async (tx) => {
      const n = await tx
        .selectFrom('prevention_import_rows')
        .where(open(agencyId, jobId))
        .where('row_no', '>', after)
        .where('row_no', '<=', upTo)
        .select((eb) => [
          eb.fn.countAll<number>().as('cases'),
          eb.fn.countAll<number>().filterWhere('match_household_id', 'is', null).as('households'),
        ])
        .executeTakeFirstOrThrow();
      return n.cases > 0 ? reserveCaseReferences(tx, agencyId, Number(n.cases), Number(n.households)) : null;
    });
    if (!need) return true;
    return inAgency(db, agencyId, async (tx) => {
      // Key share: chunks of this and other runners go on side by side; finishing waits for them.
      const job = await tx
        .selectFrom('prevention_import_jobs')
        .select('state')
        .where('agency_id', '=', agencyId)
        .where('id', '=', jobId)
        .forKeyShare()
        .executeTakeFirst();
      if (job?.state !== 'importing') return false;
      const rows = await tx
        .selectFrom('prevention_import_rows')
        .select(['row_no', 'record', 'match_household_id'])
        .where(open(agencyId, jobId))
        .where('row_no', '>', after)
        .where('row_no', '<=', upTo)
        .orderBy('row_no')
        .forUpdate()
        .skipLocked()
        .execute();
      if (!rows.length) return true;
      // Room for merging the trigram indexes' pending entries when this chunk fills the list, and
      // no nested loops: right after an upload the statistics may still count the job's rows as
      // one, and a nested loop over the chunk's rows and the job's rows is then quadratic (3 s for
      // 5,000 rows). The window of row numbers bounds what a hash join reads.
      await sql`SET LOCAL work_mem = '32MB'; SET LOCAL enable_nestloop = off`.execute(tx);
      await holdOffSealing(tx);
      const res = await openCasesInBulk(
        tx,
        who,
        rows.map((r) => ({ notice: r.record as TNotice, householdId: r.match_household_id })),
        { importJobId: jobId, references: need },
      );
      const links = rows.map((r, i) => ({ r: r.row_no, c: res.caseIds[i], h: res.householdIds[i], n: !r.match_household_id }));
      await sql`
        UPDATE prevention_import_rows t SET case_id = v.c, household_id = v.h, new_household = v.n
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS v(r int, c uuid, h uuid, n boolean)
        WHERE t.agency_id = ${agencyId} AND t.job_id = ${jobId} AND t.row_no > ${after} AND t.row_no <= ${upTo} AND t.row_no = v.r
      `.execute(tx);
      // Last: the job row stays locked only until the commit that follows.
      await tx
        .updateTable('prevention_import_jobs')
        .set((eb) => ({ progress_done: eb('progress_done', '+', rows.length), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', jobId)
        .execute();
      return true;
    });
  }

  /** Every window once, `parallel` at a time; false when the job stopped importing. */
  async function pass(agencyId: string, jobId: string, who: AuditSubject): Promise<boolean> {
    const last = await inAgency(db, agencyId, (tx) =>
      tx
        .selectFrom('prevention_import_rows')
        .select((eb) => eb.fn.max('row_no').as('n'))
        .where('agency_id', '=', agencyId)
        .where('job_id', '=', jobId)
        .executeTakeFirst(),
    );
    const end = last?.n ?? 0;
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
    return inAgency(db, agencyId, async (tx) => {
      const job = await tx
        .selectFrom('prevention_import_jobs')
        .select(['state', 'created_by', 'filename'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', jobId)
        .forUpdate()
        .executeTakeFirst();
      if (job?.state !== 'importing') return true;
      const left = await tx.selectFrom('prevention_import_rows').select('row_no').where(open(agencyId, jobId)).limit(1).executeTakeFirst();
      if (left) return false;
      await finish(tx, agencyId, jobId, who, job.created_by, job.filename);
      return true;
    });
  }

  async function finish(tx: Tx, agencyId: string, jobId: string, who: AuditSubject, createdBy: string, filename: string) {
    const { rows } = await sql<TImportReport>`
      SELECT count(*) FILTER (WHERE case_id IS NOT NULL)::int AS "createdCases",
             count(*) FILTER (WHERE case_id IS NOT NULL AND NOT new_household)::int AS "linkedHouseholds",
             count(*) FILTER (WHERE case_id IS NOT NULL AND new_household)::int AS "newHouseholds",
             count(*) FILTER (WHERE status = 'invalid')::int AS "skippedInvalid",
             count(*) FILTER (WHERE duplicate_of IS NOT NULL)::int AS "skippedDuplicates"
      FROM prevention_import_rows WHERE agency_id = ${agencyId} AND job_id = ${jobId}
    `.execute(tx);
    const report = rows[0]!;
    await tx
      .updateTable('prevention_import_jobs')
      .set((eb) => ({
        state: 'done',
        report: JSON.stringify(report),
        finished_at: new Date(),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('agency_id', '=', agencyId)
      .where('id', '=', jobId)
      .execute();
    recordAudit(tx, who, { action: 'prevention_import.done', entityId: jobId, details: { ...report } });
    const userIds = [...new Set([createdBy, who.actorId].filter((x): x is string => !!x))];
    await notify(tx, agencyId, {
      userIds,
      kind: 'prevention_import.done',
      mail: false,
      link: `/prevention/import/${jobId}`,
      title: `Import „${filename}“ abgeschlossen: ${report.createdCases.toLocaleString('de-DE')} Fälle angelegt`,
      body: `${report.newHouseholds.toLocaleString('de-DE')} neue Haushalte, ${report.linkedHouseholds.toLocaleString('de-DE')} mit vorhandenen Haushalten verknüpft, ${(report.skippedInvalid + report.skippedDuplicates).toLocaleString('de-DE')} Zeilen übersprungen.`,
    });
  }

  async function fail(agencyId: string, jobId: string, who: AuditSubject, e: unknown) {
    await inAgency(db, agencyId, async (tx) => {
      await tx
        .updateTable('prevention_import_jobs')
        .set((eb) => ({
          state: 'failed',
          error: 'Der Import wurde wegen eines technischen Fehlers abgebrochen. Bereits angelegte Fälle bleiben erhalten.',
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', jobId)
        .where('state', '=', 'importing')
        .execute();
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
