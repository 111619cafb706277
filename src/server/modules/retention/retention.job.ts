import { z } from 'zod';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { defineJob } from '../../platform/jobs/job.js';
import { runRetention } from './retention.service.js';

/**
 * Every morning at 05:45 (Europe/Berlin): lists the households whose retention ran out and
 * pseudonymises the audit events past the audit periods, recorded as a run; a failed run is retried by the next day's.
 */
export const retentionDue = defineJob({
  id: 'retention.due',
  payload: z.object({ agencyIds: z.array(z.uuid()).optional() }),
  policy: 'stately',
  schedule: { cron: '45 5 * * *', payload: {} },
  expireInSeconds: 900,
  handler: ({ agencyIds }, ctx) => runRetention(ctx.db, ctx.keys, berlinDate(new Date()), agencyIds),
});
