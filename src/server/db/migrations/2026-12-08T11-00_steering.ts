import { sql, type Kysely } from 'kysely';

/*
 * Steering (issue 17): an agency's minimum and target values per key figure, versioned and dated.
 * A row is never changed: a new value is a new row from a date on; the value in force for a period
 * is the row with the latest valid_from on or before the period's end (ties: the newest row).
 * A null minimum or target means "not set" in that version. Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE steering_targets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      figure_id text NOT NULL CHECK (figure_id ~ '^[a-z][a-z0-9_.]{1,79}$'),
      minimum numeric,
      target numeric,
      valid_from date NOT NULL,
      note text CHECK (length(note) <= 1000),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (minimum IS NOT NULL OR target IS NOT NULL)
    );
    CREATE INDEX steering_targets_in_force ON steering_targets (agency_id, figure_id, valid_from DESC, created_at DESC);
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE steering_targets ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE steering_targets FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON steering_targets TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON steering_targets TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  // Versions are only ever added: the app may read and insert, never change or delete one.
  await sql`GRANT SELECT, INSERT ON steering_targets TO wohnhilfe_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE steering_targets`.execute(db);
}
