import { sql, type Kysely } from 'kysely';

/*
 * A stamp per agency that moves whenever a household row changes. The ranking keeps the agency's
 * housing pool in memory and reloads it only when the stamp it was loaded under is no longer current,
 * so every instance ranks on committed data without scanning the pool on each request.
 * Statement-level triggers with transition tables bump each touched agency once per statement, so a
 * bulk insert of 50,000 households costs one update, not 50,000.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE pool_stamps (
      agency_id uuid PRIMARY KEY REFERENCES agencies (id),
      stamp bigint NOT NULL DEFAULT 1
    );
    CREATE FUNCTION wh_bump_pool_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO pool_stamps AS p (agency_id) SELECT DISTINCT agency_id FROM changed
          ON CONFLICT (agency_id) DO UPDATE SET stamp = p.stamp + 1;
        RETURN NULL;
      END $$;
    CREATE TRIGGER households_pool_insert AFTER INSERT ON households
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wh_bump_pool_stamp();
    CREATE TRIGGER households_pool_update AFTER UPDATE ON households
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wh_bump_pool_stamp();
    CREATE TRIGGER households_pool_delete AFTER DELETE ON households
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wh_bump_pool_stamp();
    INSERT INTO pool_stamps (agency_id) SELECT id FROM agencies;
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE pool_stamps ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE pool_stamps FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON pool_stamps TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON pool_stamps TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE ON pool_stamps TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The ranking pool migration is not reversible.');
}
