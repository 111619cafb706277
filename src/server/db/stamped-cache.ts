import { sql } from 'kysely';
import type { Tx } from './database.js';

/*
 * Per-instance caches of an agency's households, kept exact by the agency's household stamp: a
 * trigger moves `pool_stamps.stamp` in the same transaction as any change of a household (migration
 * 2026-11-21T15-00_ranking_pool), and moving it takes the stamp row's lock until commit, so stamps
 * are handed out in commit order.
 *
 * A read takes the stamp first and then, only if it differs from the cached one, loads again. A
 * commit between the two statements can only make the loaded data newer than its stamp, which costs
 * one more load later and never serves stale data. A transaction that itself changed a household
 * sees its own, uncommitted stamp: it loads for itself and keeps nothing, because a rollback would
 * hand that stamp value to a later commit. Instances stay stateless; the copy is only a cache.
 */

interface Entry<T> {
  stamp: number;
  value: T;
  usedAt: number;
}

/** The agency's household stamp as a transaction sees it, and whether that transaction moved it itself. */
export interface Stamp {
  stamp: number;
  own: boolean;
}

/**
 * The stamp as one expression (a JSON object, or null before any household), for a caller that reads
 * it with its own first statement and passes it on to `get` (one round trip less).
 */
export function stampExpression(agencyId: string) {
  return sql<{ stamp: number; own: boolean | null } | null>`(
    SELECT json_build_object('stamp', p.stamp, 'own', p.xmin::text::bigint = txid_current_if_assigned() % 4294967296)
    FROM pool_stamps p WHERE p.agency_id = ${agencyId})`;
}

/** A stamp as `stampExpression` returns it. */
export const toStamp = (raw: { stamp: number; own: boolean | null } | null): Stamp => ({ stamp: Number(raw?.stamp ?? 0), own: raw?.own === true });

/** The agency's household stamp as this transaction sees it, and whether this transaction moved it itself. */
export async function stampOf(tx: Tx, agencyId: string): Promise<Stamp> {
  const { rows } = await sql<{ stamp: number | null; own: boolean | null }>`
    SELECT p.stamp, p.xmin::text::bigint = txid_current_if_assigned() % 4294967296 AS own
    FROM (SELECT 1) one LEFT JOIN pool_stamps p ON p.agency_id = ${agencyId}`.execute(tx);
  return { stamp: Number(rows[0]?.stamp ?? 0), own: rows[0]?.own === true };
}

export interface StampedCache<T> {
  /**
   * The value for the agency as committed now (or as this transaction wrote it); `reloaded` when it
   * was read again. `known`: the stamp this transaction already read (it must be read before the value).
   */
  get(tx: Tx, agencyId: string, known?: Stamp): Promise<{ value: T; reloaded: boolean }>;
  clear(): void;
}

export function stampedCache<T>(load: (tx: Tx, agencyId: string) => Promise<T>, maxAgencies = 32): StampedCache<T> {
  const cache = new Map<string, Entry<T>>();
  return {
    async get(tx, agencyId, known) {
      const { stamp, own } = known ?? (await stampOf(tx, agencyId));
      const hit = cache.get(agencyId);
      if (!own && hit && hit.stamp === stamp) {
        hit.usedAt = Date.now();
        return { value: hit.value, reloaded: false };
      }
      const value = await load(tx, agencyId);
      if (!own) {
        cache.set(agencyId, { stamp, value, usedAt: Date.now() });
        if (cache.size > maxAgencies) {
          const oldest = [...cache.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt)[0];
          if (oldest) cache.delete(oldest[0]);
        }
      }
      return { value, reloaded: true };
    },
    clear: () => cache.clear(),
  };
}
