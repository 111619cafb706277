import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.js';
import { FIGURE_CONTRIBUTIONS } from './contributions.js';
import { refreshSnapshots } from './snapshots.service.js';

/** Every hour at :07 (Europe/Berlin): refreshes the materialised figures of the quarters and years the dashboard offers. */
export const steeringSnapshots = defineJob({
  id: 'steering.snapshots',
  payload: z.object({ agencyIds: z.array(z.uuid()).optional() }),
  policy: 'stately',
  schedule: { cron: '7 * * * *', payload: {} },
  expireInSeconds: 3600,
  handler: ({ agencyIds }, ctx) => refreshSnapshots(ctx.db, FIGURE_CONTRIBUTIONS, new Date(), agencyIds),
});
