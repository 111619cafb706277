import { addressRoutes } from './modules/households/addresses.routes.js';
import { addressService } from './modules/households/addresses.service.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from './config.js';
import { loadKeyring, type Keyring } from './platform/keys/keyring.js';
import type { DB } from './db/types.js';
import type { RouteAccess } from './platform/access/registry.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { auditService } from './platform/audit/audit.service.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { oidcClient } from './platform/auth/oidc.client.js';
import { oidcRoutes } from './platform/auth/oidc.routes.js';
import { oidcService } from './platform/auth/oidc.service.js';
import { authService } from './platform/auth/auth.service.js';
import { documentTemplateRoutes } from './platform/documents/documents.routes.js';
import { documentTemplateService } from './platform/documents/documents.service.js';
import { registerGuard } from './platform/auth/guard.js';
import { SessionCache } from './platform/auth/session-cache.js';
import { AppError } from './platform/errors/app-error.js';
import { clientErrorHandler, databaseUnavailable, errorHandler, frameworkErrors } from './platform/errors/problem.js';
import { healthRoutes } from './platform/health/health.routes.js';
import { requestValidatorCompiler } from './platform/http/validation.js';
import { serveWebBuild } from './platform/http/web.js';
import { documentVersionRule, registerVersionRule } from './platform/http/version.js';
import { agencyRoutes } from './modules/agencies/agencies.routes.js';
import { agencyService } from './modules/agencies/agencies.service.js';
import { householdRoutes } from './modules/households/households.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { searchService } from './modules/search/search.service.js';
import { householdFileService } from './modules/households/file.service.js';
import { householdService } from './modules/households/households.service.js';
import { placementRoutes } from './modules/placement/placement.routes.js';
import { placementService } from './modules/placement/placement.service.js';
import { registerRestrictionGuard } from './modules/retention/restriction.guard.js';
import { retentionRoutes } from './modules/retention/retention.routes.js';
import { retentionService } from './modules/retention/retention.service.js';
import { restrictionService } from './modules/retention/restriction.service.js';
import { consentReportService } from './modules/retention/consents.service.js';
import { preventionRoutes } from './modules/prevention/prevention.routes.js';
import { preventionService } from './modules/prevention/prevention.service.js';
import { aftercareRoutes } from './modules/aftercare/aftercare.routes.js';
import { aftercareService } from './modules/aftercare/aftercare.service.js';
import { sustainmentRoutes } from './modules/sustainment/sustainment.routes.js';
import { sustainmentService } from './modules/sustainment/sustainment.service.js';
import { preventionImportRoutes } from './modules/prevention/import/import.routes.js';
import { importRunner } from './modules/prevention/import/import.runner.js';
import { importReviewService } from './modules/prevention/import/import.review.service.js';
import { importService } from './modules/prevention/import/import.service.js';
import { organisationRoutes } from './modules/providers/providers.routes.js';
import { organisationService } from './modules/providers/providers.service.js';
import { userRoutes } from './modules/users/users.routes.js';
import { userService } from './modules/users/users.service.js';
import { deadlineRoutes } from './platform/deadlines/deadlines.routes.js';
import { deadlineService } from './platform/deadlines/deadlines.service.js';
import { outboxRoutes } from './platform/mail/outbox.routes.js';
import { outboxService } from './platform/mail/outbox.service.js';
import { mailDelivery } from './platform/mail/mail.job.js';
import { createMailTransport } from './platform/mail/transport.js';
import { ALL_JOBS } from './jobs.js';
import { startJobs } from './platform/jobs/queue.js';
import { deskRoutes } from './modules/desk/desk.routes.js';
import { deskService } from './modules/desk/desk.service.js';
import { DESK_CONTRIBUTIONS } from './modules/desk/contributions.js';
import { recordNamer } from './modules/desk/recordNames.js';
import { FIGURE_CONTRIBUTIONS } from './modules/steering/contributions.js';
import { steeringReportRoutes } from './modules/steering/reports.routes.js';
import { steeringReportsService } from './modules/steering/reports.service.js';
import { steeringRoutes } from './modules/steering/steering.routes.js';
import { cityRoutes } from './modules/steering/city.routes.js';
import { cityService } from './modules/steering/city.service.js';
import { accommodationRoutes } from './modules/accommodation/accommodation.routes.js';
import { accommodationService } from './modules/accommodation/accommodation.service.js';
import { woberichtRoutes } from './modules/accommodation/wobericht.routes.js';
import { woberichtService } from './modules/accommodation/wobericht.service.js';
import { billingRoutes } from './modules/accommodation/billing.routes.js';
import { billingService } from './modules/accommodation/billing.service.js';
import { snapshotStore } from './modules/steering/snapshots.service.js';
import { steeringService } from './modules/steering/steering.service.js';
import { SUBJECT_CONTRIBUTIONS } from './modules/privacy/contributions.js';
import { dpoService } from './modules/privacy/dpo.service.js';
import { privacyRoutes } from './modules/privacy/privacy.routes.js';
import { privacyService } from './modules/privacy/privacy.service.js';
import { notificationRoutes } from './platform/notify/notifications.routes.js';
import { notificationService } from './platform/notify/notify.service.js';
import { setPublicUrl } from './platform/notify/notify.js';

z.config(z.locales.de());

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}
declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access: the access-matrix test walks this. */
    routeTable: RouteEntry[];
  }
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppOptions {
  db: Kysely<DB>;
  config: Config;
  /** Serve the built React UI from dist/web (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /**
   * The app role's connection string, for the session-change channel (no session cache without it)
   * and the job queue's connections (needed with `workers`).
   */
  listenUrl?: string;
  /** Run the background jobs (mail delivery, deadline reminders, audit sealing); HTTP tests turn them off. */
  workers?: boolean;
  /** The keys outside the database; unset: loaded from AUDIT_KEY or the key file (see keys/keyring.ts). */
  keys?: Keyring;
}

/** Builds the Fastify app: plugins, error handler, guard, and every module's routes. */
export async function buildApp({
  db,
  config,
  serveWeb = true,
  logger = true,
  listenUrl,
  workers = true,
  keys = loadKeyring(config),
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    trustProxy: config.NODE_ENV === 'production',
    bodyLimit: 1024 * 1024,
    // Errors Fastify raises itself leave as problem+json too.
    frameworkErrors,
    clientErrorHandler,
  });
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    // The Swagger UI plugin's own routes are public documentation; every other route declares its access.
    if (route.prefix === '/api/docs' || route.prefix.startsWith('/api/docs/')) {
      route.config ??= {};
      (route.config as { access?: RouteAccess }).access = 'public';
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, access: (route.config as { access?: RouteAccess } | undefined)?.access });
    }
  });
  app.setValidatorCompiler(requestValidatorCompiler);
  registerVersionRule(app);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => errorHandler(new AppError('not_found'), req, reply));
  // Only JSON bodies: a cross-site form cannot post text/plain that we would parse.
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  // Responses travel compressed (brotli, else gzip) when the client accepts it; the built UI's
  // assets are compressed once at build time and sent as they are (see serveWebBuild).
  await app.register(compress, { encodings: ['br', 'gzip'] });
  // Uploads (offer photos) only: files are read into memory with a size limit per route.
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
  // Security headers: helmet's middleware built once (the Fastify plugin rebuilt it on every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: { maxAge: 31536000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/v1/')) reply.header('Cache-Control', 'no-store');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'wohnhilfe API',
        version: '1.0.0',
        description: 'Fachverfahren für Fachstellen für Wohnungsnotfälle. Fehler als RFC 9457 problem+json.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-wohnhilfe' } } },
      security: [{ session: [] }],
    },
    transform: (arg) => documentVersionRule(jsonSchemaTransform(arg)),
  });
  // No CSP of its own (the plugin's allows framing by the same origin and https: styles): the docs get the
  // app's policy from the hook above, which Swagger UI needs nothing beyond (its scripts and styles are
  // files of our origin). The validator badge would load an image from validator.swagger.io: off.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', validatorUrl: null }, staticCSP: false });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  healthRoutes(app, db);

  setPublicUrl(config.PUBLIC_URL);
  if (workers) {
    if (!listenUrl) throw new Error("buildApp: background jobs need the app role's connection string (listenUrl)");
    const mail = createMailTransport(config);
    const jobs = await startJobs({
      url: listenUrl,
      jobs: ALL_JOBS,
      services: { db, mail, keys },
      pollingIntervalSeconds: { [mailDelivery.id]: config.MAIL_WORKER_INTERVAL_MS / 1000 },
      // A database that is away pauses the jobs (reported once per outage); they carry on when it is back.
      onError: (e) =>
        databaseUnavailable(e)
          ? app.log.warn({ err: e }, 'database unavailable: background jobs wait')
          : app.log.error({ err: e }, 'background job failed'),
    });
    app.addHook('onClose', async () => {
      await jobs.stop();
      if (mail.kind === 'smtp') mail.transporter.close();
    });
  }

  const sessions = new SessionCache(listenUrl, (e) => app.log.warn({ err: e }, 'session change channel lost'));
  await sessions.start();
  app.addHook('onClose', () => sessions.close());

  registerGuard(app, db, sessions);
  registerRestrictionGuard(app, db);
  const sso = config.oidc
    ? { settings: config.oidc, service: oidcService(db, config, config.oidc, oidcClient(config.oidc), sessions) }
    : null;
  authRoutes(app, authService(db, config, keys, sessions), sso ? sso.service.endSessionUrl : null);
  oidcRoutes(app, keys, sso);
  householdRoutes(app, householdService(db, DESK_CONTRIBUTIONS), householdFileService(db, DESK_CONTRIBUTIONS));
  addressRoutes(app, addressService(db));
  searchRoutes(app, searchService(db));
  userRoutes(app, userService(db, sessions));
  agencyRoutes(app, agencyService(db, sessions));
  organisationRoutes(app, 'provider', organisationService(db, 'provider'));
  organisationRoutes(app, 'carrier', organisationService(db, 'carrier'));
  placementRoutes(app, placementService(db));
  preventionRoutes(app, preventionService(db));
  sustainmentRoutes(app, sustainmentService(db));
  aftercareRoutes(app, aftercareService(db));
  const imports = importRunner(db, { onError: (e) => app.log.error({ err: e }, 'prevention import failed') });
  app.addHook('onClose', () => imports.drain());
  preventionImportRoutes(app, importService(db, imports), importReviewService(db));
  auditRoutes(app, auditService(db, keys, recordNamer(DESK_CONTRIBUTIONS)));
  deadlineRoutes(app, deadlineService(db));
  notificationRoutes(app, notificationService(db));
  deskRoutes(app, deskService(db, DESK_CONTRIBUTIONS));
  const figureStore = snapshotStore(FIGURE_CONTRIBUTIONS, { maxAgeMinutes: config.STEERING_MAX_AGE_MINUTES });
  const steering = steeringService(db, FIGURE_CONTRIBUTIONS, figureStore);
  steeringRoutes(app, steering);
  cityRoutes(app, cityService(db, FIGURE_CONTRIBUTIONS, figureStore));
  steeringReportRoutes(app, steeringReportsService(db, FIGURE_CONTRIBUTIONS, steering, figureStore));
  privacyRoutes(app, privacyService(db, SUBJECT_CONTRIBUTIONS), dpoService(db, SUBJECT_CONTRIBUTIONS));
  accommodationRoutes(app, accommodationService(db));
  woberichtRoutes(app, woberichtService(db));
  billingRoutes(app, billingService(db));
  outboxRoutes(app, outboxService(db, { captureMode: !config.SMTP_URL }));
  documentTemplateRoutes(app, documentTemplateService(db));
  retentionRoutes(app, retentionService(db), restrictionService(db), consentReportService(db));

  if (serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) await serveWebBuild(app, WEB_DIST);
  return app;
}
