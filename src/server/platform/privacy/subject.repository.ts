import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { SubjectTableSpec } from './subject.contribution.js';

/*
 * The generic reads behind `SubjectDataContribution`: one table's rows by a column's values. Table
 * and column names come only from the code's declarations (never from input); every value is a bind
 * parameter.
 */

const NAME = /^[a-z][a-z0-9_]*$/;

/** Rows of `spec.table` whose `column` is one of `values` (and, for a member request, whose member column is that member). */
export async function subjectRows(
  tx: Tx,
  spec: SubjectTableSpec,
  columns: readonly string[],
  values: string[],
  memberId: string | null,
): Promise<Record<string, unknown>[]> {
  if (!values.length) return [];
  for (const n of [spec.table, ...columns, spec.memberColumn ?? 'id']) if (!NAME.test(n)) throw new Error(`subjectRows: bad name ${n}`);
  const member = memberId && spec.memberColumn ? sql` AND ${sql.ref(spec.memberColumn)}::text = ${memberId}` : sql``;
  const match = sql.join(
    columns.map((c) => sql`${sql.ref(c)}::text = ANY(${values}::text[])`),
    sql` OR `,
  );
  const res = await sql<Record<string, unknown>>`
    SELECT * FROM ${sql.table(spec.table)} WHERE (${match})${member} ORDER BY 1`.execute(tx);
  const omit = new Set(spec.omit ?? []);
  return res.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !omit.has(k))));
}

/** Who read or changed any of these records (audit events by entity id), newest first. */
export async function accessEvents(tx: Tx, ids: string[], limit: number) {
  if (!ids.length) return [];
  return tx
    .selectFrom('audit_events_v as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.occurred_at', 'e.actor_role', 'e.action', 'e.entity_type', 'e.purpose', 'e.outcome', 'u.display_name'])
    .where('e.entity_id', 'in', ids)
    .orderBy('e.occurred_at', 'desc')
    .limit(limit)
    .execute();
}
