import { sql, type Kysely } from 'kysely';

/*
 * Single sign-on via OpenID Connect (issue 18). A user signed in through the identity provider is
 * known by the pair (issuer, subject), never by the e-mail address alone; the session remembers the
 * IdP's session id (`sid`) and that it came by single sign-on (its logout goes on to the IdP) so a back-channel logout can end exactly the sessions it names. The
 * back-channel request comes without an agency, so one SECURITY DEFINER function answers which of
 * our sessions belong to an (issuer, subject, sid) — and nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users ADD COLUMN oidc_issuer text;
    ALTER TABLE users ADD COLUMN oidc_subject text;
    ALTER TABLE users ADD CONSTRAINT users_oidc_pair CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
    CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject) WHERE oidc_issuer IS NOT NULL;
    ALTER TABLE sessions ADD COLUMN sso boolean NOT NULL DEFAULT false;
    ALTER TABLE sessions ADD COLUMN oidc_sid text;
    CREATE INDEX sessions_oidc_sid ON sessions (oidc_sid) WHERE oidc_sid IS NOT NULL;

    CREATE FUNCTION wh_auth_oidc_sessions(p_issuer text, p_subject text, p_sid text)
    RETURNS TABLE (session_id text, agency_id uuid, user_id uuid, role text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
      SELECT s.id, s.agency_id, u.id, u.role FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE u.oidc_issuer = p_issuer AND (p_subject IS NOT NULL OR p_sid IS NOT NULL)
        AND (p_subject IS NULL OR u.oidc_subject = p_subject)
        AND (p_sid IS NULL OR s.oidc_sid = p_sid)
    $f$;
    REVOKE ALL ON FUNCTION wh_auth_oidc_sessions(text, text, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_auth_oidc_sessions(text, text, text) TO wohnhilfe_app;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP FUNCTION wh_auth_oidc_sessions(text, text, text);
    DROP INDEX sessions_oidc_sid;
    ALTER TABLE sessions DROP COLUMN oidc_sid;
    ALTER TABLE sessions DROP COLUMN sso;
    DROP INDEX users_oidc;
    ALTER TABLE users DROP CONSTRAINT users_oidc_pair;
    ALTER TABLE users DROP COLUMN oidc_subject;
    ALTER TABLE users DROP COLUMN oidc_issuer;
  `.execute(db);
}
