import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZClosingReviewInput,
  ZIncident,
  ZIncidentReport,
  ZRecoveryAgreementInput,
  ZRecoveryPaymentInput,
  ZTenancyCreate,
  ZTenancyDetail,
  ZTenancyEnd,
  ZTenancyListQuery,
  ZTenancyPage,
  ZTenancyUpdate,
} from '../../../contracts/sustainment.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { EXPORT_ROW_LIMIT, exportLang, ZExportParams } from '../../platform/export/export.js';
import { created, withEtag } from '../../platform/http/idempotency.js';
import { incidentRoutes } from './incidents.routes.js';
import { ZIdem, ZIfMatch, ZSubParams, tenancyTags as tags } from './sustainment.schemas.js';
import type { SustainmentService } from './sustainment.service.js';

/** The sustainment module: tenancies over the guarantee years, their incidents, payouts and recovery. */
export function sustainmentRoutes(app: FastifyInstance, services: SustainmentService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { tenancies, recovery, incidents } = services;

  r.get(
    '/api/v1/tenancies',
    {
      config: { access: 'tenancy.list' },
      schema: {
        tags,
        summary: 'Mietverhältnisse suchen und filtern (Portal: nur eigene)',
        querystring: ZTenancyListQuery,
        response: { 200: ZTenancyPage },
      },
    },
    (req) => tenancies.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/tenancies/export',
    {
      config: { access: 'tenancy.list' },
      schema: {
        tags,
        summary: `Mietverhältnisse als CSV oder Excel (dieselben Filter wie die Liste, ohne Seiten, höchstens ${EXPORT_ROW_LIMIT} Zeilen)`,
        querystring: ZTenancyListQuery.omit({ page: true, pageSize: true }).extend(ZExportParams),
      },
    },
    async (req, reply) => {
      const { format, lang, ...filters } = req.query;
      const out = { format, lang: exportLang(lang, req.headers['accept-language']) };
      return sendDocument(reply, await tenancies.export(ctxOf(req), filters, out));
    },
  );

  r.post(
    '/api/v1/tenancies',
    {
      config: { access: 'tenancy.create' },
      schema: {
        tags,
        summary: 'Mietverhältnis direkt erfassen (vor wohnhilfe vermittelt)',
        headers: ZIdem,
        body: ZTenancyCreate,
        response: { 201: ZTenancyDetail },
      },
    },
    async (req, reply) => {
      const res = await tenancies.create(ctxOf(req), req.body, req.headers['idempotency-key']);
      return reply.status(201).send(created(reply, res, `/api/v1/tenancies/${res.body.id}`));
    },
  );

  r.get(
    '/api/v1/tenancies/:id',
    {
      config: { access: 'tenancy.read' },
      schema: {
        tags,
        summary: 'Mietverhältnis mit Garantie, Vorfällen, Zahlungen und Verlauf',
        params: ZIdParams,
        response: { 200: ZTenancyDetail },
      },
    },
    async (req, reply) => withEtag(reply, await tenancies.get(ctxOf(req), req.params.id)),
  );

  r.put(
    '/api/v1/tenancies/:id',
    {
      config: { access: 'tenancy.update' },
      schema: {
        tags,
        summary: 'Mietverhältnis ändern (If-Match oder version: veraltete Stände → 412)',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZTenancyUpdate,
        response: { 200: ZTenancyDetail },
      },
    },
    async (req, reply) => withEtag(reply, await tenancies.update(ctxOf(req), req.params.id, req.body, req.body.version)),
  );

  r.post(
    '/api/v1/tenancies/:id/end',
    {
      config: { access: 'tenancy.end' },
      schema: {
        tags,
        summary: 'Mietverhältnis beenden (Auszug, Kündigung, Garantieende)',
        params: ZIdParams,
        body: ZTenancyEnd,
        response: { 200: ZTenancyDetail },
      },
    },
    async (req, reply) => withEtag(reply, await tenancies.end(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/v1/tenancies/:id/closing-review',
    {
      config: { access: 'tenancy.review' },
      schema: {
        tags,
        summary: 'Abschlussbewertung zum Garantieende',
        params: ZIdParams,
        body: ZClosingReviewInput,
        response: { 200: ZTenancyDetail },
      },
    },
    async (req, reply) => withEtag(reply, await tenancies.closingReview(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/v1/tenancies/:id/incidents',
    {
      config: { access: 'incident.report' },
      schema: {
        tags,
        summary: 'Mietausfall oder Konfliktfall melden (Portal oder Fachstelle)',
        params: ZIdParams,
        headers: ZIdem,
        body: ZIncidentReport,
        response: { 201: ZIncident },
      },
    },
    async (req, reply) => {
      const res = await incidents.report(ctxOf(req), req.params.id, req.body, req.headers['idempotency-key']);
      return reply.status(201).send(created(reply, res, `/api/v1/incidents/${res.body.id}`));
    },
  );

  r.post(
    '/api/v1/tenancies/:id/recovery-agreements',
    {
      config: { access: 'recovery.record' },
      schema: {
        tags,
        summary: 'Ratenvereinbarung auf die abgetretene Forderung',
        params: ZIdParams,
        headers: ZIdem,
        body: ZRecoveryAgreementInput,
        response: { 201: ZTenancyDetail },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(created(reply, await recovery.addAgreement(ctxOf(req), req.params.id, req.body, req.headers['idempotency-key']))),
  );

  r.post(
    '/api/v1/tenancies/:id/recovery-payments',
    {
      config: { access: 'recovery.record' },
      schema: {
        tags,
        summary: 'Zahlung auf die abgetretene Forderung (höchstens die offene Forderung)',
        params: ZIdParams,
        headers: ZIdem,
        body: ZRecoveryPaymentInput,
        response: { 201: ZTenancyDetail },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(created(reply, await recovery.addPayment(ctxOf(req), req.params.id, req.body, req.headers['idempotency-key']))),
  );

  r.get(
    '/api/v1/tenancies/:id/documents/:subId',
    {
      config: { access: 'tenancy.read' },
      schema: { tags, summary: 'Dokument des Mietverhältnisses (Garantievertrag, Abtretungserklärung) als PDF', params: ZSubParams },
    },
    async (req, reply) => sendDocument(reply, await tenancies.document(ctxOf(req), req.params.id, req.params.subId)),
  );

  incidentRoutes(app, incidents, services.incidentSteps);
}
