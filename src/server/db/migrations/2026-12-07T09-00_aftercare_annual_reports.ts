import { sql, type Kysely } from 'kysely';

/*
 * The carrier's annual report as a tracked object: one per (agency, carrier, year), a draft with
 * the carrier's narrative until it is submitted; every submission is kept with the narrative and the
 * anonymised data as they were at that moment (a frozen snapshot), and the Fachstelle may return a
 * submission with a reason (the report is a draft again, the next submission gets the next number).
 * Frozen: never import app code.
 */
const TABLES = ['aftercare_annual_reports', 'aftercare_annual_report_submissions'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE aftercare_annual_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      carrier_id uuid NOT NULL,
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','submitted')),
      focus text CHECK (length(focus) <= 8000),
      goals text CHECK (length(goals) <= 8000),
      developments text CHECK (length(developments) <= 8000),
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, carrier_id, year),
      FOREIGN KEY (agency_id, carrier_id) REFERENCES carriers (agency_id, id)
    );

    CREATE TABLE aftercare_annual_report_submissions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      report_id uuid NOT NULL,
      no integer NOT NULL CHECK (no > 0),
      focus text,
      goals text,
      developments text,
      snapshot jsonb NOT NULL,
      submitted_by uuid,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      returned_by uuid,
      returned_at timestamptz,
      return_reason text,
      UNIQUE (agency_id, report_id, no),
      FOREIGN KEY (agency_id, report_id) REFERENCES aftercare_annual_reports (agency_id, id),
      CHECK ((returned_at IS NULL) = (return_reason IS NULL))
    );
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  for (const t of TABLES) {
    const table = sql.table(t);
    await sql`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY agency_isolation ON ${table} TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
      db,
    );
    await sql`CREATE POLICY maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO wohnhilfe_app`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The annual-report migration is not reversible.');
}
