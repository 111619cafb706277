import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.js';
import { pruneAccommodationLog } from './snapshot.repository.js';

/**
 * Prunes the accommodation change log hourly (migration 2026-12-11T12-30): the rows every kept copy
 * of the board or the places already sees. A missed run only leaves the log longer.
 */
export const accommodationLogPrune = defineJob({
  id: 'accommodation.log_prune',
  payload: z.object({}),
  policy: 'stately',
  schedule: { cron: '27 * * * *', payload: {} },
  expireInSeconds: 600,
  handler: async (_payload, ctx) => ({ deleted: await pruneAccommodationLog(ctx.db) }),
});
