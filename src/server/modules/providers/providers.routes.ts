import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { etag } from '../../platform/http/idempotency.js';
import { ORG_ROUTES, ZOrg, ZOrgInput, ZOrgList, ZOrgUpdate } from './providers.schemas.js';
import type { OrgKind, OrganisationService } from './providers.service.js';

export function organisationRoutes(app: FastifyInstance, kind: OrgKind, svc: OrganisationService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { path, tag, perm } = ORG_ROUTES[kind];
  const tags = [tag];
  r.get(path, { config: { access: perm.list }, schema: { tags, summary: `${tag}: Liste`, response: { 200: ZOrgList } } }, (req) =>
    svc.list(ctxOf(req)),
  );
  r.post(
    path,
    { config: { access: perm.create }, schema: { tags, summary: `${tag}: anlegen`, body: ZOrgInput, response: { 201: ZOrg } } },
    async (req, reply) => {
      const res = await svc.create(ctxOf(req), req.body, req.headers['idempotency-key'] as string | undefined);
      return reply.status(201).header('ETag', etag(res.body.version)).send(res.body);
    },
  );
  r.put(
    `${path}/:id`,
    {
      config: { access: perm.update },
      schema: { tags, summary: `${tag}: ändern`, params: ZIdParams, body: ZOrgUpdate, response: { 200: ZOrg } },
    },
    async (req, reply) => {
      const o = await svc.update(ctxOf(req), req.params.id, req.body, req.body.version);
      reply.header('ETag', etag(o.version));
      return o;
    },
  );
}
