import { sql, type Kysely } from 'kysely';

/*
 * City-wide steering (issue 17): a steering body (e.g. a Senate administration) and the target
 * agreements its member agencies joined. Frozen: never import app code.
 *
 * The steering body is no tenant of case data. It gets a tenant of its own (an `agencies` row named
 * in `steering_bodies.agency_id`) that holds only its users (role `steering`), their sessions and
 * their audit trail — so login, sessions, row-level security and the audit chain work unchanged and
 * every city-wide read is audited in the body's own log. No case table ever has a row there, and the
 * `steering` role has no permission on any record route. The body and its agreements are managed by
 * the platform (the table owner: CLI and seed); the app role may only read them.
 *
 * Who sees an agreement: the steering body's tenant and each member agency (for the city average
 * beside its own figures). That rule needs the member list of the agreement in both policies, so it
 * is one SECURITY DEFINER function (the row-level check on the member table would otherwise refer to
 * itself).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users DROP CONSTRAINT users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('case_manager','social_worker','accommodation_worker','lead','provider_user','carrier_worker','auditor','admin','steering'));

    CREATE TABLE steering_bodies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL UNIQUE REFERENCES agencies(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE target_agreements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES steering_bodies(agency_id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      valid_from date NOT NULL,
      valid_to date,
      figure_ids text[] NOT NULL CHECK (cardinality(figure_ids) > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );

    CREATE TABLE target_agreement_members (
      agreement_id uuid NOT NULL REFERENCES target_agreements(id),
      agency_id uuid NOT NULL REFERENCES steering_bodies(agency_id),
      member_agency_id uuid NOT NULL REFERENCES agencies(id),
      joined_on date NOT NULL,
      PRIMARY KEY (agreement_id, member_agency_id)
    );
    CREATE INDEX target_agreement_members_member ON target_agreement_members (member_agency_id);

    CREATE FUNCTION wh_visible_agreements(p_agency uuid)
    RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT id FROM target_agreements WHERE agency_id = p_agency
      UNION SELECT agreement_id FROM target_agreement_members WHERE member_agency_id = p_agency
    $$;
    REVOKE ALL ON FUNCTION wh_visible_agreements(uuid) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_visible_agreements(uuid) TO wohnhilfe_app;
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  for (const table of ['steering_bodies', 'target_agreements', 'target_agreement_members']) {
    const t = sql.raw(table);
    await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY maintenance ON ${t} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
    // Platform data: the app reads, the owner (CLI, seed) writes.
    await sql`GRANT SELECT ON ${t} TO wohnhilfe_app`.execute(db);
  }
  await sql`CREATE POLICY agency_isolation ON steering_bodies TO wohnhilfe_app USING (agency_id = ${agencyExpr})`.execute(db);
  await sql`CREATE POLICY agency_isolation ON target_agreements TO wohnhilfe_app
    USING (id IN (SELECT wh_visible_agreements(${agencyExpr})))`.execute(db);
  await sql`CREATE POLICY agency_isolation ON target_agreement_members TO wohnhilfe_app
    USING (agreement_id IN (SELECT wh_visible_agreements(${agencyExpr})))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE target_agreement_members;
    DROP TABLE target_agreements;
    DROP TABLE steering_bodies;
    DROP FUNCTION wh_visible_agreements(uuid);
    DELETE FROM users WHERE role = 'steering';
    ALTER TABLE users DROP CONSTRAINT users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('case_manager','social_worker','accommodation_worker','lead','provider_user','carrier_worker','auditor','admin'));
  `.execute(db);
}
