import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../errors/app-error.js';
import { throttleRepository, type CounterRule, type ThrottleRow } from './throttle.repository.js';

/** How long an address counts as "usual" for an account after a successful login from it. */
const KNOWN_ADDRESS_DAYS = 180;

/**
 * The counters of one login attempt. Keys are hashes, so the table holds no e-mail or IP address;
 * they depend only on what the client sent, never on whether the account exists, so unknown e-mail
 * addresses are throttled exactly like existing ones.
 * - pair: this account from this address (the owner from another address is not affected);
 * - address: this address over all accounts (one address trying many accounts);
 * - account: this account over all addresses (many addresses trying one account) — it refuses only
 *   addresses the account never logged in from;
 * - known: this address logged in to this account successfully.
 */
export function throttleKeys(email: string, ip: string | null) {
  const h = (...parts: string[]) => crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const account = email.trim().toLowerCase();
  const address = ip ?? '';
  return {
    pair: h('pair', account, address),
    address: h('address', address),
    account: h('account', account),
    known: h('known', account, address),
  };
}

export interface LoginAttempt {
  /** Set when the attempt is refused before the password is checked (HTTP 429 with Retry-After). */
  refused: AppError | null;
  /** The password (or second factor) was wrong, or the account does not exist or is inactive. */
  failed(): Promise<void>;
  /** The login succeeded: the account's counters start over and the address becomes a usual one. */
  succeeded(): Promise<void>;
}

const lockedFor = (row: ThrottleRow | undefined, now: number): number =>
  row?.locked_until && row.locked_until.getTime() > now ? Math.ceil((row.locked_until.getTime() - now) / 1000) : 0;

export function rateLimited(waitSeconds: number): AppError {
  return new AppError('rate_limited', `Zu viele Fehlversuche. Bitte warten Sie ${Math.ceil(waitSeconds / 60)} Minute(n).`, {
    retryAfterSeconds: waitSeconds,
  });
}

/** Login throttling in PostgreSQL (shared by every app instance): by account and address together, and per address. */
export function loginThrottle(db: Kysely<DB>, config: Config) {
  const repo = throttleRepository(db);
  const rule = (key: string, max: number): CounterRule => ({
    key,
    max,
    capMinutes: config.LOGIN_LOCK_MAX_MINUTES,
    windowMinutes: config.LOGIN_WINDOW_MINUTES,
  });

  /** Decides whether an attempt may check its password, and takes it off the account-and-address counter. */
  async function begin(email: string, ip: string | null): Promise<LoginAttempt> {
    const keys = throttleKeys(email, ip);
    const rows = new Map((await repo.read([keys.pair, keys.address, keys.account, keys.known])).map((r) => [r.key, r]));
    const now = Date.now();
    const known = rows.get(keys.known);
    const usual = !!known && known.updated_at.getTime() > now - KNOWN_ADDRESS_DAYS * 86_400_000;
    let wait = Math.max(lockedFor(rows.get(keys.pair), now), lockedFor(rows.get(keys.address), now));
    if (!usual) wait = Math.max(wait, lockedFor(rows.get(keys.account), now));
    const pairRule = rule(keys.pair, config.LOGIN_MAX_FAILURES);
    if (!wait && !(await repo.take(pairRule))) {
      // Another attempt locked the pair in between.
      wait = Math.max(1, lockedFor((await repo.read([keys.pair]))[0], Date.now()));
    }
    return {
      refused: wait ? rateLimited(wait) : null,
      failed: () => repo.fail([rule(keys.address, config.LOGIN_MAX_PER_ADDRESS), rule(keys.account, config.LOGIN_MAX_PER_ACCOUNT)]),
      async succeeded() {
        await repo.clear([keys.pair, keys.account]);
        await repo.touch(keys.known);
      },
    };
  }

  return { begin };
}
export type LoginThrottle = ReturnType<typeof loginThrottle>;
