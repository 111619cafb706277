import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZSsoStatus } from '../../../contracts/auth.js';
import type { Keyring } from '../keys/keyring.js';
import { AppError } from '../errors/app-error.js';
import type { OidcSettings } from './oidc.config.js';
import type { OidcService } from './oidc.service.js';
import { clearPendingCookie, pendingOf, setPendingCookie } from './oidc-state.js';
import { sessionToken, setSessionCookie } from './session.js';

/**
 * Single sign-on routes (all public: they are the way in). Without configuration (`OIDC_ISSUER`
 * unset) they exist but answer 404, so the route table and the API document do not depend on it.
 */
export function oidcRoutes(app: FastifyInstance, keys: Keyring, sso: { settings: OidcSettings; service: OidcService } | null): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Anmeldung'];
  const configured = () => {
    if (!sso) throw new AppError('not_found', 'Die Anmeldung mit Dienstkonto ist nicht eingerichtet.');
    return sso;
  };

  r.get(
    '/api/v1/auth/sso',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Ist die Anmeldung mit Dienstkonto (OpenID Connect) eingerichtet?', response: { 200: ZSsoStatus } },
    },
    async () => ({ enabled: sso !== null }),
  );

  r.get(
    '/api/v1/auth/oidc/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Anmeldung mit Dienstkonto beginnen (Weiterleitung zum Identitätsanbieter)', response: { 302: z.null() } },
    },
    async (_req, reply) => {
      const { url, pending } = await configured().service.start();
      setPendingCookie(reply, keys, pending);
      return reply.redirect(url, 302);
    },
  );

  r.get(
    '/api/v1/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Rückkehr vom Identitätsanbieter: prüfen, Sitzung eröffnen, weiter zur Anwendung oder zur Anmeldeseite mit Grund',
        response: { 302: z.null() },
      },
    },
    async (req, reply) => {
      const { settings, service } = configured();
      // The URL the IdP was told (behind a proxy the request's own host may differ), with the parameters it sent.
      const url = new URL(settings.redirectUrl);
      url.search = new URL(req.url, 'http://x').search;
      const outcome = await service.callback(url, pendingOf(req, keys), {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        previousToken: sessionToken(req),
      });
      clearPendingCookie(reply);
      if (!outcome.ok) return reply.redirect(`/login?sso=${outcome.reason}`, 302);
      setSessionCookie(reply, outcome.token, outcome.maxAgeSeconds);
      return reply.redirect('/', 302);
    },
  );

  // The IdP posts the logout token as a form (application/x-www-form-urlencoded); only this route parses forms.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/auth/oidc/backchannel-logout',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Back-Channel-Logout des Identitätsanbieters (Logout-Token): beendet die Sitzungen des Benutzers',
          body: z.object({ logout_token: z.string().min(10).max(8000) }),
          response: { 200: z.null() },
        },
      },
      async (req, reply) => {
        const { service } = configured();
        reply.header('cache-control', 'no-store');
        try {
          await service.backchannelLogout(req.body.logout_token, req.ip);
        } catch (e) {
          if (e instanceof AppError) throw e;
          req.log.warn({ err: e }, 'back-channel logout token refused');
          throw new AppError('validation_failed', 'Das Logout-Token ist ungültig.');
        }
        return reply.status(200).send(null);
      },
    );
  });
}
