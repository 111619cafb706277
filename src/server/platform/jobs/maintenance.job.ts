import { z } from 'zod';
import { defineJob } from './job.js';
import { tidySearchIndexes } from './maintenance.repository.js';

export { tidySearchIndexes };

/**
 * Every minute, the search indexes' pending entries go into the indexes proper, so a search never
 * reads more than a minute of new entries besides the index (a list import tidies when it finishes).
 */
export const searchTidy = defineJob({
  id: 'search.tidy',
  payload: z.object({}),
  policy: 'stately',
  schedule: { cron: '* * * * *', payload: {} },
  expireInSeconds: 300,
  handler: async (_payload, ctx) => ({ pages: await tidySearchIndexes(ctx.db) }),
});
