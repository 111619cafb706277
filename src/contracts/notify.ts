import { z } from 'zod';
import { ZId, ZPage, ZTimestamp } from './common.js';

const ZPageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
};
const ZQueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/*
 * Stored texts in the user's language: a deadline title or a notification as a translation key with
 * its parameters (references, names, numbers; dates as ISO strings, formatted by the web). Null on
 * rows from before keys were stored: the web shows the German `title`/`body` then.
 */
export const ZTextParams = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type TTextParams = z.infer<typeof ZTextParams>;
/** What the server passes with a German text it stores: the key and its parameters. */
export interface TextRef {
  key: string;
  params?: TTextParams;
}

/* Deadlines ("Meine Fristen") */
export const ZDeadlineListQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine').describe('mine: eigene Fristen; all: alle Fristen der Behörde (nur Leitung)'),
  status: z.enum(['open', 'overdue']).default('open').describe('open: alle offenen; overdue: nur überschrittene'),
  ...ZPageQuery,
});
export const ZDeadline = z.object({
  id: ZId,
  kind: z.string(),
  title: z.string().describe('Deutscher Titel (wie gespeichert)'),
  titleKey: z.string().nullable().describe('Übersetzungsschlüssel des Titels (deadlineTitle.…); null bei alten Fristen'),
  titleParams: ZTextParams.nullable(),
  link: z.string().nullable(),
  dueAt: ZTimestamp,
  overdue: z.boolean(),
  assignee: z.object({ id: ZId, displayName: z.string() }).nullable(),
  subjectType: z.string(),
  subjectId: ZId,
});
export const ZDeadlinePage = ZPage(ZDeadline).extend({ scope: z.enum(['mine', 'all']).describe('Tatsächlich gezeigter Umfang') });
export type TDeadline = z.infer<typeof ZDeadline>;
export type TDeadlinePage = z.infer<typeof ZDeadlinePage>;

/* In-app notifications */
export const ZNotificationQuery = z.object({ unread: ZQueryBool.optional().describe('true: nur ungelesene'), ...ZPageQuery });
export const ZNotification = z.object({
  id: ZId,
  kind: z.string(),
  title: z.string().describe('Deutscher Titel (wie gespeichert)'),
  body: z.string().nullable(),
  key: z.string().nullable().describe('Übersetzungsschlüssel (notice.…, Texte .title und .body); null bei alten Benachrichtigungen'),
  params: ZTextParams.nullable(),
  link: z.string().nullable(),
  createdAt: ZTimestamp,
  readAt: ZTimestamp.nullable(),
});
export const ZNotificationPage = ZPage(ZNotification).extend({ unreadCount: z.number().int() });
export const ZNotificationCount = z.object({ unreadCount: z.number().int().describe('Zahl der ungelesenen Benachrichtigungen') });
export type TNotification = z.infer<typeof ZNotification>;
export type TNotificationPage = z.infer<typeof ZNotificationPage>;
export type TNotificationCount = z.infer<typeof ZNotificationCount>;

/* Mail outbox (administration) */
export const OUTBOX_STATUSES = ['pending', 'sent', 'captured', 'failed'] as const;
export const ZOutboxQuery = z.object({ status: z.enum(OUTBOX_STATUSES).optional(), ...ZPageQuery });
export const ZOutboxMail = z.object({
  id: ZId,
  recipients: z.array(z.string()),
  subject: z.string(),
  kind: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: ZTimestamp,
  sentAt: ZTimestamp.nullable(),
  nextAttemptAt: ZTimestamp.nullable().describe('Nächster Zustellversuch (nur wartende Mails)'),
});
export const ZOutboxPage = ZPage(ZOutboxMail).extend({
  captureMode: z.boolean().describe('Kein SMTP-Server eingerichtet: Mails werden nicht versendet, sondern nur angezeigt'),
});
export const ZOutboxDetail = ZOutboxMail.extend({
  captureMode: z.boolean(),
  text: z.string(),
  messageId: z.string().nullable(),
  attachments: z.array(
    z.object({
      index: z.number().int(),
      filename: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      calendarMethod: z.string().nullable().describe('Bei Kalendereinladungen: REQUEST oder CANCEL'),
    }),
  ),
});
export const ZOutboxAttachmentParams = z.object({ id: ZId, index: z.coerce.number().int().min(0).max(100) });
export type TOutboxMail = z.infer<typeof ZOutboxMail>;
export type TOutboxPage = z.infer<typeof ZOutboxPage>;
export type TOutboxDetail = z.infer<typeof ZOutboxDetail>;
