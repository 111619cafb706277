import { sql, type Kysely } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/* Materialised figures and breakdowns of an agency per period (migration 2026-12-11T11-00). */

export type SnapshotKind = 'figures' | 'breakdowns';

/** A serialization failure or deadlock with a concurrent writer of the same snapshot. */
const CONCURRENT = new Set(['40001', '40P01']);

export function snapshotsRepository(tx: Tx, agencyId: string) {
  return {
    get: (kind: SnapshotKind, p: FigurePeriod) =>
      sql<{ data: unknown; data_as_of: Date }>`
        SELECT data, data_as_of FROM steering_snapshots
        WHERE agency_id = ${agencyId} AND kind = ${kind} AND period_from = ${p.from}::date AND period_to = ${p.to}::date`
        .execute(tx)
        .then((r) => r.rows[0]),

    /**
     * Stores a computation made in this transaction (its data as of the transaction's start); a
     * snapshot of newer data stored meanwhile stays. Answers the time of this computation's data.
     * Storing is a by-product of a read: when a concurrent transaction stored the same period first
     * and this one (repeatable read) may not update that row, the answer stands and nothing is stored.
     */
    put: async (kind: SnapshotKind, p: FigurePeriod, data: unknown, computeMs: number): Promise<Date> => {
      await sql`SAVEPOINT steering_snapshot`.execute(tx);
      try {
        await sql`
          INSERT INTO steering_snapshots AS s (agency_id, kind, period_from, period_to, data, data_as_of, compute_ms)
          VALUES (${agencyId}, ${kind}, ${p.from}::date, ${p.to}::date, ${JSON.stringify(data)}::jsonb, now(), ${computeMs})
          ON CONFLICT (agency_id, kind, period_from, period_to) DO UPDATE
            SET data = EXCLUDED.data, data_as_of = EXCLUDED.data_as_of, compute_ms = EXCLUDED.compute_ms
            WHERE s.data_as_of < EXCLUDED.data_as_of`.execute(tx);
        await sql`RELEASE SAVEPOINT steering_snapshot`.execute(tx);
      } catch (e) {
        if (!CONCURRENT.has((e as { code?: string }).code ?? '')) throw e;
        await sql`ROLLBACK TO SAVEPOINT steering_snapshot`.execute(tx);
      }
      return sql<{ at: Date }>`SELECT now() AS at`.execute(tx).then((r) => r.rows[0]!.at);
    },

    /** When each stored snapshot's data is from, for the refresh job. */
    ages: () =>
      sql<{ kind: SnapshotKind; period_from: string; period_to: string; data_as_of: Date }>`
        SELECT kind, period_from::text AS period_from, period_to::text AS period_to, data_as_of
        FROM steering_snapshots WHERE agency_id = ${agencyId}`
        .execute(tx)
        .then((r) => r.rows),
  };
}

/** The agencies with case data (not a steering body's tenant): a SECURITY DEFINER function, ids only. */
export const steeringAgencies = (db: Kysely<DB>) =>
  sql<{ id: string }>`SELECT wh_steering_agencies() AS id`.execute(db).then((r) => r.rows.map((x) => x.id));
