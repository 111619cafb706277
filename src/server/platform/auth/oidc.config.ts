import { z } from 'zod';
import { ROLES, type TRole } from '../../../contracts/common.js';

/**
 * Single sign-on via OpenID Connect (authorisation code + PKCE), configured by environment. Without
 * `OIDC_ISSUER` there is no single sign-on and only local accounts exist.
 *
 * Claim → agency: the claim `OIDC_AGENCY_CLAIM` (default `agency`; a dotted path reaches into nested
 * claims) carries the agency. `OIDC_AGENCY_MAP` (JSON object) maps its values to agency ids, e.g.
 * `{"amt-wohnhilfe-musterstadt":"5d0c…"}`; without a map the claim value must itself be the agency id.
 * A value that maps to no agency is refused.
 *
 * Claim → role: the claim `OIDC_ROLE_CLAIM` (default `roles`; string or array; Keycloak realm roles:
 * `realm_access.roles`) is looked up in `OIDC_ROLE_MAP` (JSON object, required), e.g.
 * `{"wh-sachbearbeitung":"case_manager","wh-leitung":"lead"}`. The first entry of the map whose key
 * the user has wins (order the map from the strongest role down). No mapped role: refused. Roles that
 * need a link to an organisation (provider_user, carrier_worker) cannot come from the IdP.
 */
export const OIDC_ENV = {
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the IdP sends the browser back; default `<PUBLIC_URL>/api/v1/auth/oidc/callback`. */
  OIDC_REDIRECT_URL: z.string().url().optional(),
  /** Where the IdP sends the browser after its logout; default `<PUBLIC_URL>/login`. */
  OIDC_POST_LOGOUT_REDIRECT_URL: z.string().url().optional(),
  OIDC_SCOPE: z.string().min(6).default('openid email profile'),
  OIDC_AGENCY_CLAIM: z.string().min(1).default('agency'),
  OIDC_AGENCY_MAP: z.string().optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
  OIDC_ROLE_MAP: z.string().optional(),
};

const SSO_ROLES = ROLES.filter((r) => r !== 'provider_user' && r !== 'carrier_worker') as [TRole, ...TRole[]];
const ZAgencyMap = z.record(z.string().min(1), z.string().uuid());
const ZRoleMap = z.record(z.string().min(1), z.enum(SSO_ROLES));

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  postLogoutRedirectUrl: string;
  scope: string;
  agencyClaim: string;
  /** null: the claim value is the agency id itself. */
  agencyMap: Readonly<Record<string, string>> | null;
  roleClaim: string;
  /** In the order given: the first key the user has decides the role. */
  roleMap: readonly (readonly [string, TRole])[];
}

type Env = { [K in keyof typeof OIDC_ENV]?: z.infer<(typeof OIDC_ENV)[K]> } & { PUBLIC_URL?: string | undefined };

function json<T>(name: string, text: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`Ungültige Konfiguration: ${name} ist kein JSON-Objekt.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Ungültige Konfiguration: ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The single sign-on settings, or null when no issuer is configured; throws on an incomplete configuration. */
export function oidcSettings(env: Env): OidcSettings | null {
  if (!env.OIDC_ISSUER) return null;
  const missing = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'] as const).filter((k) => !env[k]);
  const base = env.PUBLIC_URL?.replace(/\/$/, '');
  if (!env.OIDC_REDIRECT_URL && !base) missing.push('OIDC_REDIRECT_URL' as never);
  if (missing.length) throw new Error(`Ungültige Konfiguration: mit OIDC_ISSUER sind auch ${missing.join(', ')} nötig.`);
  const roleMap = Object.entries(json('OIDC_ROLE_MAP', env.OIDC_ROLE_MAP!, ZRoleMap));
  if (!roleMap.length) throw new Error('Ungültige Konfiguration: OIDC_ROLE_MAP ordnet keine Rolle zu.');
  return Object.freeze({
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUrl: env.OIDC_REDIRECT_URL ?? `${base}/api/v1/auth/oidc/callback`,
    postLogoutRedirectUrl: env.OIDC_POST_LOGOUT_REDIRECT_URL ?? `${base ?? new URL(env.OIDC_REDIRECT_URL!).origin}/login`,
    scope: env.OIDC_SCOPE ?? 'openid email profile',
    agencyClaim: env.OIDC_AGENCY_CLAIM ?? 'agency',
    agencyMap: env.OIDC_AGENCY_MAP ? Object.freeze(json('OIDC_AGENCY_MAP', env.OIDC_AGENCY_MAP, ZAgencyMap)) : null,
    roleClaim: env.OIDC_ROLE_CLAIM ?? 'roles',
    roleMap: Object.freeze(roleMap),
  });
}

/** A claim by dotted path (`realm_access.roles`). */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let v: unknown = claims;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export type Mapped = { agencyId: string; role: TRole } | { refused: 'unknown_agency' | 'no_role'; value?: string };

/** The agency and role the claims give, or why they give none. */
export function mapClaims(s: OidcSettings, claims: Record<string, unknown>): Mapped {
  const agencyValue = claimAt(claims, s.agencyClaim);
  const value = typeof agencyValue === 'string' ? agencyValue : undefined;
  const agencyId = value === undefined ? undefined : s.agencyMap ? s.agencyMap[value] : value;
  if (!agencyId || !z.string().uuid().safeParse(agencyId).success) return { refused: 'unknown_agency', ...(value ? { value } : {}) };
  const raw = claimAt(claims, s.roleClaim);
  const held = new Set((Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string'));
  const role = s.roleMap.find(([key]) => held.has(key))?.[1];
  return role ? { agencyId, role } : { refused: 'no_role' };
}
