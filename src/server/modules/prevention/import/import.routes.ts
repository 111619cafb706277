import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../../contracts/common.js';
import {
  ZImportJob,
  ZImportMappingInput,
  ZImportRow,
  ZImportRowDecision,
  ZImportRowsPage,
  ZImportRowsQuery,
  ZImportCounts,
  ZImportReport,
  ZImportState,
} from '../../../../contracts/preventionImport.js';
import { ctxOf } from '../../../platform/auth/guard.js';
import { readUpload } from '../../../platform/http/upload.js';
import type { ImportReviewService } from './import.review.service.js';
import type { ImportService } from './import.service.js';

export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
const tags = ['Prävention: Listenimport'];

/** The list import routes; imports keep running after the confirming request, until the app closes. */
export function preventionImportRoutes(app: FastifyInstance, svc: ImportService, review: ImportReviewService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/prevention/imports',
    {
      config: { access: 'preventionImport.write' },
      schema: {
        tags,
        summary: 'Liste hochladen (CSV oder XLSX, multipart/form-data, Feld „file“, höchstens 50 MB)',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          id: ZId.optional().describe('Vom Client gewählte Kennung: Fortschritt des Einlesens unter /progress abfragbar'),
        }),
        response: { 201: ZImportJob },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await svc.mayUpload(ctx);
      const { filename, content } = await readUpload(req, IMPORT_MAX_BYTES);
      const job = await svc.upload(ctx, { filename, content }, req.query.id);
      return reply.status(201).header('Location', `/api/v1/prevention/imports/${job.id}`).send(job);
    },
  );

  r.get(
    '/api/v1/prevention/imports',
    {
      config: { access: 'preventionImport.read' },
      schema: {
        tags,
        summary: 'Eigene letzte Importe',
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: ZId, filename: z.string(), state: ZImportState, totalRows: z.number().int(), createdAt: z.string() }),
            ),
          }),
        },
      },
    },
    (req) => svc.list(ctxOf(req)),
  );

  r.get(
    '/api/v1/prevention/imports/:id',
    {
      config: { access: 'preventionImport.read' },
      schema: {
        tags,
        summary: 'Import mit Spalten, Beispielwerten, Zuordnung, Zählungen und Bericht',
        params: ZIdParams,
        response: { 200: ZImportJob },
      },
    },
    (req) => svc.get(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/v1/prevention/imports/:id/progress',
    {
      config: { access: 'preventionImport.read' },
      schema: {
        tags,
        summary: 'Stand und Fortschritt (zum Abfragen während Einlesen und Import; ohne personenbezogene Daten)',
        params: ZIdParams,
        response: {
          200: z.object({
            id: ZId,
            state: ZImportState,
            progress: z.object({ done: z.number().int(), total: z.number().int() }),
            counts: ZImportCounts.nullable(),
            report: ZImportReport.nullable(),
            error: z.string().nullable(),
            version: z.number().int(),
          }),
        },
      },
    },
    (req) => svc.progress(ctxOf(req), req.params.id),
  );

  r.put(
    '/api/v1/prevention/imports/:id/mapping',
    {
      config: { access: 'preventionImport.write' },
      schema: {
        tags,
        summary: 'Spalten zuordnen und alle Zeilen prüfen (Vorschau; es wird noch nichts angelegt)',
        params: ZIdParams,
        body: ZImportMappingInput,
        response: { 200: ZImportJob },
      },
    },
    (req) => svc.map(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/prevention/imports/:id/rows',
    {
      config: { access: 'preventionImport.read' },
      schema: {
        tags,
        summary: 'Zeilen der Vorschau mit Fehlern, Treffern und Dubletten (seitenweise)',
        params: ZIdParams,
        querystring: ZImportRowsQuery,
        response: { 200: ZImportRowsPage },
      },
    },
    (req) => svc.rows(ctxOf(req), req.params.id, req.query),
  );

  r.put(
    '/api/v1/prevention/imports/:id/rows/:rowNo/household',
    {
      config: { access: 'preventionImport.write' },
      schema: {
        tags,
        summary: 'Möglichen Treffer (nur gleiche Adresse) entscheiden: mit dem Haushalt verknüpfen oder neuen Haushalt anlegen',
        params: z.object({ id: ZId, rowNo: z.coerce.number().int().min(1).max(10_000_000) }),
        body: ZImportRowDecision,
        response: { 200: ZImportRow },
      },
    },
    (req) => review.decide(ctxOf(req), req.params.id, req.params.rowNo, req.body.decision),
  );

  r.post(
    '/api/v1/prevention/imports/:id/confirm',
    {
      config: { access: 'preventionImport.write' },
      schema: {
        tags,
        summary:
          'Import bestätigen: legt alle gültigen Zeilen genau einmal als Fälle an (läuft im Hintergrund; Fortschritt unter /progress)',
        params: ZIdParams,
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
        response: { 202: ZImportJob },
      },
    },
    async (req, reply) => {
      const res = await svc.confirm(ctxOf(req), req.params.id, req.headers['idempotency-key']);
      if (res.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(202).send(res.body);
    },
  );

  r.get(
    '/api/v1/prevention/imports/:id/report.csv',
    {
      config: { access: 'preventionImport.read' },
      schema: { tags, summary: 'Importprotokoll als CSV (eine Zeile je Zeile der Datei)', params: ZIdParams },
    },
    async (req, reply) => {
      const { filename, content } = await svc.report(ctxOf(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'Content-Disposition',
          `attachment; filename="${filename.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(content);
    },
  );
}
