import { sql, type Kysely } from 'kysely';

/*
 * Data protection (issue 18): the data subject's access requests (Art. 15 DSGVO, § 83 SGB X) as a
 * tracked process, and the data-protection officer's role. A request concerns a household or one of
 * its members; `export` holds the one export produced (JSON), so what is handed over is exactly
 * what was produced. Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`.execute(db);
  await sql`
    ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN
      ('case_manager','social_worker','accommodation_worker','lead','provider_user','carrier_worker','auditor','admin','steering','dpo'))
  `.execute(db);
  await sql`
    CREATE TABLE privacy_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      reference text NOT NULL,
      household_id uuid NOT NULL REFERENCES households(id),
      member_id uuid REFERENCES household_members(id),
      state text NOT NULL DEFAULT 'received' CHECK (state IN ('received','in_progress','produced','handed_over','refused')),
      channel text NOT NULL CHECK (channel IN ('letter','email','in_person','phone','other')),
      received_on date NOT NULL,
      due_on date NOT NULL,
      requested_by text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 200),
      note text CHECK (length(note) <= 2000),
      refusal_reason text CHECK (length(refusal_reason) <= 2000),
      export jsonb,
      produced_at timestamptz,
      produced_by uuid REFERENCES users(id),
      handed_over_on date,
      handover_channel text CHECK (handover_channel IN ('letter','email','in_person','other')),
      handed_over_by uuid REFERENCES users(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      UNIQUE (agency_id, reference),
      CHECK (state <> 'refused' OR refusal_reason IS NOT NULL),
      CHECK (state NOT IN ('produced','handed_over') OR export IS NOT NULL)
    );
    CREATE INDEX privacy_requests_list ON privacy_requests (agency_id, state, due_on);
    CREATE INDEX privacy_requests_household ON privacy_requests (household_id);
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE privacy_requests ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE privacy_requests FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON privacy_requests TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON privacy_requests TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON privacy_requests TO wohnhilfe_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE privacy_requests`.execute(db);
  await sql`DELETE FROM users WHERE role = 'dpo'`.execute(db);
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`.execute(db);
  await sql`
    ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN
      ('case_manager','social_worker','accommodation_worker','lead','provider_user','carrier_worker','auditor','admin','steering'))
  `.execute(db);
}
