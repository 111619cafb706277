import { CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { DB } from '../../db/types.js';
import { databaseUnavailable } from '../errors/problem.js';
import type { JobContext, JobDefinition, JobServices, SendOptions } from './job.js';

/** The queue's tables live in this schema (created by the job-queue migration, filled by pg-boss). */
export const JOB_SCHEMA = 'pgboss';

// Completed jobs leave the job table after 5 minutes (the sealer alone completes two a second) and
// the archive after an hour; failed ones stay a week in the job table for diagnosis.
const RETENTION = { archiveCompletedAfterSeconds: 300, archiveFailedAfterSeconds: 7 * 24 * 3600, deleteAfterHours: 1 } as const;

let namespace = '';
/**
 * Prefixes every queue name. Only for tests: all test files share one database, so a file that runs
 * workers installs and uses queues of its own, and never handles another file's jobs.
 */
export function useJobNamespace(ns: string): void {
  namespace = ns ? `${ns}/` : '';
}
const queueOf = (def: Pick<JobDefinition, 'id'>) => `${namespace}${def.id}`;

/** pg-boss's database interface on a Kysely handle (every value a bind parameter). */
function adapter(db: Kysely<DB>): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: (await db.executeQuery(CompiledQuery.raw(text, values ?? []))).rows as unknown[] }),
  };
}

// pg-boss builds the insert; this instance is never started and has no connection of its own:
// every send names the connection (the caller's transaction) it runs on.
let senderBoss: PgBoss | null = null;
const sender = () =>
  (senderBoss ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error('no connection')) }, schema: JOB_SCHEMA }));

const sendOptions = (o: SendOptions = {}): PgBoss.SendOptions => (o.startAfter === undefined ? {} : { startAfter: o.startAfter });

/**
 * Queues a job on `db` — pass the caller's transaction and the job exists exactly when that commits.
 * The payload is checked against the job's schema first (a ZodError, nothing sent). Returns the
 * job's id, or null when a `stately` job is already waiting.
 */
export async function enqueue<P extends z.ZodType>(
  db: Kysely<DB>,
  def: JobDefinition<P>,
  payload: z.input<P>,
  options?: SendOptions,
): Promise<string | null> {
  const data = def.payload.parse(payload) as object;
  const id = await sender().send(queueOf(def), data, { ...sendOptions(options), db: adapter(db) });
  // A standard queue takes every job: nothing inserted means the queue does not exist.
  if (id === null && (def.policy ?? 'standard') === 'standard')
    throw new Error(`job queue ${queueOf(def)} is missing: run "wohnhilfe migrate"`);
  return id;
}

const queueOptions = (def: JobDefinition): PgBoss.Queue => ({
  name: queueOf(def),
  policy: def.policy ?? 'standard',
  retryLimit: def.retry?.limit ?? 0,
  retryDelay: def.retry?.delaySeconds ?? 0,
  retryBackoff: def.retry?.backoff ?? false,
  expireInSeconds: def.expireInSeconds ?? 15 * 60,
});

/**
 * Creates or upgrades the queue's tables (pg-boss's own migrations) and one queue per declared job,
 * and registers the recurring ones. Runs as the database owner, with the migrations: each queue is a
 * table (a partition), which the app role may not create. The app role's rights come from the
 * schema's default privileges (migration 2026-11-22T10-00_job_queue).
 */
export async function installJobs(
  owner: Kysely<DB>,
  jobs: readonly JobDefinition[],
  { schedules = true }: { schedules?: boolean } = {},
): Promise<void> {
  const boss = new PgBoss({ db: adapter(owner), schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false });
  await boss.start();
  try {
    // The queue pg-boss's cron sends through; the app role could not create it.
    await boss.createQueue('__pgboss__send-it');
    for (const def of jobs) {
      const q = queueOptions(def);
      await boss.createQueue(q.name, q);
      await boss.updateQueue(q.name, q);
      if (!schedules) continue;
      if (def.schedule)
        await boss.schedule(q.name, def.schedule.cron, def.payload.parse(def.schedule.payload) as object, { tz: 'Europe/Berlin' });
      else await boss.unschedule(q.name);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}

export interface JobRunner {
  send<P extends z.ZodType>(def: JobDefinition<P>, payload: z.input<P>, options?: SendOptions): Promise<string | null>;
  /** Stops fetching, lets running jobs finish (at most `timeoutMs`), closes the queue's connections. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface StartJobsOptions {
  /** The app role's connection string: pg-boss keeps a few connections of its own. */
  url: string;
  jobs: readonly JobDefinition[];
  services: JobServices;
  /** Per job id, a polling interval other than the declared one (from configuration). */
  pollingIntervalSeconds?: Record<string, number>;
  onError?: (e: unknown) => void;
  /** Hears every handled job's outcome (tests, logs). */
  onHandled?: (id: string, outcome: { output: unknown } | { error: unknown }) => void;
}

type QueueState = 'starting' | 'running' | 'stopping' | 'stopped';

/**
 * pg-boss's statements on a pool of our own. While the database is away (restart, failover) a
 * statement waits and is tried again (backoff up to 2 s) instead of failing: the workers, the cron
 * and the maintenance pause and carry on by themselves when it is back, and pg-boss's own
 * completion calls — which it does not await — never reject into an unhandled rejection. When the
 * queue is stopping, an unreachable database ends the wait with no rows; while it starts, the error
 * is thrown (a start on an unreachable database fails at once). Once stopped, statements pg-boss
 * still issues without awaiting them do nothing (its pool is closed). A statement whose answer
 * was lost may run twice: fetching then leaves jobs active until they expire and are retried,
 * completing twice does nothing (the queue's usual at-least-once delivery).
 */
export function patientAdapter(pool: pg.Pool, opts: { state: () => QueueState; onOutage?: (e: unknown) => void }): PgBoss.Db {
  let away = false;
  return {
    executeSql: async (text, values) => {
      for (let attempt = 0; ; attempt++) {
        if (opts.state() === 'stopped') return nothingDone(text);
        try {
          const { rows } = await pool.query(text, values);
          away = false;
          return { rows: rows as unknown[] };
        } catch (e) {
          const state = opts.state();
          if (!databaseUnavailable(e) || state === 'starting') throw e;
          if (state === 'stopping') return nothingDone(text);
          if (!away) opts.onOutage?.(e);
          away = true;
          await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
        }
      }
    },
  };
}

/**
 * The answer to a statement that did not run (the queue stopped): no rows — but a completion
 * (complete, fail, cancel …) ends with `SELECT COUNT(*) FROM results`, whose one row pg-boss reads
 * without checking, so it gets a count of 0 (an empty answer was an unhandled TypeError after stop).
 */
function nothingDone(text: string): { rows: unknown[] } {
  return { rows: /SELECT COUNT\(\*\) FROM results\s*$/i.test(text) ? [{ count: '0' }] : [] };
}

/**
 * Starts the queue in this process: one worker per declared job, pg-boss's maintenance (expiring
 * jobs of crashed workers, archiving) and its cron for the recurring jobs. Refuses to start on a
 * database whose queue is not installed (or not upgraded) by `wohnhilfe migrate`.
 */
export async function startJobs(o: StartJobsOptions): Promise<JobRunner> {
  const onError = o.onError ?? (() => {});
  // An idle connection the server closes is dropped by the pool, not fatal.
  const pool = new pg.Pool({ connectionString: o.url, max: 4, application_name: 'wohnhilfe-jobs' }).on('error', () => undefined);
  let state: QueueState = 'starting';
  const db = patientAdapter(pool, { state: () => state, onOutage: onError });
  const boss = new PgBoss({ db, schema: JOB_SCHEMA, migrate: false, ...RETENTION });
  boss.on('error', onError);
  try {
    await boss.start();
    for (const def of o.jobs) {
      if (!(await boss.getQueue(queueOf(def)))) throw new Error(`job queue ${queueOf(def)} is missing`);
    }
  } catch (e) {
    state = 'stopping';
    await boss.stop({ graceful: false }).catch(() => undefined);
    state = 'stopped';
    await pool.end().catch(() => undefined);
    throw new Error(`Die Job-Warteschlange ist nicht eingerichtet (${(e as Error).message}). Bitte zuerst "wohnhilfe migrate" ausführen.`, {
      cause: e,
    });
  }

  const send: JobRunner['send'] = async (def, payload, options) =>
    boss.send(queueOf(def), def.payload.parse(payload) as object, sendOptions(options));

  for (const def of o.jobs) {
    const name = queueOf(def);
    const pollingIntervalSeconds = Math.max(0.5, o.pollingIntervalSeconds?.[def.id] ?? def.pollingIntervalSeconds ?? 2);
    await boss.work<object>(name, { batchSize: def.batchSize ?? 1, includeMetadata: true, pollingIntervalSeconds }, async (jobs) => {
      // Each job of a batch completes or fails on its own: one refused mail does not fail the others.
      for (const job of jobs) {
        const ctx: JobContext = { ...o.services, job: { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit }, send };
        try {
          const output = await def.handler(def.payload.parse(job.data), ctx);
          await boss.complete(name, job.id, output === undefined ? undefined : (output as object));
          o.onHandled?.(job.id, { output });
        } catch (e) {
          await boss.fail(name, job.id, e as object);
          o.onHandled?.(job.id, { error: e });
          onError(e);
        }
      }
    });
  }
  for (const def of o.jobs) {
    if (def.sendOnStart !== undefined) await send(def, def.sendOnStart);
  }
  state = 'running';

  return {
    send,
    stop: async (timeoutMs = 30_000) => {
      state = 'stopping';
      await boss.stop({ graceful: true, timeout: timeoutMs });
      state = 'stopped';
      await pool.end();
    },
  };
}
