import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TNotification, TNotificationCount, TNotificationPage, ZNotificationQuery } from '../../../contracts/notify.js';
import type { DB } from '../../db/types.js';
import * as access from '../access/access.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors/app-error.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';
import { notificationRepository, type NotificationRow } from './notify.repository.js';
import type { Tx } from '../../db/database.js';

const present = (n: NotificationRow): TNotification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  key: n.key,
  params: n.params,
  link: n.link,
  createdAt: n.created_at.toISOString(),
  readAt: n.read_at ? (n.read_at as Date).toISOString() : null,
});

/**
 * A user's own in-app notifications. Listing them is audited: their titles and texts name offer
 * references and household pseudonyms. The bell polls only the unread count, which names nobody.
 */
export function notificationService(db: Kysely<DB>) {
  const mine = (tx: Parameters<Parameters<typeof actorTx>[2]>[0], ctx: Ctx) =>
    notificationRepository(tx, ctx.actor.agencyId, ctx.actor.userId);
  return {
    list(ctx: Ctx, q: z.output<typeof ZNotificationQuery>): Promise<TNotificationPage> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'notification.list');
        const repo = mine(tx, ctx);
        const [items, counts] = await Promise.all([repo.page(q.unread === true, q.page, q.pageSize), repo.counts()]);
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
        return { unreadCount: await mine(tx, ctx).unread() };
      });
    },

    markRead(ctx: Ctx, id: string): Promise<TNotification> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'notification.read');
        const row = await mine(tx, ctx).markRead(id);
        if (!row) throw new AppError('not_found');
        return present(row);
      });
    },

    markAllRead(ctx: Ctx): Promise<{ updated: number }> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'notification.read');
        return { updated: await mine(tx, ctx).markAllRead() };
      });
    },
  };
}
export type NotificationService = ReturnType<typeof notificationService>;

/** For the start page: the user's newest unread notifications and how many are unread. */
export async function unreadNotifications(tx: Tx, ctx: Ctx, limit: number): Promise<{ unread: number; items: TNotification[] }> {
  const repo = notificationRepository(tx, ctx.actor.agencyId, ctx.actor.userId);
  const [items, unread] = await Promise.all([repo.page(true, 1, limit), repo.unread()]);
  return { unread, items: items.map(present) };
}
