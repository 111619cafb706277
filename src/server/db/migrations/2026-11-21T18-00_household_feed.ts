import { sql, type Kysely } from 'kysely';

/*
 * A change feed of households: for every household, the agency stamp of the statement that last
 * inserted, updated or deleted it. The household search keeps an index of the agency's households in
 * memory and, when the stamp moved, reads only the households changed since its own stamp instead of
 * all of them. The stamp trigger of 2026-11-21T15-00_ranking_pool writes the feed in the same
 * statement, so a change and its feed row commit together. One row per household (upserted), so the
 * table never outgrows the households.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE household_changes (
      agency_id uuid NOT NULL REFERENCES agencies (id),
      household_id uuid NOT NULL,
      stamp bigint NOT NULL,
      PRIMARY KEY (agency_id, household_id)
    );
    CREATE INDEX household_changes_stamp ON household_changes (agency_id, stamp);

    CREATE OR REPLACE FUNCTION wh_bump_pool_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH bumped AS (
          INSERT INTO pool_stamps AS p (agency_id) SELECT DISTINCT agency_id FROM changed
            ON CONFLICT (agency_id) DO UPDATE SET stamp = p.stamp + 1
            RETURNING p.agency_id, p.stamp
        )
        INSERT INTO household_changes AS c (agency_id, household_id, stamp)
          SELECT DISTINCT ON (ch.id) ch.agency_id, ch.id, b.stamp FROM changed ch JOIN bumped b USING (agency_id)
          ON CONFLICT (agency_id, household_id) DO UPDATE SET stamp = excluded.stamp;
        RETURN NULL;
      END $$;
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE household_changes ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE household_changes FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON household_changes TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON household_changes TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON household_changes TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The household feed migration is not reversible.');
}
