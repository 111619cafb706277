import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAgency, testDbs } from '../../../../test/helpers.js';
import { pruneAccommodationLog } from './snapshot.repository.js';

/* The change log keeps what a copy read in the last quarter of an hour may still need. */
describe('pruning the accommodation change log', () => {
  it('deletes only rows below the horizon recorded at least 15 minutes before', async () => {
    const { owner, app } = testDbs();
    const agency = await createAgency();
    const log = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM accommodation_log WHERE agency_id = ${agency.id}`.execute(owner)).rows[0]!.n;
    const write = () => sql`INSERT INTO accommodation_log (agency_id) VALUES (${agency.id})`.execute(owner);
    const age = () => sql`UPDATE accommodation_log_horizon SET at = now() - interval '20 minutes'`.execute(owner);

    const before = await log(); // the agency's operator
    await write();
    await age();
    await pruneAccommodationLog(app); // records the horizon after the first row
    await write();
    expect(await log()).toBe(before + 2);
    await pruneAccommodationLog(app); // the horizon is younger than 15 minutes: nothing happens
    expect(await log()).toBe(before + 2);
    await age();
    await pruneAccommodationLog(app); // rows below the recorded horizon go; the newer one stays
    expect(await log()).toBe(1);
  });
});
