import { sql, type Kysely } from 'kysely';

/*
 * Sealing in sets: the chain is still computed event by event in order (each hash covers the one
 * before), but all new events of an agency are written back by one UPDATE instead of one per event —
 * a bulk import's 100,000 audit events no longer cost 100,000 statements. Same numbering, same hash.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION wh_audit_seal() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    DECLARE
      a uuid; r audit_events; last_seq bigint; last_hash text; sealed integer := 0;
      ids bigint[]; seqs bigint[]; prevs text[]; hashes text[];
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtextextended('wohnhilfe:audit-seal', 0)) THEN
        RETURN 0;
      END IF;
      FOR a IN SELECT DISTINCT agency_id FROM audit_events WHERE seq IS NULL LOOP
        SELECT seq, hash INTO last_seq, last_hash FROM audit_events
          WHERE agency_id = a AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
        last_seq := coalesce(last_seq, 0);
        last_hash := coalesce(last_hash, repeat('0', 64));
        ids := '{}'; seqs := '{}'; prevs := '{}'; hashes := '{}';
        FOR r IN SELECT * FROM audit_events WHERE agency_id = a AND seq IS NULL ORDER BY id LOOP
          r.seq := last_seq + 1;
          r.prev_hash := last_hash;
          r.hash := wh_audit_hash(r);
          ids := ids || r.id;
          seqs := seqs || r.seq;
          prevs := prevs || r.prev_hash;
          hashes := hashes || r.hash;
          last_seq := r.seq;
          last_hash := r.hash;
        END LOOP;
        UPDATE audit_events e SET seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
          FROM unnest(ids, seqs, prevs, hashes) AS u(id, seq, prev_hash, hash)
          WHERE e.id = u.id;
        sealed := sealed + coalesce(array_length(ids, 1), 0);
      END LOOP;
      RETURN sealed;
    END $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The audit seal migration is not reversible.');
}
