import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../platform/auth/guard.js';
import { z } from 'zod';
import {
  ZFigureCases,
  ZFigureCasesQuery,
  ZFigures,
  ZFiguresQuery,
  ZRefreshed,
  ZTargetInput,
  ZTargets,
  ZTargetsQuery,
} from './steering.schemas.js';
import type { SteeringService } from './steering.service.js';

export function steeringRoutes(app: FastifyInstance, svc: SteeringService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/steering/figures',
    {
      config: { access: 'steering.figures' },
      schema: {
        tags: ['Berichte'],
        summary:
          'Kennzahlen der Fachstelle für einen Zeitraum (ohne Angabe: das laufende Quartal) mit Vorperiode, Mindest- und Zielwert und Status',
        querystring: ZFiguresQuery,
        response: { 200: ZFigures },
      },
    },
    (req) => svc.figures(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/steering/refresh',
    {
      config: { access: 'steering.figures' },
      schema: {
        tags: ['Berichte'],
        summary:
          'Kennzahlen und Aufschlüsselung eines Zeitraums (und der Vorperiode) jetzt neu berechnen, statt auf die stündliche Aktualisierung zu warten',
        body: ZFiguresQuery,
        response: { 200: ZRefreshed },
      },
    },
    (req) => svc.refresh(ctxOf(req), req.body),
  );
  r.get(
    '/api/v1/steering/figures/:key/cases',
    {
      config: { access: 'steering.cases' },
      schema: {
        tags: ['Berichte'],
        summary:
          'Die Fälle hinter einer Kennzahl im Zeitraum (seitenweise, nur für die Mitarbeitenden der Fachstelle; jeder Abruf wird protokolliert)',
        params: z.object({ key: z.string().max(80) }),
        querystring: ZFigureCasesQuery,
        response: { 200: ZFigureCases },
      },
    },
    (req) => svc.cases(ctxOf(req), req.params.key, req.query),
  );
  r.get(
    '/api/v1/steering/targets',
    {
      config: { access: 'steering.figures' },
      schema: {
        tags: ['Berichte'],
        summary: 'Alle Fassungen der Mindest- und Zielwerte (je Kennzahl die neueste zuerst)',
        querystring: ZTargetsQuery,
        response: { 200: ZTargets },
      },
    },
    (req) => svc.targets(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/steering/targets',
    {
      config: { access: 'steering.targets.write' },
      schema: {
        tags: ['Berichte'],
        summary: 'Neue Fassung des Mindest- und Zielwerts einer Kennzahl ab einem Tag (Leitung); frühere Fassungen bleiben',
        body: ZTargetInput,
        response: { 201: ZTargets },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return svc.setTarget(ctxOf(req), req.body);
    },
  );
}
