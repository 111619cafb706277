import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { recordAudit, recordInstallationAudit, type AuditSubject } from '../audit/audit.js';
import { authRepository } from './auth.repository.js';
import { agencySettings } from './guard.js';
import type { OidcClient, PendingLogin } from './oidc.client.js';
import { mapClaims, type OidcSettings } from './oidc.config.js';
import { oidcRepository, oidcSessions } from './oidc.repository.js';
import { newToken, sessionIdOf } from './session.js';
import type { SessionCache } from './session-cache.js';

/** Why a single sign-on was refused; the login page shows a German (or English) message for each. */
export const SSO_REFUSALS = [
  'failed',
  'idp_refused',
  'unknown_agency',
  'no_role',
  'missing_email',
  'email_taken',
  'inactive',
  'mfa_missing',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** `amr` values (RFC 8176) that tell the IdP checked more than a password. */
const MULTI_FACTOR = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'pop']);

export type SsoOutcome = { ok: true; token: string; maxAgeSeconds: number } | { ok: false; reason: SsoRefusal };

interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  previousToken?: string | undefined;
}

/**
 * Single sign-on: the user is matched by (issuer, subject). Decision (issue 18): on the first login
 * an account is provisioned from the claims (e-mail, name, agency, role) — municipal IT manages who
 * may work in which role at the IdP, not twice. An existing local account of the same agency with the
 * same e-mail address (and `email_verified` from the IdP) is linked instead, so its history stays
 * one account; an address held in another agency or linked to another subject is refused. At every
 * login role and name follow the claims. An account deactivated in wohnhilfe stays refused.
 */
export function oidcService(db: Kysely<DB>, config: Config, settings: OidcSettings, client: OidcClient, cache: SessionCache | null) {
  const absoluteSeconds = Math.round(config.SESSION_ABSOLUTE_HOURS * 3600);

  async function refuseWithoutAgency(reason: SsoRefusal, ip: string | null, details: Record<string, unknown>): Promise<SsoOutcome> {
    await recordInstallationAudit(db, { action: 'auth.sso_login', outcome: 'failure', ip, details: { reason, ...details } });
    return { ok: false, reason };
  }

  /** After the IdP's redirect back: checks it against the pending login, then finds or provisions the user and opens a session. */
  async function callback(url: URL, pending: PendingLogin | null, info: ClientInfo): Promise<SsoOutcome> {
    const idpError = url.searchParams.get('error');
    if (idpError) return refuseWithoutAgency('idp_refused', info.ip, { error: idpError.slice(0, 100) });
    if (!pending) return refuseWithoutAgency('failed', info.ip, { error: 'no_pending_login' });
    let claims: Record<string, unknown>;
    try {
      claims = await client.finish(url, pending);
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : '';
      const error = e instanceof Error ? `${e.name}: ${e.message}${cause}`.slice(0, 300) : 'unknown';
      return refuseWithoutAgency('failed', info.ip, { error });
    }
    const issuer = String(claims['iss']);
    const subject = String(claims['sub']);
    const mapped = mapClaims(settings, claims);
    if ('refused' in mapped) return refuseWithoutAgency(mapped.refused, info.ip, { subject, agency: mapped.value ?? null });
    const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
    const name = typeof claims['name'] === 'string' && claims['name'].trim() ? claims['name'].trim().slice(0, 200) : email;
    const amr = Array.isArray(claims['amr']) ? (claims['amr'] as unknown[]) : [];
    const multiFactor = amr.some((a) => typeof a === 'string' && MULTI_FACTOR.has(a));
    const sid = typeof claims['sid'] === 'string' ? claims['sid'] : null;
    const { agencyId, role } = mapped;

    const outcome = await inAgency(db, agencyId, async (tx): Promise<SsoOutcome> => {
      const repo = oidcRepository(tx, agencyId);
      const agency = await repo.agencySettings();
      if (!agency) return { ok: false, reason: 'unknown_agency' };
      const who = (actorId: string | null, actorRole: string | null): AuditSubject => ({
        agencyId,
        actorId,
        actorRole,
        ip: info.ip,
        purpose: null,
      });
      const refuse = (reason: SsoRefusal, userId: string | null): SsoOutcome => {
        recordAudit(tx, who(userId, null), {
          action: 'auth.sso_login',
          ...(userId ? { entityId: userId } : {}),
          outcome: 'failure',
          details: { reason, subject },
        });
        return { ok: false, reason };
      };
      let user = await repo.userBySubject(issuer, subject);
      let how: 'known' | 'linked' | 'provisioned' = 'known';
      if (!user) {
        if (!email || !email.includes('@')) return refuse('missing_email', null);
        const sameEmail = await repo.userByEmail(email);
        if (sameEmail) {
          if (sameEmail.oidc_subject !== null || claims['email_verified'] !== true) return refuse('email_taken', sameEmail.id);
          await repo.link(sameEmail.id, issuer, subject);
          user = sameEmail;
          how = 'linked';
        } else {
          // An address held in another agency: the unique e-mail index would refuse the insert.
          const elsewhere = await repo.emailHeld(email);
          if (elsewhere) return refuse('email_taken', null);
          const created = await repo.provision({ email, displayName: name, role, issuer, subject });
          user = {
            id: created.id,
            email,
            role,
            display_name: name,
            active: true,
            provider_id: null,
            carrier_id: null,
            oidc_subject: subject,
          };
          how = 'provisioned';
        }
      }
      if (!user.active) return refuse('inactive', user.id);
      if (user.provider_id || user.carrier_id) return refuse('no_role', user.id);
      if (agencySettings(agency.settings).totpRequiredRoles.includes(role) && !multiFactor) return refuse('mfa_missing', user.id);
      if (user.role !== role || user.display_name !== name) await repo.follow(user.id, role, name);

      const auth = authRepository(tx, agencyId);
      if (info.previousToken) await auth.deleteSession(sessionIdOf(info.previousToken));
      const token = newToken();
      const now = Date.now();
      await auth.insertSession({
        id: sessionIdOf(token),
        userId: user.id,
        csrf: newToken(),
        mfaVerified: multiFactor,
        expiresAt: new Date(now + absoluteSeconds * 1000),
        ip: info.ip,
        userAgent: info.userAgent?.slice(0, 300) ?? null,
        sso: { sid },
      });
      await auth.recordSuccess(user.id, new Date(now));
      recordAudit(tx, who(user.id, role), {
        action: 'auth.sso_login',
        entityId: user.id,
        details: { account: how, role, ...(user.role !== role ? { previousRole: user.role } : {}), mfa: multiFactor },
      });
      return { ok: true, token, maxAgeSeconds: absoluteSeconds };
    });
    if (!outcome.ok && outcome.reason === 'unknown_agency')
      return refuseWithoutAgency('unknown_agency', info.ip, { subject, agency: agencyId });
    return outcome;
  }

  /**
   * A back-channel logout from the IdP: ends our sessions of that subject (and IdP session, when the
   * token names one), each agency's in its own transaction with an audit event per user.
   */
  async function backchannelLogout(token: string, ip: string | null): Promise<{ ended: number }> {
    const { sub, sid } = await client.verifyLogoutToken(token);
    const rows = await oidcSessions(db, settings.issuer, sub, sid);
    const byAgency = groupBy(rows, (r) => r.agency_id);
    for (const [agencyId, sessions] of byAgency) {
      for (const s of sessions) cache?.evictSession(s.session_id);
      await inAgency(db, agencyId, async (tx) => {
        await oidcRepository(tx, agencyId).deleteSessions(sessions.map((s) => s.session_id));
        for (const [userId, own] of groupBy(sessions, (s) => s.user_id)) {
          recordAudit(
            tx,
            { agencyId, actorId: userId, actorRole: own[0]!.role, ip, purpose: null },
            { action: 'auth.sso_backchannel_logout', entityId: userId, details: { sessions: own.length, bySid: sid !== null } },
          );
        }
      });
    }
    return { ended: rows.length };
  }

  return { start: () => client.authorizationUrl(), callback, backchannelLogout, endSessionUrl: () => client.endSessionUrl() };
}
export type OidcService = ReturnType<typeof oidcService>;
