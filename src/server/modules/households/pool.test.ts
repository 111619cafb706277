import fc from 'fast-check';
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createKysely, inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { createAgency, householdInput, testDbs } from '../../../../test/helpers.js';
import { clearPoolCache, dayNumber, poolOf, pruneHouseholdLog, type PoolEntry } from './pool.service.js';

/** Inserts one pool household as the owner would (another instance, a migration, a script). */
async function insertHousehold(agencyId: string, reference: string, db: Kysely<DB> = testDbs().owner) {
  const input = householdInput();
  const row = await db
    .insertInto('households')
    .values({
      agency_id: agencyId,
      reference,
      head_name: 'Pool Test',
      search_text: 'pool test',
      persons: 2,
      situation: 'in_accommodation',
      situation_since: '2025-01-01',
      seeking_housing: true,
      needs: JSON.stringify(input.needs),
      wheelchair: false,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The pool as the statement's own snapshot sees it, read plainly: id → persons. */
async function freshPool(tx: Kysely<DB>, agencyId: string): Promise<[string, number][]> {
  const { rows } = await sql<{ id: string; persons: number }>`SELECT id, persons FROM households
    WHERE agency_id = ${agencyId} AND seeking_housing AND status = 'active' AND situation IN ('in_accommodation', 'hidden_homeless', 'rough_sleeping')
    ORDER BY id`.execute(tx);
  return rows.map((r) => [r.id, r.persons]);
}
const asPairs = (entries: readonly PoolEntry[]): [string, number][] =>
  entries.map((e): [string, number] => [e.id, e.persons]).sort((a, b) => (a[0] < b[0] ? -1 : 1));

/** A ranking's view: the cached pool and a plain read under one snapshot (repeatable read). */
const compareUnderOneSnapshot = (owner: Kysely<DB>, agencyId: string) =>
  inAgency(
    owner,
    agencyId,
    async (tx) => {
      const cached = await poolOf(tx, agencyId);
      return { cached: asPairs(cached.entries), fresh: await freshPool(tx, agencyId), reloaded: cached.reloaded };
    },
    { isolation: 'repeatable read' },
  );

// More connections than the helpers' owner pool: several writers stay open at once.
const writers = createKysely(inject('ownerUrl'), 8);
afterAll(() => writers.destroy());

describe('the ranking pool held in memory', () => {
  it('is read once, then only the households changed since are read again — by anyone, in any agency', async () => {
    const { app, owner } = testDbs();
    const a = await createAgency();
    const b = await createAgency();
    const pool = (agencyId: string) => inAgency(app, agencyId, (tx) => poolOf(tx, agencyId));
    const id = await insertHousehold(a.id, 'P-1');

    const first = await pool(a.id);
    expect(first.reloaded).toBe(true);
    expect(first.entries.map((e) => e.id)).toEqual([id]);
    expect(first.entries[0]).toMatchObject({ persons: 2, pets: false, since: dayNumber('2025-01-01') });
    expect(await pool(a.id)).toMatchObject({ reloaded: false, changed: 0 });

    // A change written outside this instance (plain SQL) is read at the next ranking, and only it.
    await owner.updateTable('households').set({ pets: true }).where('id', '=', id).execute();
    const changed = await pool(a.id);
    expect(changed).toMatchObject({ reloaded: false, changed: 1 });
    expect(changed.entries[0]!.pets).toBe(true);
    expect(await pool(a.id)).toMatchObject({ reloaded: false, changed: 0 });

    // Another agency's change is not read; leaving the pool (housed) removes the household.
    await insertHousehold(b.id, 'P-2');
    expect(await pool(a.id)).toMatchObject({ reloaded: false, changed: 0 });
    await owner.updateTable('households').set({ situation: 'housed' }).where('id', '=', id).execute();
    expect((await pool(a.id)).entries).toEqual([]);

    // An uncommitted change is not seen; the writing transaction ranks on its own change and keeps
    // no copy of it, so after the rollback the others rank on the committed state.
    const id2 = await insertHousehold(a.id, 'P-3');
    expect((await pool(a.id)).entries.map((e) => e.id)).toEqual([id2]);
    await expect(
      inAgency(app, a.id, async (tx) => {
        await tx.updateTable('households').set({ persons: 5 }).where('id', '=', id2).execute();
        expect((await pool(a.id)).entries[0]!.persons).toBe(2);
        expect((await poolOf(tx, a.id)).entries[0]!.persons).toBe(5);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await pool(a.id)).entries[0]!.persons).toBe(2);
    await owner.updateTable('households').set({ persons: 3 }).where('id', '=', id2).execute();
    expect((await pool(a.id)).entries[0]!.persons).toBe(3);

    // A transaction that had written something else ranks (and keeps the copy), then changes a
    // household: its snapshot counted it as seen, yet the change is read at the next ranking.
    for (const fresh of [true, false]) {
      if (fresh) clearPoolCache();
      await inAgency(app, a.id, async (tx) => {
        await sql`SELECT pg_current_xact_id()`.execute(tx);
        // A later transaction commits meanwhile: the snapshot's xmax passes this transaction's id.
        await insertHousehold(b.id, `P-${fresh}`);
        expect((await poolOf(tx, a.id)).entries[0]!.persons).toBe(fresh ? 3 : 6);
        await tx
          .updateTable('households')
          .set({ persons: fresh ? 6 : 7 })
          .where('id', '=', id2)
          .execute();
      });
      expect((await pool(a.id)).entries[0]!.persons).toBe(fresh ? 6 : 7);
    }
  });

  it('misses no commit when transactions commit in another order than they began, and never makes a writer wait', async () => {
    const a = await createAgency();
    const [h1, h2] = [await insertHousehold(a.id, 'O-1'), await insertHousehold(a.id, 'O-2')];
    const { owner } = testDbs();
    await compareUnderOneSnapshot(owner, a.id);

    // W1 writes first (lower transaction id) but commits last; W2 writes the same agency meanwhile
    // without waiting for W1 (no shared row is locked), and commits before a ranking reads the pool.
    const w1 = await writers.startTransaction().execute();
    await w1.updateTable('households').set({ persons: 7 }).where('id', '=', h1).execute();
    const w2 = await writers.startTransaction().execute();
    await w2.updateTable('households').set({ persons: 8 }).where('id', '=', h2).execute();
    await w2
      .insertInto('households')
      .values({
        agency_id: a.id,
        reference: 'O-3',
        head_name: 'x',
        search_text: 'x',
        persons: 1,
        situation: 'rough_sleeping',
        seeking_housing: true,
        needs: '{}',
        wheelchair: false,
        updated_at: new Date(),
      })
      .execute();
    await w2.commit().execute();
    const between = await compareUnderOneSnapshot(owner, a.id);
    expect(between.cached).toEqual(between.fresh);
    expect(between.cached.find(([id]) => id === h1)![1]).toBe(2);
    await w1.commit().execute();
    const after = await compareUnderOneSnapshot(owner, a.id);
    expect(after).toMatchObject({ reloaded: false });
    expect(after.cached).toEqual(after.fresh);
    expect(after.cached.find(([id]) => id === h1)![1]).toBe(7);
  });

  it('equals a plain read of the pool under the same snapshot, whatever concurrent writers do', async () => {
    const a = await createAgency();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await insertHousehold(a.id, `R-${i}`));
    const { owner } = testDbs();
    type Step = { kind: 'open' | 'write' | 'commit' | 'rollback' | 'rank'; pick: number; persons: number; leave: boolean };
    const step = fc.record({
      kind: fc.constantFrom<Step['kind']>('open', 'write', 'write', 'commit', 'rollback', 'rank', 'rank'),
      pick: fc.nat(),
      persons: fc.integer({ min: 1, max: 9 }),
      leave: fc.boolean(),
    });
    let rankings = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        const open: ControlledTransaction<DB>[] = [];
        try {
          for (const s of [...steps, { kind: 'rank' as const, pick: 0, persons: 1, leave: false }]) {
            if (s.kind === 'open' && open.length < 4) open.push(await writers.startTransaction().execute());
            else if (s.kind === 'write' && open.length > 0) {
              // Distinct households per writer: writers never wait for each other's row locks here.
              const w = s.pick % open.length;
              const id = ids[(w + open.length * (s.persons % 2)) % ids.length]!;
              const other = open.some((t, i) => i !== w && (t as unknown as { touched?: Set<string> }).touched?.has(id));
              if (!other) {
                const t = open[w]! as ControlledTransaction<DB> & { touched?: Set<string> };
                (t.touched ??= new Set()).add(id);
                await t
                  .updateTable('households')
                  .set({ persons: s.persons, situation: s.leave ? 'housed' : 'in_accommodation' })
                  .where('id', '=', id)
                  .execute();
              }
            } else if ((s.kind === 'commit' || s.kind === 'rollback') && open.length > 0) {
              const [t] = open.splice(s.pick % open.length, 1);
              await (s.kind === 'commit' ? t!.commit() : t!.rollback()).execute();
            } else if (s.kind === 'rank') {
              rankings++;
              const r = await compareUnderOneSnapshot(owner, a.id);
              expect(r.cached).toEqual(r.fresh);
            }
          }
        } finally {
          for (const t of open) await t.rollback().execute();
        }
      }),
      { numRuns: 25 },
    );
    expect(rankings).toBeGreaterThan(25);
  });

  it('reads the pool again whole once the log it was validated by has been pruned', async () => {
    const { app, owner } = testDbs();
    const a = await createAgency();
    const id = await insertHousehold(a.id, 'L-1');
    const pool = () => inAgency(app, a.id, (tx) => poolOf(tx, a.id));
    await pool();
    await owner.updateTable('households').set({ persons: 4 }).where('id', '=', id).execute();
    // Other test files' open transactions may hold the horizon back for a moment.
    const logged = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM household_log WHERE agency_id = ${a.id}`.execute(owner)).rows[0]!.n;
    for (let i = 0; i < 50 && (await logged()) > 0; i++) {
      await pruneHouseholdLog(app);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await logged()).toBe(0);
    const after = await pool();
    expect(after).toMatchObject({ reloaded: true });
    expect(after.entries[0]!.persons).toBe(4);
    expect(await pool()).toMatchObject({ reloaded: false, changed: 0 });
  });
});
