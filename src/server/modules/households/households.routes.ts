import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZAccessLogEntry,
  ZHousehold,
  ZHouseholdCreate,
  ZHouseholdListQuery,
  ZHouseholdPage,
  ZHouseholdProgrammes,
  ZHouseholdUpdate,
  ZJournalCreate,
  ZJournalEntry,
  ZJournalPage,
} from '../../../contracts/households.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { EXPORT_ROW_LIMIT, exportLang, ZExportParams } from '../../platform/export/export.js';
import { etag } from '../../platform/http/idempotency.js';
import type { HouseholdFileService } from './file.service.js';
import type { HouseholdService } from './households.service.js';

const ZIdempotencyHeaders = z.object({
  'idempotency-key': z.string().max(200).optional().describe('Wiederholte Anfragen mit demselben Schlüssel legen nur einen Datensatz an'),
});
const ZIfMatch = z.object({ 'if-match': z.string().optional().describe('Version aus dem ETag, z. B. "3"') });
const tags = ['Haushalte'];

export function householdRoutes(app: FastifyInstance, svc: HouseholdService, files: HouseholdFileService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/households',
    {
      config: { access: 'household.list' },
      schema: {
        tags,
        summary: 'Haushalte suchen und filtern (seitenweise)',
        querystring: ZHouseholdListQuery,
        response: { 200: ZHouseholdPage },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/households/export',
    {
      config: { access: 'household.list' },
      schema: {
        tags,
        summary: `Haushaltsliste als CSV oder Excel (dieselben Filter wie die Liste, ohne Seiten, höchstens ${EXPORT_ROW_LIMIT} Zeilen)`,
        querystring: ZHouseholdListQuery.omit({ page: true, pageSize: true }).extend(ZExportParams),
      },
    },
    async (req, reply) => {
      const { format, lang, ...filters } = req.query;
      const out = { format, lang: exportLang(lang, req.headers['accept-language']) };
      return sendDocument(reply, await svc.export(ctxOf(req), filters, out));
    },
  );

  r.post(
    '/api/v1/households',
    {
      config: { access: 'household.create' },
      schema: { tags, summary: 'Haushalt anlegen', headers: ZIdempotencyHeaders, body: ZHouseholdCreate, response: { 201: ZHousehold } },
    },
    async (req, reply) => {
      const res = await svc.create(ctxOf(req), req.body, req.headers['idempotency-key']);
      reply.header('ETag', etag(res.body.version)).header('Location', `/api/v1/households/${res.body.id}`);
      if (res.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(res.body);
    },
  );

  r.get(
    '/api/v1/households/:id',
    {
      config: { access: 'household.read' },
      schema: { tags, summary: 'Haushalt lesen', params: ZIdParams, response: { 200: ZHousehold } },
    },
    async (req, reply) => {
      const h = await svc.get(ctxOf(req), req.params.id);
      reply.header('ETag', etag(h.version));
      return h;
    },
  );

  r.put(
    '/api/v1/households/:id',
    {
      config: { access: 'household.update' },
      schema: {
        tags,
        summary: 'Haushalt ändern (If-Match oder version: veraltete Stände → 412)',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZHouseholdUpdate,
        response: { 200: ZHousehold },
      },
    },
    async (req, reply) => {
      const h = await svc.update(ctxOf(req), req.params.id, req.body, req.body.version);
      reply.header('ETag', etag(h.version));
      return h;
    },
  );

  r.get(
    '/api/v1/households/:id/programmes',
    {
      config: { access: 'household.read' },
      schema: {
        tags,
        summary: 'Programmübersicht: alle Fälle des Haushalts (Prävention, Kandidaturen, Mietverhältnisse, Nachsorge)',
        params: ZIdParams,
        response: { 200: ZHouseholdProgrammes },
      },
    },
    (req) => svc.programmes(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/v1/households/:id/file.pdf',
    {
      config: { access: 'household.file' },
      schema: {
        tags,
        summary:
          'Akte des Haushalts als PDF (Stammdaten, Mitglieder, Bedarfe, Programme, Journal, Einwilligungen, Zugriffsprotokoll) für die Aktenführung und Auskünfte nach Art. 15 DSGVO',
        params: ZIdParams,
        querystring: z.object({ lang: ZExportParams.lang }),
      },
    },
    async (req, reply) => {
      const lang = exportLang(req.query.lang, req.headers['accept-language']);
      return sendDocument(reply, await files.file(ctxOf(req), req.params.id, lang));
    },
  );

  r.get(
    '/api/v1/households/:id/journal',
    {
      config: { access: 'journal.list' },
      schema: {
        tags,
        summary: 'Fallverlauf (Journal) eines Haushalts',
        params: ZIdParams,
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: ZJournalPage },
      },
    },
    (req) => svc.journal(ctxOf(req), req.params.id, req.query.page, req.query.pageSize),
  );

  r.post(
    '/api/v1/households/:id/journal',
    {
      config: { access: 'journal.create' },
      schema: {
        tags,
        summary: 'Journaleintrag hinzufügen',
        params: ZIdParams,
        headers: ZIdempotencyHeaders,
        body: ZJournalCreate,
        response: { 201: ZJournalEntry },
      },
    },
    async (req, reply) => {
      const res = await svc.addJournal(ctxOf(req), req.params.id, req.body, req.headers['idempotency-key']);
      if (res.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(res.body);
    },
  );

  r.get(
    '/api/v1/households/:id/access-log',
    {
      config: { access: 'household.accessLog' },
      schema: {
        tags,
        summary: 'Wer hat auf diesen Haushalt zugegriffen',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZAccessLogEntry) }) },
      },
    },
    (req) => svc.accessLog(ctxOf(req), req.params.id),
  );
}
