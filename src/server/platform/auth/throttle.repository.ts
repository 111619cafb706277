import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/types.js';

export interface ThrottleRow {
  key: string;
  failures: number;
  locked_until: Date | null;
  updated_at: Date;
}

/** A counter's limit and lock: at `max` failures within the window it locks for 1, 2, 4 … minutes, at most `capMinutes`. */
export interface CounterRule {
  key: string;
  max: number;
  capMinutes: number;
  windowMinutes: number;
}

/**
 * `login_throttle` holds no agency data (hashed keys only) and is read before the agency of a login
 * is known, so these queries run on the pool, each a single statement.
 */
export function throttleRepository(db: Kysely<DB>) {
  /**
   * Counts one failure on a counter (starting over after a quiet window) and locks it once it reached
   * its limit; one upsert, so concurrent attempts are counted one after the other. `unlocked`: only
   * when the counter is not locked (answers no row otherwise).
   */
  const count = (r: CounterRule, where: 'always' | 'unlocked') => {
    const next = sql`CASE WHEN t.updated_at < now() - make_interval(mins => ${r.windowMinutes}::int) THEN 1 ELSE t.failures + 1 END`;
    const lock = (n: RawBuilder<unknown>) =>
      sql`CASE WHEN ${n} >= ${r.max}::int THEN now() + make_interval(mins => least(power(2, least(${n} - ${r.max}::int, 20))::int, ${r.capMinutes}::int)) END`;
    const unlocked = where === 'unlocked' ? sql`WHERE t.locked_until IS NULL OR t.locked_until <= now()` : sql``;
    return sql<ThrottleRow>`
      INSERT INTO login_throttle AS t (key, failures, locked_until) VALUES (${r.key}, 1, ${lock(sql`1`)})
      ON CONFLICT (key) DO UPDATE SET failures = ${next}, locked_until = ${lock(next)}, updated_at = now() ${unlocked}
      RETURNING t.*`.execute(db);
  };
  return {
    read: async (keys: string[]): Promise<ThrottleRow[]> => db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute(),
    /**
     * Takes one attempt off a counter that is not locked (the attempt counts as a failure until it
     * succeeds), in one statement so concurrent attempts cannot pass together. Answers whether it was taken.
     */
    async take(rule: CounterRule): Promise<boolean> {
      const { rows } = await count(rule, 'unlocked');
      return rows.length > 0;
    },
    /** Counts a failure on each counter. */
    async fail(rules: CounterRule[]): Promise<void> {
      await Promise.all(rules.map((r) => count(r, 'always')));
    },
    /** Forgets the failures of these counters. */
    async clear(keys: string[]): Promise<void> {
      await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
    },
    /** Marks a key as seen now (a known address of an account). */
    async touch(key: string): Promise<void> {
      await db
        .insertInto('login_throttle')
        .values({ key, failures: 0 })
        .onConflict((oc) => oc.column('key').doUpdateSet({ updated_at: sql`now()` }))
        .execute();
    },
  };
}
