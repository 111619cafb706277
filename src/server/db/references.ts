import { sql } from 'kysely';
import type { Tx } from './database.js';

/**
 * The next case reference of an agency: its prefix, an optional kind letter, the year and a number
 * counted per agency, kind and year (e.g. `S-2026-00042`, `S-W-2026-0007`). The counter row is
 * locked by the upsert, so concurrent creations never share a number.
 */
export async function nextReference(
  tx: Tx,
  agencyId: string,
  counter: string,
  kind: string | null,
  digits: number,
  now = new Date(),
): Promise<string> {
  const year = now.getFullYear();
  const { reference_prefix } = await tx
    .selectFrom('agencies')
    .select('reference_prefix')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const row = await tx
    .insertInto('agency_counters')
    .values({ agency_id: agencyId, name: `${counter}:${year}`, value: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'name']).doUpdateSet({ value: sql`agency_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return [reference_prefix, kind, year, String(row.value).padStart(digits, '0')].filter((x) => x !== null).join('-');
}

/**
 * Reserves `n` consecutive references at once (bulk creation: one counter update for all rows);
 * same format as `nextReference`, in order.
 */
export async function reserveReferences(
  tx: Tx,
  agencyId: string,
  counter: string,
  kind: string | null,
  digits: number,
  n: number,
  now = new Date(),
): Promise<string[]> {
  if (n <= 0) return [];
  const year = now.getFullYear();
  const { reference_prefix } = await tx
    .selectFrom('agencies')
    .select('reference_prefix')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const row = await tx
    .insertInto('agency_counters')
    .values({ agency_id: agencyId, name: `${counter}:${year}`, value: n })
    .onConflict((oc) => oc.columns(['agency_id', 'name']).doUpdateSet({ value: sql`agency_counters.value + ${n}` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  const last = Number(row.value);
  return Array.from({ length: n }, (_, i) =>
    [reference_prefix, kind, year, String(last - n + 1 + i).padStart(digits, '0')].filter((x) => x !== null).join('-'),
  );
}
