import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZVersioned } from '../../../contracts/common.js';
import {
  ZAftercareHandover,
  ZAttemptInput,
  ZClearingUpdate,
  ZCloseInput,
  ZContactLetterInput,
  ZMeasureInput,
  ZMeasureUpdate,
  ZPreventionCase,
  ZReferralInput,
  ZReferralUpdate,
  ZReopen,
} from '../../../contracts/prevention.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { etag } from '../../platform/http/idempotency.js';
import type { PreventionService } from './prevention.service.js';

const tags = ['Prävention'];
const ZSubParams = z.object({ id: ZId, subId: ZId });
const ZIfMatch = z.object({ 'if-match': z.string().optional() });
const res200 = { 200: ZPreventionCase };
const res201 = { 201: ZPreventionCase };

/** The work on a case: contact, clearing, measures, referrals, letters, closing and aftercare. */
export function workRoutes(app: FastifyInstance, services: PreventionService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { work, measures } = services;

  r.post(
    '/api/v1/prevention/cases/:id/attempts',
    {
      config: { access: 'prevention.update' },
      schema: {
        tags,
        summary: 'Kontaktversuch erfassen (Kanal, Zeitpunkt, Ergebnis)',
        params: ZIdParams,
        body: ZAttemptInput,
        response: res201,
      },
    },
    async (req, reply) => reply.status(201).send(await work.recordAttempt(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/v1/prevention/cases/:id/contact-letter',
    {
      config: { access: 'prevention.update' },
      schema: {
        tags,
        summary: 'Anschreiben mit Terminangebot als PDF erzeugen (zählt als Kontaktversuch per Brief)',
        params: ZIdParams,
        body: ZContactLetterInput,
        response: res201,
      },
    },
    async (req, reply) => reply.status(201).send(await work.contactLetter(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/prevention/cases/:id/documents/:subId',
    {
      config: { access: 'prevention.read' },
      schema: { tags, summary: 'Erzeugtes Schreiben (Anschreiben, Verpflichtungserklärung) als PDF', params: ZSubParams },
    },
    async (req, reply) => sendDocument(reply, await work.document(ctxOf(req), req.params.id, req.params.subId)),
  );

  r.put(
    '/api/v1/prevention/cases/:id/clearing',
    {
      config: { access: 'prevention.update' },
      schema: {
        tags,
        summary: 'Clearing-Checkliste speichern (version = clearing.version oder If-Match; veraltet → 412)',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZClearingUpdate,
        response: res200,
      },
    },
    async (req, reply) => {
      const c = await work.saveClearing(ctxOf(req), req.params.id, req.body, req.body.version);
      reply.header('ETag', etag(c.clearing.version));
      return c;
    },
  );

  r.post(
    '/api/v1/prevention/cases/:id/clearing/complete',
    {
      config: { access: 'prevention.update' },
      schema: { tags, summary: 'Clearing abschließen: weiter zu den Maßnahmen', params: ZIdParams, body: ZVersioned, response: res200 },
    },
    (req) => work.completeClearing(ctxOf(req), req.params.id, req.body.version),
  );

  r.post(
    '/api/v1/prevention/cases/:id/measures',
    {
      config: { access: 'prevention.update' },
      schema: {
        tags,
        summary: 'Maßnahme anlegen (Mietschuldenübernahme, Zusage, Entrümpelung, Begleitung)',
        params: ZIdParams,
        body: ZMeasureInput,
        response: res201,
      },
    },
    async (req, reply) => reply.status(201).send(await measures.add(ctxOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/v1/prevention/measures/:id',
    {
      config: { access: 'prevention.update' },
      schema: {
        tags,
        summary: 'Maßnahme ändern; Entscheidungen über Geld nur Sachbearbeitung/Leitung',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZMeasureUpdate,
        response: res200,
      },
    },
    (req) => measures.update(ctxOf(req), req.params.id, req.body, req.body.version),
  );

  r.post(
    '/api/v1/prevention/measures/:id/commitment-letter',
    {
      config: { access: 'prevention.decide' },
      schema: { tags, summary: 'Verpflichtungserklärung an Vermieter oder Gericht als PDF', params: ZIdParams, response: res201 },
    },
    async (req, reply) => reply.status(201).send(await measures.commitmentLetter(ctxOf(req), req.params.id)),
  );

  r.post(
    '/api/v1/prevention/cases/:id/referrals',
    {
      config: { access: 'prevention.update' },
      schema: {
        tags,
        summary: 'Vermittlung anlegen (Schuldnerberatung, Suchthilfe, Familienhilfe, Seniorenberatung, § 67 SGB XII)',
        params: ZIdParams,
        body: ZReferralInput,
        response: res201,
      },
    },
    async (req, reply) => reply.status(201).send(await measures.addReferral(ctxOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/v1/prevention/referrals/:id',
    {
      config: { access: 'prevention.update' },
      schema: { tags, summary: 'Stand einer Vermittlung ändern', params: ZIdParams, body: ZReferralUpdate, response: res200 },
    },
    (req) => measures.updateReferral(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/prevention/cases/:id/close',
    {
      config: { access: 'prevention.close' },
      schema: { tags, summary: 'Fall abschließen mit Ergebnis', params: ZIdParams, body: ZCloseInput, response: res200 },
    },
    (req) => work.close(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/prevention/cases/:id/aftercare',
    {
      config: { access: 'prevention.handover' },
      schema: {
        tags,
        summary: 'Fall mit erhaltener Wohnung an die Nachsorge (Träger) übergeben',
        params: ZIdParams,
        body: ZAftercareHandover,
        response: res200,
      },
    },
    (req) => work.handOver(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/prevention/cases/:id/reopen',
    {
      config: { access: 'prevention.reopen' },
      schema: { tags, summary: 'Abgeschlossenen Fall wieder öffnen (Leitung)', params: ZIdParams, body: ZReopen, response: res200 },
    },
    (req) => work.reopen(ctxOf(req), req.params.id, req.body),
  );
}
