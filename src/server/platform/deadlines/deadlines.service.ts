import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type ZDeadlineListQuery, type TDeadlinePage } from '../../../contracts/notify.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../access/access.js';
import { roleHas } from '../access/registry.js';
import { audit } from '../audit/audit.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';
import { insertDeadline, listOpenDeadlines, type DeadlineInput } from './deadlines.repository.js';

/*
 * Deadlines are rows: every process opens, closes and lists them here (the one way to the
 * deadlines table); the job in deadlines.job.ts reminds and alerts.
 */
export { closeDeadlineRows, closeDeadlines, openDeadlinesOf, overdueDeadline } from './deadlines.repository.js';
export type { DeadlineInput, DeadlineRow } from './deadlines.repository.js';

/** Opens a deadline in the caller's transaction (which is in the agency's RLS context). */
export function openDeadline(tx: Tx, agencyId: string, d: DeadlineInput): Promise<string> {
  if (!d.link.startsWith('/')) throw new Error(`openDeadline: link must be a UI path: ${d.link}`);
  if (Number.isNaN(d.dueAt.getTime())) throw new Error('openDeadline: invalid dueAt');
  return insertDeadline(tx, agencyId, d);
}

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
