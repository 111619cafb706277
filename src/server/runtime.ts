import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import { appRolePassword, appUrlFrom, createKysely } from './db/database.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import pg from 'pg';
import type { DB } from './db/types.js';

export interface Databases {
  /** Table owner: migrations, seeding, maintenance commands. */
  owner: Kysely<DB>;
  /** The app's role: no ownership, no BYPASSRLS; row-level security applies. */
  app: Kysely<DB>;
  appPassword: string | null;
  embedded: boolean;
  /** The owner's connection string (maintenance and benchmarks only). */
  ownerUrl: string;
  /** The app role's connection string. */
  appUrl: string;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL 17 under PG_DATA_DIR. */
export async function openDatabases(config: Config, log: (m: string) => void = () => {}): Promise<Databases> {
  let ownerUrl = config.DATABASE_URL;
  let stop = async () => {};
  const embedded = !ownerUrl;
  if (!ownerUrl) {
    const pg = await startEmbeddedPostgres(config.pgDataDir, config.PG_PORT, (m) => {
      if (/ERROR|FATAL|PANIC|Initialis|veraltete|bereits/.test(m)) log(m.trim());
    });
    stop = pg.stop;
    ownerUrl = await ensureDatabase(pg.url, 'wohnhilfe');
  }
  const owner = createKysely(ownerUrl, 3);
  const appUrl = appUrlFrom(ownerUrl, config.DATABASE_APP_URL, config.DATABASE_APP_PASSWORD);
  const app = createKysely(appUrl, config.DATABASE_POOL_SIZE);
  return {
    owner,
    app,
    embedded,
    ownerUrl,
    appUrl,
    appPassword: config.DATABASE_APP_URL ? null : appRolePassword(ownerUrl, config.DATABASE_APP_PASSWORD),
    async close() {
      await app.destroy();
      await owner.destroy();
      await stop();
    },
  };
}

/** Creates the database on the embedded server on first start; returns its URL. */
async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  // A connection lost between statements fails the next one; it must not raise an unhandled 'error' event.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name} ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
