import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ZAgencySettings, DEFAULT_AGENCY_SETTINGS } from '../../../contracts/admin.js';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { RouteAccess } from '../access/registry.js';
import { AppError } from '../errors/app-error.js';
import type { Actor, Ctx } from '../http/context.js';
import { safeEqual, sessionIdOf, sessionToken } from './session.js';
import type { SessionCache } from './session-cache.js';
import { authRepository, preAgencyLookups, type SessionRow } from './auth.repository.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: the permission it needs, or `public`. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: Ctx | null;
    session: ResolvedSession | null;
  }
}

export interface ResolvedSession {
  id: string;
  actor: Actor;
  csrfToken: string;
  mfaVerified: boolean;
  totpRequired: boolean;
}

const TOUCH_AFTER_MS = 60_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type AgencySettings = typeof DEFAULT_AGENCY_SETTINGS;
/** Parsed settings per stored settings object: a cached session keeps its object, so one parse serves it. */
const parsedSettings = new WeakMap<object, AgencySettings>();

export function agencySettings(raw: unknown): AgencySettings {
  const memo = raw !== null && typeof raw === 'object' ? parsedSettings.get(raw) : undefined;
  if (memo) return memo;
  const parsed = ZAgencySettings.safeParse({ ...DEFAULT_AGENCY_SETTINGS, ...(raw as object) });
  const settings = parsed.success ? parsed.data : DEFAULT_AGENCY_SETTINGS;
  if (raw !== null && typeof raw === 'object') parsedSettings.set(raw, settings);
  return settings;
}

/** Resolves the session cookie: unknown, ended, expired (absolute) or idle sessions are rejected. */
const invalid = (row: SessionRow, now: Date) =>
  !row.active ||
  row.expires_at <= now ||
  row.last_seen_at.getTime() + agencySettings(row.settings).sessionIdleMinutes * 60_000 <= now.getTime();

/**
 * Resolves the session cookie: unknown, ended, expired (absolute) or idle sessions are rejected. A
 * cached session that looks ended is checked again in the database before anything is decided.
 */
export async function resolveSession(
  db: Kysely<DB>,
  token: string | undefined,
  cache: SessionCache | null = null,
  now = new Date(),
): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const id = sessionIdOf(token);
  let row = cache?.get(id, now.getTime()) as SessionRow | undefined;
  if (row && invalid(row, now)) row = undefined;
  if (!row) {
    row = await preAgencyLookups(db).session(id);
    if (!row) return null;
    if (invalid(row, now)) {
      cache?.evictSession(id);
      const agencyId = row.agency_id;
      await inAgency(db, agencyId, (tx) => authRepository(tx, agencyId).deleteSession(id));
      return null;
    }
    cache?.set(row, now.getTime());
  }
  const settings = agencySettings(row.settings);
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    row.last_seen_at = now;
    const agencyId = row.agency_id;
    await inAgency(db, agencyId, (tx) => authRepository(tx, agencyId).touchSession(id, now));
  }
  return {
    id,
    actor: {
      userId: row.user_id,
      agencyId: row.agency_id,
      role: row.role,
      providerId: row.provider_id,
      carrierId: row.carrier_id,
      sessionId: id,
    },
    csrfToken: row.csrf_token,
    mfaVerified: row.mfa_verified,
    totpRequired: settings.totpRequiredRoles.includes(row.role),
  };
}

const purposeOf = (req: FastifyRequest): string | null => {
  const h = req.headers['x-purpose'];
  return typeof h === 'string' && h.trim() ? h.trim().slice(0, 200) : null;
};

/**
 * Authenticates every non-public route before its handler: session, CSRF token on unsafe methods,
 * and — where the agency requires a second factor for the role — a verified TOTP code.
 */
export function registerGuard(app: FastifyInstance, db: Kysely<DB>, cache: SessionCache | null = null): void {
  app.decorateRequest('ctx', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (!req.routeOptions.url) return; // 404 handler
    if (access === undefined) throw new AppError('internal', 'Route ohne Zugriffsregel');
    if (access === 'public') return;
    const session = await resolveSession(db, sessionToken(req), cache);
    if (!session) throw new AppError('unauthenticated');
    if (UNSAFE.has(req.method)) {
      const token = req.headers['x-csrf-token'];
      if (typeof token !== 'string' || !safeEqual(token, session.csrfToken)) throw new AppError('csrf_failed');
    }
    if (session.totpRequired && !session.mfaVerified && !access.startsWith('session.')) {
      throw new AppError('totp_required', 'Bitte richten Sie zuerst den zweiten Faktor ein.');
    }
    req.session = session;
    req.ctx = { actor: session.actor, ip: req.ip ?? null, purpose: purposeOf(req) };
  });
}

/** The context of an authenticated request; routes call this, never read the session directly. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.ctx) throw new AppError('unauthenticated');
  return req.ctx;
}
