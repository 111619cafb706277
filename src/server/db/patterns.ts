import { sql } from 'kysely';

/*
 * Text search patterns, and how statements that use them are planned.
 *
 * The app prepares each statement shape once per connection (see driver.ts) and leaves the choice
 * between a generic and a custom plan to PostgreSQL (plan_cache_mode auto): a read by id is planned
 * once, not on every call. A statement that matches text against a pattern is different: the best
 * plan depends on the pattern (a two-letter needle gives the trigram index nothing to work with), so
 * such a statement ends with `PLAN_PER_CALL` and is then sent unnamed, planned for its own values
 * each time, as PostgreSQL does with every unnamed statement.
 */

const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern matching `needle` anywhere, its wildcards taken literally. */
export const containsPattern = (needle: string): string => `%${escape(needle)}%`;

/** A LIKE pattern matching text that begins with `prefix`, its wildcards taken literally. */
export const prefixPattern = (prefix: string): string => `${escape(prefix)}%`;

/** The text that marks a statement to be planned for each call's values. */
export const PLAN_PER_CALL_TEXT = '/* planned per call */';

/** Appended with `.modifyEnd(PLAN_PER_CALL)` (or at the end of a `sql` statement) to a statement that searches by pattern. */
export const PLAN_PER_CALL = sql.raw(PLAN_PER_CALL_TEXT);
