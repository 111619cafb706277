import { type Kysely, sql } from 'kysely';

/*
 * List import speed. Matching a list row to a known home asks for the newest prevention case at an
 * address (wh_address_key): the address index gains the creation time (newest first) and the
 * household, so that answer is one index entry instead of every case ever opened at the house —
 * housing companies send the same houses month after month. It replaces the plain address index
 * (same leading columns: the case form's matching uses it unchanged). Frozen: never import app code.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX prevention_cases_home ON prevention_cases (agency_id, address_key, created_at DESC) INCLUDE (household_id);
    DROP INDEX prevention_cases_address;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The import speed migration is not reversible.');
}
