import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZSearchQuery, ZSearchResult } from '../../../contracts/search.js';
import { ctxOf } from '../../platform/auth/guard.js';
import type { SearchService } from './search.service.js';

export function searchRoutes(app: FastifyInstance, svc: SearchService): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/search',
    {
      config: { access: 'search.use' },
      schema: {
        tags: ['Suche'],
        summary: 'Globale Suche: Haushalte, Präventionsfälle, Angebote, Mietverhältnisse, Nachsorgefälle – nur was der Nutzer sehen darf',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult },
      },
    },
    (req) => svc.search(ctxOf(req), req.query),
  );
}
