import { sql, type Kysely } from 'kysely';

/*
 * Rankings are stored compactly: per ranked household the facts of its score, per excluded one its
 * reasons as bits, and once per ranking the basis it was made under (the offer's figures and the
 * programme conditions), from which the explanations are derived on every read. Rows stored before
 * keep their explained entries and have no basis.
 * The table's agency policy and grants cover the new column.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rankings ADD COLUMN basis jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rankings DROP COLUMN basis`.execute(db);
}
