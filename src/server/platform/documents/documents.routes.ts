import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDocumentTemplate,
  ZDocumentTemplateList,
  ZDocumentTemplatePreview,
  ZDocumentTemplateUpdate,
} from '../../../contracts/documents.js';
import { ctxOf } from '../auth/guard.js';
import { etag } from '../http/idempotency.js';
import { parseIfMatch } from '../http/version.js';
import type { DocumentTemplateService } from './documents.service.js';

const tags = ['Dokumentvorlagen'];
const ZKindParams = z.object({ kind: z.string().min(1).max(60).describe('Dokumentart, z. B. guarantee_contract') });
const ZIfMatch = z.object({ 'if-match': z.string().optional().describe('Version aus dem ETag, z. B. "3"; "0" = Standardvorlage') });

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 name for every current browser. */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const ascii =
    filename
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^A-Za-z0-9._ -]/g, '_') || 'dokument';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored document as a download. The owning module's route calls this after checking that
 * the actor may see the owner (and auditing the read); nothing here checks access.
 */
export function sendDocument(reply: FastifyReply, doc: { filename: string; contentType: string; content: Buffer }): FastifyReply {
  return reply
    .header('Content-Type', doc.contentType)
    .header('Content-Disposition', contentDisposition('attachment', doc.filename))
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(doc.content);
}

export function documentTemplateRoutes(app: FastifyInstance, svc: DocumentTemplateService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/document-templates',
    {
      config: { access: 'template.list' },
      schema: {
        tags,
        summary: 'Dokumentarten mit Titel, Version und ob die Dienststelle sie angepasst hat',
        response: { 200: ZDocumentTemplateList },
      },
    },
    (req) => svc.list(ctxOf(req)),
  );

  r.get(
    '/api/v1/document-templates/:kind',
    {
      config: { access: 'template.list' },
      schema: { tags, summary: 'Vorlage mit Text und erlaubten Platzhaltern', params: ZKindParams, response: { 200: ZDocumentTemplate } },
    },
    async (req, reply) => {
      const t = await svc.get(ctxOf(req), req.params.kind);
      reply.header('ETag', etag(t.version));
      return t;
    },
  );

  r.put(
    '/api/v1/document-templates/:kind',
    {
      config: { access: 'template.update' },
      schema: {
        tags,
        summary: 'Vorlage speichern (If-Match oder version; veraltet → 412, unbekannte Platzhalter → 400)',
        params: ZKindParams,
        headers: ZIfMatch,
        body: ZDocumentTemplateUpdate,
        response: { 200: ZDocumentTemplate },
      },
    },
    async (req, reply) => {
      const t = await svc.update(ctxOf(req), req.params.kind, req.body);
      reply.header('ETag', etag(t.version));
      return t;
    },
  );

  r.delete(
    '/api/v1/document-templates/:kind',
    {
      config: { access: 'template.update' },
      schema: {
        tags,
        summary: 'Auf die Standardvorlage zurücksetzen (mit If-Match nur, wenn die Version noch stimmt; veraltet → 412)',
        params: ZKindParams,
        headers: ZIfMatch,
        response: { 200: ZDocumentTemplate },
      },
    },
    async (req, reply) => {
      const t = await svc.reset(ctxOf(req), req.params.kind, parseIfMatch(req.headers['if-match']));
      reply.header('ETag', etag(t.version));
      return t;
    },
  );

  r.post(
    '/api/v1/document-templates/:kind/preview',
    {
      config: { access: 'template.list' },
      schema: {
        tags,
        summary: 'Vorschau als PDF mit Beispieldaten (gespeicherte Vorlage oder ungespeicherter Text)',
        params: ZKindParams,
        body: ZDocumentTemplatePreview,
        response: { 200: z.any().describe('application/pdf') },
      },
    },
    async (req, reply) => {
      const { pdf } = await svc.preview(ctxOf(req), req.params.kind, req.body);
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', contentDisposition('inline', `vorschau-${req.params.kind}.pdf`))
        .header('X-Content-Type-Options', 'nosniff')
        .send(pdf);
    },
  );
}
