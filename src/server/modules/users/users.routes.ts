import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMySettings, ZMySettingsUpdate } from '../../../contracts/auth.js';
import { ZIdParams } from '../../../contracts/common.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { etag } from '../../platform/http/idempotency.js';
import {
  userTags,
  ZOperatorChoices,
  ZPasswordReset,
  ZStaffList,
  ZUser,
  ZUserCreate,
  ZUserList,
  ZUserQuery,
  ZUserUpdate,
} from './users.schemas.js';
import type { UserService } from './users.service.js';

const tags = userTags;

export function userRoutes(app: FastifyInstance, svc: UserService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/users',
    {
      config: { access: 'user.list' },
      schema: { tags, summary: 'Benutzer der Behörde', querystring: ZUserQuery, response: { 200: ZUserList } },
    },
    (req) => svc.list(ctxOf(req), req.query.search),
  );

  r.get(
    '/api/v1/users/operators',
    {
      config: { access: 'user.list' },
      schema: {
        tags,
        summary: 'Betreiber der Unterkünfte zur Auswahl für Betreiber-Konten (nur Namen)',
        response: { 200: ZOperatorChoices },
      },
    },
    (req) => svc.operatorChoices(ctxOf(req)),
  );

  r.get(
    '/api/v1/staff',
    {
      config: { access: 'staff.list' },
      schema: { tags, summary: 'Fachkräfte für Zuweisungen', response: { 200: ZStaffList } },
    },
    (req) => svc.staff(ctxOf(req)),
  );

  r.post(
    '/api/v1/users',
    {
      config: { access: 'user.create' },
      schema: { tags, summary: 'Benutzer anlegen', body: ZUserCreate, response: { 201: ZUser } },
    },
    async (req, reply) => {
      const res = await svc.create(ctxOf(req), req.body, req.headers['idempotency-key'] as string | undefined);
      return reply.status(201).header('ETag', etag(res.body.version)).send(res.body);
    },
  );

  r.put(
    '/api/v1/users/:id',
    {
      config: { access: 'user.update' },
      schema: { tags, summary: 'Benutzer ändern, (de)aktivieren', params: ZIdParams, body: ZUserUpdate, response: { 200: ZUser } },
    },
    async (req, reply) => {
      const u = await svc.update(ctxOf(req), req.params.id, req.body, req.body.version);
      reply.header('ETag', etag(u.version));
      return u;
    },
  );

  r.get(
    '/api/v1/me/settings',
    {
      config: { access: 'settings.read' },
      schema: { tags, summary: 'Eigene Einstellungen', response: { 200: ZMySettings } },
    },
    (req) => svc.mySettings(ctxOf(req)),
  );

  r.put(
    '/api/v1/me/settings',
    {
      config: { access: 'settings.update' },
      schema: {
        tags,
        summary: 'Eigene Einstellungen ändern (z. B. tägliche Zusammenfassung per E-Mail)',
        body: ZMySettingsUpdate,
        response: { 200: ZMySettings },
      },
    },
    (req) => svc.updateMySettings(ctxOf(req), req.body),
  );

  r.post(
    '/api/v1/users/:id/password',
    {
      config: { access: 'user.resetPassword' },
      schema: {
        tags,
        summary: 'Passwort zurücksetzen (beendet alle Sitzungen)',
        params: ZIdParams,
        body: ZPasswordReset,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await svc.resetPassword(ctxOf(req), req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );
}
