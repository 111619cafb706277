import { sql, type Kysely } from 'kysely';

/*
 * Retention, restriction and consent over its life (issue 18).
 *
 * - `retention_reviews`: a household whose cases in every programme are closed and whose retention
 *   period (agency setting per programme, default 10 years after the case closed) has run out is
 *   listed here by the daily job; the lead confirms (→ anonymised) or keeps it with a reason.
 * - `household_restrictions`: restriction of processing (Art. 18 DSGVO, § 84 SGB X): reason, by whom,
 *   since; lifted later (a row is never deleted). At most one active restriction per household.
 * - `audit_values`: the personal values of a correction (old and new), outside the sealed chain: the
 *   event carries only the row's id and a salted digest, so the chain never holds personal data and
 *   stays verifiable when anonymisation blanks the value (and the salt, so the digest cannot be guessed).
 * - `consent_refusals`: every transfer refused because the household's consent was withdrawn,
 *   expired or missing, for the consent report.
 * - `aftercare_consents.valid_until`: an expiry date like the placement consents have.
 * - `wh_anonymise_household(household, pseudonym)`: the one statement set that removes a household's
 *   names, birth dates, contacts, street lines and free text in every table and deletes its
 *   documents; it runs as the owner (several tables are insert-only for the app) but only in the
 *   transaction's agency. Dates, states, outcomes, amounts, gender, postal code and district stay:
 *   the steering figures read nothing else. JSON documents keep their shape: strings that are
 *   identifiers (snake_case), dates or UUIDs stay, every other string becomes 'anonymisiert', keys
 *   naming a birth date become null.
 * Frozen: never import app code.
 */
const TABLES = ['retention_reviews', 'household_restrictions', 'audit_values', 'consent_refusals'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE households ADD COLUMN anonymised_at timestamptz;
    ALTER TABLE aftercare_consents ADD COLUMN valid_until date;

    CREATE TABLE retention_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      household_id uuid NOT NULL,
      closed_on date NOT NULL,
      due_on date NOT NULL,
      programmes text[] NOT NULL,
      status text NOT NULL DEFAULT 'due' CHECK (status IN ('due','anonymised','kept')),
      listed_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid,
      decided_at timestamptz,
      keep_reason text CHECK (length(keep_reason) <= 1000),
      keep_until date,
      CHECK ((status = 'kept') = (keep_reason IS NOT NULL AND keep_until IS NOT NULL)),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id)
    );
    CREATE UNIQUE INDEX retention_reviews_open ON retention_reviews (agency_id, household_id) WHERE status = 'due';
    CREATE INDEX retention_reviews_household ON retention_reviews (agency_id, household_id, listed_at DESC);

    CREATE TABLE household_restrictions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      household_id uuid NOT NULL,
      reason text NOT NULL CHECK (reason IN ('accuracy_contested','unlawful_processing','legal_claims','objection_pending','other')),
      note text CHECK (length(note) <= 1000),
      restricted_by uuid,
      restricted_at timestamptz NOT NULL DEFAULT now(),
      lifted_by uuid,
      lifted_at timestamptz,
      lift_note text CHECK (length(lift_note) <= 1000),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id)
    );
    CREATE UNIQUE INDEX household_restrictions_active ON household_restrictions (agency_id, household_id) WHERE lifted_at IS NULL;

    CREATE TABLE audit_values (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      household_id uuid NOT NULL,
      salt text,
      value jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_values_household ON audit_values (agency_id, household_id);

    CREATE TABLE consent_refusals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      household_id uuid NOT NULL,
      programme text NOT NULL CHECK (programme IN ('placement','aftercare')),
      consent_id uuid,
      recipient text NOT NULL,
      reason text NOT NULL CHECK (reason IN ('withdrawn','expired','missing')),
      attempted_by uuid,
      attempted_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id)
    );
    CREATE INDEX consent_refusals_time ON consent_refusals (agency_id, attempted_at DESC);

    -- A JSON document without personal strings (see the header); its shape stays.
    CREATE FUNCTION wh_scrub_json(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $f$
      SELECT CASE jsonb_typeof(j)
        WHEN 'object' THEN coalesce((SELECT jsonb_object_agg(k, CASE WHEN k ILIKE '%birth%' THEN 'null'::jsonb ELSE wh_scrub_json(v) END)
                                      FROM jsonb_each(j) AS e(k, v)), '{}'::jsonb)
        WHEN 'array' THEN coalesce((SELECT jsonb_agg(wh_scrub_json(v) ORDER BY n) FROM jsonb_array_elements(j) WITH ORDINALITY AS a(v, n)), '[]'::jsonb)
        WHEN 'string' THEN CASE
          WHEN j #>> '{}' ~ '^[a-z][a-z0-9_]*$' OR j #>> '{}' ~ '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+Z?)?$'
            OR j #>> '{}' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN j
          ELSE to_jsonb('anonymisiert'::text) END
        ELSE j END
    $f$;

    CREATE FUNCTION wh_anonymise_household(p_household uuid, p_pseudonym text)
    RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
      a uuid := nullif(current_setting('app.agency_id', true), '')::uuid;
      anon constant text := 'anonymisiert';
      names text[];
      pcases uuid[];
      acases uuid[];
      tens uuid[];
      incs uuid[];
      owners uuid[];
      docs integer;
      nm text;
    BEGIN
      IF a IS NULL OR NOT EXISTS (SELECT 1 FROM households WHERE id = p_household AND agency_id = a) THEN
        RAISE EXCEPTION 'anonymise: household % not in the transaction''s agency', p_household;
      END IF;
      SELECT array_agg(DISTINCT n) FILTER (WHERE length(n) >= 3) INTO names FROM (
        SELECT head_name AS n FROM households WHERE id = p_household
        UNION ALL SELECT first_name || ' ' || last_name FROM household_members WHERE household_id = p_household AND agency_id = a
        UNION ALL SELECT last_name || ', ' || first_name FROM household_members WHERE household_id = p_household AND agency_id = a
        UNION ALL SELECT last_name FROM household_members WHERE household_id = p_household AND agency_id = a
        UNION ALL SELECT street FROM household_addresses WHERE household_id = p_household AND agency_id = a
        UNION ALL SELECT street FROM tenancies WHERE household_id = p_household AND agency_id = a
        UNION ALL SELECT street FROM prevention_cases WHERE household_id = p_household AND agency_id = a
        UNION ALL SELECT street FROM aftercare_cases WHERE household_id = p_household AND agency_id = a) x;
      SELECT array_agg(id) INTO pcases FROM prevention_cases WHERE agency_id = a AND household_id = p_household;
      SELECT array_agg(id) INTO acases FROM aftercare_cases WHERE agency_id = a AND household_id = p_household;
      SELECT array_agg(id) INTO tens FROM tenancies WHERE agency_id = a AND household_id = p_household;
      SELECT array_agg(id) INTO incs FROM incidents WHERE agency_id = a AND tenancy_id = ANY (coalesce(tens, '{}'));
      owners := ARRAY[p_household] || coalesce(pcases, '{}') || coalesce(acases, '{}') || coalesce(tens, '{}') || coalesce(incs, '{}')
        || coalesce((SELECT array_agg(id) FROM prevention_measures WHERE agency_id = a AND case_id = ANY (coalesce(pcases, '{}'))), '{}');

      -- The household and its people.
      UPDATE households SET head_name = p_pseudonym, search_text = lower(reference), eldest_birth_date = NULL,
        needs = wh_scrub_json(needs), anonymised_at = now(), updated_at = now()
        WHERE id = p_household AND agency_id = a;
      UPDATE household_members SET first_name = anon, last_name = p_pseudonym, birth_date = NULL, phone = NULL, email = NULL
        WHERE household_id = p_household AND agency_id = a;
      UPDATE household_addresses SET street = NULL, note = NULL WHERE household_id = p_household AND agency_id = a;
      UPDATE journal_entries SET text = anon WHERE household_id = p_household AND agency_id = a;
      UPDATE audit_values SET value = to_jsonb(anon), salt = NULL WHERE household_id = p_household AND agency_id = a;

      -- Placement.
      UPDATE consents SET given_by = anon, minute = CASE WHEN minute IS NULL THEN NULL ELSE anon END, withdrawal_note = NULL
        WHERE household_id = p_household AND agency_id = a;
      UPDATE candidates SET comment = '', refusal_text = NULL WHERE household_id = p_household AND agency_id = a;

      -- Tenancy sustainment.
      UPDATE tenancies SET street = '', end_note = NULL, closing_note = NULL WHERE id = ANY (coalesce(tens, '{}')) AND agency_id = a;
      UPDATE incidents SET description = NULL, reasons = NULL, resolution = NULL, provider_message = NULL, cancel_reason = NULL
        WHERE id = ANY (coalesce(incs, '{}')) AND agency_id = a;
      UPDATE incident_events SET details = wh_scrub_json(details), provider_details = wh_scrub_json(provider_details)
        WHERE incident_id = ANY (coalesce(incs, '{}')) AND agency_id = a;
      UPDATE incident_contacts SET note = anon WHERE incident_id = ANY (coalesce(incs, '{}')) AND agency_id = a;
      UPDATE guarantee_payouts SET note = NULL WHERE tenancy_id = ANY (coalesce(tens, '{}')) AND agency_id = a;
      UPDATE recovery_agreements SET note = NULL WHERE tenancy_id = ANY (coalesce(tens, '{}')) AND agency_id = a;
      UPDATE recovery_payments SET note = NULL WHERE tenancy_id = ANY (coalesce(tens, '{}')) AND agency_id = a;

      -- Prevention.
      UPDATE prevention_cases SET tenants = wh_scrub_json(tenants), parties = wh_scrub_json(parties), clearing = wh_scrub_json(clearing),
        street = '', landlord_name = NULL, landlord_address = NULL, court_file_number = NULL, note = NULL, source_detail = NULL,
        outcome_note = NULL, aftercare_note = NULL, search_text = lower(reference)
        WHERE id = ANY (coalesce(pcases, '{}')) AND agency_id = a;
      UPDATE prevention_notices SET notice = wh_scrub_json(notice) WHERE case_id = ANY (coalesce(pcases, '{}')) AND agency_id = a;
      UPDATE prevention_contact_attempts SET note = NULL WHERE case_id = ANY (coalesce(pcases, '{}')) AND agency_id = a;
      UPDATE prevention_measures SET note = NULL, data = wh_scrub_json(data) WHERE case_id = ANY (coalesce(pcases, '{}')) AND agency_id = a;
      UPDATE prevention_referrals SET note = NULL WHERE case_id = ANY (coalesce(pcases, '{}')) AND agency_id = a;
      UPDATE prevention_visits SET name = p_pseudonym, birth_date = NULL, note = NULL WHERE household_id = p_household AND agency_id = a;
      UPDATE prevention_import_rows SET cells = wh_scrub_json(cells), record = wh_scrub_json(record)
        WHERE agency_id = a AND p_household IN (household_id, match_household_id, possible_household_id);

      -- Aftercare.
      UPDATE aftercare_cases SET street = NULL, phone = NULL, note = NULL, check_note = NULL, source_detail = NULL,
        refused_help_detail = NULL, end_note = NULL WHERE id = ANY (coalesce(acases, '{}')) AND agency_id = a;
      UPDATE aftercare_extensions SET reason = anon WHERE case_id = ANY (coalesce(acases, '{}')) AND agency_id = a;
      UPDATE aftercare_consents SET withdrawal_note = NULL WHERE case_id = ANY (coalesce(acases, '{}')) AND agency_id = a;
      UPDATE aftercare_goals SET goal = anon, measures = NULL, responsible = NULL WHERE case_id = ANY (coalesce(acases, '{}')) AND agency_id = a;
      UPDATE aftercare_goal_reviews SET note = NULL WHERE case_id = ANY (coalesce(acases, '{}')) AND agency_id = a;
      UPDATE aftercare_visits SET household_view = NULL, note = NULL WHERE case_id = ANY (coalesce(acases, '{}')) AND agency_id = a;
      UPDATE aftercare_referrals SET note = NULL WHERE case_id = ANY (coalesce(acases, '{}')) AND agency_id = a;
      UPDATE aftercare_contacts SET counterpart_name = NULL, note = NULL WHERE case_id = ANY (coalesce(acases, '{}')) AND agency_id = a;
      UPDATE aftercare_follow_ups SET note = NULL WHERE case_id = ANY (coalesce(acases, '{}')) AND agency_id = a;

      -- Uploaded and generated files of the household's records, and stored answers that held it.
      DELETE FROM documents WHERE agency_id = a AND owner_id = ANY (owners);
      GET DIAGNOSTICS docs = ROW_COUNT;
      DELETE FROM idempotency_keys WHERE agency_id = a AND response::text LIKE '%' || p_household::text || '%';

      -- Messages to staff name the household (and its street) in their text: those are replaced there.
      UPDATE deadlines SET title = p_pseudonym, title_params = NULL WHERE agency_id = a AND household_id = p_household;
      FOREACH nm IN ARRAY coalesce(names, '{}') LOOP
        UPDATE deadlines SET title = replace(title, nm, p_pseudonym), title_params = replace(title_params::text, nm, p_pseudonym)::jsonb
          WHERE agency_id = a AND (title LIKE '%' || nm || '%' OR title_params::text LIKE '%' || nm || '%');
        UPDATE notifications SET title = replace(title, nm, p_pseudonym), body = replace(body, nm, p_pseudonym),
          params = replace(params::text, nm, p_pseudonym)::jsonb
          WHERE agency_id = a AND (title LIKE '%' || nm || '%' OR body LIKE '%' || nm || '%' OR params::text LIKE '%' || nm || '%');
        UPDATE outbox_mails SET subject = replace(subject, nm, p_pseudonym), text_body = replace(text_body, nm, p_pseudonym)
          WHERE agency_id = a AND (subject LIKE '%' || nm || '%' OR text_body LIKE '%' || nm || '%');
      END LOOP;
      RETURN docs;
    END $f$;
    -- Every agency's id, for the daily retention pass (ids only).
    CREATE FUNCTION wh_retention_agencies() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$ SELECT id FROM agencies ORDER BY id $f$;
    REVOKE ALL ON FUNCTION wh_anonymise_household(uuid, text), wh_retention_agencies() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_anonymise_household(uuid, text), wh_retention_agencies() TO wohnhilfe_app;
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
  }
  await sql`GRANT SELECT, INSERT, UPDATE ON retention_reviews, household_restrictions TO wohnhilfe_app`.execute(db);
  // Correction values and refusals are only added by the app (anonymisation blanks values as the owner).
  await sql`GRANT SELECT, INSERT ON audit_values, consent_refusals TO wohnhilfe_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP FUNCTION wh_anonymise_household(uuid, text);
    DROP FUNCTION wh_retention_agencies();
    DROP FUNCTION wh_scrub_json(jsonb);
    DROP TABLE consent_refusals, audit_values, household_restrictions, retention_reviews;
    ALTER TABLE aftercare_consents DROP COLUMN valid_until;
    ALTER TABLE households DROP COLUMN anonymised_at;
  `.execute(db);
}
