import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TOutboxDetail, TOutboxMail, TOutboxPage, ZOutboxQuery } from '../../../contracts/notify.js';
import type { Tx } from '../../db/database.js';
import type { DB, MailAttachment } from '../../db/types.js';
import * as access from '../access/access.js';
import { audit } from '../audit/audit.js';
import { AccessDenied } from '../errors/app-error.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';
import { enqueue } from '../jobs/queue.js';
import { mailDelivery } from './mail.job.js';
import { insertOutboxMail, listOutboxMails, outboxMailById, type OutboxMailRow } from './outbox.repository.js';

/*
 * The mail outbox: other modules queue mails here (the one way to the outbox_mails table); the job
 * in mail.job.ts delivers them; administrators read the outbox through `outboxService`.
 */

export type { MailAttachment };

export interface MailInput {
  to: string[];
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** What the mail is about, e.g. `deadline.alerted` or `placement.invitation`. */
  kind: string;
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/**
 * Queues a mail in the caller's transaction, with the job that delivers it: it is sent only once
 * that transaction commits, and never if it rolls back.
 */
export async function enqueueMail(tx: Tx, agencyId: string, mail: MailInput): Promise<string> {
  const to = [...new Set(mail.to.map((a) => a.trim()))];
  if (to.length === 0) throw new Error('enqueueMail: no recipient');
  const bad = to.find((a) => !ADDRESS.test(a));
  if (bad) throw new Error(`enqueueMail: invalid address ${JSON.stringify(bad)}`);
  for (const a of mail.attachments ?? []) {
    if (!a.filename || /[\r\n]/.test(a.filename)) throw new Error('enqueueMail: invalid attachment name');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.content)) throw new Error(`enqueueMail: attachment ${a.filename} is not base64`);
  }
  const mailId = await insertOutboxMail(tx, {
    agency_id: agencyId,
    to_addresses: to,
    // A subject is one header line.
    subject: mail.subject
      .replace(/[\r\n]+/g, ' ')
      .trim()
      .slice(0, 250),
    text_body: mail.text,
    attachments: JSON.stringify(mail.attachments ?? []),
    kind: mail.kind,
  });
  await enqueue(tx, mailDelivery, { agencyId, mailId });
  return mailId;
}

type ListRow = Pick<
  OutboxMailRow,
  'id' | 'to_addresses' | 'subject' | 'kind' | 'status' | 'attempts' | 'last_error' | 'created_at' | 'sent_at' | 'next_attempt_at'
>;

const present = (m: ListRow): TOutboxMail => ({
  id: m.id,
  recipients: m.to_addresses,
  subject: m.subject,
  kind: m.kind,
  status: m.status as TOutboxMail['status'],
  attempts: m.attempts,
  lastError: m.last_error,
  createdAt: m.created_at.toISOString(),
  sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
  nextAttemptAt: m.status === 'pending' ? m.next_attempt_at.toISOString() : null,
});

const sizeOf = (a: MailAttachment) =>
  Math.floor((a.content.length * 3) / 4) - (a.content.endsWith('==') ? 2 : a.content.endsWith('=') ? 1 : 0);

/** The administrator's view of the mail outbox; every read of a mail is audited. */
export function outboxService(db: Kysely<DB>, { captureMode }: { captureMode: boolean }) {
  async function load(ctx: Ctx, tx: Tx, id: string): Promise<OutboxMailRow> {
    access.require(ctx.actor, 'outbox.read', { type: 'outbox_mail', id });
    const row = await outboxMailById(tx, id);
    if (!row) throw new AccessDenied('outbox.read', { type: 'outbox_mail', id });
    return row;
  }

  return {
    list(ctx: Ctx, q: z.output<typeof ZOutboxQuery>): Promise<TOutboxPage> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'outbox.list');
        const { rows, total } = await listOutboxMails(tx, { status: q.status, page: q.page, pageSize: q.pageSize });
        audit(tx, ctx, { action: 'outbox.list', details: { status: q.status ?? null, page: q.page, results: rows.length } });
        return { captureMode, total, page: q.page, pageSize: q.pageSize, items: rows.map(present) };
      });
    },

    get(ctx: Ctx, id: string): Promise<TOutboxDetail> {
      return actorTx(db, ctx, async (tx) => {
        const m = await load(ctx, tx, id);
        audit(tx, ctx, { action: 'outbox.read', entityId: id });
        return {
          ...present(m),
          captureMode,
          text: m.text_body,
          messageId: m.message_id,
          attachments: m.attachments.map((a, index) => ({
            index,
            filename: a.filename,
            contentType: a.contentType,
            sizeBytes: sizeOf(a),
            calendarMethod: a.method ?? null,
          })),
        };
      });
    },

    attachment(ctx: Ctx, id: string, index: number): Promise<{ filename: string; contentType: string; content: Buffer }> {
      return actorTx(db, ctx, async (tx) => {
        const m = await load(ctx, tx, id);
        const a = m.attachments[index];
        if (!a) throw new AccessDenied('outbox.read', { type: 'outbox_mail', id });
        audit(tx, ctx, { action: 'outbox.read', entityId: id, details: { attachment: index, filename: a.filename } });
        return { filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') };
      });
    },
  };
}
export type OutboxService = ReturnType<typeof outboxService>;
