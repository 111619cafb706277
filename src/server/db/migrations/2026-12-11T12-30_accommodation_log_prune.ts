import { sql, type Kysely } from 'kysely';

/*
 * Pruning the accommodation change log (2026-12-11T10-00_accommodation_log). A kept copy of the
 * board or the places is checked against the log rows its snapshot S did not see, and those have
 * `xid >= pg_snapshot_xmin(S)`. A snapshot's xmin never goes back, and a copy is used at most ten
 * minutes after it was read. So each run deletes the rows below the horizon the previous run
 * recorded (at least 15 minutes ago: every copy still in use was read later, its xmin at or above
 * that horizon, and sees those rows anyway), then records the current xmin as the next horizon.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE accommodation_log_horizon (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      xid xid8 NOT NULL,
      at timestamptz NOT NULL
    );
    INSERT INTO accommodation_log_horizon (xid, at) VALUES ('0'::xid8, '-infinity');

    CREATE FUNCTION wh_accommodation_log_prune() RETURNS bigint LANGUAGE sql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
      WITH due AS (SELECT xid FROM accommodation_log_horizon WHERE at < now() - interval '15 minutes'),
      gone AS (DELETE FROM accommodation_log l USING due WHERE l.xid < due.xid RETURNING 1),
      moved AS (
        UPDATE accommodation_log_horizon SET xid = pg_snapshot_xmin(pg_current_snapshot()), at = now()
        WHERE EXISTS (SELECT 1 FROM due) RETURNING 1)
      SELECT count(*) FROM gone
    $$;
    REVOKE ALL ON FUNCTION wh_accommodation_log_prune() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_accommodation_log_prune() TO wohnhilfe_app;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP FUNCTION wh_accommodation_log_prune();
    DROP TABLE accommodation_log_horizon;
  `.execute(db);
}
