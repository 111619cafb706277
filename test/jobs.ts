import crypto from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import type { JobDefinition, JobServices } from '../src/server/platform/jobs/job.js';
import {
  installJobs,
  JOB_SCHEMA,
  startJobs,
  useJobNamespace,
  type JobRunner,
  type StartJobsOptions,
} from '../src/server/platform/jobs/queue.js';
import { testDbs, testKeys } from './helpers.js';

/**
 * Gives this test file queues of its own (all files share one database, and a worker must not take
 * another file's jobs): every job this file sends from now on goes to them. Installs `jobs` there.
 */
export async function jobNamespace(jobs: readonly JobDefinition[]): Promise<string> {
  const ns = `t${crypto.randomBytes(5).toString('hex')}`;
  useJobNamespace(ns);
  await installJobs(testDbs().owner, jobs, { schedules: false });
  return ns;
}

/** Runs `jobs` on this file's queues (see jobNamespace), as the app does, on the app role's connection. */
export function runJobs(
  jobs: readonly JobDefinition[],
  services: Partial<JobServices> = {},
  options: Partial<StartJobsOptions> = {},
): Promise<JobRunner> {
  return startJobs({
    url: inject('appUrl'),
    jobs,
    services: { db: testDbs().app, mail: { kind: 'capture' }, keys: testKeys(), ...services },
    ...options,
  });
}

/** A job's row as the queue keeps it (state, retries, when it may run next). */
export async function jobRow(id: string) {
  const { rows } = await sql<{ state: string; retry_count: number; start_after: Date; output: unknown; name: string }>`
    SELECT state, retry_count, start_after, output, name FROM ${sql.table(`${JOB_SCHEMA}.job`)} WHERE id = ${id}`.execute(testDbs().owner);
  return rows[0];
}

/** Lets a job that waits for its retry run now (the test stands in for the passing time). */
export async function dueNow(id: string): Promise<void> {
  await sql`UPDATE ${sql.table(`${JOB_SCHEMA}.job`)} SET start_after = now() WHERE id = ${id} AND state = 'retry'`.execute(testDbs().owner);
}

/** Polls `cond` every 50 ms until it holds (or fails after `ms`). */
export async function until(cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}
