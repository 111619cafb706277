import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDesk, ZReassign, ZReassignResult, ZWorkList, ZWorkQuery } from '../../../contracts/desk.js';
import { ctxOf } from '../../platform/auth/guard.js';
import type { DeskService } from './desk.service.js';

export function deskRoutes(app: FastifyInstance, svc: DeskService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/desk',
    {
      config: { access: 'desk.read' },
      schema: {
        tags: ['Startseite'],
        summary:
          'Die Startseite: eigene Fristen, Beiträge der Module, ungelesene Benachrichtigungen, zuletzt geöffnet; die Leitung auch das Team',
        response: { 200: ZDesk },
      },
    },
    (req) => svc.desk(ctxOf(req)),
  );
  r.get(
    '/api/v1/desk/work',
    {
      config: { access: 'work.list' },
      schema: {
        tags: ['Startseite'],
        summary: 'Offene Arbeit einer Person (ohne userId: die nicht zugewiesene) für die Übergabe (Leitung)',
        querystring: ZWorkQuery,
        response: { 200: ZWorkList },
      },
    },
    (req) => svc.work(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/desk/reassign',
    {
      config: { access: 'work.reassign' },
      schema: {
        tags: ['Startseite'],
        summary: 'Übergibt genau die ausgewählten Fristen, Fälle, Angebote und Mietverhältnisse an eine andere Person (Leitung)',
        body: ZReassign,
        response: { 200: ZReassignResult },
      },
    },
    (req) => svc.reassign(ctxOf(req), req.body),
  );
}
