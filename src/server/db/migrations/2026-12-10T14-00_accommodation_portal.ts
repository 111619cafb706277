import { sql, type Kysely } from 'kysely';

/*
 * Accommodation (issue 16), the operator portal: a shelter operator's staff log in with the role
 * `operator_user`, bound to one accommodation operator (`users.operator_id`, as a housing company's
 * user is bound by `provider_id`), and report incidents in its facilities
 * (`accommodation_incidents`) that the accommodation team reads on the assignment. The incident text
 * is free text about a person: when the household is anonymised (`households.anonymised_at` set by
 * `wh_anonymise_household`) a trigger replaces it, so the retention function needs no change here.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users DROP CONSTRAINT users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN
      ('case_manager','social_worker','accommodation_worker','lead','provider_user','carrier_worker','auditor','admin','steering','dpo','operator_user'));
    ALTER TABLE users ADD COLUMN operator_id uuid;
    ALTER TABLE users ADD CONSTRAINT users_operator_fk FOREIGN KEY (agency_id, operator_id) REFERENCES accommodation_operators (agency_id, id);
    ALTER TABLE users ADD CONSTRAINT users_operator_role CHECK ((role = 'operator_user') = (operator_id IS NOT NULL));
    CREATE INDEX users_operator ON users (agency_id, operator_id) WHERE operator_id IS NOT NULL;

    CREATE TABLE accommodation_incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      assignment_id uuid NOT NULL,
      household_id uuid NOT NULL,
      facility_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('damage','conflict','rule_violation','health','police','other')),
      occurred_on date NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
      reported_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, assignment_id) REFERENCES accommodation_assignments (agency_id, id),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id),
      FOREIGN KEY (agency_id, facility_id) REFERENCES accommodation_facilities (agency_id, id),
      FOREIGN KEY (agency_id, reported_by) REFERENCES users (agency_id, id)
    );
    CREATE INDEX accommodation_incidents_assignment ON accommodation_incidents (agency_id, assignment_id, occurred_on);
    CREATE INDEX accommodation_incidents_household ON accommodation_incidents (agency_id, household_id);

    CREATE FUNCTION wh_anonymise_accommodation_incidents() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    BEGIN
      UPDATE accommodation_incidents SET text = 'anonymisiert' WHERE agency_id = NEW.agency_id AND household_id = NEW.id;
      RETURN NULL;
    END $f$;
    CREATE TRIGGER households_anonymise_accommodation_incidents AFTER UPDATE OF anonymised_at ON households
      FOR EACH ROW WHEN (OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL)
      EXECUTE FUNCTION wh_anonymise_accommodation_incidents();
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  const table = sql.table('accommodation_incidents');
  await sql`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON ${table} TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  // Insert-only for the app: an incident report is a fact; anonymisation runs as the owner (trigger).
  await sql`GRANT SELECT, INSERT ON ${table} TO wohnhilfe_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER households_anonymise_accommodation_incidents ON households;
    DROP FUNCTION wh_anonymise_accommodation_incidents();
    DROP TABLE accommodation_incidents;
    DELETE FROM users WHERE role = 'operator_user';
    ALTER TABLE users DROP CONSTRAINT users_operator_role;
    ALTER TABLE users DROP CONSTRAINT users_operator_fk;
    ALTER TABLE users DROP COLUMN operator_id;
    ALTER TABLE users DROP CONSTRAINT users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN
      ('case_manager','social_worker','accommodation_worker','lead','provider_user','carrier_worker','auditor','admin','steering','dpo'));
  `.execute(db);
}
