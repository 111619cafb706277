import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { testDbs, testKeys } from '../../../../test/helpers.js';
import { jobNamespace, jobRow, runJobs, until } from '../../../../test/jobs.js';
import { defineJob } from './job.js';
import { enqueue, installJobs, JOB_SCHEMA, startJobs, type JobRunner } from './queue.js';

const seen: { word: string; retryCount: number }[] = [];
const failuresLeft = new Map<string, number>();

const echo = defineJob({
  id: 'test.echo',
  pollingIntervalSeconds: 0.5,
  payload: z.object({ word: z.string().min(1), times: z.number().int().positive().default(1) }),
  handler: async ({ word, times }, ctx) => {
    seen.push({ word, retryCount: ctx.job.retryCount });
    return { echoed: word.repeat(times) };
  },
});

const flaky = defineJob({
  id: 'test.flaky',
  payload: z.object({ key: z.string() }),
  retry: { limit: 2, delaySeconds: 0 },
  pollingIntervalSeconds: 0.5,
  handler: async ({ key }, ctx) => {
    seen.push({ word: key, retryCount: ctx.job.retryCount });
    const left = failuresLeft.get(key) ?? 0;
    if (left > 0) {
      failuresLeft.set(key, left - 1);
      throw new Error(`${key} fails (${left} left)`);
    }
    return { done: key };
  },
});

const recurring = defineJob({
  id: 'test.recurring',
  payload: z.object({ scope: z.enum(['all', 'some']) }),
  schedule: { cron: '*/5 * * * *', payload: { scope: 'all' } },
  handler: async () => undefined,
});

const handled = new Map<string, { output: unknown } | { error: unknown }>();
let runner: JobRunner;
let ns: string;

beforeAll(async () => {
  ns = await jobNamespace([echo, flaky, recurring]);
  runner = await runJobs([echo, flaky], {}, { onHandled: (id, outcome) => handled.set(id, outcome) });
});
afterAll(async () => {
  await runner.stop();
});

const jobsIn = async (id: string) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(`${JOB_SCHEMA}.job`)} WHERE name = ${`${ns}/${id}`}`.execute(
      testDbs().owner,
    )
  ).rows[0]!.n;

describe('background jobs', () => {
  it('handles an enqueued job with its parsed payload (defaults applied) and keeps the output', async () => {
    const id = (await enqueue(testDbs().app, echo, { word: 'hallo', times: 2 }))!;
    await until(() => handled.has(id));
    expect(handled.get(id)).toEqual({ output: { echoed: 'hallohallo' } });
    expect(await jobRow(id)).toMatchObject({ state: 'completed', output: { echoed: 'hallohallo' } });

    const id2 = (await enqueue(testDbs().app, echo, { word: 'einmal' }))!;
    await until(() => handled.has(id2));
    expect(handled.get(id2)).toEqual({ output: { echoed: 'einmal' } });
  });

  it('refuses an invalid payload before anything is queued', async () => {
    const before = await jobsIn('test.echo');
    await expect(enqueue(testDbs().app, echo, { word: '' })).rejects.toBeInstanceOf(ZodError);
    // @ts-expect-error: the payload's type refuses it too
    await expect(enqueue(testDbs().app, echo, { wort: 'x' })).rejects.toBeInstanceOf(ZodError);
    await expect(runner.send(echo, { word: 'x', times: 0 })).rejects.toBeInstanceOf(ZodError);
    expect(await jobsIn('test.echo')).toBe(before);
  });

  it('retries a failing handler through the queue until it succeeds', async () => {
    failuresLeft.set('zweimal', 2);
    const id = (await enqueue(testDbs().app, flaky, { key: 'zweimal' }))!;
    await until(async () => (await jobRow(id))?.state === 'completed');
    expect(seen.filter((s) => s.word === 'zweimal').map((s) => s.retryCount)).toEqual([0, 1, 2]);
    expect(await jobRow(id)).toMatchObject({ retry_count: 2, output: { done: 'zweimal' } });
  });

  it('gives up after the retry limit and keeps the last error', async () => {
    failuresLeft.set('immer', 10);
    const id = (await enqueue(testDbs().app, flaky, { key: 'immer' }))!;
    await until(async () => (await jobRow(id))?.state === 'failed');
    expect(seen.filter((s) => s.word === 'immer')).toHaveLength(3);
    expect((await jobRow(id))!.output).toMatchObject({ message: 'immer fails (8 left)' });
  });

  it('queues a job with the transaction that sends it: none when it rolls back', async () => {
    const { app } = testDbs();
    const before = await jobsIn('test.echo');
    await expect(
      app.transaction().execute(async (tx) => {
        await enqueue(tx, echo, { word: 'verworfen' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await jobsIn('test.echo')).toBe(before);
    const id = await app.transaction().execute((tx) => enqueue(tx, echo, { word: 'bestätigt' }));
    await until(() => handled.has(id!));
    expect(seen.some((s) => s.word === 'bestätigt')).toBe(true);
  });

  it('registers a recurring job with the queue’s cron', async () => {
    await installJobs(testDbs().owner, [recurring]);
    const { rows } = await sql<{ cron: string; data: unknown; timezone: string }>`
      SELECT cron, data, timezone FROM ${sql.table(`${JOB_SCHEMA}.schedule`)} WHERE name = ${`${ns}/test.recurring`}`.execute(
      testDbs().owner,
    );
    expect(rows).toEqual([{ cron: '*/5 * * * *', data: { scope: 'all' }, timezone: 'Europe/Berlin' }]);
  });

  it('refuses to start, and to queue, where a queue is not installed', async () => {
    const missing = defineJob({ id: 'test.not-installed', payload: z.object({}), handler: async () => undefined });
    await expect(runJobs([missing])).rejects.toThrow(/nicht eingerichtet.*wohnhilfe migrate/);
    await expect(enqueue(testDbs().app, missing, {})).rejects.toThrow(/missing/);
    await expect(
      startJobs({
        url: 'postgres://nobody@127.0.0.1:1/none',
        jobs: [],
        services: { db: testDbs().app, mail: { kind: 'capture' }, keys: testKeys() },
      }),
    ).rejects.toThrow(/migrate/);
  });

  it('stops cleanly, letting a running job finish', async () => {
    const errors: unknown[] = [];
    const slow = defineJob({
      id: 'test.echo',
      payload: z.object({ word: z.string() }),
      pollingIntervalSeconds: 0.5,
      handler: async ({ word }) => {
        await new Promise((r) => setTimeout(r, 800));
        return { slept: word };
      },
    });
    const outcomes: unknown[] = [];
    const second = await runJobs([slow], {}, { onError: (e) => errors.push(e), onHandled: (_id, o) => outcomes.push(o) });
    await runner.stop();
    const id = (await enqueue(testDbs().app, slow, { word: 'müde' }))!;
    await until(async () => (await jobRow(id))?.state === 'active');
    await second.stop();
    expect(outcomes).toEqual([{ output: { slept: 'müde' } }]);
    expect(await jobRow(id)).toMatchObject({ state: 'completed' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(errors).toEqual([]);
    runner = await runJobs([echo, flaky], {}, { onHandled: (id, outcome) => handled.set(id, outcome) });
  });
});
