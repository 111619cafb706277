import { sql, type Kysely } from 'kysely';

/*
 * The audit chain keyed with a key outside the database (issue 13). Until now each link was a
 * SHA-256 that anyone able to write the table could recompute (wh_audit_hash), so the database
 * owner could rewrite an event and re-hash the rest. From here on the app seals: it reads each new
 * event's canonical text (wh_audit_text, the one definition of that text), computes an HMAC over
 * the previous hash, the sequence number, the key id and that text with a key the database never
 * sees, and writes the result through wh_audit_seal_apply, which only ever touches events not yet
 * sealed with a key. Signed checkpoints (agency, last seq, head hash, time) are kept beside.
 *
 * Events sealed before this migration (key_id NULL) are checked here against the old hash; when
 * every chain is intact they are re-sealed with the key at the app's first start, keeping their
 * numbers. A broken chain stops the migration: keying it would launder the break.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DO $$
    DECLARE a uuid; r record; prev text; expected bigint;
    BEGIN
      FOR a IN SELECT DISTINCT agency_id FROM audit_events WHERE seq IS NOT NULL LOOP
        prev := repeat('0', 64);
        expected := 1;
        FOR r IN SELECT e.seq, e.prev_hash, e.hash, wh_audit_hash(e) AS recomputed
                 FROM audit_events e WHERE e.agency_id = a AND e.seq IS NOT NULL ORDER BY e.seq LOOP
          IF r.seq <> expected OR r.prev_hash IS DISTINCT FROM prev OR r.hash IS DISTINCT FROM r.recomputed THEN
            RAISE EXCEPTION 'Die Audit-Kette der Behörde % ist bei Ereignis Nr. % gebrochen; sie wird nicht mit dem Schlüssel versiegelt. Bitte die Datenbank aus einer Sicherung wiederherstellen.', a, expected;
          END IF;
          prev := r.hash;
          expected := expected + 1;
        END LOOP;
      END LOOP;
    END $$;

    ALTER TABLE audit_events ADD COLUMN key_id text;
    DROP INDEX audit_unsealed;
    CREATE INDEX audit_unkeyed ON audit_events (agency_id, seq, id) WHERE key_id IS NULL;
    CREATE OR REPLACE VIEW audit_events_v WITH (security_barrier) AS
      SELECT * FROM audit_events
      WHERE agency_id = nullif(current_setting('app.agency_id', true), '')::uuid;

    -- The canonical text of an event: every recorded field, as a JSON array (unambiguous, whatever
    -- the fields contain). Sequence number, predecessor and key id are added by the sealer.
    CREATE FUNCTION wh_audit_text(e audit_events) RETURNS text LANGUAGE sql STABLE AS $f$
      SELECT json_build_array(e.agency_id, e.id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_id, e.actor_role, e.action, e.entity_type, e.entity_id, e.purpose, e.outcome, e.ip, e.details)::text
    $f$;

    -- The chain's rows with their canonical text, for the transaction's agency, read straight from
    -- the table in index order: through the security-barrier view every row's text would be built
    -- before sorting (100,000 texts for a batch of 20,000).
    CREATE FUNCTION wh_audit_unsealed(p_limit integer) RETURNS TABLE (id bigint, canonical text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT e.id, wh_audit_text(e) FROM audit_events e
      WHERE e.agency_id = nullif(current_setting('app.agency_id', true), '')::uuid AND e.key_id IS NULL
      ORDER BY e.seq NULLS LAST, e.id LIMIT p_limit
    $f$;
    CREATE FUNCTION wh_audit_links(p_from bigint, p_limit integer)
    RETURNS TABLE (seq bigint, prev_hash text, hash text, key_id text, canonical text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT e.seq, e.prev_hash, e.hash, e.key_id, wh_audit_text(e) FROM audit_events e
      WHERE e.agency_id = nullif(current_setting('app.agency_id', true), '')::uuid AND e.key_id IS NOT NULL AND e.seq >= p_from
      ORDER BY e.seq LIMIT p_limit
    $f$;

    DROP FUNCTION wh_audit_seal();
    DROP FUNCTION wh_audit_hash(audit_events);

    -- Writes the links the app computed; never changes an event already sealed with a key, and
    -- only continues the transaction's agency's chain right after its keyed head.
    CREATE FUNCTION wh_audit_seal_apply(p_ids bigint[], p_seqs bigint[], p_prevs text[], p_hashes text[], p_key text)
    RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
      agency uuid := nullif(current_setting('app.agency_id', true), '')::uuid;
      head bigint;
      n integer;
    BEGIN
      SELECT coalesce(max(seq), 0) INTO head FROM audit_events WHERE agency_id = agency AND key_id IS NOT NULL;
      IF p_seqs[1] IS DISTINCT FROM head + 1 THEN
        RAISE EXCEPTION 'audit seal: chain of % continues at %, not %', agency, head + 1, p_seqs[1];
      END IF;
      UPDATE audit_events e SET seq = u.seq, prev_hash = u.prev_hash, hash = u.hash, key_id = p_key
        FROM unnest(p_ids, p_seqs, p_prevs, p_hashes) AS u(id, seq, prev_hash, hash)
        WHERE e.id = u.id AND e.agency_id = agency AND e.key_id IS NULL;
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n <> coalesce(array_length(p_ids, 1), 0) THEN
        RAISE EXCEPTION 'audit seal: % of % events sealed', n, array_length(p_ids, 1);
      END IF;
      RETURN n;
    END $f$;

    CREATE TABLE audit_checkpoints (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      seq bigint NOT NULL,
      head_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL,
      PRIMARY KEY (agency_id, seq)
    );
    ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY;
    ALTER TABLE audit_checkpoints FORCE ROW LEVEL SECURITY;
    CREATE POLICY agency_isolation ON audit_checkpoints TO wohnhilfe_app
      USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid)
      WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);
    CREATE POLICY maintenance ON audit_checkpoints TO CURRENT_USER USING (true) WITH CHECK (true);
    GRANT SELECT, INSERT ON audit_checkpoints TO wohnhilfe_app;

    -- Which agencies the background sealer and checkpointer have work in (ids and numbers only).
    CREATE FUNCTION wh_audit_agencies()
    RETURNS TABLE (agency_id uuid, unsealed boolean, head_seq bigint, checkpoint_seq bigint, checkpoint_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT a.id,
        EXISTS (SELECT 1 FROM audit_events e WHERE e.agency_id = a.id AND e.key_id IS NULL),
        (SELECT max(e.seq) FROM audit_events e WHERE e.agency_id = a.id AND e.key_id IS NOT NULL),
        c.seq, c.created_at
      FROM agencies a
      LEFT JOIN LATERAL (SELECT c.seq, c.created_at FROM audit_checkpoints c WHERE c.agency_id = a.id ORDER BY c.seq DESC LIMIT 1) c ON true
    $f$;

    REVOKE ALL ON FUNCTION wh_audit_seal_apply(bigint[], bigint[], text[], text[], text), wh_audit_agencies(),
      wh_audit_unsealed(integer), wh_audit_links(bigint, integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_audit_seal_apply(bigint[], bigint[], text[], text[], text), wh_audit_agencies(),
      wh_audit_unsealed(integer), wh_audit_links(bigint, integer) TO wohnhilfe_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The audit key migration is not reversible.');
}
