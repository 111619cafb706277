import { sql, type Kysely } from 'kysely';

/*
 * English mode for texts the server stores (issue 14, item 8): a deadline's title and a
 * notification's text also as a translation key with its parameters (references, names, ISO dates),
 * so the web shows them in the user's language. The German sentence stays in `title`/`body`: mails
 * use it, and rows from before this migration have no key (the web shows the stored text).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE deadlines ADD COLUMN title_key text, ADD COLUMN title_params jsonb;
    ALTER TABLE notifications ADD COLUMN key text, ADD COLUMN params jsonb;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE notifications DROP COLUMN key, DROP COLUMN params;
    ALTER TABLE deadlines DROP COLUMN title_key, DROP COLUMN title_params;
  `.execute(db);
}
