import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDeadlineListQuery, ZDeadlinePage } from '../../../contracts/notify.js';
import { ctxOf } from '../auth/guard.js';
import type { DeadlineService } from './deadlines.service.js';

export function deadlineRoutes(app: FastifyInstance, svc: DeadlineService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/deadlines',
    {
      config: { access: 'deadline.list' },
      schema: {
        tags: ['Fristen'],
        summary: 'Offene Fristen, früheste zuerst (scope=all nur für die Leitung, sonst die eigenen)',
        querystring: ZDeadlineListQuery,
        response: { 200: ZDeadlinePage },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );
}
