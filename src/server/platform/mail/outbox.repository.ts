import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { OutboxMailsTable } from '../../db/types.js';

/* Every statement on the outbox_mails table. Other modules use outbox.service.ts. */

export type OutboxMailRow = Selectable<OutboxMailsTable>;

/** Writes a mail into the outbox, in the caller's transaction. */
export async function insertOutboxMail(tx: Tx, values: Insertable<OutboxMailsTable>): Promise<string> {
  const row = await tx.insertInto('outbox_mails').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Only a pending mail changes: a sent or failed one is left alone (a late retry finds nothing). */
const pending = (tx: Tx, mailId: string) => tx.updateTable('outbox_mails').where('id', '=', mailId).where('status', '=', 'pending');

/** The pending mail with what sending needs; undefined once it is no longer pending. */
export function pendingMail(tx: Tx, mailId: string) {
  return tx
    .selectFrom('outbox_mails')
    .select(['id', 'to_addresses', 'subject', 'text_body', 'attachments', 'kind', 'attempts'])
    .where('id', '=', mailId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Marks a pending mail captured (capture mode: kept, not sent); false when it was not pending. */
export async function markCaptured(tx: Tx, mailId: string, now: Date): Promise<boolean> {
  const rows = await pending(tx, mailId).set({ status: 'captured', sent_at: now }).returning('id').execute();
  return rows.length > 0;
}

/** Marks a pending mail sent, with the mail server's message id. */
export async function markSent(tx: Tx, mailId: string, now: Date, messageId: string): Promise<void> {
  await pending(tx, mailId).set({ status: 'sent', sent_at: now, message_id: messageId, last_error: null }).execute();
}

/** Records a refused attempt on a pending mail: `failed` after the last one, else still pending. */
export async function markAttemptFailed(
  tx: Tx,
  mailId: string,
  a: { attempts: number; final: boolean; error: string; nextAttemptAt: Date },
): Promise<void> {
  await pending(tx, mailId)
    .set({ attempts: a.attempts, status: a.final ? 'failed' : 'pending', last_error: a.error, next_attempt_at: a.nextAttemptAt })
    .execute();
}

const LIST_COLUMNS = [
  'id',
  'to_addresses',
  'subject',
  'kind',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'sent_at',
  'next_attempt_at',
] as const;

/** One page of the agency's outbox, newest first, optionally of one status, with the total. */
export async function listOutboxMails(tx: Tx, q: { status?: string | undefined; page: number; pageSize: number }) {
  const base = tx.selectFrom('outbox_mails').$if(!!q.status, (b) => b.where('status', '=', q.status!));
  const [rows, total] = await Promise.all([
    base
      .select(LIST_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** One mail of the agency, with body and attachments. */
export function outboxMailById(tx: Tx, id: string): Promise<OutboxMailRow | undefined> {
  return tx.selectFrom('outbox_mails').selectAll().where('id', '=', id).executeTakeFirst();
}
