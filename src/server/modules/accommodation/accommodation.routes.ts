import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../contracts/common.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import {
  tags,
  ZAssignInput,
  ZAssignment,
  ZCancelInput,
  ZContactInput,
  ZContractInput,
  ZFacilityDetail,
  ZFacilityInput,
  ZFacilityList,
  ZFacilityStateInput,
  ZFacilityUpdate,
  ZMoveInInput,
  ZMoveOutInput,
  ZOperatorDetail,
  ZOperatorInput,
  ZOperatorList,
  ZOperatorUpdate,
  ZPlaceBlockInput,
  ZPlaceSearch,
  ZPlaceSearchQuery,
  ZRateInput,
  ZRoomInput,
  ZStayList,
  ZStayListQuery,
} from './accommodation.schemas.js';
import type { AccommodationService } from './accommodation.service.js';
import { portalRoutes } from './portal.routes.js';
import { occupancyRoutes } from './occupancy.routes.js';
import { inspectionRoutes } from './inspections.routes.js';

const ZSubParams = z.object({ id: ZId, subId: ZId });
const ZFacilityQuery = z.object({ operatorId: ZId.optional() });

/** Accommodation: operators, contracts and rates, facilities with rooms and places, place search, assignments. */
export function accommodationRoutes(app: FastifyInstance, svc: AccommodationService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { places, search, stays } = svc;
  const base = '/api/v1/accommodation';

  // Operators, contacts, contracts, rates --------------------------------------------------------
  r.get(
    `${base}/operators`,
    { config: { access: 'accommodation.read' }, schema: { tags, summary: 'Betreiber der Unterkünfte', response: { 200: ZOperatorList } } },
    (req) => places.operators(ctxOf(req)),
  );
  r.post(
    `${base}/operators`,
    {
      config: { access: 'accommodation.manage' },
      schema: { tags, summary: 'Betreiber anlegen', body: ZOperatorInput, response: { 201: ZOperatorDetail } },
    },
    async (req, reply) => {
      reply.code(201);
      return places.createOperator(ctxOf(req), req.body);
    },
  );
  r.get(
    `${base}/operators/:id`,
    {
      config: { access: 'accommodation.read' },
      schema: {
        tags,
        summary: 'Betreiber mit Ansprechpersonen, Verträgen und Tagessätzen',
        params: ZIdParams,
        response: { 200: ZOperatorDetail },
      },
    },
    (req) => places.operator(ctxOf(req), req.params.id),
  );
  r.put(
    `${base}/operators/:id`,
    {
      config: { access: 'accommodation.manage' },
      schema: { tags, summary: 'Betreiber ändern (Version)', params: ZIdParams, body: ZOperatorUpdate, response: { 200: ZOperatorDetail } },
    },
    (req) => places.updateOperator(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/operators/:id/contacts`,
    {
      config: { access: 'accommodation.manage' },
      schema: {
        tags,
        summary: 'Ansprechperson des Betreibers hinzufügen',
        params: ZIdParams,
        body: ZContactInput,
        response: { 201: ZOperatorDetail },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return places.addContact(ctxOf(req), req.params.id, req.body);
    },
  );
  r.post(
    `${base}/operators/:id/contracts`,
    {
      config: { access: 'accommodation.manage' },
      schema: {
        tags,
        summary: 'Vertrag oder vertragslose Nutzung zu einem vereinbarten Satz erfassen (mit erstem Tagessatz)',
        params: ZIdParams,
        body: ZContractInput,
        response: { 201: ZOperatorDetail },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return places.addContract(ctxOf(req), req.params.id, req.body);
    },
  );
  r.post(
    `${base}/contracts/:id/rates`,
    {
      config: { access: 'accommodation.manage' },
      schema: {
        tags,
        summary: 'Neuer Tagessatz ab einem Tag (frühere Nächte behalten ihren Satz)',
        params: ZIdParams,
        body: ZRateInput,
        response: { 201: ZOperatorDetail },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return places.addRate(ctxOf(req), req.params.id, req.body);
    },
  );

  // Facilities, rooms, places -------------------------------------------------------------------
  r.get(
    `${base}/facilities`,
    {
      config: { access: 'accommodation.read' },
      schema: {
        tags,
        summary: 'Unterkünfte mit Status und heutiger Belegung',
        querystring: ZFacilityQuery,
        response: { 200: ZFacilityList },
      },
    },
    (req) => places.facilities(ctxOf(req), req.query.operatorId ?? null),
  );
  r.post(
    `${base}/facilities`,
    {
      config: { access: 'accommodation.manage' },
      schema: { tags, summary: 'Unterkunft anlegen (Status: zugelassen)', body: ZFacilityInput, response: { 201: ZFacilityDetail } },
    },
    async (req, reply) => {
      reply.code(201);
      return places.createFacility(ctxOf(req), req.body);
    },
  );
  r.get(
    `${base}/facilities/:id`,
    {
      config: { access: 'accommodation.read' },
      schema: {
        tags,
        summary: 'Unterkunft mit Räumen, Plätzen, heutiger Belegung und Statusverlauf',
        params: ZIdParams,
        response: { 200: ZFacilityDetail },
      },
    },
    (req) => places.facility(ctxOf(req), req.params.id),
  );
  r.put(
    `${base}/facilities/:id`,
    {
      config: { access: 'accommodation.manage' },
      schema: {
        tags,
        summary: 'Unterkunft ändern (Version)',
        params: ZIdParams,
        body: ZFacilityUpdate,
        response: { 200: ZFacilityDetail },
      },
    },
    (req) => places.updateFacility(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/facilities/:id/state`,
    {
      config: { access: 'accommodation.manage' },
      schema: {
        tags,
        summary: 'Status: zugelassen, mit Auflagen zugelassen, für Neubelegung gesperrt (mit Grund)',
        params: ZIdParams,
        body: ZFacilityStateInput,
        response: { 200: ZFacilityDetail },
      },
    },
    (req) => places.setState(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/facilities/:id/rooms`,
    {
      config: { access: 'accommodation.manage' },
      schema: {
        tags,
        summary: 'Raum mit Merkmalen und Plätzen anlegen',
        params: ZIdParams,
        body: ZRoomInput,
        response: { 201: ZFacilityDetail },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return places.addRoom(ctxOf(req), req.params.id, req.body);
    },
  );
  r.put(
    `${base}/facilities/:id/places/:subId`,
    {
      config: { access: 'accommodation.manage' },
      schema: {
        tags,
        summary: 'Platz sperren (mit Grund) oder freigeben',
        params: ZSubParams,
        body: ZPlaceBlockInput,
        response: { 200: ZFacilityDetail },
      },
    },
    (req) => places.blockPlace(ctxOf(req), req.params.id, req.params.subId, req.body),
  );

  // Place search and assignments ----------------------------------------------------------------
  r.get(
    `${base}/place-search`,
    {
      config: { access: 'accommodation.search' },
      schema: {
        tags,
        summary: 'Freie passende Plätze für einen Haushalt an einem Tag, ausgeschlossene mit Grund',
        querystring: ZPlaceSearchQuery,
        response: { 200: ZPlaceSearch },
      },
    },
    (req) => search.search(ctxOf(req), req.query),
  );
  r.get(
    `${base}/assignments`,
    {
      config: { access: 'accommodation.stays' },
      schema: { tags, summary: 'Zuweisungen (Aufenthalte), laufende oder alle', querystring: ZStayListQuery, response: { 200: ZStayList } },
    },
    (req) => stays.list(ctxOf(req), req.query),
  );
  r.post(
    `${base}/assignments`,
    {
      config: { access: 'accommodation.assign' },
      schema: {
        tags,
        summary: 'Personen eines Haushalts Plätzen zuweisen (Einweisung und Kostenübernahme als PDF); Verlegung mit transferFromId',
        body: ZAssignInput,
        response: { 201: ZAssignment },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return stays.assign(ctxOf(req), req.body);
    },
  );
  r.get(
    `${base}/assignments/:id`,
    {
      config: { access: 'accommodation.stays' },
      schema: { tags, summary: 'Eine Zuweisung mit Personen, Plätzen und Schreiben', params: ZIdParams, response: { 200: ZAssignment } },
    },
    (req) => stays.read(ctxOf(req), req.params.id),
  );
  r.post(
    `${base}/assignments/:id/move-in`,
    {
      config: { access: 'accommodation.move' },
      schema: { tags, summary: 'Einzug bestätigen', params: ZIdParams, body: ZMoveInInput, response: { 200: ZAssignment } },
    },
    (req) => stays.moveIn(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/assignments/:id/move-out`,
    {
      config: { access: 'accommodation.move' },
      schema: { tags, summary: 'Auszug mit Tag und Grund', params: ZIdParams, body: ZMoveOutInput, response: { 200: ZAssignment } },
    },
    (req) => stays.moveOut(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/assignments/:id/cancel`,
    {
      config: { access: 'accommodation.move' },
      schema: {
        tags,
        summary: 'Zuweisung aufheben (nie eingezogen)',
        params: ZIdParams,
        body: ZCancelInput,
        response: { 200: ZAssignment },
      },
    },
    (req) => stays.cancel(ctxOf(req), req.params.id, req.body),
  );
  r.get(
    `${base}/assignments/:id/documents/:subId`,
    { config: { access: 'accommodation.stays' }, schema: { tags, summary: 'Einweisung oder Kostenübernahme als PDF', params: ZSubParams } },
    async (req, reply) => sendDocument(reply, await stays.document(ctxOf(req), req.params.id, req.params.subId)),
  );

  portalRoutes(app, svc.portal);
  occupancyRoutes(app, svc.occupancy);
  // Minimum standards and inspections -----------------------------------------------------------
  inspectionRoutes(app, svc);
}
