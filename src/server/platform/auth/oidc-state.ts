import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Keyring } from '../keys/keyring.js';
import { openSecret, sealSecret } from '../keys/secret-box.js';
import type { PendingLogin } from './oidc.client.js';

/**
 * State, nonce and PKCE verifier of a single sign-on that is under way live in the browser, not in
 * the process (instances are stateless, any of them may receive the IdP's callback): a `__Host-`
 * cookie, HttpOnly, SameSite=Lax (the IdP's redirect back is a top-level GET, so the browser sends
 * it), encrypted and authenticated with AES-256-GCM under the keyring (platform/keys), valid for ten
 * minutes and deleted at the callback. An altered, foreign or expired cookie opens to nothing.
 */
export const SSO_COOKIE = '__Host-wohnhilfe-sso';
const MAX_AGE_SECONDS = 600;
const BIND = 'oidc-state';
const ZSealed = z.object({ state: z.string().min(16), nonce: z.string().min(16), verifier: z.string().min(43), exp: z.number() });

export function setPendingCookie(reply: FastifyReply, keys: Keyring, pending: PendingLogin, now = Date.now()): void {
  const sealed = sealSecret(keys, 'oidc-state', JSON.stringify({ ...pending, exp: now + MAX_AGE_SECONDS * 1000 }), BIND);
  reply.setCookie(SSO_COOKIE, sealed, { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: MAX_AGE_SECONDS });
}

export function clearPendingCookie(reply: FastifyReply): void {
  reply.clearCookie(SSO_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

/** The pending login this browser started, or null (none, altered, unknown key, expired). */
export function pendingOf(req: FastifyRequest, keys: Keyring, now = Date.now()): PendingLogin | null {
  const raw = req.cookies[SSO_COOKIE];
  if (!raw || raw.length > 2000) return null;
  try {
    const parsed = ZSealed.safeParse(JSON.parse(openSecret(keys, 'oidc-state', raw, BIND)));
    if (!parsed.success || parsed.data.exp < now) return null;
    return { state: parsed.data.state, nonce: parsed.data.nonce, verifier: parsed.data.verifier };
  } catch {
    return null;
  }
}
