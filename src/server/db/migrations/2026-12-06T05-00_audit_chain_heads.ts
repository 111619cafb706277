import { sql, type Kysely } from 'kysely';

/*
 * The head of each agency's keyed audit chain in a row of its own. Finding it as max(seq) over
 * audit_events walked backwards through the index entries of every unsealed and every superseded
 * (not yet vacuumed) row version, whose seq is NULL: ~25 ms per look under load, taken by the
 * sealer every half second for each agency. Only wh_audit_seal_apply writes the head, under the
 * sealer's per-agency lock, so no writer of events ever waits for it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_chain_heads (
      agency_id uuid PRIMARY KEY REFERENCES agencies(id),
      seq bigint NOT NULL,
      hash text NOT NULL
    );
    ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
    ALTER TABLE audit_chain_heads FORCE ROW LEVEL SECURITY;
    CREATE POLICY agency_isolation ON audit_chain_heads TO wohnhilfe_app
      USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);
    CREATE POLICY maintenance ON audit_chain_heads TO CURRENT_USER USING (true) WITH CHECK (true);
    GRANT SELECT ON audit_chain_heads TO wohnhilfe_app;

    INSERT INTO audit_chain_heads (agency_id, seq, hash)
      SELECT DISTINCT ON (agency_id) agency_id, seq, hash FROM audit_events
      WHERE key_id IS NOT NULL ORDER BY agency_id, seq DESC;

    CREATE OR REPLACE FUNCTION wh_audit_seal_apply(p_ids bigint[], p_seqs bigint[], p_prevs text[], p_hashes text[], p_key text)
    RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
      agency uuid := nullif(current_setting('app.agency_id', true), '')::uuid;
      head bigint;
      n integer;
      last integer := coalesce(array_length(p_ids, 1), 0);
    BEGIN
      IF last = 0 THEN RETURN 0; END IF;
      SELECT h.seq INTO head FROM audit_chain_heads h WHERE h.agency_id = agency FOR UPDATE;
      IF p_seqs[1] IS DISTINCT FROM coalesce(head, 0) + 1 THEN
        RAISE EXCEPTION 'audit seal: chain of % continues at %, not %', agency, coalesce(head, 0) + 1, p_seqs[1];
      END IF;
      UPDATE audit_events e SET seq = u.seq, prev_hash = u.prev_hash, hash = u.hash, key_id = p_key
        FROM unnest(p_ids, p_seqs, p_prevs, p_hashes) AS u(id, seq, prev_hash, hash)
        WHERE e.id = u.id AND e.agency_id = agency AND e.key_id IS NULL;
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n <> last THEN
        RAISE EXCEPTION 'audit seal: % of % events sealed', n, last;
      END IF;
      INSERT INTO audit_chain_heads (agency_id, seq, hash) VALUES (agency, p_seqs[last], p_hashes[last])
        ON CONFLICT (agency_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
      RETURN n;
    END $f$;

    CREATE OR REPLACE FUNCTION wh_audit_agencies()
    RETURNS TABLE (agency_id uuid, unsealed boolean, head_seq bigint, checkpoint_seq bigint, checkpoint_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT a.id,
        EXISTS (SELECT 1 FROM audit_events e WHERE e.agency_id = a.id AND e.key_id IS NULL),
        h.seq, c.seq, c.created_at
      FROM agencies a
      LEFT JOIN audit_chain_heads h ON h.agency_id = a.id
      LEFT JOIN LATERAL (SELECT c.seq, c.created_at FROM audit_checkpoints c WHERE c.agency_id = a.id ORDER BY c.seq DESC LIMIT 1) c ON true
    $f$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The audit chain heads migration is not reversible.');
}
