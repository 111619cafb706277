import { sql, type ExpressionBuilder } from 'kysely';
import type { TImportReport } from '../../../../contracts/preventionImport.js';
import type { Tx } from '../../../db/database.js';
import type { DB } from '../../../db/types.js';

/* The import runner's statements on one job (import.runner.ts holds the chunking and its rules). */

export function importRunRepository(tx: Tx, agencyId: string, jobId: string) {
  /** Rows still to import: valid, not a duplicate, without a case yet. */
  const open = (eb: ExpressionBuilder<DB, 'prevention_import_rows'>) =>
    eb.and([
      eb('agency_id', '=', agencyId),
      eb('job_id', '=', jobId),
      eb('status', '=', 'valid'),
      eb('duplicate_of', 'is', null),
      eb('case_id', 'is', null),
    ]);
  const job = () => tx.selectFrom('prevention_import_jobs').where('agency_id', '=', agencyId).where('id', '=', jobId);
  const updateJob = () => tx.updateTable('prevention_import_jobs').where('agency_id', '=', agencyId).where('id', '=', jobId);
  return {
    /** How many cases and new households the open rows of a window of row numbers need. */
    windowNeeds: (after: number, upTo: number) =>
      tx
        .selectFrom('prevention_import_rows')
        .where(open)
        .where('row_no', '>', after)
        .where('row_no', '<=', upTo)
        .select((eb) => [
          eb.fn.countAll<number>().as('cases'),
          eb.fn.countAll<number>().filterWhere('match_household_id', 'is', null).as('households'),
        ])
        .executeTakeFirstOrThrow(),
    /** The job's state under a key-share lock: chunks go on side by side, finishing waits for them. */
    stateSharingJob: async () => (await job().select('state').forKeyShare().executeTakeFirst())?.state,
    /** The open rows of a window, locked; rows another runner holds are skipped. */
    lockWindow: (after: number, upTo: number) =>
      tx
        .selectFrom('prevention_import_rows')
        .select(['row_no', 'record', 'match_household_id'])
        .where(open)
        .where('row_no', '>', after)
        .where('row_no', '<=', upTo)
        .orderBy('row_no')
        .forUpdate()
        .skipLocked()
        .execute(),
    /**
     * Room for merging the trigram indexes' pending entries when a chunk fills the list, and no
     * nested loops: right after an upload the statistics may still count the job's rows as one,
     * and a nested loop over the chunk's rows and the job's rows is then quadratic (3 s for 5,000
     * rows). The window of row numbers bounds what a hash join reads.
     */
    planForChunk: async () => {
      await sql`SET LOCAL work_mem = '32MB'; SET LOCAL enable_nestloop = off`.execute(tx);
    },
    /** Each row of the window gets its case and household. */
    linkWindow: async (links: { r: number; c: string | undefined; h: string | undefined; n: boolean }[], after: number, upTo: number) => {
      await sql`
        UPDATE prevention_import_rows t SET case_id = v.c, household_id = v.h, new_household = v.n
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS v(r int, c uuid, h uuid, n boolean)
        WHERE t.agency_id = ${agencyId} AND t.job_id = ${jobId} AND t.row_no > ${after} AND t.row_no <= ${upTo} AND t.row_no = v.r
      `.execute(tx);
    },
    addProgress: async (n: number) => {
      await updateJob()
        .set((eb) => ({ progress_done: eb('progress_done', '+', n), updated_at: new Date() }))
        .execute();
    },
    lastRowNo: async () =>
      (
        await tx
          .selectFrom('prevention_import_rows')
          .select((eb) => eb.fn.max('row_no').as('n'))
          .where('agency_id', '=', agencyId)
          .where('job_id', '=', jobId)
          .executeTakeFirst()
      )?.n ?? 0,
    lockJob: () => job().select(['state', 'created_by', 'filename']).forUpdate().executeTakeFirst(),
    anyOpenRow: async () => !!(await tx.selectFrom('prevention_import_rows').select('row_no').where(open).limit(1).executeTakeFirst()),
    report: async () => {
      const { rows } = await sql<TImportReport>`
        SELECT count(*) FILTER (WHERE case_id IS NOT NULL)::int AS "createdCases",
               count(*) FILTER (WHERE case_id IS NOT NULL AND NOT new_household)::int AS "linkedHouseholds",
               count(*) FILTER (WHERE case_id IS NOT NULL AND new_household)::int AS "newHouseholds",
               count(*) FILTER (WHERE status = 'invalid')::int AS "skippedInvalid",
               count(*) FILTER (WHERE duplicate_of IS NOT NULL)::int AS "skippedDuplicates"
        FROM prevention_import_rows WHERE agency_id = ${agencyId} AND job_id = ${jobId}
      `.execute(tx);
      return rows[0]!;
    },
    markDone: async (report: TImportReport) => {
      await updateJob()
        .set((eb) => ({
          state: 'done',
          report: JSON.stringify(report),
          finished_at: new Date(),
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .execute();
    },
    markFailed: async (error: string) => {
      await updateJob()
        .set((eb) => ({ state: 'failed', error, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('state', '=', 'importing')
        .execute();
    },
  };
}
