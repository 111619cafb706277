import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session cookie: `__Host-` prefix (Secure, Path=/, no Domain), HttpOnly, SameSite=Lax. Browsers
 * accept Secure cookies on http://localhost, so development uses the same cookie as production.
 */
export const SESSION_COOKIE = '__Host-wohnhilfe';

export const newToken = (): string => crypto.randomBytes(32).toString('base64url');
/** Only the hash of the token is stored, so a database read does not yield usable sessions. */
export const sessionIdOf = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

export const sessionToken = (req: FastifyRequest): string | undefined => req.cookies[SESSION_COOKIE];

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
