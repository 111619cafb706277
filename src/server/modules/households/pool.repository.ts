import { sql, type Kysely } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

/*
 * The statements behind the ranking's housing pool (pool.service.ts): the pool's rows with the
 * snapshot they were read under, the rows changed since a snapshot (from household_log), pruning.
 */

export interface PoolRow {
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

const POOL_COLUMNS = sql`h.id, h.reference, h.persons, h.children, h.health, h.pets, h.wheelchair, h.step_free,
  -- Day numbers and NULL for empty lists: a city's pool parses in a fraction of the time.
  h.situation_since - DATE '1970-01-01' AS since_day, h.eldest_birth_date - DATE '1970-01-01' AS eldest_day,
  nullif(h.districts_avoid, '{}') AS districts_avoid, nullif(h.districts_prefer, '{}') AS districts_prefer`;
const IN_POOL = sql`h.seeking_housing AND h.status = 'active' AND h.situation IN ('in_accommodation', 'hidden_homeless', 'rough_sleeping')`;

/** Whether this transaction logged household changes itself (then its pool is its own). */
const OWN_CHANGES = (agencyId: string) => sql<boolean>`EXISTS (
  SELECT 1 FROM household_log l WHERE l.agency_id = ${agencyId} AND l.xid = pg_current_xact_id_if_assigned())`;

/** The whole pool with the snapshot the statement read it under (one row with id NULL when empty). */
export async function poolRows(tx: Tx, agencyId: string) {
  const { rows } = await sql<PoolRow & { snap: string; xid: string | null; own: boolean }>`
    SELECT s.snap, s.xid, s.own, p.* FROM (
      SELECT pg_current_snapshot()::text AS snap, pg_current_xact_id_if_assigned()::text AS xid, ${OWN_CHANGES(agencyId)} AS own) s
    LEFT JOIN LATERAL (SELECT ${POOL_COLUMNS} FROM households h WHERE h.agency_id = ${agencyId} AND ${IN_POOL}) p ON true`.execute(tx);
  return rows;
}

/**
 * In one statement: the households whose logged transactions this statement's snapshot sees and
 * `snapshot` did not, with their pool rows; `complete` is false when the log no longer reaches back.
 */
export async function changedPoolRows(tx: Tx, agencyId: string, snapshot: string, ownXid: string | null) {
  const { rows } = await sql<{
    snap: string;
    xid: string | null;
    complete: boolean | null;
    own: boolean;
    changed: string[] | null;
    pool: PoolRow[] | null;
  }>`
    WITH changed AS (
      SELECT DISTINCT u.id FROM household_log l CROSS JOIN LATERAL unnest(l.ids) AS u (id)
      WHERE l.agency_id = ${agencyId} AND (l.xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot)
        AND NOT pg_visible_in_snapshot(l.xid, ${snapshot}::pg_snapshot) OR l.xid = ${ownXid}::xid8)
    )
    SELECT pg_current_snapshot()::text AS snap, pg_current_xact_id_if_assigned()::text AS xid,
      (SELECT z.xid <= least(pg_snapshot_xmin(${snapshot}::pg_snapshot), ${ownXid}::xid8) FROM household_log_horizon z) AS complete,
      ${OWN_CHANGES(agencyId)} AS own,
      (SELECT array_agg(c.id::text) FROM changed c) AS changed,
      (SELECT json_agg(p) FROM (SELECT ${POOL_COLUMNS} FROM households h
        WHERE h.agency_id = ${agencyId} AND h.id IN (SELECT c.id FROM changed c) AND ${IN_POOL}) p) AS pool`.execute(tx);
  return rows[0]!;
}

/**
 * Deletes the household log's rows that no copy read from now on needs (transactions every current
 * snapshot sees); copies read before are read again whole once. Returns the rows deleted.
 */
export async function pruneHouseholdLog(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT wh_household_log_prune() AS n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
