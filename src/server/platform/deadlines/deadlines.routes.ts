import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ZDeadlineListQuery, ZDeadlinePage, type TDeadlinePage } from '../../../contracts/notify.js';
import type { DB } from '../../db/types.js';
import * as access from '../access/access.js';
import { roleHas } from '../access/registry.js';
import { audit } from '../audit/audit.js';
import { ctxOf } from '../auth/guard.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';
import { listOpenDeadlines } from './deadlines.js';

/** The actor's open deadlines; leads may ask for the whole agency's. */
export function deadlineService(db: Kysely<DB>) {
  return {
    list(ctx: Ctx, q: z.output<typeof ZDeadlineListQuery>, now = new Date()): Promise<TDeadlinePage> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'deadline.list');
        const scope = q.scope === 'all' && roleHas(ctx.actor.role, 'deadline.listAll') ? 'all' : 'mine';
        const { items, total } = await listOpenDeadlines(tx, {
          assigneeId: scope === 'all' ? null : ctx.actor.userId,
          overdueOnly: q.status === 'overdue',
          now,
          page: q.page,
          pageSize: q.pageSize,
        });
        audit(tx, ctx, { action: 'deadline.list', details: { scope, status: q.status, page: q.page, results: items.length } });
        return {
          scope,
          total,
          page: q.page,
          pageSize: q.pageSize,
          items: items.map((d) => ({
            id: d.id,
            kind: d.kind,
            title: d.title,
            link: d.link,
            dueAt: (d.due_at as Date).toISOString(),
            overdue: (d.due_at as Date) <= now,
            assignee: d.assignee_id ? { id: d.assignee_id, displayName: d.assignee_name ?? '' } : null,
            subjectType: d.subject_type,
            subjectId: d.subject_id,
          })),
        };
      });
    },
  };
}
export type DeadlineService = ReturnType<typeof deadlineService>;

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
