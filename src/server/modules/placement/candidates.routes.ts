import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZVersioned } from '../../../contracts/common.js';
import {
  ZAllocate,
  ZCandidate,
  ZCandidateList,
  ZCandidatePick,
  ZConsent,
  ZConsentInput,
  ZConsentList,
  ZDecision,
  ZMinutes,
  ZOffer,
  ZPortalCandidate,
  ZReason,
  ZRoundTable,
  ZRoundTableInput,
  ZRoundTableList,
  ZRoundTableUpdate,
  ZTalk,
  ZViewingInput,
  ZViewingOutcome,
  ZViewingUpdate,
  ZWithdrawConsent,
} from '../../../contracts/placement.js';
import type { Permission } from '../../platform/access/registry.js';
import { ctxOf } from '../../platform/auth/guard.js';
import type { PlacementService } from './placement.service.js';

const tags = ['Wohnungsvermittlung (WohnenPlus)'];
const ZIdem = z.object({ 'idempotency-key': z.string().max(200).optional() });
const ZAnyCandidate = z.union([ZCandidate, ZPortalCandidate]);

export function candidateRoutes(app: FastifyInstance, s: PlacementService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/offers/:id/candidates',
    {
      config: { access: 'candidate.list' },
      schema: {
        tags,
        summary: 'Vorauswahl der laufenden Runde (Portal: nur vorgestellte Haushalte mit Einwilligung, Mindestangaben, Hinweis § 78 SGB X)',
        params: ZIdParams,
        response: { 200: ZCandidateList },
      },
    },
    (req) => s.shortlist.candidates(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/v1/offers/:id/candidates',
    {
      config: { access: 'candidate.pick' },
      schema: {
        tags,
        summary: 'Haushalt in die Vorauswahl aufnehmen (mit Kommentar)',
        params: ZIdParams,
        headers: ZIdem,
        body: ZCandidatePick,
        response: { 201: ZAnyCandidate },
      },
    },
    async (req, reply) => {
      const res = await s.shortlist.pick(ctxOf(req), req.params.id, req.body, req.headers['idempotency-key']);
      if (res.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(res.body);
    },
  );

  const cand = <B extends z.ZodTypeAny>(
    path: string,
    access: Permission,
    summary: string,
    body: B,
    run: (ctx: ReturnType<typeof ctxOf>, id: string, b: z.output<B>) => Promise<unknown>,
  ) =>
    r.post(
      `/api/v1/candidates/:id/${path}`,
      {
        config: { access },
        schema: { tags, summary, params: ZIdParams, body, response: { 200: ZAnyCandidate } },
      },
      (req) => run(ctxOf(req), req.params.id, req.body as z.output<B>) as Promise<z.infer<typeof ZAnyCandidate>>,
    );

  cand(
    'present',
    'candidate.present',
    'Dem Wohnungsunternehmen vorstellen (nur mit gültiger Einwilligung)',
    z.object({}).optional(),
    (c, id) => s.shortlist.present(c, id),
  );
  cand('withdraw', 'candidate.withdraw', 'Aus der Vorauswahl nehmen', ZReason, (c, id, b) => s.shortlist.withdraw(c, id, b.reason));
  cand('viewings', 'viewing.manage', 'Besichtigung planen (Einladung mit .ics)', ZViewingInput, (c, id, b) =>
    s.meetings.scheduleViewing(c, id, b),
  );
  cand('decision', 'candidate.decision', 'Entscheidung des Haushalts erfassen (Zusage oder Absage mit Grund)', ZDecision, (c, id, b) =>
    s.decisions.decide(c, id, b),
  );
  cand('talks', 'candidate.talk', 'Nachgespräch dokumentieren (ins Journal des Haushalts)', ZTalk, (c, id, b) =>
    s.decisions.talk(c, id, b),
  );
  cand('veto', 'candidate.veto', 'Veto des Wohnungsunternehmens (Grund erforderlich)', ZReason, (c, id, b) =>
    s.decisions.veto(c, id, b.reason),
  );

  r.post(
    '/api/v1/candidates/:id/allocate',
    {
      config: { access: 'candidate.allocate' },
      schema: {
        tags,
        summary: 'Wohnung vergeben (Belegungsrecht der Fachstelle); andere Kandidaten zurück in den Pool',
        params: ZIdParams,
        body: ZAllocate,
        response: { 200: ZOffer },
      },
    },
    (req) => s.decisions.allocate(ctxOf(req), req.params.id, req.body.note ?? null),
  );

  // --- viewings ---------------------------------------------------------------------------------
  r.put(
    '/api/v1/viewings/:id',
    {
      config: { access: 'viewing.manage' },
      schema: {
        tags,
        summary: 'Besichtigung verlegen (aktualisierte .ics)',
        params: ZIdParams,
        body: ZViewingUpdate,
        response: { 200: ZAnyCandidate },
      },
    },
    (req) => s.meetings.updateViewing(ctxOf(req), req.params.id, req.body) as Promise<z.infer<typeof ZAnyCandidate>>,
  );
  r.post(
    '/api/v1/viewings/:id/cancel',
    {
      config: { access: 'viewing.manage' },
      schema: {
        tags,
        summary: 'Besichtigung absagen (Absage als .ics)',
        params: ZIdParams,
        body: ZVersioned,
        response: { 200: ZAnyCandidate },
      },
    },
    (req) => s.meetings.cancelViewing(ctxOf(req), req.params.id, req.body.version) as Promise<z.infer<typeof ZAnyCandidate>>,
  );
  r.post(
    '/api/v1/viewings/:id/outcome',
    {
      config: { access: 'viewing.manage' },
      schema: {
        tags,
        summary: 'Ergebnis der Besichtigung; öffnet die Entscheidungsfrist des Haushalts',
        params: ZIdParams,
        body: ZViewingOutcome,
        response: { 200: ZAnyCandidate },
      },
    },
    (req) =>
      s.meetings.recordViewing(ctxOf(req), req.params.id, req.body.outcome, req.body.version) as Promise<z.infer<typeof ZAnyCandidate>>,
  );

  // --- round tables ---------------------------------------------------------------------------
  r.get(
    '/api/v1/offers/:id/round-tables',
    {
      config: { access: 'roundTable.read' },
      schema: { tags, summary: 'Runde Tische des Angebots', params: ZIdParams, response: { 200: ZRoundTableList } },
    },
    (req) => s.meetings.roundTables(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/offers/:id/round-tables',
    {
      config: { access: 'roundTable.manage' },
      schema: {
        tags,
        summary: 'Runden Tisch planen (Videokonferenz-Link, Einladungen mit .ics)',
        params: ZIdParams,
        body: ZRoundTableInput,
        response: { 201: ZRoundTable },
      },
    },
    async (req, reply) => reply.status(201).send(await s.meetings.scheduleRoundTable(ctxOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/v1/round-tables/:id',
    {
      config: { access: 'roundTable.manage' },
      schema: {
        tags,
        summary: 'Runden Tisch verlegen oder Teilnehmende ändern (aktualisierte .ics)',
        params: ZIdParams,
        body: ZRoundTableUpdate,
        response: { 200: ZRoundTable },
      },
    },
    (req) => s.meetings.updateRoundTable(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/round-tables/:id/cancel',
    {
      config: { access: 'roundTable.manage' },
      schema: {
        tags,
        summary: 'Runden Tisch absagen (Absage als .ics)',
        params: ZIdParams,
        body: ZVersioned,
        response: { 200: ZRoundTable },
      },
    },
    (req) => s.meetings.cancelRoundTable(ctxOf(req), req.params.id, req.body.version),
  );
  r.post(
    '/api/v1/round-tables/:id/minutes',
    {
      config: { access: 'roundTable.manage' },
      schema: { tags, summary: 'Protokoll erfassen', params: ZIdParams, body: ZMinutes, response: { 200: ZRoundTable } },
    },
    (req) => s.meetings.minutes(ctxOf(req), req.params.id, req.body.minutes, req.body.version),
  );

  // --- consent (§ 67b SGB X) --------------------------------------------------------------------
  r.get(
    '/api/v1/households/:id/consents',
    {
      config: { access: 'consent.list' },
      schema: {
        tags: ['Haushalte'],
        summary: 'Einwilligungen zur Datenübermittlung an Wohnungsunternehmen',
        params: ZIdParams,
        response: { 200: ZConsentList },
      },
    },
    (req) => s.shortlist.consents(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/households/:id/consents',
    {
      config: { access: 'consent.create' },
      schema: {
        tags: ['Haushalte'],
        summary: 'Einwilligung erfassen (wer, wann, Form, Zweck, Empfänger, Textfassung)',
        params: ZIdParams,
        headers: ZIdem,
        body: ZConsentInput,
        response: { 201: ZConsent },
      },
    },
    async (req, reply) => {
      const res = await s.shortlist.addConsent(ctxOf(req), req.params.id, req.body, req.headers['idempotency-key']);
      return reply.status(201).send(res.body);
    },
  );
  r.post(
    '/api/v1/households/:id/consents/:consentId/withdraw',
    {
      config: { access: 'consent.withdraw' },
      schema: {
        tags: ['Haushalte'],
        summary: 'Widerruf der Einwilligung erfassen',
        params: z.object({ id: ZId, consentId: ZId }),
        body: ZWithdrawConsent,
        response: { 200: ZConsent },
      },
    },
    (req) => s.shortlist.withdrawConsent(ctxOf(req), req.params.id, req.params.consentId, req.body.note ?? null),
  );
}
