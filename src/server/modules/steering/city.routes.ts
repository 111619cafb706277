import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCityAverage, ZCityAverageQuery, ZCityComparison, ZCityQuery } from '../../../contracts/steering-city.js';
import { ctxOf } from '../../platform/auth/guard.js';
import type { CityService } from './city.service.js';

export function cityRoutes(app: FastifyInstance, svc: CityService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/steering/city',
    {
      config: { access: 'steering.city' },
      schema: {
        tags: ['Berichte'],
        summary:
          'Stadtvergleich für das Steuerungsgremium: die Fachstellen einer Zielvereinbarung nebeneinander und die Stadt gesamt, je Quartal oder Jahr; nur Summen, kleine Zellen unterdrückt',
        querystring: ZCityQuery,
        response: { 200: ZCityComparison },
      },
    },
    (req) => svc.comparison(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/steering/city-average',
    {
      config: { access: 'steering.cityAverage' },
      schema: {
        tags: ['Berichte'],
        summary:
          'Der Durchschnitt der Fachstellen der Zielvereinbarung neben den eigenen Kennzahlen (Quartal oder Jahr; unterdrückt wie der Stadtvergleich)',
        querystring: ZCityAverageQuery,
        response: { 200: ZCityAverage },
      },
    },
    (req) => svc.average(ctxOf(req), req.query),
  );
}
