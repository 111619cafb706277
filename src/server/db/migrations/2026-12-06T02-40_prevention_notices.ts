import { sql, type Kysely } from 'kysely';

/*
 * Further notices of a case: a second notice for a household with an open case joins that case's
 * list instead of opening a second case (the first notice stays in the case's own columns). Each
 * keeps the notice as entered. Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE prevention_notices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      source text NOT NULL CHECK (source IN ('court_notice','landlord','job_centre','self_referral','other_service')),
      received_on date NOT NULL,
      notice jsonb NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, case_id) REFERENCES prevention_cases (agency_id, id)
    );
    CREATE INDEX prevention_notices_case ON prevention_notices (agency_id, case_id, received_on);
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE prevention_notices ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE prevention_notices FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON prevention_notices TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON prevention_notices TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON prevention_notices TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The prevention-notices migration is not reversible.');
}
