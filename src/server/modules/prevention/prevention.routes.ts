import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import { ZPreventionSettings } from '../../../contracts/admin.js';
import {
  ZAssign,
  ZCaseCreate,
  ZCaseListQuery,
  ZCasePage,
  ZCaseUpdate,
  ZMatchList,
  ZMatchQuery,
  ZPreventionCase,
  ZVisit,
  ZVisitInput,
  ZVisitListQuery,
  ZVisitPage,
  ZVisitUpdate,
} from '../../../contracts/prevention.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { EXPORT_ROW_LIMIT, exportLang, ZExportParams } from '../../platform/export/export.js';
import { etag } from '../../platform/http/idempotency.js';
import type { PreventionService } from './prevention.service.js';
import { workRoutes } from './work.routes.js';

export const ZIdempotencyHeaders = z.object({
  'idempotency-key': z.string().max(200).optional().describe('Wiederholte Anfragen mit demselben Schlüssel legen nur einen Fall an'),
});
export const ZIfMatch = z.object({ 'if-match': z.string().optional().describe('Version aus dem ETag, z. B. "3"') });
const tags = ['Prävention'];

/** Routes of the prevention module: the queue, notices and cases, walk-in visits; the case work in work.routes.ts. */
export function preventionRoutes(app: FastifyInstance, services: PreventionService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { cases, visits } = services;

  r.get(
    '/api/v1/prevention/settings',
    {
      config: { access: 'prevention.list' },
      schema: {
        tags,
        summary: 'Sprechzeiten und Kontaktverfahren der Dienststelle',
        response: { 200: ZPreventionSettings.pick({ walkInHours: true, contactSteps: true }) },
      },
    },
    (req) => cases.settings(ctxOf(req)),
  );

  r.get(
    '/api/v1/prevention/cases',
    {
      config: { access: 'prevention.list' },
      schema: {
        tags,
        summary: 'Fälle nach Dringlichkeit (Räumung, Schonfrist, nächster Kontaktschritt, Alter)',
        querystring: ZCaseListQuery,
        response: { 200: ZCasePage },
      },
    },
    (req) => cases.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/prevention/cases/export',
    {
      config: { access: 'prevention.list' },
      schema: {
        tags,
        summary: `Fallliste als CSV oder Excel (dieselben Filter wie die Liste, ohne Seiten, höchstens ${EXPORT_ROW_LIMIT} Zeilen)`,
        querystring: ZCaseListQuery.omit({ page: true, pageSize: true }).extend(ZExportParams),
      },
    },
    async (req, reply) => {
      const { format, lang, ...filters } = req.query;
      const out = { format, lang: exportLang(lang, req.headers['accept-language']) };
      return sendDocument(reply, await cases.export(ctxOf(req), filters, out));
    },
  );

  r.post(
    '/api/v1/prevention/matches',
    {
      config: { access: 'prevention.match' },
      schema: {
        tags,
        summary: 'Passende Haushalte zu einer Mitteilung (gleiche Person oder Anschrift)',
        body: ZMatchQuery,
        response: { 200: ZMatchList },
      },
    },
    (req) => cases.match(ctxOf(req), req.body),
  );

  r.post(
    '/api/v1/prevention/cases',
    {
      config: { access: 'prevention.create' },
      schema: {
        tags,
        summary: 'Mitteilung erfassen und Fall eröffnen (bei Treffern: householdId oder createHousehold angeben)',
        headers: ZIdempotencyHeaders,
        body: ZCaseCreate,
        response: { 201: ZPreventionCase },
      },
    },
    async (req, reply) => {
      const res = await cases.create(ctxOf(req), req.body, req.headers['idempotency-key']);
      reply.header('ETag', etag(res.body.version)).header('Location', `/api/v1/prevention/cases/${res.body.id}`);
      if (res.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(res.body);
    },
  );

  r.get(
    '/api/v1/prevention/cases/:id',
    {
      config: { access: 'prevention.read' },
      schema: {
        tags,
        summary: 'Fall lesen (mit Fristen, Kontaktverfahren, Clearing, Maßnahmen)',
        params: ZIdParams,
        response: { 200: ZPreventionCase },
      },
    },
    async (req, reply) => {
      const c = await cases.get(ctxOf(req), req.params.id);
      reply.header('ETag', etag(c.version));
      return c;
    },
  );

  r.put(
    '/api/v1/prevention/cases/:id',
    {
      config: { access: 'prevention.update' },
      schema: {
        tags,
        summary: 'Angaben der Mitteilung und rechtliche Daten ändern (If-Match)',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZCaseUpdate,
        response: { 200: ZPreventionCase },
      },
    },
    async (req, reply) => {
      const c = await cases.update(ctxOf(req), req.params.id, req.body, req.body.version);
      reply.header('ETag', etag(c.version));
      return c;
    },
  );

  r.post(
    '/api/v1/prevention/cases/:id/assign',
    {
      config: { access: 'prevention.assign' },
      schema: {
        tags,
        summary: 'Sachbearbeitung und Sozialarbeit zuweisen',
        params: ZIdParams,
        body: ZAssign,
        response: { 200: ZPreventionCase },
      },
    },
    (req) => cases.assign(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/prevention/visits',
    {
      config: { access: 'prevention.visit.list' },
      schema: { tags, summary: 'Besuche der Sprechstunde und Termine', querystring: ZVisitListQuery, response: { 200: ZVisitPage } },
    },
    (req) => visits.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/v1/prevention/visits',
    {
      config: { access: 'prevention.visit.create' },
      schema: { tags, summary: 'Besuch erfassen', body: ZVisitInput, response: { 201: ZVisit } },
    },
    async (req, reply) => reply.status(201).send(await visits.create(ctxOf(req), req.body)),
  );

  r.put(
    '/api/v1/prevention/visits/:id',
    {
      config: { access: 'prevention.visit.update' },
      schema: { tags, summary: 'Besuch ändern', params: ZIdParams, body: ZVisitUpdate, response: { 200: ZVisit } },
    },
    (req) => visits.update(ctxOf(req), req.params.id, req.body),
  );

  workRoutes(app, services);
}
