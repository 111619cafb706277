import { sql, type Kysely } from 'kysely';
import type { TRole } from '../../../contracts/common.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { CachedSession } from './session-cache.js';

/** The session as `wh_auth_session` returns it (and the cache keeps it). */
export type SessionRow = CachedSession & { role: TRole };

/**
 * The two look-ups that run before the agency is known, so they cannot run in `inAgency`: the
 * login's e-mail address and the session cookie. Neither reads a table as the app role: each calls
 * a SECURITY DEFINER function (foundation migration) that answers exactly one row by an exact key,
 * so row-level security stays forced on `users`, `sessions` and `agencies` for every other read.
 * Everything after them runs in the agency's transaction (`authRepository`).
 */
/** As the table owner, for maintenance across agencies: every agency's id. */
export const allAgencyIds = async (owner: Kysely<DB>): Promise<string[]> =>
  (await owner.selectFrom('agencies').select('id').orderBy('id').execute()).map((a) => a.id);

export function preAgencyLookups(db: Kysely<DB>) {
  return {
    /** The user id and agency of an e-mail address (case-insensitive), if any. */
    async userByEmail(email: string): Promise<{ user_id: string; agency_id: string } | undefined> {
      const found = await sql<{ user_id: string; agency_id: string }>`SELECT * FROM wh_auth_user_by_email(${email})`.execute(db);
      return found.rows[0];
    },
    /** The session with its user's role and links and its agency's settings, if it exists. */
    async session(id: string): Promise<SessionRow | undefined> {
      const { rows } = await sql<SessionRow>`SELECT * FROM wh_auth_session(${id})`.execute(db);
      return rows[0];
    },
  };
}

/** Credentials, second factor and sessions of one agency's users. */
export function authRepository(tx: Tx, agencyId: string) {
  const user = (id: string) => tx.selectFrom('users').where('agency_id', '=', agencyId).where('id', '=', id);
  return {
    /** The user row locked for the login (concurrent attempts count their failures one after the other). */
    lockUser: (id: string) => user(id).selectAll().forUpdate().executeTakeFirstOrThrow(),
    recordSuccess: (id: string, at: Date) =>
      tx.updateTable('users').set({ last_login_at: at }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    useTotpStep: (id: string, step: number) =>
      tx.updateTable('users').set({ totp_last_step: step }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),

    /** The user with its agency, as `/me` presents them. */
    me: (userId: string) =>
      tx
        .selectFrom('users as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select([
          'u.id',
          'u.email',
          'u.display_name',
          'u.role',
          'u.provider_id',
          'u.carrier_id',
          'u.totp_enabled',
          'a.id as agency_id',
          'a.name as agency_name',
          'a.federal_state',
          'a.settings',
        ])
        .where('u.agency_id', '=', agencyId)
        .where('u.id', '=', userId)
        .executeTakeFirstOrThrow(),

    totpState: (userId: string) => user(userId).select(['email', 'totp_enabled']).executeTakeFirstOrThrow(),
    lockTotpState: (userId: string) => user(userId).select(['totp_secret', 'totp_enabled']).forUpdate().executeTakeFirstOrThrow(),
    setTotpSecret: (userId: string, secret: string) =>
      tx.updateTable('users').set({ totp_secret: secret }).where('agency_id', '=', agencyId).where('id', '=', userId).execute(),
    /** Every stored TOTP secret of the agency (for re-encryption at start). */
    storedTotpSecrets: () =>
      tx
        .selectFrom('users')
        .select(['id', 'totp_secret'])
        .where('agency_id', '=', agencyId)
        .where('totp_secret', 'is not', null)
        .forUpdate()
        .execute(),
    enableTotp: (userId: string, step: number) =>
      tx
        .updateTable('users')
        .set({ totp_enabled: true, totp_last_step: step })
        .where('agency_id', '=', agencyId)
        .where('id', '=', userId)
        .execute(),

    insertSession: (s: {
      id: string;
      userId: string;
      csrf: string;
      mfaVerified: boolean;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
      /** A single sign-on session and the IdP's session id (`sid`), if it named one. */
      sso?: { sid: string | null };
    }) =>
      tx
        .insertInto('sessions')
        .values({
          id: s.id,
          agency_id: agencyId,
          user_id: s.userId,
          csrf_token: s.csrf,
          mfa_verified: s.mfaVerified,
          expires_at: s.expiresAt,
          ip: s.ip,
          user_agent: s.userAgent,
          sso: s.sso !== undefined,
          oidc_sid: s.sso?.sid ?? null,
        })
        .execute(),
    /** Whether a session came by single sign-on. */
    sessionSso: (id: string) =>
      tx.selectFrom('sessions').select('sso').where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    agencySettings: () => tx.selectFrom('agencies').select('settings').where('id', '=', agencyId).executeTakeFirstOrThrow(),
    deleteSession: (id: string) => tx.deleteFrom('sessions').where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    touchSession: (id: string, at: Date) =>
      tx.updateTable('sessions').set({ last_seen_at: at }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    markSessionMfa: (id: string) =>
      tx.updateTable('sessions').set({ mfa_verified: true }).where('agency_id', '=', agencyId).where('id', '=', id).execute(),
    /** Ends every session of a user (deactivation, new role, password reset). */
    deleteSessionsOf: (userId: string) =>
      tx.deleteFrom('sessions').where('agency_id', '=', agencyId).where('user_id', '=', userId).execute(),
  };
}
export type AuthRepository = ReturnType<typeof authRepository>;
