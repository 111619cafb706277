import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAnnualReportQuery, ZBreakdowns, ZBreakdownsQuery, ZExportQuery, ZWorkload } from '../../../contracts/steeringReports.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import type { SteeringReportsService } from './reports.service.js';

const tags = ['Berichte'];

export function steeringReportRoutes(app: FastifyInstance, svc: SteeringReportsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/steering/breakdowns',
    {
      config: { access: 'steering.figures' },
      schema: {
        tags,
        summary:
          'Erreichte Haushalte je Programm nach Geschlecht, Altersgruppe, Haushaltstyp, Kindern und Staatsangehörigkeit; Anteil der Frauen je Monat und Quartal (nur Anzahlen)',
        querystring: ZBreakdownsQuery,
        response: { 200: ZBreakdowns },
      },
    },
    (req) => svc.breakdowns(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/steering/workload',
    {
      config: { access: 'steering.workload' },
      schema: {
        tags,
        summary: 'Arbeitslast (Leitung): offene Fälle und überfällige Fristen je Person und Programm, Stand jetzt',
        response: { 200: ZWorkload },
      },
    },
    (req) => svc.workload(ctxOf(req)),
  );
  r.get(
    '/api/v1/steering/export.xlsx',
    {
      config: { access: 'steering.export' },
      schema: {
        tags,
        summary: 'Kennzahlen und Aufschlüsselungen als Excel-Datei (ein Blatt je Programm, Blatt „Definitionen“)',
        querystring: ZExportQuery,
      },
    },
    async (req, reply) => sendDocument(reply, await svc.dashboardExport(ctxOf(req), req.query, 'xlsx')),
  );
  r.get(
    '/api/v1/steering/export.pdf',
    {
      config: { access: 'steering.export' },
      schema: { tags, summary: 'Kennzahlen und Aufschlüsselungen als PDF, mit den Definitionen', querystring: ZExportQuery },
    },
    async (req, reply) => sendDocument(reply, await svc.dashboardExport(ctxOf(req), req.query, 'pdf')),
  );
  r.get(
    '/api/v1/steering/annual-report.pdf',
    {
      config: { access: 'steering.export' },
      schema: {
        tags,
        summary: 'Anonymisierter Jahresbericht der Fachstelle als PDF (Kennzahlen, Definitionen, Diagramme mit Tabellen; nur Anzahlen)',
        querystring: ZAnnualReportQuery,
      },
    },
    async (req, reply) => sendDocument(reply, await svc.annualReport(ctxOf(req), req.query)),
  );
}
