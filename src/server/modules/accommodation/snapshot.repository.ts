import { sql, type Kysely } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

/* The accommodation change log (migrations 2026-12-11T10-00 and 12-30), for the kept copies of snapshot.cache.ts. */

/**
 * The current snapshot (to store with what is read after it), and whether a transaction that `since`
 * did not see has written the agency's accommodation data (false without `since`).
 */
export const accommodationChanges = (tx: Tx, agencyId: string, since: string | null) =>
  sql<{ snapshot: string; changed: boolean }>`
    SELECT pg_current_snapshot()::text AS snapshot,
      ${since}::text IS NOT NULL AND EXISTS (
        SELECT 1 FROM accommodation_log l
        WHERE l.agency_id = ${agencyId} AND l.xid >= pg_snapshot_xmin(${since}::pg_snapshot)
          AND NOT pg_visible_in_snapshot(l.xid, ${since}::pg_snapshot)) AS changed`
    .execute(tx)
    .then((r) => r.rows[0]!);

/** Deletes the log rows every kept copy already sees (SECURITY DEFINER function; see its migration). */
export const pruneAccommodationLog = (db: Kysely<DB>) =>
  sql<{ n: string }>`SELECT wh_accommodation_log_prune() AS n`.execute(db).then((r) => Number(r.rows[0]?.n ?? 0));
