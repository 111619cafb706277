import { type Kysely, sql } from 'kysely';

/*
 * Prevention list import: a job per uploaded file (CSV/XLSX) with its state, mapping, counts,
 * progress and report, and one row per line of the file (raw cells, the checked record, errors,
 * the household it matches, the case it became). Frozen: never import app code.
 */

const AGENCY_TABLES = ['prevention_import_jobs', 'prevention_import_rows'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE prevention_import_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      created_by uuid NOT NULL,
      filename text NOT NULL,
      size_bytes integer NOT NULL DEFAULT 0,
      format text CHECK (format IN ('csv','xlsx')),
      encoding text,
      delimiter text,
      state text NOT NULL DEFAULT 'parsing' CHECK (state IN ('parsing','uploaded','mapped','importing','done','failed')),
      columns text[] NOT NULL DEFAULT '{}',
      suggested_mapping jsonb,
      mapping jsonb,
      source text,
      default_city text,
      total_rows integer NOT NULL DEFAULT 0,
      counts jsonb,
      progress_done integer NOT NULL DEFAULT 0,
      progress_total integer NOT NULL DEFAULT 0,
      report jsonb,
      error text,
      confirmed_by uuid,
      confirmed_at timestamptz,
      finished_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, created_by) REFERENCES users (agency_id, id),
      FOREIGN KEY (agency_id, confirmed_by) REFERENCES users (agency_id, id)
    );
    CREATE INDEX prevention_import_jobs_recent ON prevention_import_jobs (agency_id, created_at DESC);

    -- Rows are written once by the upload and then updated by checking and importing: free space in
    -- each page lets those updates stay on the page (HOT) without touching the index.
    CREATE TABLE prevention_import_rows (
      agency_id uuid NOT NULL,
      job_id uuid NOT NULL,
      row_no integer NOT NULL,
      cells jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','valid','invalid')),
      record jsonb,
      errors jsonb,
      match_household_id uuid,
      match_by text CHECK (match_by IN ('person','address')),
      duplicate_of integer,
      household_id uuid,
      new_household boolean,
      case_id uuid,
      PRIMARY KEY (job_id, row_no),
      FOREIGN KEY (agency_id, job_id) REFERENCES prevention_import_jobs (agency_id, id) ON DELETE CASCADE
    ) WITH (fillfactor = 50);

    -- Known people among the rows of a list (same first and last name and birth date), with their
    -- household. Under row-level security the planner may not use the lower(name) index (lower() is
    -- not leakproof) and would scan every member per row; like wh_household_search, this function
    -- applies the transaction's agency itself and so uses household_members_match.
    CREATE FUNCTION wh_import_person_matches(p_people jsonb) RETURNS TABLE (i integer, household_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT DISTINCT ON (p.i) p.i, m.household_id
        FROM jsonb_to_recordset(p_people) AS p(i integer, f text, l text, b date)
        JOIN household_members m ON m.agency_id = nullif(current_setting('app.agency_id', true), '')::uuid
          AND lower(m.last_name) = lower(p.l) AND m.birth_date = p.b AND lower(m.first_name) = lower(p.f)
        JOIN households h ON h.agency_id = m.agency_id AND h.id = m.household_id
        ORDER BY p.i, h.reference
      $$;

  `.execute(db);

  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  for (const t of AGENCY_TABLES) {
    const table = sql.table(t);
    await sql`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY agency_isolation ON ${table} TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
      db,
    );
    await sql`CREATE POLICY maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO wohnhilfe_app`.execute(db);
  }
  await sql`
    REVOKE ALL ON FUNCTION wh_import_person_matches(jsonb) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_import_person_matches(jsonb) TO wohnhilfe_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The prevention import migration is not reversible.');
}
