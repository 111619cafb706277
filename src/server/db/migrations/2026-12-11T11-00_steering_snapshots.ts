import { sql, type Kysely } from 'kysely';

/*
 * Materialised steering figures (issue 17): the key figures and the breakdowns of an agency for a
 * period, computed by the modules' aggregate statements and kept with the time of the data they
 * were computed from (`data_as_of`: the computing transaction's start). The hourly job
 * `steering.snapshots` refreshes the calendar quarters and years the dashboard offers; a request
 * whose snapshot is missing or too old computes it and stores it. Counts and medians only — no
 * person, no case — so nothing here is personal data. Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE steering_snapshots (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      kind text NOT NULL CHECK (kind IN ('figures', 'breakdowns')),
      period_from date NOT NULL,
      period_to date NOT NULL CHECK (period_to >= period_from),
      data jsonb NOT NULL,
      data_as_of timestamptz NOT NULL,
      compute_ms integer NOT NULL CHECK (compute_ms >= 0),
      PRIMARY KEY (agency_id, kind, period_from, period_to)
    );

    CREATE FUNCTION wh_steering_agencies() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
        SELECT a.id FROM agencies a
        WHERE NOT EXISTS (SELECT 1 FROM steering_bodies b WHERE b.agency_id = a.id)
          AND EXISTS (SELECT 1 FROM households h WHERE h.agency_id = a.id)
        ORDER BY a.id
      $f$;
    REVOKE ALL ON FUNCTION wh_steering_agencies() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_steering_agencies() TO wohnhilfe_app;
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  const table = sql.table('steering_snapshots');
  await sql`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON ${table} TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON ${table} TO wohnhilfe_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP FUNCTION wh_steering_agencies();
    DROP TABLE steering_snapshots;
  `.execute(db);
}
