import { sql, type Kysely } from 'kysely';

/*
 * The household search through a view instead of a SECURITY DEFINER function.
 *
 * Under row-level security PostgreSQL evaluates a user's LIKE only after the policy (LIKE is not
 * marked leakproof), so it cannot use the trigram index; the function wh_household_search applied
 * the transaction's agency itself and ran the LIKE as the owner. But a function is planned apart
 * from its caller and hands back every hit through a tuplestore: for a common needle ("anna",
 * 4,000 of 50,000 households) that was half of the search's cost.
 *
 * household_search_v does the same as a view: it belongs to the owner (whose policy on households
 * is `true`), applies the transaction's agency in its own WHERE, and is merged into the caller's
 * statement, so the LIKE becomes an index condition and the filters, count and page are planned
 * together. It is deliberately no security_barrier view: the conditions pushed into it are the
 * app's own (LIKE, comparisons with bound values), which raise no error that depends on a row, and
 * the app role can create no function that could be pushed in (CREATE on schema public is revoked
 * here; the RLS catalogue test checks it). Only the columns the list needs are exposed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    REVOKE CREATE ON SCHEMA public FROM wohnhilfe_app;
    CREATE VIEW household_search_v AS
      SELECT h.id, h.reference, h.head_name, h.persons, h.situation, h.situation_since, h.seeking_housing, h.wheelchair,
             h.case_manager_id, h.social_worker_id, h.updated_at, h.search_text
      FROM households h
      WHERE h.agency_id = nullif(current_setting('app.agency_id', true), '')::uuid;
    GRANT SELECT ON household_search_v TO wohnhilfe_app;
    DROP FUNCTION wh_household_search(text);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The household search view migration is not reversible.');
}
