import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDeadlineListQuery, ZDeadlinePage } from '../../../contracts/notify.js';
import { ctxOf } from '../auth/guard.js';
import { sendDocument } from '../documents/documents.routes.js';
import { EXPORT_ROW_LIMIT, exportLang, ZExportParams } from '../export/export.js';
import type { DeadlineService } from './deadlines.service.js';

export function deadlineRoutes(app: FastifyInstance, svc: DeadlineService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/deadlines',
    {
      config: { access: 'deadline.list' },
      schema: {
        tags: ['Fristen'],
        summary: 'Offene Fristen, früheste zuerst (scope=all nur für die Leitung, sonst die eigenen)',
        querystring: ZDeadlineListQuery,
        response: { 200: ZDeadlinePage },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/deadlines/export',
    {
      config: { access: 'deadline.list' },
      schema: {
        tags: ['Fristen'],
        summary: `Fristenliste als CSV oder Excel (dieselben Filter wie die Liste, ohne Seiten, höchstens ${EXPORT_ROW_LIMIT} Zeilen)`,
        querystring: ZDeadlineListQuery.omit({ page: true, pageSize: true }).extend(ZExportParams),
      },
    },
    async (req, reply) => {
      const { format, lang, ...filters } = req.query;
      const out = { format, lang: exportLang(lang, req.headers['accept-language']) };
      return sendDocument(reply, await svc.export(ctxOf(req), filters, out));
    },
  );
}
