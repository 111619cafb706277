import { sql, type Kysely } from 'kysely';

/*
 * A list row links to a household only on the person (name and birth date, or name at the same
 * home: match_by 'person' / 'name_address'). A household found by the address alone is a possible
 * match that a person decides on (possible_decision 'link' → match_by 'address', 'new' → a new
 * household); until then the row would open a new household, never join a stranger's file.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE prevention_import_rows DROP CONSTRAINT prevention_import_rows_match_by_check;
    ALTER TABLE prevention_import_rows ADD CONSTRAINT prevention_import_rows_match_by_check
      CHECK (match_by IN ('person', 'name_address', 'address'));
    ALTER TABLE prevention_import_rows
      ADD COLUMN possible_household_id uuid,
      ADD COLUMN possible_decision text CHECK (possible_decision IN ('link', 'new'));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The possible-matches migration is not reversible.');
}
