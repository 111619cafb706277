import type { Socket } from 'node:net';
import pg from 'pg';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { PLAN_PER_CALL_TEXT } from './patterns.js';

/*
 * Kysely on pg, every statement with bind parameters (extended protocol). The app's clients run in
 * pg's pipeline mode: a statement is written as soon as it is issued, without waiting for the answer
 * to the one before. `send` uses that for statements whose answer nobody waits for (BEGIN, the
 * agency setting, audit rows): they leave in the same socket write as the next awaited statement, and
 * a failure among them surfaces with that statement. So an audited read costs two round trips (the
 * read, then COMMIT) and one socket write each, with nothing inlined into SQL text.
 */

type PgResult = { command: string; rowCount: number | null; rows: unknown[] };

/*
 * Statements with parameters are prepared once per connection under a name derived from their text
 * (Kysely builds the same text for the same query shape), so PostgreSQL parses and analyses each
 * shape once per connection instead of on every call, and PostgreSQL chooses between a generic and
 * a custom plan as it does by default (plan_cache_mode auto): the household read by id, with its
 * members and staff names under row-level security, is then no longer planned on every call (that
 * was ~0.4 ms of database CPU per read). A statement that searches by pattern ends with
 * PLAN_PER_CALL_TEXT (see patterns.ts) and runs unnamed, planned for its own values each time. The
 * number of names is bounded: shapes beyond it run unnamed.
 */
const MAX_NAMED = 2000;
const names = new Map<string, string>();
function statementName(text: string): string | undefined {
  if (text.endsWith(PLAN_PER_CALL_TEXT)) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED && text.length < 20_000) {
    name = `wh${names.size.toString(36)}`;
    names.set(text, name);
  }
  return name;
}

/** One pooled pg client as a Kysely connection, with `send` for statements answered later. */
export class PgConnection implements DatabaseConnection {
  readonly #client: pg.PoolClient;
  #pending: Promise<unknown>[] = [];
  #corked = false;
  broken: Error | null = null;

  constructor(client: pg.PoolClient) {
    this.#client = client;
    // A connection lost while checked out (the server restarted or went away between statements)
    // would otherwise raise an unhandled 'error' event: it is marked broken and dropped on release.
    client.on('error', this.#onError);
  }

  readonly #onError = (e: Error): void => {
    this.broken = e;
  };

  /** Returns the client to the pool, or closes it if its connection was lost. */
  release(): void {
    this.#client.off('error', this.#onError);
    this.#client.release(this.broken ?? undefined);
  }

  get client(): pg.PoolClient {
    return this.#client;
  }

  #stream(): Socket | undefined {
    return (this.#client as unknown as { connection?: { stream?: Socket } }).connection?.stream;
  }

  #flush(): void {
    if (!this.#corked) return;
    this.#corked = false;
    this.#stream()?.uncork();
  }

  #run(text: string, params: readonly unknown[]): Promise<PgResult> {
    const name = params.length ? statementName(text) : undefined;
    const query = name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] };
    return (this.#client.query(query) as unknown as Promise<PgResult>).catch((e: unknown) => {
      // A lost connection is not reused: the pool drops it on release.
      if (!(e instanceof pg.DatabaseError) && e instanceof Error) this.broken = e;
      throw e;
    });
  }

  /**
   * Writes a statement without waiting for its answer. Its result is never read; a failure is
   * reported by the next awaited statement on this connection (and a failed statement aborts the
   * transaction, so nothing after it commits).
   */
  send(query: CompiledQuery): void {
    const stream = this.#stream();
    if (!this.#corked && stream) {
      stream.cork();
      this.#corked = true;
      // Nothing awaited follows in this turn of the event loop: write what was sent anyway.
      setImmediate(() => this.#flush());
    }
    const p = this.#run(query.sql, query.parameters);
    p.catch(() => undefined);
    this.#pending.push(p);
  }

  /** Runs a statement and waits for its answer and for those of the statements sent before it. */
  async run(text: string, params: readonly unknown[] = []): Promise<PgResult> {
    const own = this.#run(text, params);
    this.#flush();
    const pending = this.#pending;
    this.#pending = [];
    return pending.length ? ((await Promise.all([own, ...pending]))[0] as PgResult) : own;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return toQueryResult<R>(await this.run(query.sql, query.parameters));
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on pipelined connections');
  }
}

function toQueryResult<R>(result: PgResult): QueryResult<R> {
  const rows = (result.rows ?? []) as R[];
  if (result.command === 'INSERT' || result.command === 'UPDATE' || result.command === 'DELETE' || result.command === 'MERGE') {
    return { numAffectedRows: BigInt(result.rowCount ?? 0), rows };
  }
  return { rows };
}

/** A Kysely driver on a pg pool whose connections are `PgConnection`s. */
export class PgDriver implements Driver {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<PgConnection> {
    return new PgConnection(await this.#pool.connect());
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('BEGIN'));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PgConnection).release();
  }

  async destroy(): Promise<void> {
    await this.#pool.end();
  }
}

export class PgDialect implements Dialect {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  createDriver = () => new PgDriver(this.#pool);
  createQueryCompiler = () => new PostgresQueryCompiler();
  createAdapter = () => new PostgresAdapter();
  createIntrospector = (db: Kysely<unknown>) => new PostgresIntrospector(db);
}
