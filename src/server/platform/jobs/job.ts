import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/types.js';
import type { Keyring } from '../keys/keyring.js';
import type { MailTransport } from '../mail/transport.js';

/** What a handler may use besides its payload: the app role's database, the mail transport and the keys outside the database. */
export interface JobServices {
  db: Kysely<DB>;
  mail: MailTransport;
  keys: Keyring;
}

/** Options for sending a job (the queue's own retry settings apply). */
export interface SendOptions {
  /** Not before this time, or this many seconds from now. */
  startAfter?: Date | number;
}

export interface JobContext extends JobServices {
  /** The job being handled: its id, and which retry this is (0 on the first attempt). */
  job: { id: string; retryCount: number; retryLimit: number };
  /** Sends a job outside any transaction (e.g. a job that schedules its next run). */
  send<P extends z.ZodType>(def: JobDefinition<P>, payload: z.input<P>, options?: SendOptions): Promise<string | null>;
}

/**
 * A declared background job: an id (its queue's name), the Zod schema of its payload — checked when
 * it is sent and again when it is handled — and the handler. Retries, backoff, expiry and locking
 * (SKIP LOCKED) are the queue's (pg-boss), set per queue from these options.
 */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  id: string;
  payload: P;
  /** Its result is kept as the job's output. Throwing fails the attempt; the queue retries it. */
  handler: (payload: z.output<P>, ctx: JobContext) => Promise<unknown>;
  /** Retries after a failed attempt: `limit` more attempts, after `delaySeconds` (doubling, with jitter, when `backoff`). */
  retry?: { limit: number; delaySeconds?: number; backoff?: boolean };
  /** An attempt running longer than this fails (and is retried); also what a crashed worker's job waits. */
  expireInSeconds?: number;
  /** `stately`: at most one job waiting (and one running) — sending another while one waits does nothing. */
  policy?: 'standard' | 'stately';
  /** A recurring job: sent by the queue's cron (minute granularity, Europe/Berlin) with this payload. */
  schedule?: { cron: string; payload: z.input<P> };
  /** Sent once whenever the queue starts (a self-rescheduling job starts its chain with it). */
  sendOnStart?: z.input<P>;
  /** How often an idle worker asks for work (pg-boss: at least 0.5 s; default 2 s). */
  pollingIntervalSeconds?: number;
  /** Jobs fetched at once; each is handled, completed or failed on its own. */
  batchSize?: number;
}

const ID = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$/;

/** Declares a job (see JobDefinition); the id is its queue's name, e.g. `mail.deliver`. */
export function defineJob<P extends z.ZodType>(def: JobDefinition<P>): JobDefinition<P> {
  if (!ID.test(def.id)) throw new Error(`invalid job id ${JSON.stringify(def.id)}`);
  if (def.pollingIntervalSeconds !== undefined && def.pollingIntervalSeconds < 0.5)
    throw new Error(`${def.id}: polling interval below 0.5 s`);
  return Object.freeze(def);
}

/**
 * Runs `fn` for each agency in turn and answers its results; one agency's failure does not hold up
 * the others — the failures are thrown together after all had their turn (one as itself, several as
 * an AggregateError), so the queue records the run as failed.
 */
export async function eachAgency<T>(agencyIds: readonly string[], fn: (agencyId: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  const errors: unknown[] = [];
  for (const agencyId of agencyIds) {
    try {
      results.push(await fn(agencyId));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} agencies failed`);
  return results;
}
