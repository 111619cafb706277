import crypto from 'node:crypto';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import type { DB } from './types.js';
import { migrations } from './migrations/index.js';
import { COMMIT_MARK, DEFERRED, ONE_STATEMENT, pipelinedPool } from './pipelined-pool.js';

// Dates stay strings (YYYY-MM-DD): a calendar date has no time zone.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts fit in a JS number here (sequence numbers, totals).
pg.types.setTypeParser(20, (v) => Number(v));

export const APP_ROLE = 'wohnhilfe_app';

/** A database handle pinned to one connection inside a transaction of one agency. */
export type Tx = Kysely<DB>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Statements to run just before COMMIT, in the same round trip (the audit trail uses this). */
const beforeCommit = new WeakMap<Tx, (() => string | null)[]>();
export function onCommit(tx: Tx, sqlText: () => string | null): boolean {
  const hooks = beforeCommit.get(tx);
  if (!hooks) return false;
  hooks.push(sqlText);
  return true;
}

/**
 * `readCommit: 'async'` lets transactions that changed nothing but their audit rows commit without
 * waiting for the WAL flush (PostgreSQL's synchronous_commit = off); see AUDIT_READ_COMMIT.
 */
/** An idle pooled connection that the server closes (restart, shutdown) is dropped, not fatal. */
function quietPool(pool: pg.Pool): pg.Pool {
  pool.on('error', () => undefined);
  return pool;
}

export function createKysely(connectionString: string, max = 10, readCommit: 'sync' | 'async' = 'sync'): Kysely<DB> {
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: pipelinedPool(quietPool(new pg.Pool({ connectionString, max, application_name: 'wohnhilfe' })), readCommit) as never }),
  });
}

/**
 * The password of the application role: given explicitly, or derived from the owner's password so
 * that every stateless instance started with the same DATABASE_URL computes the same one.
 */
export function appRolePassword(ownerUrl: string, explicit?: string): string {
  if (explicit) return explicit;
  const owner = new URL(ownerUrl);
  return crypto.createHmac('sha256', decodeURIComponent(owner.password) || 'wohnhilfe').update(APP_ROLE).digest('base64url');
}

/** The app's connection: DATABASE_APP_URL, or the owner URL with the app role's credentials. */
export function appUrlFrom(ownerUrl: string, explicitAppUrl?: string, explicitPassword?: string): string {
  if (explicitAppUrl) return explicitAppUrl;
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = encodeURIComponent(appRolePassword(ownerUrl, explicitPassword));
  return u.toString();
}

export function migrator(owner: Kysely<DB>): Migrator {
  return new Migrator({ db: owner, provider: { getMigrations: async () => migrations } });
}

/** Applies pending migrations as the owner and lets the app role log in with its password. */
export async function migrate(owner: Kysely<DB>, appPassword: string | null): Promise<string[]> {
  const { error, results } = await migrator(owner).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  if (appPassword) {
    await sql`ALTER ROLE wohnhilfe_app LOGIN PASSWORD ${sql.lit(appPassword)}`.execute(owner);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied; the app refuses to start while any remain. */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const exists = await sql<{ ok: boolean }>`SELECT to_regclass('public.kysely_migration') IS NOT NULL AS ok`.execute(db);
  const known = Object.keys(migrations);
  if (!exists.rows[0]?.ok) return known;
  const done = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const applied = new Set(done.rows.map((r) => r.name));
  return known.filter((n) => !applied.has(n));
}

/**
 * Runs `fn` in a transaction bound to one agency: `set_config('app.agency_id', …, true)` (the
 * function form of SET LOCAL) makes row-level security show only that agency's rows until the end of
 * the transaction. BEGIN and the setting travel with the first statement, and statements registered
 * with `onCommit` (audit rows) travel with COMMIT: an audited read costs two round trips.
 */
export async function inAgency<T>(db: Kysely<DB>, agencyId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!UUID.test(agencyId)) throw new Error('invalid agency id');
  return db.connection().execute(async (conn) => {
    await sql.raw(`${DEFERRED}BEGIN; SELECT set_config('app.agency_id', '${agencyId}', true)`).execute(conn);
    const hooks: (() => string | null)[] = [];
    beforeCommit.set(conn, hooks);
    try {
      const result = await fn(conn);
      const tail = hooks.map((h) => h()).filter((x): x is string => !!x);
      beforeCommit.delete(conn);
      await sql.raw(`${COMMIT_MARK}${[...tail, 'COMMIT'].join(';\n')}`).execute(conn);
      return result;
    } catch (e) {
      beforeCommit.delete(conn);
      await sql.raw('ROLLBACK').execute(conn).catch(() => undefined);
      throw e;
    }
  });
}

/**
 * One statement as a transaction of its own, bound to one agency: the agency setting and the
 * statement travel in one message and commit together (PostgreSQL runs a multi-statement message as
 * one implicit transaction). For audited reads whose audit row is written by the statement itself.
 * A second statement on the connection is refused.
 */
export async function readInAgency<T>(db: Kysely<DB>, agencyId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!UUID.test(agencyId)) throw new Error('invalid agency id');
  return db.connection().execute(async (conn) => {
    await sql.raw(`${DEFERRED}${ONE_STATEMENT}SELECT set_config('app.agency_id', '${agencyId}', true)`).execute(conn);
    return fn(conn);
  });
}
