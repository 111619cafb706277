import crypto from 'node:crypto';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import type { DB } from './types.js';
import { migrations } from './migrations/index.js';

// Dates stay strings (YYYY-MM-DD): a calendar date has no time zone.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts fit in a JS number here (sequence numbers, totals).
pg.types.setTypeParser(20, (v) => Number(v));

export const APP_ROLE = 'wohnhilfe_app';

export type Tx = Transaction<DB>;

export function createKysely(connectionString: string, max = 10): Kysely<DB> {
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max, application_name: 'wohnhilfe' }) }),
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
 * Runs `fn` in a transaction bound to one agency: `SET LOCAL app.agency_id` makes PostgreSQL's
 * row-level security show only that agency's rows for the rest of the transaction.
 */
export async function inAgency<T>(db: Kysely<DB>, agencyId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('app.agency_id', ${agencyId}, true)`.execute(tx);
    return fn(tx);
  });
}
