import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { stampedCache, type Stamp } from '../../db/stamped-cache.js';

/*
 * The agency's housing pool, as the ranking reads it: every active household that is homeless (in
 * accommodation, hidden homeless, rough sleeping) and seeking housing, with the few facts the hard
 * filters and the score use — no names, no notes.
 *
 * Each instance keeps the pool per agency in memory, exact by the agency's household stamp (see
 * db/stamped-cache.ts): it is read again only after a household changed.
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

const NONE: readonly string[] = Object.freeze([]);

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

async function loadPool(tx: Tx, agencyId: string): Promise<PoolEntry[]> {
  const { rows } = await sql<PoolRow>`
    SELECT h.id, h.reference, h.persons, h.children, h.health, h.pets, h.wheelchair, h.step_free,
      -- Day numbers and NULL for empty lists: a city's pool parses in a fraction of the time.
      h.situation_since - DATE '1970-01-01' AS since_day, h.eldest_birth_date - DATE '1970-01-01' AS eldest_day,
      nullif(h.districts_avoid, '{}') AS districts_avoid, nullif(h.districts_prefer, '{}') AS districts_prefer
    FROM households h
    WHERE h.agency_id = ${agencyId} AND h.seeking_housing AND h.status = 'active'
      AND h.situation IN ('in_accommodation', 'hidden_homeless', 'rough_sleeping')`.execute(tx);
  return rows.map((r) => ({
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
  }));
}

const pools = stampedCache(loadPool);

/**
 * The pool of `agencyId` as committed now; read from the database only when a household changed since
 * the last read. `stamp`: the household stamp, if this transaction already read it (stampExpression).
 */
export async function poolOf(tx: Tx, agencyId: string, stamp?: Stamp): Promise<{ entries: PoolEntry[]; reloaded: boolean }> {
  const { value, reloaded } = await pools.get(tx, agencyId, stamp);
  return { entries: value, reloaded };
}

/** Forgets every cached pool (tests and maintenance). */
export function clearPoolCache(): void {
  pools.clear();
}
