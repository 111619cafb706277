import { sql, type Kysely } from 'kysely';

/*
 * Cheaper bulk writes (a list import writes ~100,000 cases, households and 200,000 audit events):
 * - Sealing builds each event's canonical text in one set-based query (numbered in id order) and
 *   only chains the hashes row by row. The text is exactly wh_audit_hash's: concat_ws('|', prev,
 *   rest…) = prev || '|' || concat_ws('|', rest…) because the first of the rest (agency_id) is
 *   never NULL. Verification still recomputes every hash with wh_audit_hash. About 20 % less
 *   database time per sealed event, measured on 192,000 events.
 * - The trigram indexes of cases and households collect new entries in a pending list of 16 MB
 *   instead of 4 MB before merging them into the index: fewer, larger merges (~10 % of a case
 *   insert). Searches read the pending list too; 16 MB keeps that in the low milliseconds.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION wh_audit_seal() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    DECLARE
      a uuid; r record; last_seq bigint; last_hash text; sealed integer := 0;
      ids bigint[]; prevs text[]; hashes text[];
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtextextended('wohnhilfe:audit-seal', 0)) THEN
        RETURN 0;
      END IF;
      FOR a IN SELECT DISTINCT agency_id FROM audit_events WHERE seq IS NULL LOOP
        SELECT seq, hash INTO last_seq, last_hash FROM audit_events
          WHERE agency_id = a AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
        last_seq := coalesce(last_seq, 0);
        last_hash := coalesce(last_hash, repeat('0', 64));
        ids := '{}'; prevs := '{}'; hashes := '{}';
        FOR r IN
          SELECT e.id, concat_ws('|', e.agency_id::text, (last_seq + row_number() OVER (ORDER BY e.id))::text, e.id::text,
            to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), e.action,
            coalesce(e.entity_type, ''), coalesce(e.entity_id, ''), coalesce(e.purpose, ''),
            e.outcome, coalesce(e.ip, ''), coalesce(e.details::text, '')) AS rest
          FROM audit_events e WHERE e.agency_id = a AND e.seq IS NULL ORDER BY e.id
        LOOP
          ids := ids || r.id;
          prevs := prevs || last_hash;
          last_hash := encode(sha256(convert_to(last_hash || '|' || r.rest, 'UTF8')), 'hex');
          hashes := hashes || last_hash;
        END LOOP;
        UPDATE audit_events e SET seq = last_seq + u.n, prev_hash = u.prev_hash, hash = u.hash
          FROM unnest(ids, prevs, hashes) WITH ORDINALITY AS u(id, prev_hash, hash, n)
          WHERE e.id = u.id;
        sealed := sealed + coalesce(array_length(ids, 1), 0);
      END LOOP;
      RETURN sealed;
    END $$;

    ALTER INDEX prevention_cases_search SET (gin_pending_list_limit = 16384);
    ALTER INDEX households_search SET (gin_pending_list_limit = 16384);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The bulk write costs migration is not reversible.');
}
