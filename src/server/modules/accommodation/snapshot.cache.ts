import type { Tx } from '../../db/database.js';
import { accommodationChanges } from './snapshot.repository.js';

/*
 * What an instance computed from the agency's accommodation data (the occupancy board of a day, the
 * places with their facts for the place search), kept with the snapshot it was read under. Before a
 * copy is used, PostgreSQL is asked whether a stay, place, room, facility or operator of the agency
 * changed since (migration 2026-12-11T10-00_accommodation_log): every instance answers on committed
 * data without reading everything again. A few dozen copies at most; a copy is dropped after ten minutes.
 */
const MAX_AGE_MS = 10 * 60_000;

interface Entry<T> {
  snapshot: string;
  value: T;
  storedAt: number;
}

export function snapshotCache<T>(maxEntries: number, now: () => number = Date.now) {
  const entries = new Map<string, Entry<T>>();
  const get = (key: string): Entry<T> | undefined => {
    const e = entries.get(key);
    if (!e) return undefined;
    entries.delete(key);
    if (now() - e.storedAt > MAX_AGE_MS) return undefined;
    entries.set(key, e); // most recently used last
    return e;
  };
  const set = (key: string, snapshot: string, value: T) => {
    entries.delete(key);
    entries.set(key, { snapshot, value, storedAt: now() });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
  return {
    /** The agency's copy under `key` if nothing changed since it was read, else `read()` under a snapshot taken first. */
    async through(tx: Tx, agencyId: string, key: string, read: () => Promise<T>): Promise<T> {
      const k = JSON.stringify([agencyId, key]);
      const copy = get(k);
      const { snapshot, changed } = await accommodationChanges(tx, agencyId, copy?.snapshot ?? null);
      if (copy && !changed) return copy.value;
      const value = await read();
      set(k, snapshot, value);
      return value;
    },
  };
}
