import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { composeMessage, createMailTransport, shortError, type MailTransport } from './transport.js';

const BATCH = 10;
const LOCK_MS = 60_000;
/** Stop sending a claimed batch this long before its lease ends: the rest is retried after it. */
const LEASE_MARGIN_MS = 15_000;
export const MAX_ATTEMPTS = 8;

/** Wait after the n-th failed attempt: 30 s · 2^(n-1), at most one hour. */
export const backoffMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** Agencies with due mails or deadlines (a SECURITY DEFINER function: it reveals nothing else). */
export async function agenciesWithWork(db: Kysely<DB>, now: Date, only?: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT wh_agencies_with_work(${now}) AS id`.execute(db);
  return rows.map((r) => r.id).filter((id) => !only || only.includes(id));
}

export interface OutboxRunResult {
  sent: number;
  captured: number;
  retrying: number;
  failed: number;
}

/**
 * One pass over every agency with due mails: claim a batch (locked_until = now + 60 s, committed),
 * send outside any transaction, then record each result. A crash after the claim loses nothing: the
 * lease runs out and the mail is claimed again. Two workers never claim the same mail (SKIP LOCKED).
 * `only` restricts the pass to some agencies (tests share one database).
 */
export async function runOutboxOnce(db: Kysely<DB>, transport: MailTransport, now: Date = new Date(), only?: readonly string[]): Promise<OutboxRunResult> {
  const result: OutboxRunResult = { sent: 0, captured: 0, retrying: 0, failed: 0 };
  const errors: unknown[] = [];
  for (const agencyId of await agenciesWithWork(db, now, only)) {
    try {
      await runAgency(agencyId);
    } catch (e) {
      errors.push(e); // one agency's failure must not hold up the others
    }
  }
  throwCollected(errors);
  return result;

  async function runAgency(agencyId: string): Promise<void> {
    if (transport.kind === 'capture') {
      result.captured += await inAgency(db, agencyId, async (tx) => {
        const rows = await claim(tx, now, 500).set({ status: 'captured', sent_at: now, locked_until: null }).returning('o.id').execute();
        return rows.length;
      });
      return;
    }
    const claimedAt = Date.now();
    const claimed = await inAgency(db, agencyId, (tx) =>
      claim(tx, now, BATCH)
        .set({ locked_until: new Date(now.getTime() + LOCK_MS) })
        .returning(['o.id', 'o.to_addresses', 'o.subject', 'o.text_body', 'o.attachments', 'o.kind', 'o.attempts'])
        .execute(),
    );
    for (const mail of claimed) {
      if (Date.now() - claimedAt > LOCK_MS - LEASE_MARGIN_MS) break;
      let outcome: { ok: true; messageId: string } | { ok: false; error: string };
      try {
        const info = await transport.transporter.sendMail(composeMessage(mail, transport.from));
        outcome = { ok: true, messageId: String(info.messageId ?? '') };
      } catch (e) {
        outcome = { ok: false, error: shortError(e) };
      }
      await inAgency(db, agencyId, async (tx) => {
        const q = tx.updateTable('outbox_mails').where('id', '=', mail.id).where('status', '=', 'pending');
        if (outcome.ok) {
          await q.set({ status: 'sent', sent_at: now, message_id: outcome.messageId, locked_until: null, last_error: null }).execute();
          result.sent += 1;
          return;
        }
        const attempts = mail.attempts + 1;
        const failed = attempts >= MAX_ATTEMPTS;
        await q.set({
          attempts,
          status: failed ? 'failed' : 'pending',
          last_error: outcome.error,
          next_attempt_at: new Date(now.getTime() + backoffMs(attempts)),
          locked_until: null,
        }).execute();
        if (failed) result.failed += 1;
        else result.retrying += 1;
      });
    }
  }
}

/** Rethrows what a pass over several agencies collected, after all of them had their turn. */
export function throwCollected(errors: unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} agencies failed`);
}

/**
 * An UPDATE of up to `limit` due, pending mails that no other worker holds, locked without waiting.
 * The batch is picked in a MATERIALIZED CTE: in `WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP
 * LOCKED)` PostgreSQL may run the subquery again and update more than `n` rows.
 */
function claim(tx: Kysely<DB>, now: Date, limit: number) {
  return tx
    .with((cte) => cte('due').materialized(), (q) => q
      .selectFrom('outbox_mails')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked())
    .updateTable('outbox_mails as o')
    .from('due')
    .whereRef('o.id', '=', 'due.id');
}

/** Runs the outbox every MAIL_WORKER_INTERVAL_MS until stopped; stopping waits for a running pass. */
export function startOutboxWorker(
  db: Kysely<DB>,
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_WORKER_INTERVAL_MS'>,
  { onError = () => {} }: { onError?: (e: unknown) => void } = {},
): () => Promise<void> {
  const transport = createMailTransport(config);
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runOutboxOnce(db, transport).catch(onError).finally(() => (running = null));
  }, config.MAIL_WORKER_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    if (transport.kind === 'smtp') transport.transporter.close();
  };
}
