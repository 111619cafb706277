import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../contracts/common.js';
import {
  ZChecklist,
  ZChecklistInput,
  ZCompleteInput,
  ZInspectionCancelInput,
  ZInspectionDetail,
  ZInspectionList,
  ZInspectionPlanInput,
  ZInspectionVersionInput,
  ZRemedyInput,
  ZResultInput,
} from '../../../contracts/accommodationInspections.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { readUpload } from '../../platform/http/upload.js';
import { tags } from './accommodation.schemas.js';
import type { ChecklistService } from './checklist.service.js';
import { PHOTO_MAX_BYTES, type InspectionsService } from './inspections.service.js';

const ZSubParams = z.object({ id: ZId, subId: ZId });

/** Minimum standards (the agency's versioned checklist) and inspections (Begehungen) of facilities with findings. */
export function inspectionRoutes(app: FastifyInstance, svc: { checklist: ChecklistService; inspections: InspectionsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { checklist, inspections } = svc;
  const base = '/api/v1/accommodation';

  r.get(
    `${base}/checklist`,
    {
      config: { access: 'accommodation.read' },
      schema: { tags, summary: 'Checkliste der Mindeststandards (aktuelle Version)', response: { 200: ZChecklist } },
    },
    (req) => checklist.read(ctxOf(req)),
  );
  r.put(
    `${base}/checklist`,
    {
      config: { access: 'accommodation.checklist' },
      schema: {
        tags,
        summary: 'Checkliste ändern: neue Version (geplante Begehungen behalten ihre Version)',
        body: ZChecklistInput,
        response: { 200: ZChecklist },
      },
    },
    (req) => checklist.update(ctxOf(req), req.body),
  );
  r.get(
    `${base}/facilities/:id/inspections`,
    {
      config: { access: 'accommodation.read' },
      schema: {
        tags,
        summary: 'Begehungen einer Unterkunft, offene Mängel, nächste Regelbegehung',
        params: ZIdParams,
        response: { 200: ZInspectionList },
      },
    },
    (req) => inspections.list(ctxOf(req), req.params.id),
  );
  r.post(
    `${base}/facilities/:id/inspections`,
    {
      config: { access: 'accommodation.inspect' },
      schema: {
        tags,
        summary: 'Begehung planen (vor der Zulassung, Regelbegehung, Vorfall oder Beschwerde)',
        params: ZIdParams,
        body: ZInspectionPlanInput,
        response: { 201: ZInspectionDetail },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return inspections.plan(ctxOf(req), req.params.id, req.body);
    },
  );
  r.get(
    `${base}/inspections/:id`,
    {
      config: { access: 'accommodation.read' },
      schema: {
        tags,
        summary: 'Begehung mit Prüfpunkten, Ergebnissen, Fotos und Mängeln',
        params: ZIdParams,
        response: { 200: ZInspectionDetail },
      },
    },
    (req) => inspections.read(ctxOf(req), req.params.id),
  );
  r.post(
    `${base}/inspections/:id/start`,
    {
      config: { access: 'accommodation.inspect' },
      schema: {
        tags,
        summary: 'Begehung beginnen',
        params: ZIdParams,
        body: ZInspectionVersionInput,
        response: { 200: ZInspectionDetail },
      },
    },
    (req) => inspections.start(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    `${base}/inspections/:id/items/:subId`,
    {
      config: { access: 'accommodation.inspect' },
      schema: {
        tags,
        summary: 'Prüfpunkt erfassen: erfüllt, nicht erfüllt (Mangel mit Schwere und Frist) oder entfällt',
        params: ZSubParams,
        body: ZResultInput,
        response: { 200: ZInspectionDetail },
      },
    },
    (req) => inspections.record(ctxOf(req), req.params.id, req.params.subId, req.body),
  );
  r.post(
    `${base}/inspections/:id/items/:subId/photos`,
    {
      config: { access: 'accommodation.inspect' },
      schema: {
        tags,
        summary: 'Foto zu einem Prüfpunkt hochladen (PNG/JPEG, multipart/form-data, Feld „file“, höchstens 10 MB)',
        consumes: ['multipart/form-data'],
        params: ZSubParams,
        response: { 201: ZInspectionDetail },
      },
    },
    async (req, reply) => {
      const out = await inspections.photo(ctxOf(req), req.params.id, req.params.subId, () => readUpload(req, PHOTO_MAX_BYTES));
      return reply.status(201).send(out);
    },
  );
  r.get(
    `${base}/inspections/:id/photos/:subId`,
    { config: { access: 'accommodation.read' }, schema: { tags, summary: 'Foto einer Begehung', params: ZSubParams } },
    async (req, reply) => sendDocument(reply, await inspections.photoFile(ctxOf(req), req.params.id, req.params.subId)),
  );
  r.post(
    `${base}/inspections/:id/complete`,
    {
      config: { access: 'accommodation.inspect' },
      schema: {
        tags,
        summary: 'Begehung abschließen: Mängel mit Fristen, behobene schließen, bei kritischem Mangel sperren, nächste Regelbegehung',
        params: ZIdParams,
        body: ZCompleteInput,
        response: { 200: ZInspectionDetail },
      },
    },
    (req) => inspections.complete(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/inspections/:id/cancel`,
    {
      config: { access: 'accommodation.inspect' },
      schema: {
        tags,
        summary: 'Begehung absagen (mit Grund)',
        params: ZIdParams,
        body: ZInspectionCancelInput,
        response: { 200: ZInspectionDetail },
      },
    },
    (req) => inspections.cancel(ctxOf(req), req.params.id, req.body),
  );
  r.get(
    `${base}/inspections/:id/report.pdf`,
    { config: { access: 'accommodation.read' }, schema: { tags, summary: 'Begehungsprotokoll als PDF', params: ZIdParams } },
    async (req, reply) => sendDocument(reply, await inspections.report(ctxOf(req), req.params.id)),
  );
  r.post(
    `${base}/findings/:id/remedy`,
    {
      config: { access: 'accommodation.inspect' },
      schema: {
        tags,
        summary: 'Behebung eines Mangels als geprüft erfassen (schließt Mangel und Frist)',
        params: ZIdParams,
        body: ZRemedyInput,
        response: { 200: ZInspectionDetail },
      },
    },
    (req) => inspections.remedy(ctxOf(req), req.params.id, req.body),
  );
}
