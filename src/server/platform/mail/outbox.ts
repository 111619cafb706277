import type { Tx } from '../../db/database.js';
import type { MailAttachment } from '../../db/types.js';
import { enqueue } from '../jobs/queue.js';
import { mailDelivery } from './delivery.js';

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
  const row = await tx
    .insertInto('outbox_mails')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueue(tx, mailDelivery, { agencyId, mailId: row.id });
  return row.id;
}
