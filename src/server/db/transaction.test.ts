import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAgency, testDbs } from '../../../test/helpers.js';
import { inAgency, sendWithoutWaiting, type Tx } from './database.js';
import { containsPattern, PLAN_PER_CALL, prefixPattern } from './patterns.js';

describe('inAgency on a real server', () => {
  it('binds values as parameters: quotes, backslashes, $1 in text, large text and bytes arrive unchanged', async () => {
    const { app } = testDbs();
    const agency = await createAgency();
    const text = `Zeile mit 'Apostroph', Backslash \\ , $1 und Umlauten äöü ${'x'.repeat(20_000)}`;
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 37) % 256));
    const out = await inAgency(app, agency.id, async (tx) => {
      const first = await sql<{
        t: string;
        b: Buffer;
        agency: string;
        lit: string;
      }>`SELECT ${text}::text AS t, ${bytes}::bytea AS b, current_setting('app.agency_id') AS agency, '$1' AS lit`.execute(tx);
      const later = await sql<{ t: string; agency: string }>`SELECT ${text}::text AS t, current_setting('app.agency_id') AS agency`.execute(
        tx,
      );
      return { first: first.rows[0]!, later: later.rows[0]! };
    });
    expect(out.first.t).toBe(text);
    expect(out.first.lit).toBe('$1');
    expect(Buffer.compare(out.first.b, bytes)).toBe(0);
    expect(out.first.agency).toBe(agency.id);
    expect(out.later.agency).toBe(agency.id);
  });

  it('never runs a second statement from one parameter (no stacked queries)', async () => {
    const { app } = testDbs();
    const agency = await createAgency();
    const evil = `x'; DROP TABLE households; --`;
    const rows = await inAgency(app, agency.id, async (tx) => (await sql<{ v: string }>`SELECT ${evil}::text AS v`.execute(tx)).rows);
    expect(rows[0]!.v).toBe(evil);
    const still = await inAgency(
      app,
      agency.id,
      async (tx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM households`.execute(tx)).rows[0]!.n,
    );
    expect(still).toBe(0);
  });

  /** Runs `then` after writing a row in the transaction, and tells whether the row was committed. */
  async function writesThen(then: (tx: Tx) => void | Promise<void>): Promise<{ error: unknown; committed: boolean }> {
    const { app } = testDbs();
    const agency = await createAgency();
    const key = `k-${Math.random()}`;
    const error = await inAgency(app, agency.id, async (tx) => {
      await sql`INSERT INTO idempotency_keys (agency_id, user_id, key, request_hash) VALUES (${agency.id}, ${agency.users.admin.id}, ${key}, 'h')`.execute(
        tx,
      );
      await then(tx);
    }).then(
      () => null,
      (e: unknown) => e,
    );
    const n = await inAgency(
      app,
      agency.id,
      async (tx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ${key}`.execute(tx)).rows[0]!.n,
    );
    return { error, committed: n === 1 };
  }

  it('commits what ran when fn resolves, rolls everything back when it throws', async () => {
    expect(await writesThen(() => undefined)).toEqual({ error: null, committed: true });
    const failed = await writesThen(() => {
      throw new Error('Abbruch');
    });
    expect(failed).toMatchObject({ error: new Error('Abbruch'), committed: false });
  });

  it('a statement sent without waiting that fails fails the transaction: nothing commits', async () => {
    const failed = await writesThen((tx) => sendWithoutWaiting(tx, CompiledQuery.raw('SELECT 1 / $1::int', [0])));
    expect(String(failed.error)).toMatch(/division by zero/);
    expect(failed.committed).toBe(false);
  });

  it('sees only its agency under row-level security, also on a reused connection', async () => {
    const { app } = testDbs();
    const a = await createAgency();
    const b = await createAgency();
    for (let i = 0; i < 3; i++) {
      const seen = await inAgency(app, a.id, async (tx) =>
        (await sql<{ id: string }>`SELECT id FROM agencies`.execute(tx)).rows.map((r) => r.id),
      );
      expect(seen).toEqual([a.id]);
      const none = await sql<{ n: number }>`SELECT count(*)::int AS n FROM agencies`.execute(app);
      expect(none.rows[0]!.n).toBe(0);
    }
    expect(b.id).not.toBe(a.id);
  });

  it('survives its connection being terminated mid-transaction: the error reaches the caller, the next transaction gets a fresh connection', async () => {
    const { app, owner } = testDbs();
    const agency = await createAgency();
    const failed = await inAgency(app, agency.id, async (tx) => {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(tx);
      await sql`SELECT pg_terminate_backend(${rows[0]!.pid})`.execute(owner);
      // The connection is gone while no statement runs on it: no unhandled 'error' event.
      await new Promise((r) => setTimeout(r, 100));
      await sql`SELECT 1`.execute(tx);
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(Error);
    for (let i = 0; i < 6; i++) {
      const seen = await inAgency(
        app,
        agency.id,
        async (tx) => (await sql<{ a: string }>`SELECT current_setting('app.agency_id') AS a`.execute(tx)).rows[0]!.a,
      );
      expect(seen).toBe(agency.id);
    }
  });

  it('prepares a statement shape once per connection, but plans a pattern search for each call', async () => {
    const { app } = testDbs();
    const agency = await createAgency();
    const marker = `probe_${Date.now()}`;
    const prepared = await inAgency(app, agency.id, async (tx) => {
      const byId = sql`SELECT id AS ${sql.raw(marker)} FROM households WHERE id = ${agency.id}::uuid`;
      await byId.execute(tx);
      await byId.execute(tx);
      await sql`SELECT id AS ${sql.raw(marker)} FROM households WHERE head_name LIKE ${containsPattern('50%_x')} ${PLAN_PER_CALL}`.execute(
        tx,
      );
      const { rows } = await sql<{ statement: string; plan_cache_mode: string }>`
        SELECT statement, current_setting('plan_cache_mode') AS plan_cache_mode FROM pg_prepared_statements
        WHERE statement LIKE ${containsPattern(marker)}`.execute(tx);
      return rows;
    });
    // The read by id is a named statement (planned by PostgreSQL's default rule); the search is not.
    expect(prepared.map((r) => r.statement.includes('WHERE id ='))).toEqual([true]);
    expect(prepared[0]!.plan_cache_mode).toBe('auto');
  });

  it('takes wildcards in a searched text literally', async () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
    expect(prefixPattern('offer.')).toBe('offer.%');
  });
});
