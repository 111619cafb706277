import { sql, type Kysely } from 'kysely';
import type { TNotice } from '../../../../contracts/prevention.js';
import type { TImportReport } from '../../../../contracts/preventionImport.js';
import { inAgency } from '../../../db/database.js';
import type { DB } from '../../../db/types.js';
import { recordAudit, type AuditSubject } from '../../../platform/audit/audit.js';
import { notify } from '../../../platform/notify/notify.js';
import { openCasesInBulk } from '../prevention.bulk.js';

/**
 * Imports a confirmed job in chunks, each chunk one transaction: the job row is locked, the next
 * rows without a case are turned into cases (openCasesInBulk), the rows get their case and the job
 * its progress, all committed together. A chunk either happens wholly or not at all, and a second
 * runner (another request, another instance) waits on the lock and then finds nothing left to do:
 * every valid row becomes a case exactly once. The process keeps one runner per job.
 */

export const IMPORT_CHUNK = 5000;

export function importRunner(db: Kysely<DB>, opts: { chunk?: number; onError?: (e: unknown) => void } = {}) {
  const chunk = opts.chunk ?? IMPORT_CHUNK;
  const running = new Map<string, Promise<void>>();

  /**
   * One chunk: the rows numbered after `after` up to `after + chunk` (row numbers are the file's
   * lines, so a window of them holds at most `chunk` rows and bounds what is read whatever plan the
   * import table's statistics, lagging behind a fresh upload, suggest). Returns the window's end,
   * or null when nothing is left (the job is then finished) or the job is not importing.
   */
  async function step(agencyId: string, jobId: string, who: AuditSubject, after: number): Promise<number | null> {
    return inAgency(db, agencyId, async (tx) => {
      const job = await tx.selectFrom('prevention_import_jobs').select(['state', 'created_by', 'filename']).where('agency_id', '=', agencyId).where('id', '=', jobId).forUpdate().executeTakeFirst();
      if (job?.state !== 'importing') return null;
      const upTo = after + chunk;
      const rows = await tx.selectFrom('prevention_import_rows').select(['row_no', 'record', 'match_household_id'])
        .where('agency_id', '=', agencyId).where('job_id', '=', jobId).where('status', '=', 'valid')
        .where('duplicate_of', 'is', null).where('case_id', 'is', null).where('row_no', '>', after).where('row_no', '<=', upTo)
        .orderBy('row_no').execute();
      if (!rows.length) {
        const last = await tx.selectFrom('prevention_import_rows').select((eb) => eb.fn.max('row_no').as('n')).where('agency_id', '=', agencyId).where('job_id', '=', jobId).executeTakeFirst();
        if (upTo < (last?.n ?? 0)) return upTo;
        await finish(tx, agencyId, jobId, who, job.created_by, job.filename);
        return null;
      }
      const res = await openCasesInBulk(tx, who, rows.map((r) => ({ notice: r.record as TNotice, householdId: r.match_household_id })), { importJobId: jobId });
      const links = rows.map((r, i) => ({ r: r.row_no, c: res.caseIds[i], h: res.householdIds[i], n: !r.match_household_id }));
      await sql`
        UPDATE prevention_import_rows t SET case_id = v.c, household_id = v.h, new_household = v.n
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS v(r int, c uuid, h uuid, n boolean)
        WHERE t.agency_id = ${agencyId} AND t.job_id = ${jobId} AND t.row_no = v.r
      `.execute(tx);
      await tx.updateTable('prevention_import_jobs').set((eb) => ({ progress_done: eb('progress_done', '+', rows.length), updated_at: new Date() }))
        .where('agency_id', '=', agencyId).where('id', '=', jobId).execute();
      return upTo;
    });
  }

  async function finish(tx: Kysely<DB>, agencyId: string, jobId: string, who: AuditSubject, createdBy: string, filename: string) {
    const { rows } = await sql<TImportReport>`
      SELECT count(*) FILTER (WHERE case_id IS NOT NULL)::int AS "createdCases",
             count(*) FILTER (WHERE case_id IS NOT NULL AND NOT new_household)::int AS "linkedHouseholds",
             count(*) FILTER (WHERE case_id IS NOT NULL AND new_household)::int AS "newHouseholds",
             count(*) FILTER (WHERE status = 'invalid')::int AS "skippedInvalid",
             count(*) FILTER (WHERE duplicate_of IS NOT NULL)::int AS "skippedDuplicates"
      FROM prevention_import_rows WHERE agency_id = ${agencyId} AND job_id = ${jobId}
    `.execute(tx);
    const report = rows[0]!;
    await tx.updateTable('prevention_import_jobs')
      .set((eb) => ({ state: 'done', report: JSON.stringify(report), finished_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('agency_id', '=', agencyId).where('id', '=', jobId).execute();
    await recordAudit(tx, who, { action: 'prevention_import.done', entityId: jobId, details: { ...report } });
    const userIds = [...new Set([createdBy, who.actorId].filter((x): x is string => !!x))];
    await notify(tx, agencyId, {
      userIds, kind: 'prevention_import.done', mail: false, link: `/prevention/import/${jobId}`,
      title: `Import „${filename}“ abgeschlossen: ${report.createdCases.toLocaleString('de-DE')} Fälle angelegt`,
      body: `${report.newHouseholds.toLocaleString('de-DE')} neue Haushalte, ${report.linkedHouseholds.toLocaleString('de-DE')} mit vorhandenen Haushalten verknüpft, ${(report.skippedInvalid + report.skippedDuplicates).toLocaleString('de-DE')} Zeilen übersprungen.`,
    });
  }

  async function fail(agencyId: string, jobId: string, who: AuditSubject, e: unknown) {
    await inAgency(db, agencyId, async (tx) => {
      await tx.updateTable('prevention_import_jobs')
        .set((eb) => ({ state: 'failed', error: 'Der Import wurde wegen eines technischen Fehlers abgebrochen. Bereits angelegte Fälle bleiben erhalten.', updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('agency_id', '=', agencyId).where('id', '=', jobId).where('state', '=', 'importing').execute();
      await recordAudit(tx, who, { action: 'prevention_import.failed', entityId: jobId, outcome: 'failure', details: { error: (e as Error).message?.slice(0, 300) ?? String(e) } });
    }).catch(() => undefined);
  }

  return {
    /** Starts importing the job in the background unless this process already does. */
    start(agencyId: string, jobId: string, who: AuditSubject): Promise<void> {
      const current = running.get(jobId);
      if (current) return current;
      const p = (async () => {
        try {
          for (let after: number | null = 0; after !== null; ) after = await step(agencyId, jobId, who, after);
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
