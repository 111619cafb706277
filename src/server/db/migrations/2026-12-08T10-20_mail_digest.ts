import { sql, type Kysely } from 'kysely';

/*
 * The optional daily mail digest (issue 14, item 4): each user chooses it on their own settings page
 * (off by default). The morning job records the Berlin day and the time of the last digest it sent,
 * so a user gets at most one a day (two instances: the row is locked and the day checked) and the
 * next digest lists what came since. The job acts for no agency: the function below tells it which
 * agencies have someone waiting for a digest today, and nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users ADD COLUMN mail_digest boolean NOT NULL DEFAULT false;
    ALTER TABLE users ADD COLUMN digest_sent_on date;
    ALTER TABLE users ADD COLUMN digest_sent_at timestamptz;
    CREATE INDEX users_mail_digest ON users (agency_id) WHERE mail_digest AND active;

    CREATE FUNCTION wh_agencies_with_digest(day_ date) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
        SELECT DISTINCT agency_id FROM users
        WHERE mail_digest AND active AND (digest_sent_on IS NULL OR digest_sent_on < day_)
      $f$;
    REVOKE ALL ON FUNCTION wh_agencies_with_digest(date) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_agencies_with_digest(date) TO wohnhilfe_app;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP FUNCTION wh_agencies_with_digest(date);
    DROP INDEX users_mail_digest;
    ALTER TABLE users DROP COLUMN digest_sent_at;
    ALTER TABLE users DROP COLUMN digest_sent_on;
    ALTER TABLE users DROP COLUMN mail_digest;
  `.execute(db);
}
