import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZNotification,
  ZNotificationCount,
  ZNotificationPage,
  ZNotificationQuery,
  type TNotification,
  type TNotificationCount,
  type TNotificationPage,
} from '../../../contracts/notify.js';
import type { DB, NotificationsTable } from '../../db/types.js';
import type { Selectable } from 'kysely';
import * as access from '../access/access.js';
import { audit } from '../audit/audit.js';
import { ctxOf } from '../auth/guard.js';
import { AppError } from '../errors/app-error.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';

const present = (n: Selectable<NotificationsTable>): TNotification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.created_at.toISOString(),
  readAt: n.read_at ? (n.read_at as Date).toISOString() : null,
});

/**
 * A user's own in-app notifications. Listing them is audited: their titles and texts name offer
 * references and household pseudonyms. The bell polls only the unread count, which names nobody.
 */
export function notificationService(db: Kysely<DB>) {
  return {
    list(ctx: Ctx, q: z.output<typeof ZNotificationQuery>): Promise<TNotificationPage> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'notification.list');
        const mine = tx.selectFrom('notifications').where('user_id', '=', ctx.actor.userId);
        const listed = mine.$if(q.unread === true, (b) => b.where('read_at', 'is', null));
        const [items, counts] = await Promise.all([
          listed
            .selectAll()
            .orderBy('created_at', 'desc')
            .orderBy('id')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
          mine
            .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread')])
            .executeTakeFirstOrThrow(),
        ]);
        audit(tx, ctx, { action: 'notification.list', details: { count: items.length, unread: q.unread === true } });
        return {
          items: items.map(present),
          total: Number(q.unread ? counts.unread : counts.all),
          unreadCount: Number(counts.unread),
          page: q.page,
          pageSize: q.pageSize,
        };
      });
    },

    /** The unread count only (no client data, so not audited): what the bell polls. */
    count(ctx: Ctx): Promise<TNotificationCount> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'notification.list');
        const row = await tx
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', ctx.actor.userId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow();
        return { unreadCount: Number(row.n) };
      });
    },

    markRead(ctx: Ctx, id: string): Promise<TNotification> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'notification.read');
        const row = await tx
          .updateTable('notifications')
          .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
          .where('id', '=', id)
          .where('user_id', '=', ctx.actor.userId)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new AppError('not_found');
        return present(row);
      });
    },

    markAllRead(ctx: Ctx): Promise<{ updated: number }> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'notification.read');
        const res = await tx
          .updateTable('notifications')
          .set({ read_at: new Date() })
          .where('user_id', '=', ctx.actor.userId)
          .where('read_at', 'is', null)
          .executeTakeFirst();
        return { updated: Number(res.numUpdatedRows) };
      });
    },
  };
}
export type NotificationService = ReturnType<typeof notificationService>;

const tags = ['Benachrichtigungen'];

export function notificationRoutes(app: FastifyInstance, svc: NotificationService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/notifications',
    {
      config: { access: 'notification.list' },
      schema: {
        tags,
        summary: 'Eigene Benachrichtigungen, neueste zuerst, mit Zahl der ungelesenen',
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationPage },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/notifications/count',
    {
      config: { access: 'notification.list' },
      schema: {
        tags,
        summary: 'Zahl der ungelesenen eigenen Benachrichtigungen (zum Abfragen in Abständen)',
        response: { 200: ZNotificationCount },
      },
    },
    (req) => svc.count(ctxOf(req)),
  );

  r.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'notification.read' },
      schema: { tags, summary: 'Benachrichtigung als gelesen markieren', params: ZIdParams, response: { 200: ZNotification } },
    },
    (req) => svc.markRead(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: 'notification.read' },
      schema: {
        tags,
        summary: 'Alle eigenen Benachrichtigungen als gelesen markieren',
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    (req) => svc.markAllRead(ctxOf(req)),
  );
}
