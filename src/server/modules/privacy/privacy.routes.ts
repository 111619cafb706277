import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZConsentLog,
  ZPrivacyHandOver,
  ZPrivacyRefuse,
  ZPrivacyRequest,
  ZPrivacyRequestCreate,
  ZPrivacyRequestList,
  ZPrivacyRequestQuery,
  ZTransferLog,
  ZVersion,
} from '../../../contracts/privacy.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { exportLang, ZExportParams } from '../../platform/export/export.js';
import type { DpoService } from './dpo.service.js';
import { subjectExportPdf } from './privacy.pdf.js';
import type { PrivacyService } from './privacy.service.js';

const tags = ['Datenschutz'];

/** Access requests (Art. 15 DSGVO, § 83 SGB X) and the data-protection officer's views. */
export function privacyRoutes(app: FastifyInstance, svc: PrivacyService, dpo: DpoService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/privacy/requests',
    {
      config: { access: 'privacy.request.list' },
      schema: {
        tags,
        summary: 'Auskunftsanträge (Art. 15 DSGVO), offene zuerst nach Frist',
        querystring: ZPrivacyRequestQuery,
        response: { 200: ZPrivacyRequestList },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/v1/privacy/requests',
    {
      config: { access: 'privacy.request.create' },
      schema: {
        tags,
        summary: 'Auskunftsantrag erfassen (Monatsfrist nach Art. 12 Abs. 3 DSGVO wird als Frist angelegt)',
        body: ZPrivacyRequestCreate,
        response: { 201: ZPrivacyRequest },
      },
    },
    async (req, reply) => {
      const res = await svc.create(ctxOf(req), req.body);
      return reply.code(201).header('Location', `/api/v1/privacy/requests/${res.id}`).send(res);
    },
  );

  r.get(
    '/api/v1/privacy/requests/:id',
    {
      config: { access: 'privacy.request.read' },
      schema: { tags, summary: 'Ein Auskunftsantrag mit seinen nächsten Schritten', params: ZIdParams, response: { 200: ZPrivacyRequest } },
    },
    (req) => svc.get(ctxOf(req), req.params.id),
  );

  const stepOpts = <B extends z.ZodTypeAny>(summary: string, body: B) => ({
    config: { access: 'privacy.request.step' as const },
    schema: { tags, summary, params: ZIdParams, body, response: { 200: ZPrivacyRequest } },
  });
  r.post('/api/v1/privacy/requests/:id/start', stepOpts('Bearbeitung beginnen', ZVersion), (req) =>
    svc.start(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/privacy/requests/:id/produce',
    stepOpts('Auskunft erstellen: ein Export aller Einträge über die Person aus allen Programmen', ZVersion),
    (req) => svc.produce(ctxOf(req), req.params.id, req.body),
  );
  r.post('/api/v1/privacy/requests/:id/hand-over', stepOpts('Aushändigung der Auskunft festhalten', ZPrivacyHandOver), (req) =>
    svc.handOver(ctxOf(req), req.params.id, req.body),
  );
  r.post('/api/v1/privacy/requests/:id/refuse', stepOpts('Antrag mit Begründung ablehnen', ZPrivacyRefuse), (req) =>
    svc.refuse(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/privacy/requests/:id/export.json',
    {
      config: { access: 'privacy.request.export' },
      schema: { tags, summary: 'Die erstellte Auskunft als JSON (für die Akte)', params: ZIdParams },
    },
    async (req, reply) => {
      const { reference, data } = await svc.exportOf(ctxOf(req), req.params.id, 'json');
      return sendDocument(reply, {
        filename: `auskunft-${reference}.json`,
        contentType: 'application/json; charset=utf-8',
        content: Buffer.from(JSON.stringify(data, null, 2)),
      });
    },
  );

  r.get(
    '/api/v1/privacy/requests/:id/export.pdf',
    {
      config: { access: 'privacy.request.export' },
      schema: {
        tags,
        summary: 'Die erstellte Auskunft als PDF für die Person',
        params: ZIdParams,
        querystring: z.object({ lang: ZExportParams.lang }),
      },
    },
    async (req, reply) => {
      const lang = exportLang(req.query.lang, req.headers['accept-language']);
      const { reference, data } = await svc.exportOf(ctxOf(req), req.params.id, 'pdf');
      const name = lang === 'de' ? `auskunft-${reference}.pdf` : `access-${reference}.pdf`;
      return sendDocument(reply, { filename: name, contentType: 'application/pdf', content: await subjectExportPdf(data, lang) });
    },
  );

  r.get(
    '/api/v1/privacy/transfers',
    {
      config: { access: 'privacy.transfers' },
      schema: { tags, summary: 'Übermittlungsprotokoll der Behörde (§ 67b SGB X), neueste zuerst', response: { 200: ZTransferLog } },
    },
    (req) => dpo.transfers(ctxOf(req)),
  );

  r.get(
    '/api/v1/privacy/consents',
    {
      config: { access: 'privacy.consents' },
      schema: { tags, summary: 'Einwilligungen der Behörde (erteilt, befristet, widerrufen)', response: { 200: ZConsentLog } },
    },
    (req) => dpo.consents(ctxOf(req)),
  );

  r.get(
    '/api/v1/privacy/processing.pdf',
    {
      config: { access: 'privacy.processing' },
      schema: {
        tags,
        summary: 'Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) als PDF',
        querystring: z.object({ lang: ZExportParams.lang }),
      },
    },
    async (req, reply) => sendDocument(reply, await dpo.processing(ctxOf(req), exportLang(req.query.lang, req.headers['accept-language']))),
  );
}
