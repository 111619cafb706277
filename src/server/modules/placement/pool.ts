import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/*
 * The agency's housing pool, as the ranking reads it: every active household that is homeless (in
 * accommodation, hidden homeless, rough sleeping) and seeking housing, with the few facts the hard
 * filters and the score use — no names, no notes.
 *
 * Each instance keeps the pool per agency in memory, tagged with the agency's pool stamp. A trigger
 * moves the stamp in the same transaction as any change of a household (see migration
 * 2026-11-21T15-00_ranking_pool), so a ranking that reads the current stamp knows whether its copy
 * is still the committed state; when it is not, the pool is read again together with the new stamp.
 * Instances stay stateless: the copy is only ever a cache of what the database says.
 */

export interface PoolEntry {
  id: string;
  reference: string;
  persons: number;
  children: number;
  health: boolean;
  pets: boolean;
  wheelchair: boolean;
  stepFree: boolean;
  /** Day number (days since 1970-01-01) the household has been homeless since, or null. */
  since: number | null;
  /** Day number of the eldest member's birth date, or null. */
  eldest: number | null;
  avoid: readonly string[];
  prefer: readonly string[];
}

interface Cached {
  stamp: number;
  entries: PoolEntry[];
  usedAt: number;
}

const MAX_AGENCIES = 32;
const NONE: readonly string[] = Object.freeze([]);
const cache = new Map<string, Cached>();

export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

interface PoolRow {
  id: string;
  reference: string;
  persons: number;
  children: number;
  health: boolean;
  pets: boolean;
  wheelchair: boolean;
  step_free: boolean;
  since_day: number | null;
  eldest_day: number | null;
  districts_avoid: string[] | null;
  districts_prefer: string[] | null;
}

async function currentStamp(tx: Tx, agencyId: string): Promise<number> {
  const { rows } = await sql<{ stamp: number | null }>`SELECT (SELECT stamp FROM pool_stamps WHERE agency_id = ${agencyId}) AS stamp`.execute(tx);
  return Number(rows[0]?.stamp ?? 0);
}

/** The pool of `agencyId` as committed now; read from the database only when it changed since the last read. */
export async function poolOf(tx: Tx, agencyId: string): Promise<{ entries: PoolEntry[]; reloaded: boolean }> {
  const stamp = await currentStamp(tx, agencyId);
  const hit = cache.get(agencyId);
  if (hit && hit.stamp === stamp) {
    hit.usedAt = Date.now();
    return { entries: hit.entries, reloaded: false };
  }
  // Stamp and rows in one statement, so they come from one snapshot.
  // A transaction that itself changed a household sees its own stamp before commit: such a copy is
  // used for this ranking but never kept, as a rollback would leave it tagged with a stamp that a
  // later commit reuses.
  const { rows } = await sql<PoolRow & { stamp: number | null; own: boolean | null }>`
    SELECT s.stamp, s.own, h.id, h.reference, h.persons, h.children, h.health, h.pets, h.wheelchair, h.step_free,
      -- Day numbers and NULL for empty lists: a city's pool parses in a fraction of the time.
      h.situation_since - DATE '1970-01-01' AS since_day, h.eldest_birth_date - DATE '1970-01-01' AS eldest_day,
      nullif(h.districts_avoid, '{}') AS districts_avoid, nullif(h.districts_prefer, '{}') AS districts_prefer
    FROM (SELECT p.stamp, p.xmin::text::bigint = txid_current_if_assigned() % 4294967296 AS own
          FROM (SELECT 1) one LEFT JOIN pool_stamps p ON p.agency_id = ${agencyId}) s
    LEFT JOIN households h ON h.agency_id = ${agencyId} AND h.seeking_housing AND h.status = 'active'
      AND h.situation IN ('in_accommodation', 'hidden_homeless', 'rough_sleeping')`.execute(tx);
  const loadedStamp = Number(rows[0]?.stamp ?? 0);
  const entries: PoolEntry[] = [];
  for (const r of rows) {
    if (r.id === null) continue;
    entries.push({
      id: r.id,
      reference: r.reference,
      persons: r.persons,
      children: r.children,
      health: r.health,
      pets: r.pets,
      wheelchair: r.wheelchair,
      stepFree: r.step_free,
      since: r.since_day,
      eldest: r.eldest_day,
      avoid: r.districts_avoid ?? NONE,
      prefer: r.districts_prefer ?? NONE,
    });
  }
  if (!rows[0]?.own) remember(agencyId, { stamp: loadedStamp, entries, usedAt: Date.now() });
  return { entries, reloaded: true };
}

function remember(agencyId: string, c: Cached): void {
  cache.set(agencyId, c);
  if (cache.size <= MAX_AGENCIES) return;
  const oldest = [...cache.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt)[0];
  if (oldest) cache.delete(oldest[0]);
}

/** Forgets every cached pool (tests and maintenance). */
export function clearPoolCache(): void {
  cache.clear();
}
