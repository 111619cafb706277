import { z } from 'zod';
import { defineJob, type JobDefinition } from '../jobs/job.js';
import { bulkWriteInProgress, sealAudit } from './audit.js';

/** While bulk writes hold off sealing, a pass waits at most this long since the last sealing pass. */
export const SEAL_MAX_DEFER_MS = 60_000;

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
 * and the pass after the bulk write seals the whole burst.
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
      return { sealed: await sealAudit(ctx.db) };
    } finally {
      await ctx.send(auditSeal, { lastPassAt: new Date(last).toISOString() });
    }
  },
});
