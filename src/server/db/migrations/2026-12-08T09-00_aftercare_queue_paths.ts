import { sql, type Kysely } from 'kysely';

/*
 * The carrier's start page (issue 15: p99 ≤ 100 ms with 5,000 cases).
 * - Its three buckets are read as three index-ordered scans of 25 rows each instead of sorting every
 *   hit; the indexes carry the case reference as the tie-breaker so no sort is needed.
 * - A list view (start page, case list) logs each shown case once per user and day: the same fields
 *   going to the same person again that day add nothing to the transfer log, but cost a row per case
 *   and view. A case read is still logged every time. Existing rows get the day they were made.
 * - The yearly opening of the carriers' annual reports asks which agencies had a cooperation agreement
 *   in force during a year (the job acts for no agency, so it cannot read the agreements itself).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX aftercare_cases_due;
    DROP INDEX aftercare_cases_until;
    CREATE INDEX aftercare_cases_due ON aftercare_cases (agency_id, carrier_id, next_visit_due, reference) WHERE state = 'active';
    CREATE INDEX aftercare_cases_until ON aftercare_cases (agency_id, carrier_id, granted_until, reference) WHERE state IN ('granted', 'active');
    ALTER TABLE aftercare_transfers ADD COLUMN on_day date;
    UPDATE aftercare_transfers SET on_day = (at AT TIME ZONE 'Europe/Berlin')::date;
    ALTER TABLE aftercare_transfers ALTER COLUMN on_day SET DEFAULT (now() AT TIME ZONE 'Europe/Berlin')::date;
    ALTER TABLE aftercare_transfers ALTER COLUMN on_day SET NOT NULL;
    CREATE UNIQUE INDEX aftercare_transfers_list_day ON aftercare_transfers (agency_id, case_id, user_id, kind, on_day)
      WHERE kind IN ('queue', 'case_list');

    CREATE FUNCTION wh_agencies_with_agreements(from_ date, to_ date) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
        SELECT DISTINCT agency_id FROM aftercare_agreements
        WHERE valid_from <= to_ AND (valid_to IS NULL OR valid_to >= from_)
      $f$;
    REVOKE ALL ON FUNCTION wh_agencies_with_agreements(date, date) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_agencies_with_agreements(date, date) TO wohnhilfe_app;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP FUNCTION wh_agencies_with_agreements(date, date);
    DROP INDEX aftercare_transfers_list_day;
    ALTER TABLE aftercare_transfers DROP COLUMN on_day;
    DROP INDEX aftercare_cases_due;
    DROP INDEX aftercare_cases_until;
    CREATE INDEX aftercare_cases_due ON aftercare_cases (agency_id, carrier_id, next_visit_due) WHERE state = 'active';
    CREATE INDEX aftercare_cases_until ON aftercare_cases (agency_id, carrier_id, granted_until) WHERE state IN ('granted', 'active');
  `.execute(db);
}
