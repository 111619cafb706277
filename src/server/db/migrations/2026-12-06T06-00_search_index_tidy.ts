import { sql, type Kysely } from 'kysely';

/*
 * The trigram search indexes take new entries into a pending list first (GIN "fast update", kept at
 * 16 MB so that a list import of 100,000 rows inserts cheaply), and every search reads the whole
 * pending list besides the index. Left alone the list grows until autovacuum visits the table: the
 * seeded 50,000-household set carried 6,584 pending entries (622 pages), and a search for "müller"
 * took 30 ms instead of 2 ms. wh_tidy_search_indexes() moves the pending entries into the index
 * proper; the job `search.tidy` calls it every minute and the list import when it finishes. Only the
 * owner may clean an index, hence SECURITY DEFINER; it touches nothing but GIN indexes of public.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION wh_tidy_search_indexes() RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT coalesce(sum(gin_clean_pending_list(c.oid::regclass)), 0)::bigint
      FROM pg_class c
      JOIN pg_am am ON am.oid = c.relam AND am.amname = 'gin'
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      WHERE c.relkind = 'i'
    $f$;
    REVOKE ALL ON FUNCTION wh_tidy_search_indexes() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_tidy_search_indexes() TO wohnhilfe_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The search index tidy migration is not reversible.');
}
