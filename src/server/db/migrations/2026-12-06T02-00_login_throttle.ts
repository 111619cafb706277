import { sql, type Kysely } from 'kysely';

/*
 * Login throttling and the installation's own security log, both outside any agency (they are
 * written before the agency of a login is known, or for addresses that belong to no agency).
 * - `login_throttle`: failure counters keyed by a SHA-256 of a scope and its values (account and
 *   address together, the address alone, the account alone, and "this address once logged in to
 *   this account"), so neither e-mail addresses nor IP addresses are stored in clear.
 * - `installation_audit_events`: append-only events that have no agency, such as a login with an
 *   e-mail address no account has. The app role may only insert.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE login_throttle (
      key text PRIMARY KEY,
      failures integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_throttle_updated ON login_throttle (updated_at);

    CREATE TABLE installation_audit_events (
      id bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT date_trunc('microseconds', clock_timestamp()),
      action text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('success','denied','failure')),
      ip text,
      details jsonb
    );

    GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO wohnhilfe_app;
    GRANT INSERT ON installation_audit_events TO wohnhilfe_app;
    GRANT USAGE ON SEQUENCE installation_audit_events_id_seq TO wohnhilfe_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The login-throttle migration is not reversible.');
}
