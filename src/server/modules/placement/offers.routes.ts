import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../contracts/common.js';
import {
  ZAttachment,
  ZConditions,
  ZConditionsImpact,
  ZConditionsInput,
  ZConditionsList,
  ZContractsInput,
  ZOffer,
  ZOfferEvents,
  ZOfferInput,
  ZOfferListQuery,
  ZOfferPage,
  ZOfferUpdate,
  ZRanking,
  ZRankingList,
  ZRankingPageQuery,
  ZReason,
} from '../../../contracts/placement.js';
import type { Permission } from '../../platform/access/registry.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { EXPORT_ROW_LIMIT, exportLang, ZExportParams } from '../../platform/export/export.js';
import { etag, withEtag } from '../../platform/http/idempotency.js';
import { readUpload } from '../../platform/http/upload.js';
import { ATTACHMENT_MAX_BYTES } from './files.service.js';
import type { PlacementService } from './placement.service.js';

const tags = ['Wohnungsvermittlung (WohnenPlus)'];
const ZIdem = z.object({ 'idempotency-key': z.string().max(200).optional() });
const ZIfMatch = z.object({ 'if-match': z.string().optional() });
const ZSubParams = z.object({ id: ZId, subId: ZId });

export function offerRoutes(app: FastifyInstance, s: PlacementService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/offers',
    {
      config: { access: 'offer.list' },
      schema: {
        tags,
        summary: 'Wohnungsangebote (Warteschlange nach nächster Frist; Portal: nur eigene)',
        querystring: ZOfferListQuery,
        response: { 200: ZOfferPage },
      },
    },
    (req) => s.offers.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/offers/export',
    {
      config: { access: 'offer.list' },
      schema: {
        tags,
        summary: `Angebotsliste als CSV oder Excel (dieselben Filter wie die Liste, ohne Seiten, höchstens ${EXPORT_ROW_LIMIT} Zeilen)`,
        querystring: ZOfferListQuery.omit({ page: true, pageSize: true }).extend(ZExportParams),
      },
    },
    async (req, reply) => {
      const { format, lang, ...filters } = req.query;
      const out = { format, lang: exportLang(lang, req.headers['accept-language']) };
      return sendDocument(reply, await s.offers.export(ctxOf(req), filters, out));
    },
  );

  r.post(
    '/api/v1/offers',
    {
      config: { access: 'offer.create' },
      schema: {
        tags,
        summary: 'Angebot erfassen (Portal: Entwurf oder gleich einreichen; Fachstelle: eingereicht)',
        headers: ZIdem,
        body: ZOfferInput.extend({ submit: z.boolean().optional() }),
        response: { 201: ZOffer },
      },
    },
    async (req, reply) => {
      const res = await s.offers.create(ctxOf(req), req.body, req.headers['idempotency-key']);
      if (res.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).header('Location', `/api/v1/offers/${res.body.id}`).header('ETag', etag(res.body.version)).send(res.body);
    },
  );

  r.get(
    '/api/v1/offers/:id',
    {
      config: { access: 'offer.read' },
      schema: {
        tags,
        summary: 'Angebot mit Prüfung, Fristen, Anhängen und möglichen Schritten',
        params: ZIdParams,
        response: { 200: ZOffer },
      },
    },
    async (req, reply) => withEtag(reply, await s.offers.get(ctxOf(req), req.params.id)),
  );

  r.put(
    '/api/v1/offers/:id',
    {
      config: { access: 'offer.update' },
      schema: {
        tags,
        summary: 'Angebot ändern (Entwurf oder eingereicht; If-Match)',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZOfferUpdate,
        response: { 200: ZOffer },
      },
    },
    async (req, reply) => withEtag(reply, await s.offers.update(ctxOf(req), req.params.id, req.body, req.body.version)),
  );

  const step = (
    path: string,
    access: Permission,
    summary: string,
    run: (ctx: ReturnType<typeof ctxOf>, id: string, body: { reason?: string }) => Promise<z.infer<typeof ZOffer>>,
    body = false,
  ) =>
    r.post(
      `/api/v1/offers/:id/${path}`,
      {
        config: { access },
        schema: { tags, summary, params: ZIdParams, ...(body ? { body: ZReason } : {}), response: { 200: ZOffer } },
      },
      async (req, reply) => withEtag(reply, await run(ctxOf(req), req.params.id, (req.body ?? {}) as { reason?: string })),
    );

  step('submit', 'offer.submit', 'Entwurf einreichen', (c, id) => s.offers.submit(c, id));
  step('check', 'offer.check', 'Gegen die heute gültigen Programmbedingungen prüfen', (c, id) => s.offers.check(c, id));
  step('approve', 'offer.decide', 'Geeignetes Angebot annehmen (Vorauswahl beginnt)', (c, id) => s.offers.approve(c, id));
  r.post(
    '/api/v1/offers/:id/decline',
    {
      config: { access: 'offer.decide' },
      schema: {
        tags,
        summary: 'Angebot mit Grund ablehnen (ohne Grund: die nicht erfüllten Bedingungen)',
        params: ZIdParams,
        body: z.object({ reason: z.string().trim().max(2000).optional() }),
        response: { 200: ZOffer },
      },
    },
    async (req, reply) => withEtag(reply, await s.offers.decline(ctxOf(req), req.params.id, req.body.reason)),
  );
  step('withdraw', 'offer.withdraw', 'Angebot zurückziehen', (c, id, b) => s.offers.withdraw(c, id, b.reason!), true);
  step(
    'restart',
    'offer.restart',
    'Kein Mietvertrag: neue Vorauswahl (Verlauf bleibt)',
    (c, id, b) => s.decisions.restart(c, id, b.reason!),
    true,
  );

  r.post(
    '/api/v1/offers/:id/contracts',
    {
      config: { access: 'offer.contracts' },
      schema: {
        tags,
        summary: 'Garantievertrag und Mietvertrag erfassen; legt das Mietverhältnis an',
        params: ZIdParams,
        body: ZContractsInput,
        response: { 200: ZOffer },
      },
    },
    async (req, reply) => withEtag(reply, await s.decisions.contracts(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/offers/:id/events',
    {
      config: { access: 'offer.read' },
      schema: { tags, summary: 'Verlauf des Angebots (wer hat wann was getan)', params: ZIdParams, response: { 200: ZOfferEvents } },
    },
    (req) => s.offers.events(ctxOf(req), req.params.id),
  );

  // --- rankings -----------------------------------------------------------------------------
  r.post(
    '/api/v1/offers/:id/rankings',
    {
      config: { access: 'ranking.create' },
      schema: {
        tags,
        summary: 'Pool für dieses Angebot bewerten und die Rangfolge speichern (Antwort: die ersten Seiten)',
        params: ZIdParams,
        response: { 201: ZRanking },
      },
    },
    async (req, reply) => reply.status(201).send(await s.shortlist.rank(ctxOf(req), req.params.id)),
  );
  r.get(
    '/api/v1/offers/:id/rankings',
    {
      config: { access: 'ranking.read' },
      schema: { tags, summary: 'Gespeicherte Rangfolgen des Angebots', params: ZIdParams, response: { 200: ZRankingList } },
    },
    (req) => s.shortlist.rankings(ctxOf(req), req.params.id),
  );
  r.get(
    '/api/v1/offers/:id/rankings/:subId',
    {
      config: { access: 'ranking.read' },
      schema: {
        tags,
        summary: 'Eine gespeicherte Rangfolge mit Begründungen, je eine Seite Einträge und Ausschlüsse',
        params: ZSubParams,
        querystring: ZRankingPageQuery,
        response: { 200: ZRanking },
      },
    },
    (req) => s.shortlist.ranking(ctxOf(req), req.params.id, req.params.subId, req.query),
  );

  // --- attachments and documents ------------------------------------------------------------
  r.post(
    '/api/v1/offers/:id/attachments',
    {
      config: { access: 'offer.attach' },
      schema: {
        tags,
        summary: 'Foto oder Grundriss hochladen (multipart/form-data, Feld „file“, höchstens 10 MB)',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ZAttachment },
      },
    },
    async (req, reply) => {
      await s.files.canAttach(ctxOf(req), req.params.id);
      const file = await readUpload(req, ATTACHMENT_MAX_BYTES);
      return reply.status(201).send(
        await s.files.addAttachment(ctxOf(req), req.params.id, {
          filename: file.filename,
          contentType: file.mimetype,
          content: file.content,
        }),
      );
    },
  );
  r.get(
    '/api/v1/offers/:id/attachments/:subId',
    {
      config: { access: 'offer.read' },
      schema: { tags, summary: 'Anhang herunterladen', params: ZSubParams },
    },
    async (req, reply) => sendDocument(reply, await s.files.attachment(ctxOf(req), req.params.id, req.params.subId)),
  );
  r.delete(
    '/api/v1/offers/:id/attachments/:subId',
    {
      config: { access: 'offer.attach' },
      schema: { tags, summary: 'Anhang entfernen', params: ZSubParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await s.files.removeAttachment(ctxOf(req), req.params.id, req.params.subId);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/v1/offers/:id/documents/:subId',
    {
      config: { access: 'offer.read' },
      schema: { tags, summary: 'Erzeugtes Dokument (Garantievertrag, Vergabemitteilung) als PDF', params: ZSubParams },
    },
    async (req, reply) => sendDocument(reply, await s.files.document(ctxOf(req), req.params.id, req.params.subId)),
  );

  // --- programme conditions -------------------------------------------------------------------
  r.get(
    '/api/v1/programme-conditions',
    {
      config: { access: 'conditions.read' },
      schema: { tags, summary: 'Fassungen der Programmbedingungen', response: { 200: ZConditionsList } },
    },
    (req) => s.conditions.list(ctxOf(req)),
  );
  r.post(
    '/api/v1/programme-conditions/preview',
    {
      config: { access: 'conditions.update' },
      schema: {
        tags,
        summary: 'Auswirkung einer neuen Fassung vor dem Speichern',
        body: ZConditionsInput,
        response: { 200: ZConditionsImpact },
      },
    },
    (req) => s.conditions.preview(ctxOf(req), req.body),
  );
  r.post(
    '/api/v1/programme-conditions',
    {
      config: { access: 'conditions.update' },
      schema: {
        tags,
        summary: 'Neue Fassung der Programmbedingungen (gilt ab Datum)',
        body: ZConditionsInput,
        response: { 201: ZConditions },
      },
    },
    async (req, reply) => reply.status(201).send(await s.conditions.create(ctxOf(req), req.body)),
  );
}
