import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type TOccupancyBoard,
  ZOccupancyBoard,
  ZOccupancyQuery,
  ZOccupancyTrend,
  ZStayLengths,
} from '../../../contracts/accommodationOccupancy.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { tags } from './accommodation.schemas.js';
import type { OccupancyService } from './occupancy.service.js';

/** The occupancy board (read only, aggregates): on a day, the trend of 12 months, the length of stay. */
export function occupancyRoutes(app: FastifyInstance, svc: OccupancyService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accommodation/occupancy';
  r.get(
    base,
    {
      config: { access: 'accommodation.read' },
      schema: {
        tags,
        summary: 'Belegung je Unterkunft und Platzmerkmal an einem Tag (belegt, frei, gesperrt)',
        querystring: ZOccupancyQuery,
        response: { 200: ZOccupancyBoard },
      },
    },
    // Serialised once per board (the service keeps the JSON text, checked against ZOccupancyBoard):
    // Fastify sends a string with a JSON content type as it is, without serialising it again.
    async (req, reply) => {
      const json = await svc.board(ctxOf(req), req.query);
      return reply.type('application/json; charset=utf-8').send(json as unknown as TOccupancyBoard);
    },
  );
  r.get(
    `${base}/trend`,
    {
      config: { access: 'accommodation.read' },
      schema: {
        tags,
        summary: 'Belegung je Monat der letzten 12 Monate bis zum Stichtag',
        querystring: ZOccupancyQuery,
        response: { 200: ZOccupancyTrend },
      },
    },
    (req) => svc.trend(ctxOf(req), req.query),
  );
  r.get(
    `${base}/stay-lengths`,
    {
      config: { access: 'accommodation.read' },
      schema: {
        tags,
        summary: 'Aufenthaltsdauer je Haushaltstyp (Quartile, beendete und laufende Aufenthalte)',
        querystring: ZOccupancyQuery,
        response: { 200: ZStayLengths },
      },
    },
    (req) => svc.stayLengths(ctxOf(req), req.query),
  );
}
