import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZLoginRequest, ZLoginResponse, ZLogoutResponse, ZMe, ZTotpEnrolConfirm, ZTotpEnrolStart } from '../../../contracts/auth.js';
import { AppError } from '../errors/app-error.js';
import type { AuthService } from './auth.service.js';
import type { ResolvedSession } from './guard.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session.js';

export function authRoutes(app: FastifyInstance, auth: AuthService, endSessionUrl: (() => Promise<string | null>) | null = null): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Anmeldung'];
  const session = (s: ResolvedSession | null): ResolvedSession => {
    if (!s) throw new AppError('unauthenticated');
    return s;
  };

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Anmelden (Passwort, ggf. TOTP-Code)', body: ZLoginRequest, response: { 200: ZLoginResponse } },
    },
    async (req, reply) => {
      const result = await auth.login(req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        previousToken: sessionToken(req),
      });
      if (result.status === 'totp_required') return { status: 'totp_required' as const };
      setSessionCookie(reply, result.token, result.maxAgeSeconds);
      return { status: result.status, me: result.me };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'session.me' },
      schema: {
        tags,
        summary: 'Abmelden (eine Sitzung über das Dienstkonto geht weiter zur Abmeldung beim Identitätsanbieter)',
        response: { 200: ZLogoutResponse, 204: z.null() },
      },
    },
    async (req, reply) => {
      const { sso } = await auth.logout(session(req.session), req.ip);
      clearSessionCookie(reply);
      const url = sso && endSessionUrl ? await endSessionUrl().catch(() => null) : null;
      if (url) return reply.status(200).send({ endSessionUrl: url });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      config: { access: 'session.me' },
      schema: { tags, summary: 'Angemeldeter Benutzer mit Rechten', response: { 200: ZMe } },
    },
    async (req) => auth.me(session(req.session)),
  );

  r.post(
    '/api/v1/auth/totp/enrol',
    {
      config: { access: 'session.totp' },
      schema: { tags, summary: 'Zweiten Faktor (TOTP) einrichten: Geheimnis und QR-Code', response: { 200: ZTotpEnrolStart } },
    },
    async (req) => auth.startTotpEnrolment(session(req.session)),
  );

  r.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: 'session.totp' },
      schema: { tags, summary: 'TOTP-Einrichtung mit einem Code bestätigen', body: ZTotpEnrolConfirm, response: { 200: ZMe } },
    },
    async (req) => auth.confirmTotp(session(req.session), req.body.code, req.ip),
  );
}
