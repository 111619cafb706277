import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** Moves the search indexes' pending entries into the indexes proper; returns the pages freed (see the search_index_tidy migration). */
export async function tidySearchIndexes(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ pages: number }>`SELECT wh_tidy_search_indexes() AS pages`.execute(db);
  return Number(rows[0]?.pages ?? 0);
}
