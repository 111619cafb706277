import { sql, type Kysely } from 'kysely';

/*
 * Household changes without a shared row (issue 12, "One data path").
 *
 * Before, a statement-level trigger moved a per-agency stamp (pool_stamps) on every household
 * write, and the stamp row's lock made every household write of an agency wait for the one before
 * to commit; the same trigger upserted a change feed (household_changes) for the in-memory search
 * index. The search now runs in PostgreSQL, and the ranking's pool cache is validated instead by an
 * append-only log:
 * - `household_log`: one row per statement that inserts, updates or deletes households, per
 *   agency: the writing transaction's id and the ids it touched. Appending takes no lock that
 *   another writer could wait for.
 * - A reader knows which changes its copy lacks from transaction snapshots alone: a copy read under
 *   snapshot S lacks exactly the log rows (visible to the reader) whose transaction S did not see
 *   (`NOT pg_visible_in_snapshot(xid, S)`), in whatever order those transactions committed.
 * - `wh_household_log_prune()` deletes the rows of transactions every current snapshot sees and
 *   records that horizon (`household_log_horizon`, written only by the pruning); a copy read under
 *   a snapshot older than the horizon is read again whole.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER households_pool_insert ON households;
    DROP TRIGGER households_pool_update ON households;
    DROP TRIGGER households_pool_delete ON households;
    DROP FUNCTION wh_bump_pool_stamp();
    DROP TABLE household_changes;
    DROP TABLE pool_stamps;

    CREATE TABLE household_log (
      agency_id uuid NOT NULL REFERENCES agencies (id),
      xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      ids uuid[] NOT NULL
    );
    CREATE INDEX household_log_xid ON household_log (agency_id, xid);

    CREATE TABLE household_log_horizon (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      xid xid8 NOT NULL
    );
    INSERT INTO household_log_horizon (xid) VALUES ('0');

    CREATE FUNCTION wh_log_household_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO household_log (agency_id, ids) SELECT agency_id, array_agg(id) FROM changed GROUP BY agency_id;
        RETURN NULL;
      END $$;
    CREATE TRIGGER households_log_insert AFTER INSERT ON households
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wh_log_household_change();
    CREATE TRIGGER households_log_update AFTER UPDATE ON households
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wh_log_household_change();
    CREATE TRIGGER households_log_delete AFTER DELETE ON households
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wh_log_household_change();

    -- Every transaction below the horizon has ended: its rows are no longer needed by a copy read
    -- under a snapshot at or after the horizon, and older copies are read again whole.
    CREATE FUNCTION wh_household_log_prune() RETURNS bigint LANGUAGE sql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
      WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xid),
      gone AS (DELETE FROM household_log l USING h WHERE l.xid < h.xid RETURNING 1),
      moved AS (UPDATE household_log_horizon SET xid = h.xid FROM h RETURNING 1)
      SELECT count(*) FROM gone
    $$;
    REVOKE ALL ON FUNCTION wh_household_log_prune() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_household_log_prune() TO wohnhilfe_app;
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE household_log ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE household_log FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON household_log TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON household_log TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT ON household_log TO wohnhilfe_app`.execute(db);
  await sql`GRANT SELECT ON household_log_horizon TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The household log migration is not reversible.');
}
