import type { CountRow } from './occupancy.repository.js';

/*
 * The occupancy boards this instance computed, per agency, day and filter, each with the snapshot it
 * was read under. The caller asks PostgreSQL whether anything changed since that snapshot
 * (occupancyRepository.changes) before it uses a copy, so every instance answers on committed data
 * without counting all places again. A few dozen boards at most; a copy is dropped after ten minutes.
 */
const MAX_ENTRIES = 64;
const MAX_AGE_MS = 10 * 60_000;

interface Entry {
  snapshot: string;
  rows: CountRow[];
  storedAt: number;
}

export function boardCache(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  return {
    get(key: string): Entry | undefined {
      const e = entries.get(key);
      if (!e) return undefined;
      entries.delete(key);
      if (now() - e.storedAt > MAX_AGE_MS) return undefined;
      entries.set(key, e); // most recently used last
      return e;
    },
    set(key: string, snapshot: string, rows: CountRow[]) {
      entries.delete(key);
      entries.set(key, { snapshot, rows, storedAt: now() });
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    },
  };
}
export type BoardCache = ReturnType<typeof boardCache>;
