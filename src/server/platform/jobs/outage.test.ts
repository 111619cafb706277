import PgBoss from 'pg-boss';
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { patientAdapter } from './queue.js';

/** A TCP relay to the test database that can be taken away and brought back (a database restart, as the queue sees it). */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((c) => {
    const up = net.connect(Number(target.port), target.hostname);
    for (const s of [c, up]) {
      sockets.add(s);
      s.on('error', () => undefined).on('close', () => sockets.delete(s));
    }
    c.pipe(up).pipe(c);
  });
  let port = 0;
  return {
    url: () => Object.assign(new URL(target), { port: String(port) }).toString(),
    up: () =>
      new Promise<void>((resolve) =>
        server.listen(port, '127.0.0.1', () => resolve(void (port = (server.address() as net.AddressInfo).port))),
      ),
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const p of pools) await p.end().catch(() => undefined);
});

describe("the job queue's connection while the database is away", () => {
  it('waits and carries on once it is back, instead of failing', async () => {
    const r = relay(new URL(inject('appUrl')));
    await r.up();
    const pool = new pg.Pool({ connectionString: r.url(), max: 2 }).on('error', () => undefined);
    pools.push(pool);
    const outages: unknown[] = [];
    const db = patientAdapter(pool, { state: () => 'running', onOutage: (e) => outages.push(e) });
    expect((await db.executeSql('SELECT 1 AS one', [])).rows).toEqual([{ one: 1 }]);
    await r.down();
    let answered = false;
    const pending = db.executeSql('SELECT $1::int AS two', [2]).then((res) => ((answered = true), res));
    await new Promise((res) => setTimeout(res, 800));
    expect(answered).toBe(false);
    expect(outages).toHaveLength(1); // reported once, not on every attempt
    await r.up();
    expect((await pending).rows).toEqual([{ two: 2 }]);
  });

  it('fails at once while the queue starts, ends the wait when it stops, and does nothing once stopped', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody:x@127.0.0.1:1/none', max: 1 }).on('error', () => undefined);
    pools.push(pool);
    let state: 'starting' | 'running' | 'stopping' | 'stopped' = 'starting';
    const db = patientAdapter(pool, { state: () => state });
    await expect(db.executeSql('SELECT 1', [])).rejects.toThrow(/ECONNREFUSED/);
    state = 'running';
    const waiting = db.executeSql('SELECT 1', []);
    await new Promise((res) => setTimeout(res, 300));
    state = 'stopping';
    expect((await waiting).rows).toEqual([]);
    state = 'stopped';
    await pool.end();
    // pg-boss completes jobs without awaiting it: after the pool closed this must not reject.
    expect((await db.executeSql('SELECT 1', [])).rows).toEqual([]);
    // …and a completion after stop reads as "nothing affected" (pg-boss reads its count unchecked).
    const boss = new PgBoss({ db, schema: 'pgboss' });
    await expect(boss.fail('mail.deliver', '00000000-0000-4000-8000-000000000001', { error: 'x' })).resolves.toMatchObject({ affected: 0 });
    await expect(boss.complete('mail.deliver', '00000000-0000-4000-8000-000000000001')).resolves.toMatchObject({ affected: 0 });
  });
});
