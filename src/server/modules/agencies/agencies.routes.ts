import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../platform/auth/guard.js';
import { etag } from '../../platform/http/idempotency.js';
import { agencyTags, ZAgency, ZAgencySettingsUpdate } from './agencies.schemas.js';
import type { AgencyService } from './agencies.service.js';

const tags = agencyTags;

export function agencyRoutes(app: FastifyInstance, svc: AgencyService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/agency',
    {
      config: { access: 'agency.read' },
      schema: { tags, summary: 'Eigene Behörde mit Einstellungen', response: { 200: ZAgency } },
    },
    async (req, reply) => {
      const a = await svc.get(ctxOf(req));
      reply.header('ETag', etag(a.version));
      return a;
    },
  );
  r.put(
    '/api/v1/agency/settings',
    {
      config: { access: 'agency.update' },
      schema: { tags, summary: 'Einstellungen der Behörde ändern', body: ZAgencySettingsUpdate, response: { 200: ZAgency } },
    },
    async (req, reply) => {
      const a = await svc.updateSettings(ctxOf(req), req.body.settings, req.body.version);
      reply.header('ETag', etag(a.version));
      return a;
    },
  );
}
