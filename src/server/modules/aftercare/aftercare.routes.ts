import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../contracts/common.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { EXPORT_ROW_LIMIT, exportLang, ZExportParams } from '../../platform/export/export.js';
import { etag } from '../../platform/http/idempotency.js';
import { readUpload } from '../../platform/http/upload.js';
import {
  tags,
  ZAftercareCase,
  ZAftercareListQuery,
  ZAftercarePage,
  ZAgreement,
  ZAgreementInput,
  ZAgreementList,
  ZAgreementUpdate,
  ZAnnualQuery,
  ZAnnualReport,
  ZAssignInput,
  ZCarrierQueue,
  ZCarrierWorkerList,
  ZCheckInput,
  ZConsentInput,
  ZConsentWithdraw,
  ZContactInput,
  ZEndInput,
  ZExtendInput,
  ZFollowUpInput,
  ZGoalInput,
  ZGoalReviewInput,
  ZGoalUpdate,
  ZGrantInput,
  ZHelpReferralInput,
  ZHelpReferralUpdate,
  ZQuarterQuery,
  ZQuarterReport,
  ZReferralInput,
  ZRefuseInput,
  ZTransferList,
  ZVisitInput,
} from './aftercare.schemas.js';
import type { AftercareService } from './aftercare.service.js';
import { AGREEMENT_MAX_BYTES } from './agreements.service.js';
import { annualReportRoutes } from './annualReports.routes.js';

const ZSubParams = z.object({ id: ZId, subId: ZId });
const ZIdempotencyHeaders = z.object({
  'idempotency-key': z.string().max(200).optional().describe('Wiederholte Anfragen mit demselben Schlüssel legen nur einen Fall an'),
});
const res200 = { 200: ZAftercareCase };

/**
 * Aftercare (Wohnintegrationshilfe): agreements, referral → check → grant/refuse → consent →
 * active → end → follow-up, the help plan, visits, referrals, mediation, the carrier's queue, reports.
 * Every step answers the whole case (for a carrier: only the allow-listed fields) with its ETag.
 */
export function aftercareRoutes(app: FastifyInstance, svc: AftercareService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { agreements, cases, decisions, work, reports, annualReports } = svc;

  // Cooperation agreements ------------------------------------------------------------------
  r.get(
    '/api/v1/aftercare/agreements',
    {
      config: { access: 'aftercare.agreement.list' },
      schema: {
        tags,
        summary: 'Kooperationsvereinbarungen mit den Trägern (ein Träger sieht nur seine)',
        response: { 200: ZAgreementList },
      },
    },
    (req) => agreements.list(ctxOf(req)),
  );
  r.post(
    '/api/v1/aftercare/agreements',
    {
      config: { access: 'aftercare.agreement.manage' },
      schema: { tags, summary: 'Kooperationsvereinbarung erfassen', body: ZAgreementInput, response: { 201: ZAgreement } },
    },
    async (req, reply) => reply.status(201).send(await agreements.create(ctxOf(req), req.body)),
  );
  r.put(
    '/api/v1/aftercare/agreements/:id',
    {
      config: { access: 'aftercare.agreement.manage' },
      schema: {
        tags,
        summary: 'Kooperationsvereinbarung ändern (version)',
        params: ZIdParams,
        body: ZAgreementUpdate,
        response: { 200: ZAgreement },
      },
    },
    (req) => agreements.update(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/aftercare/agreements/:id/documents',
    {
      config: { access: 'aftercare.agreement.manage' },
      schema: {
        tags,
        summary: 'Unterschriebene Vereinbarung hochladen (PDF/PNG/JPEG, multipart/form-data, Feld „file“, höchstens 20 MB)',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZAgreement },
      },
    },
    async (req, reply) => {
      const upload = await agreements.upload(ctxOf(req), req.params.id, () => readUpload(req, AGREEMENT_MAX_BYTES));
      return reply.status(201).send(upload);
    },
  );
  r.get(
    '/api/v1/aftercare/agreements/:id/documents/:subId',
    {
      config: { access: 'aftercare.agreement.list' },
      schema: { tags, summary: 'Hochgeladene Vereinbarung herunterladen', params: ZSubParams },
    },
    async (req, reply) => sendDocument(reply, await agreements.document(ctxOf(req), req.params.id, req.params.subId)),
  );

  // Cases ------------------------------------------------------------------------------------
  r.get(
    '/api/v1/aftercare/cases',
    {
      config: { access: 'aftercare.list' },
      schema: {
        tags,
        summary: 'Nachsorgefälle: die Fachstelle alle (Filter Träger, Zustand), ein Träger nur seine mit Einwilligung',
        querystring: ZAftercareListQuery,
        response: { 200: ZAftercarePage },
      },
    },
    (req) => cases.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/aftercare/cases/export',
    {
      config: { access: 'aftercare.list' },
      schema: {
        tags,
        summary: `Nachsorgefälle als CSV oder Excel (dieselben Filter wie die Liste, ohne Seiten, höchstens ${EXPORT_ROW_LIMIT} Zeilen)`,
        querystring: ZAftercareListQuery.omit({ page: true, pageSize: true }).extend(ZExportParams),
      },
    },
    async (req, reply) => {
      const { format, lang, ...filters } = req.query;
      const out = { format, lang: exportLang(lang, req.headers['accept-language']) };
      return sendDocument(reply, await cases.export(ctxOf(req), filters, out));
    },
  );
  r.post(
    '/api/v1/aftercare/cases',
    {
      config: { access: 'aftercare.refer' },
      schema: {
        tags,
        summary: 'Meldung zur Wohnintegrationshilfe erfassen (Zugang, Zielgruppe, Träger)',
        headers: ZIdempotencyHeaders,
        body: ZReferralInput,
        response: { 201: ZAftercareCase },
      },
    },
    async (req, reply) => {
      const res = await cases.refer(ctxOf(req), req.body, req.headers['idempotency-key']);
      reply.header('ETag', etag(res.body.version)).header('Location', `/api/v1/aftercare/cases/${res.body.id}`);
      if (res.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(res.body);
    },
  );
  r.get(
    '/api/v1/aftercare/cases/:id',
    {
      config: { access: 'aftercare.read' },
      schema: { tags, summary: 'Fallseite: Hilfeplan, Besuchsverlauf, Vermittlungen, Kontakte', params: ZIdParams, response: res200 },
    },
    async (req, reply) => {
      const c = await cases.get(ctxOf(req), req.params.id);
      reply.header('ETag', etag(c.version));
      return c;
    },
  );
  r.get(
    '/api/v1/aftercare/cases/:id/documents/:subId',
    { config: { access: 'aftercare.decide' }, schema: { tags, summary: 'Erzeugtes Schreiben (Ablehnung) als PDF', params: ZSubParams } },
    async (req, reply) => sendDocument(reply, await cases.document(ctxOf(req), req.params.id, req.params.subId)),
  );
  r.get(
    '/api/v1/aftercare/cases/:id/transfers',
    {
      config: { access: 'aftercare.transfers' },
      schema: {
        tags,
        summary: 'Protokoll der Übermittlungen an den Träger (§ 67b SGB X)',
        params: ZIdParams,
        response: { 200: ZTransferList },
      },
    },
    (req) => cases.transfers(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/v1/aftercare/cases/:id/workers',
    {
      config: { access: 'aftercare.assign' },
      schema: {
        tags,
        summary: 'Aktive Fachkräfte des Trägers, denen der Fall zugewiesen werden kann (Fachstelle, Leitung des Trägers)',
        params: ZIdParams,
        response: { 200: ZCarrierWorkerList },
      },
    },
    (req) => cases.workers(ctxOf(req), req.params.id),
  );

  /** A step on a case: POST with a body, answering the case with its ETag. */
  const step = <B extends z.ZodTypeAny>(
    path: string,
    access: Parameters<typeof r.post>[1] extends { config?: infer C } ? C : never,
    summary: string,
    body: B,
    handler: (ctx: ReturnType<typeof ctxOf>, id: string, body: z.output<B>) => Promise<z.infer<typeof ZAftercareCase>>,
  ) =>
    r.post(path, { config: access, schema: { tags, summary, params: ZIdParams, body, response: res200 } }, async (req, reply) => {
      const c = await handler(ctxOf(req), req.params.id, req.body as z.output<B>);
      reply.header('ETag', etag(c.version));
      return c;
    });

  step(
    '/api/v1/aftercare/cases/:id/check',
    { access: 'aftercare.decide' },
    'Vorrang prüfen: vergleichbare Hilfen (§ 67 SGB XII, SGB IX, SGB VIII) erfassen',
    ZCheckInput,
    decisions.check,
  );
  step(
    '/api/v1/aftercare/cases/:id/refuse',
    { access: 'aftercare.decide' },
    'Ablehnen wegen bestehender Hilfe (erzeugt das Ablehnungsschreiben als PDF)',
    ZRefuseInput,
    decisions.refuse,
  );
  step(
    '/api/v1/aftercare/cases/:id/grant',
    { access: 'aftercare.decide' },
    'Befristet bewilligen (mit Einwilligung beginnt die Hilfe sofort)',
    ZGrantInput,
    decisions.grant,
  );
  step(
    '/api/v1/aftercare/cases/:id/consent',
    { access: 'aftercare.consent' },
    'Einwilligung in Hilfe und Übermittlung an den Träger erfassen (§ 67b SGB X)',
    ZConsentInput,
    decisions.recordConsent,
  );
  step(
    '/api/v1/aftercare/cases/:id/consent/withdraw',
    { access: 'aftercare.consent' },
    'Widerruf der Einwilligung: die Hilfe endet, der Träger verliert den Zugriff',
    ZConsentWithdraw,
    decisions.withdrawConsent,
  );
  step(
    '/api/v1/aftercare/cases/:id/extend',
    { access: 'aftercare.decide' },
    'Verlängern mit Begründung (bis zur Höchstdauer)',
    ZExtendInput,
    decisions.extend,
  );
  step(
    '/api/v1/aftercare/cases/:id/assign',
    { access: 'aftercare.assign' },
    'Fachkraft des Trägers zuweisen und Besuchsrhythmus setzen (Träger: nur die Leitung)',
    ZAssignInput,
    decisions.assign,
  );
  step(
    '/api/v1/aftercare/cases/:id/end',
    { access: 'aftercare.decide' },
    'Hilfe beenden mit Grund (plant die Nachprüfungen)',
    ZEndInput,
    decisions.end,
  );
  step(
    '/api/v1/aftercare/cases/:id/goals',
    { access: 'aftercare.plan' },
    'Ziel des Hilfeplans anlegen (in den Worten des Haushalts)',
    ZGoalInput,
    work.addGoal,
  );
  step(
    '/api/v1/aftercare/cases/:id/visits',
    { access: 'aftercare.visit' },
    'Hausbesuch dokumentieren (plant den nächsten; Frühwarnung an die Prävention bei neuen Rückständen oder Kündigung)',
    ZVisitInput,
    work.documentVisit,
  );
  step(
    '/api/v1/aftercare/cases/:id/referrals',
    { access: 'aftercare.support' },
    'Vermittlung in andere Hilfe erfassen',
    ZHelpReferralInput,
    work.addReferral,
  );
  step(
    '/api/v1/aftercare/cases/:id/contacts',
    { access: 'aftercare.support' },
    'Vermittlungskontakt (Vermieter, Jobcenter, Institution) erfassen',
    ZContactInput,
    work.logContact,
  );
  step(
    '/api/v1/aftercare/goals/:id/reviews',
    { access: 'aftercare.plan' },
    'Überprüfung eines Ziels mit Fortschritt',
    ZGoalReviewInput,
    work.reviewGoal,
  );
  step(
    '/api/v1/aftercare/follow-ups/:id',
    { access: 'aftercare.followUp' },
    'Nachprüfung erfassen: wird die Wohnung noch gehalten?',
    ZFollowUpInput,
    decisions.recordFollowUp,
  );

  r.put(
    '/api/v1/aftercare/goals/:id',
    {
      config: { access: 'aftercare.plan' },
      schema: { tags, summary: 'Ziel ändern (auch erreicht / aufgegeben)', params: ZIdParams, body: ZGoalUpdate, response: res200 },
    },
    (req) => work.updateGoal(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/v1/aftercare/referrals/:id',
    {
      config: { access: 'aftercare.support' },
      schema: { tags, summary: 'Stand einer Vermittlung ändern', params: ZIdParams, body: ZHelpReferralUpdate, response: res200 },
    },
    (req) => work.updateReferral(ctxOf(req), req.params.id, req.body),
  );

  // Carrier queue and reports -------------------------------------------------------------------
  r.get(
    '/api/v1/aftercare/queue',
    {
      config: { access: 'aftercare.queue' },
      schema: {
        tags,
        summary: 'Startseite des Trägers: Besuche diese Woche, überfällig, bald endende Fälle',
        response: { 200: ZCarrierQueue },
      },
    },
    (req) => work.queue(ctxOf(req)),
  );
  r.get(
    '/api/v1/aftercare/reports/quarter',
    {
      config: { access: 'aftercare.report' },
      schema: {
        tags,
        summary: 'Laufende Zahlen eines Quartals (kleine Zellen < 5 unterdrückt)',
        querystring: ZQuarterQuery,
        response: { 200: ZQuarterReport },
      },
    },
    (req) => reports.quarter(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/aftercare/reports/annual',
    {
      config: { access: 'aftercare.report' },
      schema: {
        tags,
        summary: 'Daten des Jahresberichts: anonymisierte Fallzeilen und Summen (kleine Zellen < 5 unterdrückt)',
        querystring: ZAnnualQuery,
        response: { 200: ZAnnualReport },
      },
    },
    (req) => reports.annual(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/aftercare/reports/quarter.xlsx',
    {
      config: { access: 'aftercare.report' },
      schema: { tags, summary: 'Quartalszahlen als Excel-Datei (XLSX; kleine Zellen als „< 5“)', querystring: ZQuarterQuery },
    },
    async (req, reply) => sendDocument(reply, await reports.quarterXlsx(ctxOf(req), req.query)),
  );

  annualReportRoutes(app, annualReports);
}
