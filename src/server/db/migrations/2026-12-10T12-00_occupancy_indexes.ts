import { sql, type Kysely } from 'kysely';

/*
 * Occupancy board and accommodation figures (issues 16/17): the stays holding a place on a day or
 * overlapping a period are found through the range of their nights (from_date inclusive, until_date
 * exclusive; an open stay runs on), so the board on any date and the monthly trend read only the
 * stays concerned instead of probing every place. Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX accommodation_stays_nights ON accommodation_stays
      USING gist (daterange(from_date, until_date, '[)'));
    CREATE INDEX accommodation_assignments_moved_out ON accommodation_assignments (agency_id, moved_out_on)
      WHERE moved_out_on IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The occupancy indexes migration is not reversible.');
}
