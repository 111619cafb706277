import crypto from 'node:crypto';
import pg from 'pg';
import { CompiledQuery, Kysely, Migrator, sql, Transaction } from 'kysely';
import type { DB } from './types.js';
import { migrations } from './migrations/index.js';
import { PgConnection, PgDialect } from './driver.js';

// Dates stay strings (YYYY-MM-DD): a calendar date has no time zone.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts fit in a JS number here (sequence numbers, totals).
pg.types.setTypeParser(20, (v) => Number(v));

export const APP_ROLE = 'wohnhilfe_app';

declare const agencyBound: unique symbol;
/**
 * A transaction bound to one agency, as only `inAgency` hands it out: repositories take this type,
 * so neither the root pool nor a transaction without the agency setting type-checks in their place.
 */
export type Tx = Transaction<DB> & { readonly [agencyBound]: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The connection each open agency transaction runs on (for `sendWithoutWaiting`). */
const connections = new WeakMap<Tx, PgConnection>();

/** An idle pooled connection that the server closes (restart, shutdown) is dropped, not fatal. */
function quietPool(pool: pg.Pool): pg.Pool {
  pool.on('error', () => undefined);
  return pool;
}

/** Kysely on a pool of pipelined pg clients (see driver.ts); every statement with bind parameters. */
export function createKysely(connectionString: string, max = 10): Kysely<DB> {
  const pool = quietPool(
    new pg.Pool({
      connectionString,
      max,
      application_name: 'wohnhilfe',
      pipeline: true,
    } as pg.PoolConfig),
  );
  return new Kysely<DB>({ dialect: new PgDialect(pool) });
}

/**
 * The password of the application role: given explicitly, or derived from the owner's password so
 * that every stateless instance started with the same DATABASE_URL computes the same one.
 */
export function appRolePassword(ownerUrl: string, explicit?: string): string {
  if (explicit) return explicit;
  const owner = new URL(ownerUrl);
  return crypto
    .createHmac('sha256', decodeURIComponent(owner.password) || 'wohnhilfe')
    .update(APP_ROLE)
    .digest('base64url');
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
 * The one way to run statements for an agency: `fn` runs in a transaction whose first statement is
 * `set_config('app.agency_id', $1, true)` (the function form of SET LOCAL), so row-level security
 * shows only that agency's rows until it ends. It commits when `fn` resolves and rolls back when it
 * throws. BEGIN and the setting are sent without waiting and travel with the first statement of `fn`.
 * Services, background jobs, the CLI and the seed all use it. `isolation: 'repeatable read'` gives
 * every statement of `fn` one snapshot.
 */
export async function inAgency<T>(
  db: Kysely<DB>,
  agencyId: string,
  fn: (tx: Tx) => Promise<T>,
  opts: { isolation?: 'repeatable read' } = {},
): Promise<T> {
  if (!UUID.test(agencyId)) throw new Error('invalid agency id');
  const executor = db.getExecutor();
  return executor.provideConnection(async (conn) => {
    if (!(conn instanceof PgConnection)) throw new Error('inAgency needs a database opened by createKysely');
    const tx = new Transaction<DB>({
      config: {},
      dialect: DIALECT_UNUSED,
      driver: DRIVER_UNUSED,
      executor: executor.withConnectionProvider({ provideConnection: (consumer) => consumer(conn) }),
    } as never) as Tx;
    connections.set(tx, conn);
    conn.send(CompiledQuery.raw(opts.isolation === 'repeatable read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN'));
    conn.send(CompiledQuery.raw("SELECT set_config('app.agency_id', $1, true)", [agencyId]));
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      connections.delete(tx);
      await conn.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
    connections.delete(tx);
    // COMMIT of a transaction that failed on the way answers ROLLBACK: never report that as done.
    const done = await conn.run('COMMIT');
    if (done.command === 'ROLLBACK') throw new Error('transaction rolled back');
    return result;
  });
}

/**
 * Writes a statement in the transaction without waiting for its answer (pg pipeline mode): it leaves
 * with the next awaited statement or COMMIT, and its failure fails that statement. For writes whose
 * result nobody reads, such as audit rows.
 */
export function sendWithoutWaiting(tx: Tx, query: CompiledQuery): void {
  const conn = connections.get(tx);
  if (!conn) throw new Error('sendWithoutWaiting outside inAgency');
  conn.send(query);
}

// A transaction handed out by inAgency cannot open transactions or connections of its own, so the
// parts of Kysely's props that only those use are never touched.
const DIALECT_UNUSED = {} as never;
const DRIVER_UNUSED = {} as never;
