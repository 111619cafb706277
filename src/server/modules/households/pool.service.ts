import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.js';
import type { Tx } from '../../db/database.js';
import { changedPoolRows, poolRows, pruneHouseholdLog as pruneLog, type PoolRow } from './pool.repository.js';

/*
 * The agency's housing pool, as the ranking reads it: every active household that is homeless (in
 * accommodation, hidden homeless, rough sleeping) and seeking housing, with the few facts the hard
 * filters and the score use — no names, no notes.
 *
 * Each instance keeps the pool per agency in memory: scoring 50,000 households in PostgreSQL for
 * every ranking cost ~100 ms of database CPU per ranking on the benchmark machine (README,
 * "Ranking"), reading them all ~0.5 s. The copy is exact without making writers wait: a trigger
 * appends every household write to `household_log` (the writing transaction's id and the households
 * it touched; migration 2026-11-22T09-00). The copy remembers the snapshot it was read under; a
 * ranking asks, in one statement of its own transaction, which logged transactions its snapshot
 * sees that the copy's did not — in whatever order they committed — and reads just those
 * households again. A ranking thus works on exactly what its statement's snapshot sees (or on a
 * copy read under a newer snapshot), never on less. A transaction that changed households itself
 * ranks on its own data and keeps no copy of it (a rollback would undo it).
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

/** The calendar date of a day number, as [year, month 1–12, day] (proleptic Gregorian, integer arithmetic). */
export function civilOf(day: number): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const lastDayOf = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/**
 * Completed calendar months from day `since` to day `today` (0 when not yet one, or `today` is
 * earlier): the most `n` with since + n months ≤ today, a day missing in the target month counting as
 * that month's last day (§ 188 Abs. 3 BGB) — 2024-12-05 → 2026-12-05 is 24, 01-31 → 02-28 is 1.
 */
export function completedMonths(since: number, today: number): number {
  if (today <= since) return 0;
  const [sy, sm, sd] = civilOf(since);
  const [ty, tm, td] = civilOf(today);
  const months = (ty - sy) * 12 + (tm - sm);
  return td < Math.min(sd, lastDayOf(ty, tm)) ? months - 1 : months;
}

const toEntry = (r: PoolRow): PoolEntry => ({
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

/**
 * A snapshot as pg_snapshot's text (xmin:xmax:xip,…), with what ordering two of them needs, and the
 * id of the transaction that took it, if it had one: a snapshot counts its own transaction as seen,
 * though what that transaction writes after the snapshot is not in the copy.
 */
interface Snapshot {
  text: string;
  xmax: bigint;
  inProgress: number;
  ownXid: string | null;
}

function snapshotOf(text: string, ownXid: string | null): Snapshot {
  const [, xmax, xip] = text.split(':');
  return { text, xmax: BigInt(xmax!), inProgress: xip ? xip.split(',').length : 0, ownXid };
}

/**
 * Whether `a` was taken after `b` (sees at least what `b` sees). Snapshots see more the later they
 * are taken: a later one has an equal or higher xmax and, at an equal xmax, fewer transactions in
 * progress.
 */
const later = (a: Snapshot, b: Snapshot) => a.xmax > b.xmax || (a.xmax === b.xmax && a.inProgress < b.inProgress);

/** The whole pool, with the snapshot the statement read it under. */
async function loadPool(tx: Tx, agencyId: string): Promise<{ snapshot: Snapshot; own: boolean; entries: PoolEntry[] }> {
  const rows = await poolRows(tx, agencyId);
  const entries = rows[0]!.id === null ? [] : rows.map(toEntry);
  return { snapshot: snapshotOf(rows[0]!.snap, rows[0]!.xid), own: rows[0]!.own, entries };
}

/**
 * What changed since `since`, in one statement: the households whose logged transactions this
 * statement's snapshot sees and `since` did not, with their pool rows (none: no longer in the pool).
 * `complete` is false when the log no longer reaches back to `since` (pruned): read the pool again.
 */
async function changesSince(tx: Tx, agencyId: string, since: Snapshot) {
  const r = await changedPoolRows(tx, agencyId, since.text, since.ownXid);
  return {
    snapshot: snapshotOf(r.snap, r.xid),
    complete: r.complete !== false,
    own: r.own,
    changed: r.changed ?? [],
    pool: (r.pool ?? []).map(toEntry),
  };
}

interface Entry {
  snapshot: Snapshot;
  entries: PoolEntry[];
  usedAt: number;
}
const pools = new Map<string, Entry>();
const MAX_AGENCIES = 32;

function keep(agencyId: string, snapshot: Snapshot, entries: PoolEntry[]): void {
  const current = pools.get(agencyId);
  // Concurrent rankings may bring copies back out of order: the later snapshot stays.
  if (current && !later(snapshot, current.snapshot)) return;
  pools.set(agencyId, { snapshot, entries, usedAt: Date.now() });
  if (pools.size > MAX_AGENCIES) {
    const oldest = [...pools.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt)[0];
    if (oldest) pools.delete(oldest[0]);
  }
}

/**
 * The pool of `agencyId` as this transaction's statement sees it (or newer): from the copy in
 * memory, with the households changed since it was read read again. `reloaded`: read whole;
 * `changed`: households read again.
 */
export async function poolOf(tx: Tx, agencyId: string): Promise<{ entries: PoolEntry[]; reloaded: boolean; changed: number }> {
  const hit = pools.get(agencyId);
  if (hit) {
    hit.usedAt = Date.now();
    const delta = await changesSince(tx, agencyId, hit.snapshot);
    if (delta.complete) {
      if (delta.changed.length === 0) return { entries: hit.entries, reloaded: false, changed: 0 };
      const gone = new Set(delta.changed);
      const entries = hit.entries.filter((e) => !gone.has(e.id)).concat(delta.pool);
      if (!delta.own) keep(agencyId, delta.snapshot, entries);
      return { entries, reloaded: false, changed: delta.changed.length };
    }
  }
  const { snapshot, own, entries } = await loadPool(tx, agencyId);
  if (!own) keep(agencyId, snapshot, entries);
  return { entries, reloaded: true, changed: 0 };
}

/** Forgets every cached pool (tests and maintenance). */
export function clearPoolCache(): void {
  pools.clear();
}

/**
 * Deletes the household log's rows that no copy read from now on needs (transactions every current
 * snapshot sees); copies read before are read again whole once. Returns the rows deleted.
 */
export { pruneHouseholdLog } from './pool.repository.js';

/** Prunes the household log hourly (the queue's cron; a missed run only leaves the log longer). */
export const householdLogPrune = defineJob({
  id: 'households.log_prune',
  payload: z.object({}),
  policy: 'stately',
  schedule: { cron: '17 * * * *', payload: {} },
  expireInSeconds: 600,
  handler: async (_payload, ctx) => ({ deleted: await pruneLog(ctx.db) }),
});
