import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditActors, ZAuditPage, ZAuditQuery, ZAuditVerify } from '../../../contracts/admin.js';
import { sendDocument } from '../documents/documents.routes.js';
import { EXPORT_ROW_LIMIT, exportLang, ZExportParams } from '../export/export.js';
import { ctxOf } from '../auth/guard.js';
import type { AuditService } from './audit.service.js';

const tags = ['Audit'];

/** The auditor's view of the agency's audit trail (reads go through the agency-filtered view). */
export function auditRoutes(app: FastifyInstance, svc: AuditService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit-events',
    {
      config: { access: 'audit.list' },
      schema: {
        tags,
        summary: 'Audit-Ereignisse filtern (seitenweise, neueste zuerst)',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/audit-events/export',
    {
      config: { access: 'audit.list' },
      schema: {
        tags,
        summary: `Audit-Ereignisse als CSV oder Excel (dieselben Filter wie die Liste, ohne Seiten, höchstens ${EXPORT_ROW_LIMIT} Zeilen)`,
        querystring: ZAuditQuery.omit({ page: true, pageSize: true }).extend(ZExportParams),
      },
    },
    async (req, reply) => {
      const { format, lang, ...filters } = req.query;
      const out = { format, lang: exportLang(lang, req.headers['accept-language']) };
      return sendDocument(reply, await svc.export(ctxOf(req), filters, out));
    },
  );

  r.get(
    '/api/v1/audit-events/actors',
    {
      config: { access: 'audit.list' },
      schema: { tags, summary: 'Benutzerkonten der Behörde für den Filter nach handelnder Person', response: { 200: ZAuditActors } },
    },
    (req) => svc.actors(ctxOf(req)),
  );

  r.get(
    '/api/v1/audit-events/verify',
    {
      config: { access: 'audit.verify' },
      schema: { tags, summary: 'Hash-Kette der Behörde prüfen', response: { 200: ZAuditVerify } },
    },
    (req) => svc.verify(ctxOf(req)),
  );
}
