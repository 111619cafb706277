import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { etag } from '../../platform/http/idempotency.js';
import {
  tags,
  ZCarrierReport,
  ZCarrierReportExportQuery,
  ZCarrierReportList,
  ZCarrierReportListQuery,
  ZCarrierReportNarrative,
  ZCarrierReportOpen,
  ZCarrierReportReturn,
  ZCarrierReportSubmit,
} from './aftercare.schemas.js';
import type { AnnualReportService } from './annualReports.service.js';

/**
 * The carriers' annual reports (seed § 10) as tracked objects: the carrier opens a draft, writes its
 * narrative, previews and submits (frozen as a numbered submission); the Fachstelle sees every
 * carrier's history, downloads each version (PDF/XLSX) and may return a submission with a reason.
 */
export function annualReportRoutes(app: FastifyInstance, annualReports: AnnualReportService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/aftercare/annual-reports',
    {
      config: { access: 'aftercare.report' },
      schema: {
        tags,
        summary: 'Jahresberichte der Träger: die Fachstelle alle (Verlauf je Träger), ein Träger seine',
        querystring: ZCarrierReportListQuery,
        response: { 200: ZCarrierReportList },
      },
    },
    (req) => annualReports.list(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/aftercare/annual-reports',
    {
      config: { access: 'aftercare.annualReport.write' },
      schema: {
        tags,
        summary: 'Jahresbericht des eigenen Trägers für ein Jahr beginnen (Entwurf; ein schon begonnener wird beantwortet)',
        body: ZCarrierReportOpen,
        response: { 200: ZCarrierReport, 201: ZCarrierReport },
      },
    },
    async (req, reply) => {
      const res = await annualReports.open(ctxOf(req), req.body);
      reply.header('Location', `/api/v1/aftercare/annual-reports/${res.body.id}`).header('ETag', etag(res.body.version));
      return reply.status(res.created ? 201 : 200).send(res.body);
    },
  );
  r.get(
    '/api/v1/aftercare/annual-reports/:id',
    {
      config: { access: 'aftercare.report' },
      schema: {
        tags,
        summary: 'Jahresbericht mit Bericht des Trägers und den eingereichten Fassungen',
        params: ZIdParams,
        response: { 200: ZCarrierReport },
      },
    },
    async (req, reply) => {
      const report = await annualReports.get(ctxOf(req), req.params.id);
      reply.header('ETag', etag(report.version));
      return report;
    },
  );
  r.put(
    '/api/v1/aftercare/annual-reports/:id',
    {
      config: { access: 'aftercare.annualReport.write' },
      schema: {
        tags,
        summary: 'Bericht des Trägers schreiben: Schwerpunkte, Ziele, Entwicklungen vor Ort (nur im Entwurf)',
        params: ZIdParams,
        body: ZCarrierReportNarrative,
        response: { 200: ZCarrierReport },
      },
    },
    (req) => annualReports.edit(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/aftercare/annual-reports/:id/submit',
    {
      config: { access: 'aftercare.annualReport.submit' },
      schema: {
        tags,
        summary: 'Jahresbericht einreichen (Leitung des Trägers): Text und Zahlen werden als neue Fassung eingefroren',
        params: ZIdParams,
        body: ZCarrierReportSubmit,
        response: { 200: ZCarrierReport },
      },
    },
    (req) => annualReports.submit(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/aftercare/annual-reports/:id/return',
    {
      config: { access: 'aftercare.annualReport.return' },
      schema: {
        tags,
        summary: 'Eingereichten Jahresbericht mit Begründung an den Träger zurückgeben (wieder Entwurf)',
        params: ZIdParams,
        body: ZCarrierReportReturn,
        response: { 200: ZCarrierReport },
      },
    },
    (req) => annualReports.returnReport(ctxOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/aftercare/annual-reports/:id/export',
    {
      config: { access: 'aftercare.report' },
      schema: {
        tags,
        summary: 'Jahresbericht als PDF oder XLSX: eine eingereichte Fassung oder (Träger) die Vorschau des Entwurfs',
        params: ZIdParams,
        querystring: ZCarrierReportExportQuery,
      },
    },
    async (req, reply) => sendDocument(reply, await annualReports.download(ctxOf(req), req.params.id, req.query)),
  );
}
