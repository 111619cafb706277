import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * How many of `names` are recorded as applied (one statement; also proves the database answers).
 * A database without the migration table has none.
 */
export async function appliedMigrationCount(db: Kysely<DB>, names: readonly string[]): Promise<number> {
  try {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration WHERE name = ANY(${names}::text[])`.execute(
      db,
    );
    return rows[0]?.n ?? 0;
  } catch (e) {
    if ((e as { code?: unknown }).code === '42P01') return 0; // undefined_table: never migrated
    throw e;
  }
}
