import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/* The agency's minimum and target values: insert-only versions, the one in force per figure and day. */

export function steeringRepository(tx: Tx, agencyId: string) {
  return {
    /** Per figure the version in force on `day`: the latest valid_from on or before it (ties: the newest). */
    inForce: (day: string) =>
      sql<{ figure_id: string; minimum: string | null; target: string | null; valid_from: string }>`
        SELECT DISTINCT ON (figure_id) figure_id, minimum, target, valid_from::text AS valid_from
        FROM steering_targets
        WHERE agency_id = ${agencyId} AND valid_from <= ${day}::date
        ORDER BY figure_id, valid_from DESC, created_at DESC, id DESC`
        .execute(tx)
        .then((r) => r.rows),

    history: (figureId: string | null) =>
      tx
        .selectFrom('steering_targets')
        .select(['id', 'figure_id', 'minimum', 'target', 'valid_from', 'note', 'created_by', 'created_at'])
        .where('agency_id', '=', agencyId)
        .$if(figureId !== null, (q) => q.where('figure_id', '=', figureId!))
        .orderBy('figure_id')
        .orderBy('valid_from', 'desc')
        .orderBy('created_at', 'desc')
        .execute(),

    insert: (row: { figure_id: string; minimum: number; target: number; valid_from: string; note: string | null; created_by: string }) =>
      tx
        .insertInto('steering_targets')
        .values({ ...row, agency_id: agencyId })
        .returning(['id'])
        .executeTakeFirstOrThrow(),
  };
}
