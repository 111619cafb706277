import { sql, type Kysely } from 'kysely';

/*
 * The audit trail kept for its own period and pseudonymised; retention runs recorded (issue 18).
 *
 * Audit pseudonymisation. Every event is a link of the agency's keyed hash chain: its HMAC covers
 * the event's canonical text (wh_audit_text), actor and subject included. Changing those fields
 * would break the link; deleting old segments would lose the record that something was done at
 * all. So an old event is pseudonymised *in place* and keeps its original link hash (the next
 * event's prev_hash still matches, every checkpoint still matches): the app replaces actor, subject
 * and the UUIDs and free strings of the details by keyed pseudonyms, blanks the address, and seals
 * the pseudonymised text with a second HMAC (`pseudo_hash`, key `pseudo_key_id`) over the original
 * link hash, the number and the new canonical text. Verification checks such an event's continuity
 * (number, predecessor) and that second HMAC; without the key no one can alter a pseudonymised
 * event either. Only events sealed with a key, at least a year old and not yet pseudonymised can
 * be pseudonymised (wh_audit_pseudonymise refuses anything else).
 *
 * Retention runs: each daily pass writes a row per agency (households listed, audit events
 * pseudonymised and up to which time), and the reviews it listed point to it; the lead's decision
 * records the files deleted.
 *
 * Free text the anonymisation missed: wh_anonymise_household_texts(household, pseudonym) clears the
 * free-text columns of household records that wh_anonymise_household leaves (visit concerns,
 * viewing outcomes, the provider's veto, aftercare refusals, accommodation notes, restriction and
 * retention notes, access requests and their stored export) and replaces the household's names and
 * street lines in round-table minutes of offers it was a candidate for and in facility notes
 * (those texts are about several households). It runs before wh_anonymise_household, while the
 * names are still there; retention.anonymise.catalogue.test.ts fails for a new text column of a
 * household table that neither function clears nor the test lists as naming nobody.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE audit_events ADD COLUMN pseudonymised_at timestamptz, ADD COLUMN pseudo_hash text, ADD COLUMN pseudo_key_id text;
    CREATE INDEX audit_not_pseudonymised ON audit_events (agency_id, occurred_at) WHERE pseudonymised_at IS NULL AND key_id IS NOT NULL;

    DROP FUNCTION wh_audit_links(bigint, integer);
    CREATE FUNCTION wh_audit_links(p_from bigint, p_limit integer)
    RETURNS TABLE (seq bigint, prev_hash text, hash text, key_id text, canonical text, pseudo_hash text, pseudo_key_id text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT e.seq, e.prev_hash, e.hash, e.key_id, wh_audit_text(e), e.pseudo_hash, e.pseudo_key_id FROM audit_events e
      WHERE e.agency_id = nullif(current_setting('app.agency_id', true), '')::uuid AND e.key_id IS NOT NULL AND e.seq >= p_from
      ORDER BY e.seq LIMIT p_limit
    $f$;

    -- Sealed events of the transaction's agency due for pseudonymisation: reads (p_reads) before
    -- p_reads_before, every other event before p_others_before; oldest first.
    CREATE FUNCTION wh_audit_pseudonym_due(p_reads text[], p_reads_before timestamptz, p_others_before timestamptz, p_limit integer)
    RETURNS TABLE (id bigint, seq bigint, actor_id uuid, entity_id text, details jsonb, occurred_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT e.id, e.seq, e.actor_id, e.entity_id, e.details, e.occurred_at FROM audit_events e
      WHERE e.agency_id = nullif(current_setting('app.agency_id', true), '')::uuid AND e.key_id IS NOT NULL
        AND e.pseudonymised_at IS NULL AND e.occurred_at < least(greatest(p_reads_before, p_others_before), now() - interval '1 year')
        AND (e.occurred_at < p_others_before OR (e.action = ANY (p_reads) AND e.occurred_at < p_reads_before))
      ORDER BY e.occurred_at, e.seq LIMIT p_limit
    $f$;

    -- Writes the pseudonyms the app computed and answers the events' new canonical text.
    CREATE FUNCTION wh_audit_pseudonymise(p_ids bigint[], p_actors uuid[], p_entities text[], p_details jsonb[])
    RETURNS TABLE (id bigint, seq bigint, hash text, canonical text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
      agency uuid := nullif(current_setting('app.agency_id', true), '')::uuid;
      n integer;
    BEGIN
      UPDATE audit_events e SET actor_id = u.actor, entity_id = u.entity, details = u.details, ip = NULL, pseudonymised_at = now()
        FROM unnest(p_ids, p_actors, p_entities, p_details) AS u(id, actor, entity, details)
        WHERE e.id = u.id AND e.agency_id = agency AND e.key_id IS NOT NULL AND e.pseudonymised_at IS NULL
          AND e.occurred_at < now() - interval '1 year';
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n <> coalesce(array_length(p_ids, 1), 0) THEN
        RAISE EXCEPTION 'audit pseudonymise: % of % events may be pseudonymised', n, array_length(p_ids, 1);
      END IF;
      RETURN QUERY SELECT e.id, e.seq, e.hash, wh_audit_text(e) FROM audit_events e
        WHERE e.id = ANY (p_ids) AND e.agency_id = agency ORDER BY e.seq;
    END $f$;

    -- Seals pseudonymised events (only those pseudonymised and not yet sealed so).
    CREATE FUNCTION wh_audit_pseudo_seal(p_ids bigint[], p_hashes text[], p_key text)
    RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
      agency uuid := nullif(current_setting('app.agency_id', true), '')::uuid;
      n integer;
    BEGIN
      UPDATE audit_events e SET pseudo_hash = u.hash, pseudo_key_id = p_key
        FROM unnest(p_ids, p_hashes) AS u(id, hash)
        WHERE e.id = u.id AND e.agency_id = agency AND e.pseudonymised_at IS NOT NULL AND e.pseudo_hash IS NULL;
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n <> coalesce(array_length(p_ids, 1), 0) THEN
        RAISE EXCEPTION 'audit pseudo seal: % of % events sealed', n, array_length(p_ids, 1);
      END IF;
      RETURN n;
    END $f$;

    REVOKE ALL ON FUNCTION wh_audit_links(bigint, integer), wh_audit_pseudonym_due(text[], timestamptz, timestamptz, integer),
      wh_audit_pseudonymise(bigint[], uuid[], text[], jsonb[]), wh_audit_pseudo_seal(bigint[], text[], text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_audit_links(bigint, integer), wh_audit_pseudonym_due(text[], timestamptz, timestamptz, integer),
      wh_audit_pseudonymise(bigint[], uuid[], text[], jsonb[]), wh_audit_pseudo_seal(bigint[], text[], text) TO wohnhilfe_app;

    CREATE FUNCTION wh_anonymise_household_texts(p_household uuid, p_pseudonym text)
    RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
      a uuid := nullif(current_setting('app.agency_id', true), '')::uuid;
      anon constant text := 'anonymisiert';
      names text[];
      offers uuid[];
      stays uuid[];
      docs integer;
      nm text;
    BEGIN
      IF a IS NULL OR NOT EXISTS (SELECT 1 FROM households WHERE id = p_household AND agency_id = a) THEN
        RAISE EXCEPTION 'anonymise: household % not in the transaction''s agency', p_household;
      END IF;
      -- Longest first, so a full name is replaced before the last name inside it.
      SELECT array_agg(n ORDER BY length(n) DESC) INTO names FROM (
        SELECT DISTINCT n FROM (
          SELECT head_name AS n FROM households WHERE id = p_household AND agency_id = a
          UNION ALL SELECT first_name || ' ' || last_name FROM household_members WHERE household_id = p_household AND agency_id = a
          UNION ALL SELECT last_name || ', ' || first_name FROM household_members WHERE household_id = p_household AND agency_id = a
          UNION ALL SELECT first_name FROM household_members WHERE household_id = p_household AND agency_id = a
          UNION ALL SELECT last_name FROM household_members WHERE household_id = p_household AND agency_id = a
          UNION ALL SELECT street FROM household_addresses WHERE household_id = p_household AND agency_id = a
          UNION ALL SELECT street FROM tenancies WHERE household_id = p_household AND agency_id = a
          UNION ALL SELECT street FROM prevention_cases WHERE household_id = p_household AND agency_id = a
          UNION ALL SELECT street FROM aftercare_cases WHERE household_id = p_household AND agency_id = a) x
        WHERE length(n) >= 3) y;
      SELECT array_agg(DISTINCT offer_id) INTO offers FROM candidates WHERE agency_id = a AND household_id = p_household;
      SELECT array_agg(id) INTO stays FROM accommodation_assignments WHERE agency_id = a AND household_id = p_household;

      UPDATE households SET follow_up_reason = CASE WHEN follow_up_reason IS NULL THEN NULL ELSE anon END
        WHERE id = p_household AND agency_id = a;
      UPDATE candidates SET veto_reason = NULL WHERE household_id = p_household AND agency_id = a;
      UPDATE viewings SET outcome = CASE WHEN outcome IS NULL THEN NULL ELSE anon END
        WHERE agency_id = a AND candidate_id IN (SELECT id FROM candidates WHERE agency_id = a AND household_id = p_household);
      UPDATE prevention_visits SET concern = anon WHERE household_id = p_household AND agency_id = a;
      UPDATE prevention_import_rows SET errors = CASE WHEN errors IS NULL THEN NULL ELSE wh_scrub_json(errors) END
        WHERE agency_id = a AND p_household IN (household_id, match_household_id, possible_household_id);
      UPDATE aftercare_cases SET refusal_reason = CASE WHEN refusal_reason IS NULL THEN NULL ELSE anon END
        WHERE household_id = p_household AND agency_id = a;
      UPDATE accommodation_assignments SET contribution_note = NULL, move_out_note = NULL,
        cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE anon END
        WHERE household_id = p_household AND agency_id = a;
      UPDATE household_restrictions SET note = NULL, lift_note = CASE WHEN lift_note IS NULL THEN NULL ELSE anon END
        WHERE household_id = p_household AND agency_id = a;
      UPDATE retention_reviews SET keep_reason = CASE WHEN keep_reason IS NULL THEN NULL ELSE anon END
        WHERE household_id = p_household AND agency_id = a;
      UPDATE privacy_requests SET requested_by = anon, note = NULL,
        refusal_reason = CASE WHEN refusal_reason IS NULL THEN NULL ELSE anon END,
        export = CASE WHEN export IS NULL THEN NULL ELSE wh_scrub_json(export) END
        WHERE household_id = p_household AND agency_id = a;

      DELETE FROM documents WHERE agency_id = a AND owner_id = ANY (coalesce(stays, '{}'));
      GET DIAGNOSTICS docs = ROW_COUNT;

      -- Texts about several households: only this household's names and street lines are replaced.
      FOREACH nm IN ARRAY coalesce(names, '{}') LOOP
        UPDATE round_tables SET minutes = replace(minutes, nm, p_pseudonym)
          WHERE agency_id = a AND offer_id = ANY (coalesce(offers, '{}')) AND minutes LIKE '%' || nm || '%';
        UPDATE accommodation_facility_events SET note = replace(note, nm, p_pseudonym)
          WHERE agency_id = a AND note LIKE '%' || nm || '%';
      END LOOP;
      RETURN docs;
    END $f$;
    REVOKE ALL ON FUNCTION wh_anonymise_household_texts(uuid, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_anonymise_household_texts(uuid, text) TO wohnhilfe_app;

    CREATE TABLE retention_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      ran_on date NOT NULL,
      ran_at timestamptz NOT NULL DEFAULT now(),
      listed integer NOT NULL DEFAULT 0,
      audit_pseudonymised integer NOT NULL DEFAULT 0,
      audit_reads_before timestamptz,
      audit_others_before timestamptz,
      UNIQUE (agency_id, id)
    );
    CREATE INDEX retention_runs_time ON retention_runs (agency_id, ran_at DESC);
    ALTER TABLE retention_reviews ADD COLUMN run_id uuid, ADD COLUMN documents_deleted integer,
      ADD FOREIGN KEY (agency_id, run_id) REFERENCES retention_runs (agency_id, id);
    CREATE INDEX retention_reviews_run ON retention_reviews (agency_id, run_id);

    ALTER TABLE retention_runs ENABLE ROW LEVEL SECURITY;
    ALTER TABLE retention_runs FORCE ROW LEVEL SECURITY;
    CREATE POLICY agency_isolation ON retention_runs TO wohnhilfe_app
      USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid)
      WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);
    CREATE POLICY maintenance ON retention_runs TO CURRENT_USER USING (true) WITH CHECK (true);
    GRANT SELECT, INSERT, UPDATE ON retention_runs TO wohnhilfe_app;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE retention_reviews DROP COLUMN run_id, DROP COLUMN documents_deleted;
    DROP TABLE retention_runs;
    DROP FUNCTION wh_anonymise_household_texts(uuid, text);
    DROP FUNCTION wh_audit_pseudo_seal(bigint[], text[], text);
    DROP FUNCTION wh_audit_pseudonymise(bigint[], uuid[], text[], jsonb[]);
    DROP FUNCTION wh_audit_pseudonym_due(text[], timestamptz, timestamptz, integer);
    DROP FUNCTION wh_audit_links(bigint, integer);
    CREATE FUNCTION wh_audit_links(p_from bigint, p_limit integer)
    RETURNS TABLE (seq bigint, prev_hash text, hash text, key_id text, canonical text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT e.seq, e.prev_hash, e.hash, e.key_id, wh_audit_text(e) FROM audit_events e
      WHERE e.agency_id = nullif(current_setting('app.agency_id', true), '')::uuid AND e.key_id IS NOT NULL AND e.seq >= p_from
      ORDER BY e.seq LIMIT p_limit
    $f$;
    GRANT EXECUTE ON FUNCTION wh_audit_links(bigint, integer) TO wohnhilfe_app;
    DROP INDEX audit_not_pseudonymised;
    ALTER TABLE audit_events DROP COLUMN pseudonymised_at, DROP COLUMN pseudo_hash, DROP COLUMN pseudo_key_id;
  `.execute(db);
}
