import type { Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { NotificationsTable } from '../../db/types.js';

/* Every statement on the notifications table; notify.service.ts holds the rules. */

export type NotificationRow = Selectable<NotificationsTable>;

export function notificationRepository(tx: Tx, agencyId: string, userId: string) {
  const mine = () => tx.selectFrom('notifications').where('agency_id', '=', agencyId).where('user_id', '=', userId);
  return {
    page: (unreadOnly: boolean, page: number, pageSize: number) =>
      mine()
        .$if(unreadOnly, (b) => b.where('read_at', 'is', null))
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    counts: () =>
      mine()
        .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread')])
        .executeTakeFirstOrThrow(),
    unread: async () =>
      Number(
        (
          await mine()
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('read_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    markRead: (id: string) =>
      tx
        .updateTable('notifications')
        .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
        .where('agency_id', '=', agencyId)
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async markAllRead(): Promise<number> {
      const res = await tx
        .updateTable('notifications')
        .set({ read_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}

/** One in-app notification per user, in the caller's transaction. */
export async function insertNotifications(
  tx: Tx,
  agencyId: string,
  userIds: string[],
  n: { kind: string; title: string; body: string | null; key: string | null; params: string | null; link: string | null },
): Promise<void> {
  await tx
    .insertInto('notifications')
    .values(userIds.map((id) => ({ agency_id: agencyId, user_id: id, ...n })))
    .execute();
}

/** The user's unread notifications created after `since` (all unread when null), oldest first, at most `limit`, with the total. */
export async function unreadNotificationsSince(tx: Tx, agencyId: string, userId: string, since: Date | null, limit: number) {
  const base = tx
    .selectFrom('notifications')
    .where('agency_id', '=', agencyId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(!!since, (b) => b.where('created_at', '>', since!));
  const [items, count] = await Promise.all([
    base.select(['id', 'title', 'link', 'created_at']).orderBy('created_at').orderBy('id').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
