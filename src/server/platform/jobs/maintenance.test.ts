import { describe, expect, it } from 'vitest';
import { createAgency, householdInput, testDbs } from '../../../../test/helpers.js';
import { searchTidy, tidySearchIndexes } from './maintenance.job.js';

describe('search index tidy', () => {
  it('moves pending search entries into the index, as the app role, and is a declared minute job', async () => {
    const { app, owner } = testDbs();
    const agency = await createAgency();
    const input = householdInput();
    await owner
      .insertInto('households')
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          agency_id: agency.id,
          reference: `T-${i}`,
          head_name: `Tidy ${i}`,
          search_text: `t-${i} tidy probe ${i}`,
          persons: 1,
          situation: input.situation,
          seeking_housing: false,
          needs: '{}',
          wheelchair: false,
          updated_at: new Date(),
        })),
      )
      .execute();
    // The new rows' trigrams sit in the households_search pending list (fast update) until tidied.
    expect(await tidySearchIndexes(app)).toBeGreaterThanOrEqual(1);
    expect(searchTidy.schedule).toEqual({ cron: '* * * * *', payload: {} });
  });
});
