import { sql, type Kysely } from 'kysely';

/*
 * The global search finds households by a member's birth date. The existing member index leads with
 * the last name (household matching), so a search by birth date alone would read every member of the
 * agency; this index answers it directly. Date equality is leakproof, so it is usable under RLS.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX household_members_birth_date ON household_members (agency_id, birth_date) WHERE birth_date IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX household_members_birth_date`.execute(db);
}
