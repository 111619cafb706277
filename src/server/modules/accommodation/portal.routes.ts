import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZIncident,
  ZIncidentInput,
  ZIncidentList,
  ZPortal,
  ZPortalMoveIn,
  ZPortalMoveOut,
} from '../../../contracts/accommodationPortal.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { tags } from './accommodation.schemas.js';
import type { PortalService } from './portal.service.js';

/** The operator portal (its own facilities, arrivals, move-in/out, incidents) and the staff's view of the incidents. */
export function portalRoutes(app: FastifyInstance, portal: PortalService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accommodation';

  r.get(
    `${base}/portal`,
    {
      config: { access: 'accommodation.portal' },
      schema: {
        tags,
        summary: 'Betreiberportal: eigene Unterkünfte mit heutiger Belegung, erwarteten und wohnenden Haushalten (Mindestangaben)',
        response: { 200: ZPortal },
      },
    },
    (req) => portal.portal(ctxOf(req)),
  );
  r.post(
    `${base}/portal/assignments/:id/move-in`,
    {
      config: { access: 'accommodation.portalMove' },
      schema: { tags, summary: 'Betreiber bestätigt den Einzug', params: ZIdParams, body: ZPortalMoveIn, response: { 200: ZPortal } },
    },
    (req) => portal.moveIn(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/portal/assignments/:id/move-out`,
    {
      config: { access: 'accommodation.portalMove' },
      schema: {
        tags,
        summary: 'Betreiber bestätigt den Auszug mit Tag und Grund',
        params: ZIdParams,
        body: ZPortalMoveOut,
        response: { 200: ZPortal },
      },
    },
    (req) => portal.moveOut(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    `${base}/portal/assignments/:id/incidents`,
    {
      config: { access: 'accommodation.portalIncident' },
      schema: {
        tags,
        summary: 'Betreiber meldet ein Vorkommnis (Schaden, Konflikt, Regelverstoß, Gesundheit, Polizei, Sonstiges)',
        params: ZIdParams,
        body: ZIncidentInput,
        response: { 201: ZIncident },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return portal.reportIncident(ctxOf(req), req.params.id, req.body);
    },
  );
  r.get(
    `${base}/assignments/:id/incidents`,
    {
      config: { access: 'accommodation.incidents' },
      schema: {
        tags,
        summary: 'Vom Betreiber gemeldete Vorkommnisse einer Zuweisung',
        params: ZIdParams,
        response: { 200: ZIncidentList },
      },
    },
    (req) => portal.incidents(ctxOf(req), req.params.id),
  );
}
