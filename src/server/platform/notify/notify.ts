import type { TextRef } from '../../../contracts/notify.js';
import type { Tx } from '../../db/database.js';
import { userContacts } from '../../modules/users/users.service.js';
import { insertNotifications } from './notify.repository.js';
import { enqueueMail, type MailAttachment } from '../mail/outbox.service.js';

export interface NotifyInput {
  userIds: string[];
  /** e.g. `deadline.alerted`, `placement.offer_received`; also the kind of the mail. */
  kind: string;
  /** German, one line. */
  title: string;
  body?: string;
  /**
   * Title and body as a translation key (`notice.<kind>`; the texts `<key>.title` and `<key>.body` in
   * src/web/i18n/{de,en}/storedTexts.ts and the key in TEXT_KEYS) with parameters, for the web in the
   * user's language. The German title and body are stored as well (mails, old rows).
   */
  text?: TextRef;
  /** UI path, e.g. `/placement/offers/<id>`. */
  link?: string;
  /** Mail text other than the default (title, body and the link), or `false` for no mail. */
  mail?: { subject: string; text: string; attachments?: MailAttachment[] } | false;
}

let publicUrl = 'http://localhost:3000';

/** The base of absolute links in mails (PUBLIC_URL); set once at start-up. */
export function setPublicUrl(url: string | undefined): void {
  publicUrl = (url ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export const absoluteLink = (link: string): string =>
  /^https?:\/\//.test(link) ? link : `${publicUrl}${link.startsWith('/') ? '' : '/'}${link}`;

/**
 * Tells users about something, in the caller's transaction: one in-app notification per user and,
 * unless `mail` is false, one outbox mail to each active user with an e-mail address.
 */
export async function notify(tx: Tx, agencyId: string, input: NotifyInput): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return;
  const users = await userContacts(tx, agencyId, userIds);
  const unknown = userIds.filter((id) => !users.some((u) => u.id === id));
  if (unknown.length) throw new Error(`notify: unknown users ${unknown.join(', ')}`);

  await insertNotifications(tx, agencyId, userIds, {
    kind: input.kind,
    title: input.title,
    body: input.body ?? null,
    key: input.text?.key ?? null,
    params: input.text ? JSON.stringify(input.text.params ?? {}) : null,
    link: input.link ?? null,
  });

  if (input.mail === false) return;
  const linkLine = input.link ? `\n\nZum Vorgang: ${absoluteLink(input.link)}` : '';
  const subject = input.mail?.subject ?? input.title;
  const text = `${input.mail?.text ?? input.body ?? input.title}${linkLine}\n\n-- \nDiese Nachricht wurde automatisch von wohnhilfe erstellt.\n`;
  for (const u of users) {
    if (!u.active || !u.email.trim()) continue;
    await enqueueMail(tx, agencyId, {
      to: [u.email],
      subject,
      text,
      kind: input.kind,
      ...(input.mail?.attachments ? { attachments: input.mail.attachments } : {}),
    });
  }
}
