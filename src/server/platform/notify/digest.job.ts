import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inAgency, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { agenciesWithDigest, digestRecipients, markDigestSent } from '../../modules/users/users.service.js';
import { recordAudit, type AuditSubject } from '../audit/audit.js';
import { dueDeadlinesOf } from '../deadlines/deadlines.service.js';
import { berlinDate, endOfDayBerlin, germanDate } from '../deadlines/workdays.js';
import { defineJob, eachAgency } from '../jobs/job.js';
import { enqueueMail } from '../mail/outbox.service.js';
import { absoluteLink } from './notify.js';
import { unreadNotificationsSince } from './notify.repository.js';

/*
 * The optional daily mail digest (issue 14, item 4): every working-day morning each active user who
 * chose it on their settings page gets one mail through the outbox with their unread notifications
 * since the last digest and their deadlines due today or overdue. Nothing to say: no mail (and the
 * next digest still lists everything since the last one sent). At most one a day: the user's row is
 * locked (SKIP LOCKED) and the day recorded in the same transaction as the outbox mail.
 *
 * Users store no language preference (the UI language is the browser's choice), so the mail is
 * German, like every mail of the app.
 */

/** Items listed per part; the mail says how many more there are. */
export const DIGEST_LIMIT = 30;

const system = (agencyId: string): AuditSubject => ({
  agencyId,
  actorId: null,
  actorRole: null,
  ip: null,
  purpose: 'Tägliche Zusammenfassung',
});

const timeBerlin = (d: Date) => d.toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });

const line = (text: string, link: string | null) => `- ${text}${link ? `\n  ${absoluteLink(link)}` : ''}`;

export interface DigestContent {
  name: string;
  day: string;
  notifications: { items: { title: string; link: string | null; created_at: Date }[]; total: number };
  deadlines: { items: { title: string; link: string | null; due_at: Date }[]; total: number; overdue: number };
  now: Date;
}

/** The mail: subject and plain text (German). */
export function digestMail(c: DigestContent): { subject: string; text: string } {
  const parts: string[] = [`Guten Morgen ${c.name},`, '', `hier ist Ihre Zusammenfassung für ${germanDate(c.day)}.`];
  if (c.deadlines.total > 0) {
    parts.push('', `Fristen heute fällig oder überschritten (${c.deadlines.total}):`);
    for (const d of c.deadlines.items) {
      const due = d.due_at as Date;
      const when = due < c.now ? `überschritten, fällig am ${germanDate(berlinDate(due))}` : `fällig heute ${timeBerlin(due)} Uhr`;
      parts.push(line(`${d.title} (${when})`, d.link));
    }
    if (c.deadlines.total > c.deadlines.items.length) {
      parts.push(`… und ${c.deadlines.total - c.deadlines.items.length} weitere: ${absoluteLink('/deadlines')}`);
    }
  }
  if (c.notifications.total > 0) {
    parts.push('', `Ungelesene Benachrichtigungen (${c.notifications.total}):`);
    for (const n of c.notifications.items) {
      parts.push(line(`${n.title} (${germanDate(berlinDate(n.created_at))})`, n.link));
    }
    if (c.notifications.total > c.notifications.items.length) {
      parts.push(`… und ${c.notifications.total - c.notifications.items.length} weitere: ${absoluteLink('/')}`);
    }
  }
  parts.push(
    '',
    '-- ',
    'Diese Nachricht wurde automatisch von wohnhilfe erstellt.',
    `Die tägliche Zusammenfassung schalten Sie unter „Sicherheit“ ab: ${absoluteLink('/security')}`,
    '',
  );
  const counts = [
    c.deadlines.total ? `${c.deadlines.total} ${c.deadlines.total === 1 ? 'Frist' : 'Fristen'}` : null,
    c.notifications.total ? `${c.notifications.total} ${c.notifications.total === 1 ? 'Benachrichtigung' : 'Benachrichtigungen'}` : null,
  ].filter(Boolean);
  return { subject: `wohnhilfe: Ihre Zusammenfassung für ${germanDate(c.day)} (${counts.join(', ')})`, text: parts.join('\n') };
}

async function digestAgency(tx: Tx, agencyId: string, day: string, now: Date): Promise<number> {
  const until = endOfDayBerlin(day);
  let sent = 0;
  for (const u of await digestRecipients(tx, agencyId, day)) {
    if (!u.email.trim()) continue;
    const [notifications, deadlines] = await Promise.all([
      unreadNotificationsSince(tx, agencyId, u.id, (u.digest_sent_at as Date | null) ?? null, DIGEST_LIMIT),
      dueDeadlinesOf(tx, u.id, now, until, DIGEST_LIMIT),
    ]);
    if (notifications.total === 0 && deadlines.total === 0) continue; // nothing to say: no mail
    const mail = digestMail({ name: u.display_name, day, notifications, deadlines, now });
    const mailId = await enqueueMail(tx, agencyId, { to: [u.email], ...mail, kind: 'notification.digest' });
    await markDigestSent(tx, agencyId, u.id, day, now);
    recordAudit(tx, system(agencyId), {
      action: 'notification.digest_sent',
      entityId: u.id,
      details: { day, mailId, notifications: notifications.total, deadlines: deadlines.total, overdue: deadlines.overdue },
    });
    sent += 1;
  }
  return sent;
}

/**
 * One pass: the digest of `now`'s Berlin day for every agency with a user waiting for it. `only`
 * restricts the pass to some agencies (tests share one database).
 */
export async function sendDigests(
  db: Kysely<DB>,
  now: Date = new Date(),
  only?: readonly string[],
): Promise<{ day: string; sent: number }> {
  const day = berlinDate(now);
  const agencies = (await agenciesWithDigest(db, day)).filter((id) => !only || only.includes(id));
  const sent = await eachAgency(agencies, (agencyId) => inAgency(db, agencyId, (tx) => digestAgency(tx, agencyId, day, now)));
  return { day, sent: sent.reduce((a, b) => a + b, 0) };
}

/** Working-day mornings at 06:00 (Europe/Berlin); a failed run is retried once, the day is recorded per user. */
export const mailDigest = defineJob({
  id: 'notify.mail_digest',
  payload: z.object({ agencyIds: z.array(z.uuid()).optional() }),
  policy: 'stately',
  schedule: { cron: '0 6 * * 1-5', payload: {} },
  retry: { limit: 2, delaySeconds: 300 },
  expireInSeconds: 900,
  handler: ({ agencyIds }, ctx) => sendDigests(ctx.db, new Date(), agencyIds),
});
