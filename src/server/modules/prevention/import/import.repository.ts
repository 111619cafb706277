import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../db/database.js';
import type { Cell, ParsedRow } from './import.parse.js';
import type { RowCheck } from './import.validate.js';

/** How a row links to a household (on the person), or the household it possibly belongs to (same home only). */
export type RowMatch = { householdId: string; by: 'person' | 'name_address' } | { possible: string };

/**
 * Data access for import jobs and their rows, bound to one agency. Every statement over rows is
 * set-based: rows travel as one JSON array per statement, matching and duplicate detection are
 * single UPDATEs over the whole job.
 */
export function importRepository(tx: Tx, agencyId: string) {
  const jobs = () => tx.selectFrom('prevention_import_jobs').where('agency_id', '=', agencyId);

  return {
    createJob(id: string | undefined, filename: string, sizeBytes: number, createdBy: string) {
      return tx
        .insertInto('prevention_import_jobs')
        .values({ ...(id ? { id } : {}), agency_id: agencyId, filename, size_bytes: sizeBytes, created_by: createdBy })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
    },

    find: (id: string) => jobs().selectAll().where('id', '=', id).executeTakeFirst(),

    /** The state and last change of a job (to tell a running import from one whose process went away). */
    liveness: (id: string) => jobs().select(['state', 'updated_at']).where('id', '=', id).executeTakeFirst(),

    /** A progress estimate while the file is still being read. */
    async setProgressTotal(id: string, total: number) {
      await tx
        .updateTable('prevention_import_jobs')
        .set({ progress_total: total })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    /** The read file's facts: the job is uploaded and waits for its mapping. */
    markUploaded(
      id: string,
      info: { format: string; encoding: string | null; delimiter: string | null; columns: string[]; rows: number },
      suggestedMapping: unknown,
    ) {
      return tx
        .updateTable('prevention_import_jobs')
        .set((eb) => ({
          state: 'uploaded',
          format: info.format,
          encoding: info.encoding,
          delimiter: info.delimiter,
          columns: info.columns,
          suggested_mapping: JSON.stringify(suggestedMapping),
          total_rows: info.rows,
          progress_done: info.rows,
          progress_total: info.rows,
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** The checked mapping and the row counts it gave: the job waits for confirmation. */
    markMapped(id: string, m: { columns: unknown; source: string; defaultCity: string | null; counts: unknown; valid: number }) {
      return tx
        .updateTable('prevention_import_jobs')
        .set((eb) => ({
          state: 'mapped',
          mapping: JSON.stringify(m.columns),
          source: m.source,
          default_city: m.defaultCity,
          counts: JSON.stringify(m.counts),
          progress_done: 0,
          progress_total: m.valid,
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** Confirmed by `userId`: a mapped job starts importing; undefined when it was not mapped (any more). */
    startImporting(id: string, userId: string) {
      return tx
        .updateTable('prevention_import_jobs')
        .set((eb) => ({
          state: 'importing',
          confirmed_by: userId,
          confirmed_at: new Date(),
          progress_done: 0,
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('state', '=', 'mapped')
        .returningAll()
        .executeTakeFirst();
    },

    /** New row counts after a decision on a row (the mapping and its version stay). */
    async setCounts(id: string, counts: unknown) {
      await tx
        .updateTable('prevention_import_jobs')
        .set({ counts: JSON.stringify(counts), updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    /** A file that could not be read: its stored rows go, the job keeps the reason. */
    async markUploadFailed(id: string, message: string) {
      await tx.deleteFrom('prevention_import_rows').where('agency_id', '=', agencyId).where('job_id', '=', id).execute();
      await tx
        .updateTable('prevention_import_jobs')
        .set({ state: 'failed', error: message, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    /** The job, locked until the end of the transaction (one mapping or import chunk at a time). */
    lock: (id: string) => jobs().selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    recent: (userId: string, limit: number) =>
      jobs()
        .select(['id', 'filename', 'state', 'total_rows', 'created_at', 'report'])
        .where('created_by', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),

    /** Stores a batch of parsed rows in one statement and counts them on the job (parse progress). */
    async addRows(jobId: string, rows: ParsedRow[]) {
      const payload = JSON.stringify(rows.map((r) => [r.rowNo, r.cells]));
      await sql`
        INSERT INTO prevention_import_rows (agency_id, job_id, row_no, cells)
        SELECT ${agencyId}::uuid, ${jobId}::uuid, (e->>0)::int, e->1 FROM jsonb_array_elements(${payload}::jsonb) e
      `.execute(tx);
      await tx
        .updateTable('prevention_import_jobs')
        .set((eb) => ({ progress_done: eb('progress_done', '+', rows.length), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', jobId)
        .execute();
    },

    /**
     * Up to `limit` rows after `afterRowNo`, in file order. Read in windows of row numbers (the
     * file's lines: a window of `limit` lines holds at most `limit` rows), so each statement reads
     * a bounded range of the job whatever plan the table's statistics (behind a fresh upload) give.
     */
    async cells(jobId: string, afterRowNo: number, limit: number): Promise<{ row_no: number; cells: Cell[] }[]> {
      const out: { row_no: number; cells: Cell[] }[] = [];
      let last: number | null = null;
      for (let from = afterRowNo; out.length < limit; from += limit) {
        const rows = await tx
          .selectFrom('prevention_import_rows')
          .select(['row_no', 'cells'])
          .where('agency_id', '=', agencyId)
          .where('job_id', '=', jobId)
          .where('row_no', '>', from)
          .where('row_no', '<=', from + limit)
          .orderBy('row_no')
          .limit(limit - out.length)
          .execute();
        out.push(...(rows as { row_no: number; cells: Cell[] }[]));
        if (out.length >= limit) break;
        last ??=
          (
            await tx
              .selectFrom('prevention_import_rows')
              .select((eb) => eb.fn.max('row_no').as('n'))
              .where('agency_id', '=', agencyId)
              .where('job_id', '=', jobId)
              .executeTakeFirst()
          )?.n ?? 0;
        if (from + limit >= last) break;
      }
      return out;
    },

    /**
     * Households the checked rows of a batch link to, on the person only: the same first and last
     * name and birth date (`person`), else the same name among the members of a household with a
     * prevention case at the same home (`name_address`, wh_address_key). A household found by the
     * home alone is returned as `possible`: a person decides, the import never links on it by
     * itself (a stranger's notice would land in another family's file). Two statements per batch;
     * the rows travel as JSON, so the plans never depend on the import table's statistics.
     */
    async matches(rows: { i: number; f: string; l: string; b: string | null; s: string; p: string }[]) {
      const out = new Map<number, RowMatch>();
      if (!rows.length) return out;
      const people = rows.filter((r) => r.b).map(({ i, f, l, b }) => ({ i, f, l, b }));
      if (people.length) {
        const { rows: hits } = await sql<{
          i: number;
          household_id: string;
        }>`SELECT i, household_id FROM wh_import_person_matches(${JSON.stringify(people)}::jsonb)`.execute(tx);
        for (const h of hits) out.set(h.i, { householdId: h.household_id, by: 'person' });
      }
      // Per row at a home with cases: the household whose members include the row's name, else
      // the newest case's household as a possible match. The home's key is computed once per
      // distinct address first: under row-level security a condition that passes the row's values
      // through non-leakproof functions (lower, regexp_replace) cannot use the index.
      const homes = new Map<string, number>();
      const rest = rows
        .filter((r) => !out.has(r.i))
        .map((r) => {
          const k = `${r.s}\u0000${r.p}`;
          if (!homes.has(k)) homes.set(k, homes.size);
          return { i: r.i, n: homes.get(k)!, f: r.f.trim(), l: r.l.trim() };
        });
      if (rest.length) {
        const list = [...homes.keys()].map((k, n) => ({ n, s: k.split('\u0000')[0], p: k.split('\u0000')[1] }));
        const { rows: hits } = await sql<{ i: number; household_id: string; named: boolean }>`
          WITH a AS MATERIALIZED (
            SELECT a.n, wh_address_key(a.s, a.p) AS k
            FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS a(n int, s text, p text)),
          r AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(rest)}::jsonb) AS r(i int, n int, f text, l text))
          SELECT r.i, x.household_id, x.named FROM r JOIN a ON a.n = r.n
          CROSS JOIN LATERAL (
            SELECT c.household_id, EXISTS (
                     SELECT 1 FROM household_members m
                     WHERE m.agency_id = ${agencyId} AND m.household_id = c.household_id
                       AND lower(m.last_name) = lower(r.l) AND lower(m.first_name) = lower(r.f)) AS named
            FROM prevention_cases c
            WHERE c.agency_id = ${agencyId} AND c.address_key = a.k
            ORDER BY 2 DESC, c.created_at DESC LIMIT 1
          ) x
        `.execute(tx);
        for (const h of hits) out.set(h.i, h.named ? { householdId: h.household_id, by: 'name_address' } : { possible: h.household_id });
      }
      return out;
    },

    /** Writes the checks of a batch of rows (status, notice, errors, match, duplicate) in one statement. */
    async storeChecks(jobId: string, checks: { rowNo: number; check: RowCheck; match: RowMatch | null; duplicateOf: number | null }[]) {
      if (!checks.length) return;
      const payload = JSON.stringify(
        checks.map(({ rowNo, check, match, duplicateOf }) => ({
          r: rowNo,
          s: check.record ? 'valid' : 'invalid',
          d: check.record,
          e: check.errors.length ? check.errors : null,
          h: match && 'householdId' in match ? match.householdId : null,
          b: match && 'by' in match ? match.by : null,
          x: match && 'possible' in match ? match.possible : null,
          u: duplicateOf,
        })),
      );
      // No nested loop whatever the statistics say, and the rows' window bounds the hash join (see
      // the import runner): right after an upload the job may still count as one row.
      await sql`SET LOCAL enable_nestloop = off`.execute(tx);
      const first = Math.min(...checks.map((c) => c.rowNo));
      const last = Math.max(...checks.map((c) => c.rowNo));
      await sql`
        UPDATE prevention_import_rows t
        SET status = v.s, record = v.d, errors = v.e, match_household_id = v.h, match_by = v.b, duplicate_of = v.u,
            possible_household_id = v.x, possible_decision = NULL
        FROM jsonb_to_recordset(${payload}::jsonb) AS v(r int, s text, d jsonb, e jsonb, h uuid, b text, x uuid, u int)
        WHERE t.agency_id = ${agencyId} AND t.job_id = ${jobId} AND t.row_no BETWEEN ${first} AND ${last} AND t.row_no = v.r
      `.execute(tx);
    },

    async counts(jobId: string) {
      const { rows } = await sql<{ total: number; valid: number; invalid: number; matched: number; possible: number; duplicates: number }>`
        SELECT count(*)::int AS total,
               count(*) FILTER (WHERE status = 'valid' AND duplicate_of IS NULL)::int AS valid,
               count(*) FILTER (WHERE status = 'invalid')::int AS invalid,
               count(*) FILTER (WHERE status = 'valid' AND duplicate_of IS NULL AND match_household_id IS NOT NULL)::int AS matched,
               count(*) FILTER (WHERE status = 'valid' AND duplicate_of IS NULL AND possible_household_id IS NOT NULL
                                AND possible_decision IS NULL)::int AS possible,
               count(*) FILTER (WHERE duplicate_of IS NOT NULL)::int AS duplicates
        FROM prevention_import_rows WHERE agency_id = ${agencyId} AND job_id = ${jobId}
      `.execute(tx);
      return rows[0]!;
    },

    /** A page of rows for the preview, with the household each links to. */
    page(jobId: string, filter: 'all' | 'valid' | 'invalid' | 'matched' | 'possible' | 'duplicates', page: number, pageSize: number) {
      const where = {
        all: sql`true`,
        valid: sql`r.status = 'valid' AND r.duplicate_of IS NULL`,
        invalid: sql`r.status = 'invalid'`,
        matched: sql`r.status = 'valid' AND r.duplicate_of IS NULL AND r.match_household_id IS NOT NULL`,
        possible: sql`r.status = 'valid' AND r.duplicate_of IS NULL AND r.possible_household_id IS NOT NULL`,
        duplicates: sql`r.duplicate_of IS NOT NULL`,
      }[filter];
      return this.pageWhere(jobId, where, page, pageSize);
    },

    async pageWhere(jobId: string, where: RawBuilder<unknown>, page: number, pageSize: number) {
      const { rows } = await sql<{
        row_no: number;
        status: string;
        record: Record<string, unknown> | null;
        errors: unknown;
        cells: Cell[];
        duplicate_of: number | null;
        case_id: string | null;
        match_household_id: string | null;
        match_by: string | null;
        reference: string | null;
        head_name: string | null;
        possible_household_id: string | null;
        possible_decision: string | null;
        possible_reference: string | null;
        possible_name: string | null;
        total: number;
      }>`
        SELECT r.row_no, r.status, r.record, r.errors, r.cells, r.duplicate_of, r.case_id, r.match_household_id, r.match_by,
               h.reference, h.head_name, r.possible_household_id, r.possible_decision,
               ph.reference AS possible_reference, ph.head_name AS possible_name, count(*) OVER ()::int AS total
        FROM prevention_import_rows r
        LEFT JOIN households h ON h.agency_id = ${agencyId} AND h.id = coalesce(r.household_id, r.match_household_id)
        LEFT JOIN households ph ON ph.agency_id = ${agencyId} AND ph.id = r.possible_household_id
        WHERE r.agency_id = ${agencyId} AND r.job_id = ${jobId} AND ${where}
        ORDER BY r.row_no
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
      `.execute(tx);
      return rows;
    },

    /**
     * A person's decision on a row's possible match: `link` joins the household (match by
     * address), `new` keeps the row on a new household. False when the row has no possible match.
     */
    async decidePossible(jobId: string, rowNo: number, decision: 'link' | 'new') {
      const r = await tx
        .updateTable('prevention_import_rows')
        .set((eb) => ({
          possible_decision: decision,
          match_household_id: decision === 'link' ? eb.ref('possible_household_id') : null,
          match_by: decision === 'link' ? 'address' : null,
        }))
        .where('agency_id', '=', agencyId)
        .where('job_id', '=', jobId)
        .where('row_no', '=', rowNo)
        .where('status', '=', 'valid')
        .where('duplicate_of', 'is', null)
        .where('possible_household_id', 'is not', null)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    /** One row as the preview shows it. */
    async row(jobId: string, rowNo: number) {
      return (await this.pageWhere(jobId, sql`r.row_no = ${rowNo}`, 1, 1))[0];
    },

    /** Every row with what became of it, for the import report (CSV). */
    async reportRows(jobId: string) {
      const { rows } = await sql<{
        row_no: number;
        status: string;
        record: Record<string, unknown> | null;
        cells: unknown;
        errors: { column: string | null; message: string }[] | null;
        duplicate_of: number | null;
        new_household: boolean | null;
        case_reference: string | null;
        household_reference: string | null;
      }>`
        SELECT r.row_no, r.status, r.record, r.cells, r.errors, r.duplicate_of, r.new_household, c.reference AS case_reference, h.reference AS household_reference
        FROM prevention_import_rows r
        LEFT JOIN prevention_cases c ON c.agency_id = ${agencyId} AND c.id = r.case_id
        LEFT JOIN households h ON h.agency_id = ${agencyId} AND h.id = r.household_id
        WHERE r.agency_id = ${agencyId} AND r.job_id = ${jobId}
        ORDER BY r.row_no
      `.execute(tx);
      return rows;
    },
  };
}
export type ImportRepository = ReturnType<typeof importRepository>;
