import { sql, type Kysely } from 'kysely';

/*
 * Accommodation changes as an append-only log (issue 16, occupancy board at 10 connections).
 *
 * The occupancy board counts every place of the agency on a day (20,000 places: ~50 ms of
 * PostgreSQL per request), so an instance keeps the boards it computed in memory and validates a
 * copy the way the ranking's pool cache does (2026-11-22T09-00_household_log): each statement that
 * inserts, updates or deletes stays, places, rooms, facilities or operators appends one row per
 * agency with the writing transaction's id. A copy read under snapshot S is still current when no
 * log row visible to the reader has a transaction S did not see (`NOT pg_visible_in_snapshot`).
 * Appending takes no lock another writer could wait for; rows of transactions older than S's xmin
 * are visible to S by definition, so the check reads only the log's tail (index on agency, xid).
 * Frozen: never import app code.
 */
const TABLES = [
  'accommodation_stays',
  'accommodation_places',
  'accommodation_rooms',
  'accommodation_facilities',
  'accommodation_operators',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE accommodation_log (
      agency_id uuid NOT NULL REFERENCES agencies (id),
      xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accommodation_log_xid ON accommodation_log (agency_id, xid);

    CREATE FUNCTION wh_log_accommodation_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO accommodation_log (agency_id) SELECT DISTINCT agency_id FROM changed;
        RETURN NULL;
      END $$;
  `.execute(db);
  for (const t of TABLES) {
    const table = sql.table(t);
    for (const [op, ref] of [
      ['insert', 'NEW'],
      ['update', 'NEW'],
      ['delete', 'OLD'],
    ] as const)
      await sql`
        CREATE TRIGGER ${sql.raw(`${t}_log_${op}`)} AFTER ${sql.raw(op.toUpperCase())} ON ${table}
          REFERENCING ${sql.raw(ref)} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wh_log_accommodation_change()`.execute(db);
  }
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE accommodation_log ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE accommodation_log FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON accommodation_log TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON accommodation_log TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT ON accommodation_log TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The accommodation log migration is not reversible.');
}
