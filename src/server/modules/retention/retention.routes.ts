import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZConsentReport,
  ZConsentReportQuery,
  ZRestrictionCreate,
  ZRestrictionLift,
  ZRestrictionState,
  ZRetentionDecision,
  ZRetentionList,
  ZRetentionListQuery,
  ZRetentionReview,
  ZRetentionRuns,
} from '../../../contracts/retention.js';
import { ctxOf } from '../../platform/auth/guard.js';
import type { ConsentReportService } from './consents.service.js';
import type { RestrictionService } from './restriction.service.js';
import type { RetentionService } from './retention.service.js';

const tags = ['Datenschutz'];

export function retentionRoutes(
  app: FastifyInstance,
  svc: RetentionService,
  restriction: RestrictionService,
  consents: ConsentReportService,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/retention/reviews',
    {
      config: { access: 'retention.list' },
      schema: {
        tags,
        summary: 'Haushalte nach Ablauf der Aufbewahrungsfrist (zur Bestätigung der Anonymisierung durch die Leitung)',
        querystring: ZRetentionListQuery,
        response: { 200: ZRetentionList },
      },
    },
    (req) => svc.list(ctxOf(req), req.query.status),
  );
  r.get(
    '/api/v1/retention/runs',
    {
      config: { access: 'retention.runs' },
      schema: {
        tags,
        summary:
          'Läufe der Aufbewahrungsprüfung: gelistete Haushalte, Entscheidungen, gelöschte Dateien, pseudonymisierte Protokolleinträge',
        response: { 200: ZRetentionRuns },
      },
    },
    (req) => svc.runs(ctxOf(req)),
  );
  r.post(
    '/api/v1/retention/reviews/:id/decision',
    {
      config: { access: 'retention.decide' },
      schema: {
        tags,
        summary: 'Anonymisierung bestätigen oder weitere Aufbewahrung begründen',
        params: ZIdParams,
        body: ZRetentionDecision,
        response: { 200: ZRetentionReview },
      },
    },
    (req) => svc.decide(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/households/:id/restriction',
    {
      config: { access: 'restriction.read' },
      schema: {
        tags,
        summary: 'Einschränkung der Verarbeitung (Art. 18 DSGVO): aktuell und Verlauf',
        params: ZIdParams,
        response: { 200: ZRestrictionState },
      },
    },
    (req) => restriction.get(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/households/:id/restriction',
    {
      config: { access: 'restriction.write' },
      schema: {
        tags,
        summary: 'Verarbeitung einschränken (Art. 18 DSGVO, § 84 SGB X): danach nur noch Speicherung',
        params: ZIdParams,
        body: ZRestrictionCreate,
        response: { 200: ZRestrictionState },
      },
    },
    (req) => restriction.restrict(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/households/:id/restriction/lift',
    {
      config: { access: 'restriction.write' },
      schema: { tags, summary: 'Einschränkung aufheben', params: ZIdParams, body: ZRestrictionLift, response: { 200: ZRestrictionState } },
    },
    (req) => restriction.lift(ctxOf(req), req.params.id, req.body.note),
  );

  r.get(
    '/api/v1/consents/report',
    {
      config: { access: 'consent.report' },
      schema: {
        tags,
        summary: 'Einwilligungen: bald ablaufend, widerrufen, und wegen fehlender Einwilligung verweigerte Übermittlungen',
        querystring: ZConsentReportQuery,
        response: { 200: ZConsentReport },
      },
    },
    (req) => consents.report(ctxOf(req), req.query.days),
  );
}
