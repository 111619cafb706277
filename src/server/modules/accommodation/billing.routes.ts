import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZBillingMonthQuery,
  ZBillingOverview,
  ZInvoice,
  ZInvoiceDispute,
  ZInvoiceImportQuery,
  ZInvoiceInput,
  ZInvoiceStep,
  ZOperatorMonth,
} from '../../../contracts/accommodationBilling.js';
import { ZIdParams } from '../../../contracts/common.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { readUpload } from '../../platform/http/upload.js';
import type { BillingService } from './billing.service.js';

const tags = ['Unterbringung: Abrechnung'];
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const EXPORT_DESCRIPTION = [
  'CSV für das Finanzverfahren (UTF-8 mit BOM, Trennzeichen „;“, Zeilenende CRLF), eine Zeile je freigegebener Rechnung,',
  'Aktenzeichen und Kostenträger, nur freigegebene (abgerechnete) Nächte. Spalten: betreiber (Name des Betreibers);',
  'rechnungsnummer; zeitraum (Abrechnungsmonat JJJJ-MM); aktenzeichen (Aktenzeichen des Haushalts = Kostenstelle/Buchungsreferenz);',
  'kostentraeger (agency = Kommune, jobcenter = Jobcenter nach SGB II); naechte (Anzahl abgerechneter Nächte); betrag_cent',
  '(ganze Cent); betrag_euro (Euro mit Dezimalkomma, z. B. 1234,56).',
].join(' ');

/** Billing to the day: the month per operator, operators' invoices (entered or imported), check, approve or dispute, finance export. */
export function billingRoutes(app: FastifyInstance, svc: BillingService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accommodation/billing';

  r.get(
    base,
    {
      config: { access: 'accommodation.billing.read' },
      schema: {
        tags,
        summary: 'Abrechnung eines Monats für alle Betreiber (berechnete Nächte und Beträge, Rechnungen)',
        querystring: ZBillingMonthQuery,
        response: { 200: ZBillingOverview },
      },
    },
    (req) => svc.overview(ctxOf(req), req.query.month),
  );
  r.get(
    `${base}/operators/:id`,
    {
      config: { access: 'accommodation.billing.read' },
      schema: {
        tags,
        summary: 'Abrechnung eines Betreibers im Monat: je Person die Nächte zum Tagessatz der jeweiligen Nacht',
        params: ZIdParams,
        querystring: ZBillingMonthQuery,
        response: { 200: ZOperatorMonth },
      },
    },
    (req) => svc.operatorMonth(ctxOf(req), req.params.id, req.query.month),
  );
  r.get(
    `${base}/export.csv`,
    {
      config: { access: 'accommodation.billing.read' },
      schema: {
        tags,
        summary: 'Freigegebene Beträge eines Monats als CSV',
        description: EXPORT_DESCRIPTION,
        querystring: ZBillingMonthQuery,
      },
    },
    async (req, reply) => {
      const { filename, content } = await svc.exportCsv(ctxOf(req), req.query.month);
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename}"`).send(content);
    },
  );
  r.post(
    `${base}/invoices`,
    {
      config: { access: 'accommodation.billing' },
      schema: {
        tags,
        summary: 'Rechnung eines Betreibers erfassen (Zeilen: Person, erste und letzte Nacht, Nächte, Betrag)',
        body: ZInvoiceInput,
        response: { 201: ZInvoice },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return svc.create(ctxOf(req), req.body);
    },
  );
  r.post(
    `${base}/invoices/import`,
    {
      config: { access: 'accommodation.billing' },
      schema: {
        tags,
        summary: 'Rechnung aus CSV oder XLSX einlesen (multipart/form-data, Feld „file“, höchstens 10 MB)',
        description:
          'Spalten: aktenzeichen; person (Vor- und Nachname); von (erste Nacht); bis (letzte Nacht); naechte; betrag (Euro). Fehlerhafte Zeilen werden mit Zeilennummer und Spalte genannt (Feld file.<Zeile>.<Spalte>); gespeichert wird nur eine fehlerfreie Datei.',
        consumes: ['multipart/form-data'],
        querystring: ZInvoiceImportQuery,
        response: { 201: ZInvoice },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const head = await svc.importHead(ctx, req.query);
      const { content } = await readUpload(req, IMPORT_MAX_BYTES);
      const inv = await svc.importFile(ctx, head, content);
      return reply.status(201).send(inv);
    },
  );
  r.get(
    `${base}/invoices/:id`,
    {
      config: { access: 'accommodation.billing.read' },
      schema: { tags, summary: 'Rechnung mit Zeilen und Abweichungen je Person und Nacht', params: ZIdParams, response: { 200: ZInvoice } },
    },
    (req) => svc.invoice(ctxOf(req), req.params.id),
  );
  const steps = [
    ['check', 'Rechnung prüfen (eingegangen → geprüft; Abweichungen werden festgehalten)'],
    ['approve', 'Rechnung freigeben (geprüft, ohne Abweichungen; die Nächte gelten als abgerechnet)'],
  ] as const;
  for (const [name, summary] of steps)
    r.post(
      `${base}/invoices/:id/${name}`,
      {
        config: { access: 'accommodation.billing' },
        schema: { tags, summary, params: ZIdParams, body: ZInvoiceStep, response: { 200: ZInvoice } },
      },
      (req) => svc[name](ctxOf(req), req.params.id, req.body.version),
    );
  r.post(
    `${base}/invoices/:id/dispute`,
    {
      config: { access: 'accommodation.billing' },
      schema: { tags, summary: 'Rechnung beanstanden (mit Grund)', params: ZIdParams, body: ZInvoiceDispute, response: { 200: ZInvoice } },
    },
    (req) => svc.dispute(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  );
}
