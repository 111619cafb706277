import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { defineJob } from '../jobs/job.js';
import { markAttemptFailed, markCaptured, markSent, pendingMail } from './outbox.repository.js';
import { composeMessage, shortError, type MailTransport } from './transport.js';

export const MAX_ATTEMPTS = 8;
const RETRY_DELAY_SECONDS = 30;

/**
 * The earliest retry after the n-th failed attempt: the queue waits 30 s · 2^(n-1), plus up to as
 * much again (pg-boss's backoff with jitter) — 30–60 s, 1–2 min, … about 30–60 min before the eighth.
 */
export const earliestRetryMs = (attempts: number): number => RETRY_DELAY_SECONDS * 1000 * 2 ** Math.max(0, attempts - 1);

export type DeliveryOutcome = 'sent' | 'captured' | 'retrying' | 'failed' | 'gone';

/** A delivery attempt that the mail server refused; the queue retries it. */
export class MailRefused extends Error {}

/**
 * One attempt to deliver one outbox mail, outside any transaction: read it, send it, record the
 * result on the mail (status, attempts, last error, next attempt — what the outbox page shows).
 * A refused mail throws MailRefused so the queue retries it; on the last attempt the mail is marked
 * `failed` first. A mail that is no longer pending (sent, failed) is left alone.
 */
export async function deliverMail(
  db: Kysely<DB>,
  transport: MailTransport,
  { agencyId, mailId }: { agencyId: string; mailId: string },
  attempt: { retryCount: number; retryLimit: number },
  now: Date = new Date(),
): Promise<DeliveryOutcome> {
  if (transport.kind === 'capture') {
    return (await inAgency(db, agencyId, (tx) => markCaptured(tx, mailId, now))) ? 'captured' : 'gone';
  }
  const mail = await inAgency(db, agencyId, (tx) => pendingMail(tx, mailId));
  if (!mail) return 'gone';
  let error: string;
  try {
    const info = await transport.transporter.sendMail(composeMessage(mail, transport.from));
    await inAgency(db, agencyId, (tx) => markSent(tx, mailId, now, String(info.messageId ?? '')));
    return 'sent';
  } catch (e) {
    error = shortError(e);
  }
  const attempts = mail.attempts + 1;
  const final = attempt.retryCount >= attempt.retryLimit;
  await inAgency(db, agencyId, (tx) =>
    markAttemptFailed(tx, mailId, { attempts, final, error, nextAttemptAt: new Date(now.getTime() + earliestRetryMs(attempts)) }),
  );
  throw new MailRefused(error);
}

export const ZMailDelivery = z.object({ agencyId: z.uuid(), mailId: z.uuid() });

/**
 * Delivers one outbox mail. `enqueueMail` sends it in the transaction that writes the mail, so it
 * exists exactly when the mail does. Eight attempts, then the mail is `failed`.
 */
export const mailDelivery = defineJob({
  id: 'mail.deliver',
  payload: ZMailDelivery,
  retry: { limit: MAX_ATTEMPTS - 1, delaySeconds: RETRY_DELAY_SECONDS, backoff: true },
  // SMTP timeouts are 10–20 s (transport.ts); a batch of ten stays well within this.
  expireInSeconds: 600,
  batchSize: 10,
  handler: async (payload, ctx) => ({ outcome: await deliverMail(ctx.db, ctx.mail, payload, ctx.job) }),
});
