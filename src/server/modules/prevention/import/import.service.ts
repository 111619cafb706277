import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { FILENAME_TOO_LONG, MAX_FILENAME_LENGTH } from '../../../../contracts/plausible.js';
import type { TImportField, TImportJob, ZImportMappingInput, ZImportRowsQuery } from '../../../../contracts/preventionImport.js';
import { inAgency, type Tx } from '../../../db/database.js';
import type { DB } from '../../../db/types.js';
import * as access from '../../../platform/access/access.js';
import { audit, recordAudit, subjectOf } from '../../../platform/audit/audit.js';
import { AccessDenied, AppError } from '../../../platform/errors/app-error.js';
import type { Ctx } from '../../../platform/http/context.js';
import { idempotent } from '../../../platform/http/idempotency.js';
import { actorTx, auditDenials } from '../../../platform/http/tx.js';
import { berlinToday } from '../prevention.derive.js';
import { addressKey } from '../prevention.matching.js';
import { mappingErrors, suggestMapping } from './import.mapping.js';
import { storeWhileParsing, type Cell } from './import.parse.js';
import { countsOf, presentJob, presentRow, samplesOf } from './import.present.js';
import { reportCsv } from './import.report.js';
import { importRepository, type ImportRepository } from './import.repository.js';
import type { ImportRunner } from './import.runner.js';
import { validateRow } from './import.validate.js';

const CHECK_BATCH = 10_000;
const CHECK_SLICE = 1000;
const STORE_IN_FLIGHT = 2;
/** A job left "importing" this long without progress was abandoned (e.g. a restart): confirm resumes it. */
const STALE_MS = 60_000;

export function importService(db: Kysely<DB>, runner: ImportRunner) {
  const repoOf = (tx: Tx, ctx: Ctx) => importRepository(tx, ctx.actor.agencyId);
  const entity = (id: string) => ({ type: 'prevention_import', id });

  async function visible(
    repo: ImportRepository,
    ctx: Ctx,
    id: string,
    permission: 'preventionImport.read' | 'preventionImport.write',
    lock = false,
  ) {
    access.require(ctx.actor, permission, entity(id));
    const job = lock ? await repo.lock(id) : await repo.find(id);
    if (!job) throw new AccessDenied(permission, entity(id));
    return job;
  }

  async function present(
    repo: ImportRepository,
    ctx: Ctx,
    job: NonNullable<Awaited<ReturnType<ImportRepository['find']>>>,
  ): Promise<TImportJob> {
    const first = job.columns.length ? await repo.cells(job.id, 0, 5) : [];
    return presentJob(
      ctx.actor,
      job,
      samplesOf(
        job.columns,
        first.map((r) => r.cells),
      ),
    );
  }

  return {
    /** Checked before an upload is read: may the actor import lists at all (a denial is audited). */
    mayUpload: (ctx: Ctx) => auditDenials(db, ctx, async () => access.require(ctx.actor, 'preventionImport.write')),

    /**
     * Reads an uploaded file into a new job. The job is committed first (state parsing) and every
     * batch of rows in its own transaction, so a client that chose the job id can poll the progress.
     */
    async upload(ctx: Ctx, file: { filename: string; content: Buffer }, requestedId?: string): Promise<TImportJob> {
      return auditDenials(db, ctx, async () => {
        access.require(ctx.actor, 'preventionImport.write');
        const agencyId = ctx.actor.agencyId;
        if (file.filename.length > MAX_FILENAME_LENGTH)
          throw new AppError('validation_failed', FILENAME_TOO_LONG.message, { errors: [{ ...FILENAME_TOO_LONG }] });
        const filename = file.filename.replace(/[\\/\r\n"]/g, '_') || 'liste';
        const created = await inAgency(db, agencyId, (tx) =>
          repoOf(tx, ctx).createJob(requestedId, filename, file.content.length, ctx.actor.userId),
        );
        if (!created) throw new AppError('conflict', 'Ein Import mit dieser Kennung existiert bereits.');
        const id = created.id;
        // Lines of a CSV are a good guess of its rows while it is read (a progress bar, not a count).
        const isZip = file.content.subarray(0, 2).toString('latin1') === 'PK';
        const estimate = isZip ? 0 : Math.max(0, file.content.reduce((n, b) => (b === 0x0a ? n + 1 : n), 0) - 1);
        await inAgency(db, agencyId, (tx) => repoOf(tx, ctx).setProgressTotal(id, estimate));
        try {
          const info = await storeWhileParsing(file.content, (rows) => inAgency(db, agencyId, (tx) => repoOf(tx, ctx).addRows(id, rows)));
          if (info.rows === 0)
            throw new AppError('validation_failed', 'Die Datei enthält keine Datenzeilen.', {
              errors: [{ field: 'file', code: 'too_small', message: 'Die Datei enthält keine Datenzeilen.' }],
            });
          return await inAgency(db, agencyId, async (tx) => {
            const repo = repoOf(tx, ctx);
            const job = await repo.markUploaded(id, info, suggestMapping(info.columns));
            audit(tx, ctx, {
              action: 'prevention_import.upload',
              entityId: id,
              details: { filename, format: info.format, rows: info.rows, columns: info.columns.length, bytes: file.content.length },
            });
            return present(repo, ctx, job);
          });
        } catch (e) {
          const message = e instanceof AppError && e.code === 'validation_failed' ? e.message : 'Die Datei konnte nicht gelesen werden.';
          await inAgency(db, agencyId, async (tx) => {
            await repoOf(tx, ctx).markUploadFailed(id, message);
            audit(tx, ctx, { action: 'prevention_import.upload', entityId: id, outcome: 'failure', details: { filename, error: message } });
          });
          throw e;
        }
      });
    },

    list: (ctx: Ctx) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'preventionImport.read');
        const rows = await repoOf(tx, ctx).recent(ctx.actor.userId, 20);
        audit(tx, ctx, { action: 'prevention_import.list', details: { results: rows.length } });
        return {
          items: rows.map((r) => ({
            id: r.id,
            filename: r.filename,
            state: r.state as TImportJob['state'],
            totalRows: r.total_rows,
            createdAt: r.created_at.toISOString(),
          })),
        };
      }),

    get: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        const job = await visible(repo, ctx, id, 'preventionImport.read');
        audit(tx, ctx, { action: 'prevention_import.read', entityId: id, details: { part: 'job' } });
        return present(repo, ctx, job);
      }),

    /** State, counts and progress only: no personal data, so polling it is not audited. */
    progress: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const j = await visible(repoOf(tx, ctx), ctx, id, 'preventionImport.read');
        return {
          id: j.id,
          state: j.state as TImportJob['state'],
          progress: { done: j.progress_done, total: j.progress_total },
          counts: countsOf(j.counts),
          report: j.report as TImportJob['report'],
          error: j.error,
          version: j.version,
        };
      }),

    /** Checks every row against the mapping, flags duplicates and matches households: the preview. */
    map: (ctx: Ctx, id: string, input: z.output<typeof ZImportMappingInput>) =>
      actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        const job = await visible(repo, ctx, id, 'preventionImport.write', true);
        if (input.version !== undefined && input.version !== job.version)
          throw new AppError('precondition_failed', undefined, { currentState: String(job.version) });
        if (job.state !== 'uploaded' && job.state !== 'mapped')
          throw new AppError('invalid_transition', undefined, { currentState: job.state });
        const errors = mappingErrors(job.columns, input.columns, input.defaultCity);
        if (errors.length) throw new AppError('validation_failed', 'Die Zuordnung der Spalten ist unvollständig.', { errors });
        const opts = {
          columns: job.columns,
          mapping: input.columns,
          defaultCity: input.defaultCity ?? null,
          source: input.source,
          today: berlinToday(),
        };
        // The first row of each person at each home; later equal rows are flagged, not imported.
        const firstOf = new Map<string, number>();
        // Node checks one batch while PostgreSQL reads the next and matches and stores the ones
        // before. Reading and matching queue on this transaction's connection; the checks are
        // stored in transactions of their own, up to STORE_IN_FLIGHT at once on other connections
        // (each rewrites its rows whole, so a mapping that fails half way is simply done again;
        // the counts below see them all). The checking yields every CHECK_SLICE rows so a
        // statement whose input is ready is sent without waiting for the whole batch.
        const settled = <T>(p: Promise<T>) => (p.catch(() => undefined), p);
        const check = (r: { row_no: number; cells: Cell[] }) => {
          const c = validateRow(r.cells, opts);
          const n = c.record;
          const head = n?.tenants[0];
          const key =
            n && head
              ? [head.lastName.toLowerCase(), head.firstName.toLowerCase(), head.birthDate ?? '', addressKey(n.street, n.postalCode)].join(
                  '|',
                )
              : null;
          const first = key ? firstOf.get(key) : undefined;
          if (key && first === undefined) firstOf.set(key, r.row_no);
          return { rowNo: r.row_no, check: c, duplicateOf: first ?? null, head, notice: n };
        };
        const storeChecks = (rows: Parameters<ImportRepository['storeChecks']>[1]) =>
          inAgency(db, ctx.actor.agencyId, (own) => repoOf(own, ctx).storeChecks(id, rows));
        const storing = new Set<Promise<void>>();
        let next = settled(repo.cells(id, 0, CHECK_BATCH));
        try {
          for (;;) {
            const batch = await next;
            if (!batch.length) break;
            next = settled(repo.cells(id, batch.at(-1)!.row_no, CHECK_BATCH));
            const checked: ReturnType<typeof check>[] = [];
            for (let i = 0; i < batch.length; i += CHECK_SLICE) {
              if (i) await setImmediate(); // lets a statement whose input is ready be sent
              for (const r of batch.slice(i, i + CHECK_SLICE)) checked.push(check(r));
            }
            const matching = repo.matches(
              checked
                .filter((c) => c.notice && c.duplicateOf === null)
                .map((c) => ({
                  i: c.rowNo,
                  f: c.head!.firstName,
                  l: c.head!.lastName,
                  b: c.head!.birthDate,
                  s: c.notice!.street,
                  p: c.notice!.postalCode,
                })),
            );
            while (storing.size >= STORE_IN_FLIGHT) await Promise.race(storing);
            const stored: Promise<void> = settled(
              matching
                .then((matches) =>
                  storeChecks(
                    checked.map((c) => ({
                      rowNo: c.rowNo,
                      check: c.check,
                      duplicateOf: c.duplicateOf,
                      match: matches.get(c.rowNo) ?? null,
                    })),
                  ),
                )
                .finally(() => storing.delete(stored)),
            );
            storing.add(stored);
          }
        } finally {
          const results = await Promise.allSettled([...storing, next]);
          const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
          // The failed check or store is the cause to report, also over an error it caused after it.
          // eslint-disable-next-line no-unsafe-finally
          if (failed) throw failed.reason;
        }
        const counts = await repo.counts(id);
        const updated = await repo.markMapped(id, {
          columns: input.columns,
          source: input.source,
          defaultCity: input.defaultCity ?? null,
          counts,
          valid: counts.valid,
        });
        audit(tx, ctx, {
          action: 'prevention_import.map',
          entityId: id,
          details: { ...counts, source: input.source, mapped: input.columns.filter(Boolean).length },
        });
        return present(repo, ctx, updated);
      }),

    rows: (ctx: Ctx, id: string, q: z.output<typeof ZImportRowsQuery>) =>
      actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        const job = await visible(repo, ctx, id, 'preventionImport.read');
        const mapping = (job.mapping as (TImportField | null)[] | null) ?? job.columns.map(() => null);
        const rows = await repo.page(id, q.filter, q.page, q.pageSize);
        audit(tx, ctx, {
          action: 'prevention_import.read',
          entityId: id,
          details: { part: 'rows', filter: q.filter, page: q.page, results: rows.length },
        });
        return {
          total: rows[0]?.total ?? 0,
          page: q.page,
          pageSize: q.pageSize,
          items: rows.map((r) => presentRow({ ...r, cells: r.cells as Cell[] }, mapping)),
        };
      }),

    /**
     * Starts the import of every valid row, exactly once: the state moves mapped → importing in
     * one UPDATE guarded by the state, so of two concurrent or repeated confirmations only one
     * moves it; the other gets the job as it is. Idempotency-Key replays the first answer.
     */
    async confirm(ctx: Ctx, id: string, idempotencyKey: string | undefined) {
      let moved = false;
      const res = await actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        await visible(repo, ctx, id, 'preventionImport.write');
        return idempotent(
          tx,
          ctx,
          idempotencyKey,
          { confirm: id },
          async () => {
            const job = await repo.startImporting(id, ctx.actor.userId);
            if (job) {
              moved = true;
              audit(tx, ctx, { action: 'prevention_import.confirm', entityId: id, details: { ...(job.counts as object) } });
              return present(repo, ctx, job);
            }
            const current = (await repo.find(id))!;
            if (current.state !== 'importing' && current.state !== 'done')
              throw new AppError('invalid_transition', 'Der Import kann in diesem Stand nicht bestätigt werden.', {
                currentState: current.state,
              });
            return present(repo, ctx, current);
          },
          202,
        );
      });
      if (moved) void runner.start(ctx.actor.agencyId, id, subjectOf(ctx));
      else if (!runner.isRunning(id)) {
        // An import whose process went away (restart) is resumed by confirming again; chunks of
        // another live process wait on the job lock, so nothing is imported twice either way.
        const job = await inAgency(db, ctx.actor.agencyId, (tx) => repoOf(tx, ctx).liveness(id));
        if (job?.state === 'importing' && Date.now() - job.updated_at.getTime() > STALE_MS)
          void runner.start(ctx.actor.agencyId, id, subjectOf(ctx));
      }
      return res;
    },

    report: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        const job = await visible(repo, ctx, id, 'preventionImport.read');
        if (job.state !== 'done' && job.state !== 'failed')
          throw new AppError('invalid_transition', 'Das Protokoll gibt es erst nach dem Import.', { currentState: job.state });
        const rows = await repo.reportRows(id);
        recordAudit(tx, subjectOf(ctx), { action: 'prevention_import.report', entityId: id, details: { rows: rows.length } });
        return {
          filename: `Importprotokoll-${job.filename.replace(/\.[^.]+$/, '')}.csv`,
          content: reportCsv(rows, (job.mapping as (TImportField | null)[] | null) ?? []),
        };
      }),
  };
}
export type ImportService = ReturnType<typeof importService>;
