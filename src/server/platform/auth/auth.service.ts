import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZMe } from '../../../contracts/auth.js';
import type { TRole } from '../../../contracts/common.js';
import type { Config } from '../../config.js';
import { inAgency, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { permissionsOf } from '../access/registry.js';
import { recordAudit, recordInstallationAudit, type AuditSubject } from '../audit/audit.js';
import { AppError } from '../errors/app-error.js';
import { authRepository, preAgencyLookups, type AuthRepository } from './auth.repository.js';
import { agencySettings, type ResolvedSession } from './guard.js';
import { dummyHash, verifyPassword } from './password.js';
import { newToken, sessionIdOf } from './session.js';
import type { Keyring } from '../keys/keyring.js';
import { loginThrottle } from './throttle.js';
import { enrolment, newTotpSecret, openTotpSecret, readableTotpSecret, sealTotpSecret, verifyTotp } from './totp.js';
import type { SessionCache } from './session-cache.js';

type Me = z.infer<typeof ZMe>;

const LOCAL_LOGIN_OFF = 'Ihre Dienststelle hat die Anmeldung mit Passwort abgeschaltet. Bitte melden Sie sich mit Ihrem Dienstkonto an.';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  previousToken?: string | undefined;
}

export type LoginResult =
  { status: 'ok' | 'totp_enrolment_required'; token: string; maxAgeSeconds: number; me: Me } | { status: 'totp_required' };

async function loadMe(repo: AuthRepository, userId: string, session: { csrf: string }): Promise<Me> {
  const row = await repo.me(userId);
  const role = row.role as TRole;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role,
    agency: { id: row.agency_id, name: row.agency_name, federalState: row.federal_state },
    providerId: row.provider_id,
    carrierId: row.carrier_id,
    totpEnabled: row.totp_enabled,
    totpRequired: agencySettings(row.settings).totpRequiredRoles.includes(role),
    csrfToken: session.csrf,
    permissions: permissionsOf(role),
  };
}

export function authService(db: Kysely<DB>, config: Config, keys: Keyring, cache: SessionCache | null = null) {
  const absoluteSeconds = Math.round(config.SESSION_ABSOLUTE_HOURS * 3600);

  const throttle = loginThrottle(db, config);
  const wrongCredentials = () => new AppError('unauthenticated', 'E-Mail-Adresse oder Passwort ist falsch.');

  /**
   * Unknown e-mail addresses take the same path as existing ones: the same throttle counters (keyed
   * by what was sent), a password check against a dummy hash, the same answers, and an audit event
   * (in the installation's log, since no agency owns the address).
   */
  async function login(input: LoginInput, client: ClientInfo): Promise<LoginResult> {
    const ref = await preAgencyLookups(db).userByEmail(input.email);
    const attempt = await throttle.begin(input.email, client.ip);
    if (!ref) {
      let reason = 'locked';
      if (!attempt.refused) {
        await verifyPassword(await dummyHash(), input.password);
        await attempt.failed();
        reason = 'unknown_account';
      }
      const email = input.email.trim().toLowerCase().slice(0, 320);
      await recordInstallationAudit(db, { action: 'auth.login', outcome: 'failure', ip: client.ip, details: { reason, email } });
      throw attempt.refused ?? wrongCredentials();
    }
    const outcome = await inAgency(db, ref.agency_id, async (tx) => {
      const repo = authRepository(tx, ref.agency_id);
      const user = await repo.lockUser(ref.user_id);
      const who: AuditSubject = { agencyId: ref.agency_id, actorId: user.id, actorRole: user.role, ip: client.ip, purpose: null };
      const fail = (reason: string, error: AppError) => {
        recordAudit(tx, who, { action: 'auth.login', entityId: user.id, outcome: 'failure', details: { reason } });
        return { error, counts: !['locked', 'totp_secret_unreadable', 'local_login_disabled'].includes(reason) };
      };
      if (attempt.refused) return fail('locked', attempt.refused);
      if (!(await verifyPassword(user.password_hash, input.password))) return fail('password', wrongCredentials());
      if (!user.active) return fail('inactive', wrongCredentials());
      if (!agencySettings((await repo.agencySettings()).settings).localLogin) {
        return fail('local_login_disabled', new AppError('forbidden', LOCAL_LOGIN_OFF));
      }
      let mfaVerified = false;
      if (user.totp_enabled && user.totp_secret) {
        if (!input.totp) return { totpRequired: true as const };
        const secret = readableTotpSecret(keys, user.totp_secret, user.id);
        // A secret no key opens (altered, moved from another row, key missing) fails like a wrong code, and is audited as such.
        if (secret === null) return fail('totp_secret_unreadable', new AppError('totp_invalid'));
        const step = verifyTotp(secret, input.totp, user.totp_last_step === null ? null : Number(user.totp_last_step));
        if (step === null) return fail('totp', new AppError('totp_invalid'));
        await repo.useTotpStep(user.id, step);
        mfaVerified = true;
      }
      if (client.previousToken) await repo.deleteSession(sessionIdOf(client.previousToken));
      const token = newToken();
      const csrf = newToken();
      const now = Date.now();
      await repo.insertSession({
        id: sessionIdOf(token),
        userId: user.id,
        csrf,
        mfaVerified,
        expiresAt: new Date(now + absoluteSeconds * 1000),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      await repo.recordSuccess(user.id, new Date(now));
      recordAudit(tx, who, { action: 'auth.login', entityId: user.id, details: { mfa: mfaVerified } });
      const me = await loadMe(repo, user.id, { csrf });
      const enrol = me.totpRequired && !user.totp_enabled;
      return { token, me, status: enrol ? ('totp_enrolment_required' as const) : ('ok' as const) };
    });
    if ('error' in outcome) {
      if (outcome.counts) await attempt.failed();
      throw outcome.error;
    }
    if ('totpRequired' in outcome) return { status: 'totp_required' };
    await attempt.succeeded();
    return { status: outcome.status, token: outcome.token, me: outcome.me, maxAgeSeconds: absoluteSeconds };
  }

  /** Ends the session; tells whether it came by single sign-on (then the logout continues at the IdP). */
  async function logout(session: ResolvedSession, ip: string | null): Promise<{ sso: boolean }> {
    cache?.evictSession(session.id);
    return inAgency(db, session.actor.agencyId, async (tx) => {
      const repo = authRepository(tx, session.actor.agencyId);
      const sso = (await repo.sessionSso(session.id))?.sso ?? false;
      await repo.deleteSession(session.id);
      recordAudit(
        tx,
        { agencyId: session.actor.agencyId, actorId: session.actor.userId, actorRole: session.actor.role, ip, purpose: null },
        { action: 'auth.logout', entityId: session.actor.userId, ...(sso ? { details: { sso: true } } : {}) },
      );
      return { sso };
    });
  }

  const me = (session: ResolvedSession): Promise<Me> =>
    inAgency(db, session.actor.agencyId, (tx) =>
      loadMe(authRepository(tx, session.actor.agencyId), session.actor.userId, { csrf: session.csrfToken }),
    );

  async function startTotpEnrolment(session: ResolvedSession) {
    return inAgency(db, session.actor.agencyId, async (tx) => {
      const repo = authRepository(tx, session.actor.agencyId);
      const user = await repo.totpState(session.actor.userId);
      if (user.totp_enabled) throw new AppError('conflict', 'Der zweite Faktor ist bereits eingerichtet.');
      const secret = newTotpSecret();
      await repo.setTotpSecret(session.actor.userId, sealTotpSecret(keys, secret, session.actor.userId));
      return enrolment(secret, user.email);
    });
  }

  async function confirmTotp(session: ResolvedSession, code: string, ip: string | null): Promise<Me> {
    const result = await inAgency(db, session.actor.agencyId, async (tx) => {
      const repo = authRepository(tx, session.actor.agencyId);
      const user = await repo.lockTotpState(session.actor.userId);
      if (user.totp_enabled) return { error: new AppError('conflict', 'Der zweite Faktor ist bereits eingerichtet.') };
      if (!user.totp_secret) return { error: new AppError('conflict', 'Bitte starten Sie die Einrichtung zuerst.') };
      const step = verifyTotp(openTotpSecret(keys, user.totp_secret, session.actor.userId), code, null);
      if (step === null) return { error: new AppError('totp_invalid') };
      await repo.enableTotp(session.actor.userId, step);
      await repo.markSessionMfa(session.id);
      recordAudit(
        tx,
        { agencyId: session.actor.agencyId, actorId: session.actor.userId, actorRole: session.actor.role, ip, purpose: null },
        { action: 'auth.totp_enrolled', entityId: session.actor.userId },
      );
      return { me: await loadMe(repo, session.actor.userId, { csrf: session.csrfToken }) };
    });
    cache?.evictSession(session.id);
    if ('error' in result) throw result.error;
    return result.me;
  }

  return { login, logout, me, startTotpEnrolment, confirmTotp };
}
export type AuthService = ReturnType<typeof authService>;

/** For the users module: ends every session of a user of the agency (deactivation, new role, password reset). */
export async function endSessionsOf(tx: Tx, agencyId: string, userId: string): Promise<void> {
  await authRepository(tx, agencyId).deleteSessionsOf(userId);
}
