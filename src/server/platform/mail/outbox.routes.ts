import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import { ZOutboxAttachmentParams, ZOutboxDetail, ZOutboxPage, ZOutboxQuery } from '../../../contracts/notify.js';
import { ctxOf } from '../auth/guard.js';
import type { OutboxService } from './outbox.service.js';

const tags = ['Postausgang'];

/** RFC 6266 filename: ASCII fallback plus the UTF-8 name. */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function outboxRoutes(app: FastifyInstance, svc: OutboxService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/outbox',
    {
      config: { access: 'outbox.list' },
      schema: {
        tags,
        summary: 'Postausgang: E-Mails mit Zustellstatus, neueste zuerst',
        querystring: ZOutboxQuery,
        response: { 200: ZOutboxPage },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/outbox/:id',
    {
      config: { access: 'outbox.read' },
      schema: { tags, summary: 'Eine E-Mail mit Text und Anhängen', params: ZIdParams, response: { 200: ZOutboxDetail } },
    },
    (req) => svc.get(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/v1/outbox/:id/attachments/:index',
    {
      config: { access: 'outbox.read' },
      schema: { tags, summary: 'Anhang einer E-Mail herunterladen', params: ZOutboxAttachmentParams },
    },
    async (req, reply) => {
      const a = await svc.attachment(ctxOf(req), req.params.id, req.params.index);
      const type = /^[\w.+-]+\/[\w.+-]+(; *[\w-]+=[\w.-]+)*$/.test(a.contentType) ? a.contentType : 'application/octet-stream';
      return reply.header('Content-Type', type).header('Content-Disposition', disposition(a.filename)).send(a.content);
    },
  );
}
