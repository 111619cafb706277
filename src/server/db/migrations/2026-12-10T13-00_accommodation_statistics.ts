import { sql, type Kysely } from 'kysely';

/*
 * Accommodation (issue 16), the federal statistics (WoBerichtsG): one row per agency and reporting
 * year, opened by the daily job once the reference night (31 January to 1 February) has passed; it
 * holds the due date (30 working days after the reference day) whose deadline the lead holds, and
 * when (and by whom) the export was marked as submitted. The records themselves are never stored:
 * they are computed from the stays on every export. `wh_accommodation_agencies()` lists the
 * agencies with at least one facility for the job (ids only). Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE accommodation_statistics_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      due_on date NOT NULL,
      submitted_at timestamptz,
      submitted_by uuid,
      submitted_persons integer,
      note text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, year),
      CHECK ((submitted_at IS NULL) = (submitted_persons IS NULL))
    );
    CREATE FUNCTION wh_accommodation_agencies() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $f$ SELECT DISTINCT agency_id FROM accommodation_facilities ORDER BY 1 $f$;
    REVOKE ALL ON FUNCTION wh_accommodation_agencies() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_accommodation_agencies() TO wohnhilfe_app;
  `.execute(db);

  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  const table = sql.table('accommodation_statistics_reports');
  await sql`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON ${table} TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON ${table} TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The accommodation statistics migration is not reversible.');
}
