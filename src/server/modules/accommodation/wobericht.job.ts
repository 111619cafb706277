import { z } from 'zod';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { defineJob } from '../../platform/jobs/job.js';
import { openStatisticsReports } from './wobericht.service.js';

/** Every morning at 05:50 (Europe/Berlin): opens the year's federal statistics report and its deadline once the reference night is over. */
export const statisticsOpen = defineJob({
  id: 'accommodation.statistics_open',
  payload: z.object({ agencyIds: z.array(z.uuid()).optional() }),
  policy: 'stately',
  schedule: { cron: '50 5 * * *', payload: {} },
  expireInSeconds: 600,
  handler: ({ agencyIds }, ctx) => openStatisticsReports(ctx.db, berlinDate(new Date()), agencyIds),
});
