import { sql, type Kysely } from 'kysely';
import type { TRole } from '../../../contracts/common.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

/** Placeholder in `password_hash` of an account made by single sign-on: no argon2 hash, so no password opens it. */
export const NO_PASSWORD = '!sso';

/** The accounts of one agency as single sign-on finds, links and provisions them. */
export function oidcRepository(tx: Tx, agencyId: string) {
  const users = () => tx.selectFrom('users').where('agency_id', '=', agencyId);
  const columns = ['id', 'email', 'role', 'display_name', 'active', 'provider_id', 'carrier_id', 'oidc_subject'] as const;
  return {
    agencySettings: () => tx.selectFrom('agencies').select('settings').where('id', '=', agencyId).executeTakeFirst(),
    userBySubject: (issuer: string, subject: string) =>
      users().select(columns).where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).forUpdate().executeTakeFirst(),
    userByEmail: (email: string) => users().select(columns).where('email', '=', email).forUpdate().executeTakeFirst(),
    link: (id: string, issuer: string, subject: string) =>
      tx
        .updateTable('users')
        .set({ oidc_issuer: issuer, oidc_subject: subject, version: sql`version + 1` })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute(),
    /** The IdP is the source of the role and the name: both follow its claims at every login. */
    follow: (id: string, role: TRole, displayName: string) =>
      tx
        .updateTable('users')
        .set({ role, display_name: displayName, version: sql`version + 1` })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute(),
    provision: (u: { email: string; displayName: string; role: TRole; issuer: string; subject: string }) =>
      tx
        .insertInto('users')
        .values({
          agency_id: agencyId,
          email: u.email,
          display_name: u.displayName,
          role: u.role,
          password_hash: NO_PASSWORD,
          oidc_issuer: u.issuer,
          oidc_subject: u.subject,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    /** Whether any agency has an account with this e-mail address (a SECURITY DEFINER look-up by exact key). */
    emailHeld: async (email: string) => (await sql`SELECT 1 FROM wh_auth_user_by_email(${email})`.execute(tx)).rows.length > 0,
    deleteSessions: (ids: readonly string[]) =>
      tx.deleteFrom('sessions').where('agency_id', '=', agencyId).where('id', 'in', ids).execute(),
  };
}

/** Before any agency is known (back-channel logout): our sessions of an IdP subject and/or IdP session. */
export async function oidcSessions(db: Kysely<DB>, issuer: string, subject: string | null, sid: string | null) {
  const { rows } = await sql<{ session_id: string; agency_id: string; user_id: string; role: string }>`
    SELECT * FROM wh_auth_oidc_sessions(${issuer}, ${subject}, ${sid})`.execute(db);
  return rows;
}
