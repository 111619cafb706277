import { z } from 'zod';
import { defineJob, type JobDefinition } from '../jobs/job.js';
import { bulkWriteInProgress } from './audit.js';
import { sealAudit } from './chain.js';
import { writeCheckpoints } from './checkpoints.js';

/** While bulk writes hold off sealing, a pass waits at most this long since the last sealing pass. */
export const SEAL_MAX_DEFER_MS = 60_000;

/** After a pass that sealed events, an agency whose last checkpoint is older than this gets a new one. */
export const CHECKPOINT_AFTER_SEAL_MS = 5 * 60_000;

const ZSealPass = z.object({
  /** When the chain last sealed (absent: the chain starts here). */
  lastPassAt: z.iso.datetime().optional(),
});

export type SealPassOutput = { sealed: number } | { deferred: true };

/**
 * Seals new audit events into the hash chain, about every 0.5 s: each pass sends the next one before
 * it ends, and the queue's worker fetches it on its next poll (0.5 s). The queue is `stately`, so
 * one chain runs however many instances start it; the app starts it (`sendOnStart`), and the cron
 * restarts it within a minute should a pass fail to send its successor. While a bulk writer holds off
 * sealing (holdOffSealing), a pass does nothing — unless the last sealing pass was a minute ago —
 * and the pass after the bulk write seals the whole burst. A pass that sealed something also writes
 * a signed checkpoint for agencies whose last one is older than five minutes.
 */
export const auditSeal: JobDefinition<typeof ZSealPass> = defineJob({
  id: 'audit.seal',
  payload: ZSealPass,
  policy: 'stately',
  sendOnStart: {},
  schedule: { cron: '* * * * *', payload: {} },
  pollingIntervalSeconds: 0.5,
  // Sealing a list import's ~200,000 events takes seconds; a pass is never retried (the next one is).
  expireInSeconds: 600,
  handler: async ({ lastPassAt }, ctx): Promise<SealPassOutput> => {
    const started = Date.now();
    let last = lastPassAt ? Date.parse(lastPassAt) : started;
    try {
      if (started - last < SEAL_MAX_DEFER_MS && (await bulkWriteInProgress(ctx.db))) return { deferred: true };
      last = started;
      const sealed = await sealAudit(ctx.db, ctx.keys);
      if (sealed > 0) await writeCheckpoints(ctx.db, ctx.keys, CHECKPOINT_AFTER_SEAL_MS);
      return { sealed };
    } finally {
      await ctx.send(auditSeal, { lastPassAt: new Date(last).toISOString() });
    }
  },
});

/**
 * Signed checkpoints at least hourly (the queue's cron): for every agency whose chain grew since its
 * last checkpoint, the head's number and hash, signed with the key outside the database.
 */
export const auditCheckpoint = defineJob({
  id: 'audit.checkpoint',
  payload: z.object({}),
  policy: 'stately',
  schedule: { cron: '0 * * * *', payload: {} },
  handler: async (_payload, ctx) => ({ written: await writeCheckpoints(ctx.db, ctx.keys) }),
});
