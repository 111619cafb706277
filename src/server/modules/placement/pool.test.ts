import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inAgency } from '../../db/database.js';
import { stampExpression, stampOf, toStamp } from '../../db/stamped-cache.js';
import { createAgency, householdInput, testDbs } from '../../../../test/helpers.js';
import { dayNumber, poolOf } from './pool.js';

/** Inserts one pool household as the owner would (another instance, a migration, a script). */
async function insertHousehold(agencyId: string, reference: string) {
  const input = householdInput();
  const row = await testDbs().owner.insertInto('households').values({
    agency_id: agencyId, reference, head_name: 'Pool Test', search_text: 'pool test', persons: 2, situation: 'in_accommodation',
    situation_since: '2025-01-01', seeking_housing: true, needs: JSON.stringify(input.needs), wheelchair: false, updated_at: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

describe('the ranking pool held in memory', () => {
  it('is read once, kept while no household changes, and read again after any committed change of its agency only', async () => {
    const { app, owner } = testDbs();
    const a = await createAgency();
    const b = await createAgency();
    const pool = (agencyId: string) => inAgency(app, agencyId, (tx) => poolOf(tx, agencyId));
    const id = await insertHousehold(a.id, 'P-1');

    const first = await pool(a.id);
    expect(first.reloaded).toBe(true);
    expect(first.entries.map((e) => e.id)).toEqual([id]);
    expect(first.entries[0]).toMatchObject({ persons: 2, pets: false, since: dayNumber('2025-01-01') });
    expect((await pool(a.id)).reloaded).toBe(false);

    // A change written outside this instance (plain SQL) moves the stamp: the next read sees it.
    await owner.updateTable('households').set({ pets: true }).where('id', '=', id).execute();
    const changed = await pool(a.id);
    expect(changed.reloaded).toBe(true);
    expect(changed.entries[0]!.pets).toBe(true);

    // Leaving the pool (housed) and another agency's change.
    await insertHousehold(b.id, 'P-2');
    expect((await pool(a.id)).reloaded).toBe(false);
    await owner.updateTable('households').set({ situation: 'housed' }).where('id', '=', id).execute();
    expect((await pool(a.id)).entries).toEqual([]);

    // An uncommitted change is not seen, and does not mark the old copy as current once rolled back.
    const id2 = await insertHousehold(a.id, 'P-3');
    expect((await pool(a.id)).entries.map((e) => e.id)).toEqual([id2]);
    await expect(inAgency(app, a.id, async (tx) => {
      await tx.updateTable('households').set({ persons: 5 }).where('id', '=', id2).execute();
      const other = await pool(a.id);
      expect(other.entries[0]!.persons).toBe(2);
      // The writing transaction ranks on its own change, and keeps no copy of it.
      expect((await poolOf(tx, a.id)).entries[0]!.persons).toBe(5);
      // The stamp read along with another statement says the same as the stamp read on its own.
      const { rows } = await sql<{ s: Parameters<typeof toStamp>[0] }>`SELECT ${stampExpression(a.id)} AS s`.execute(tx);
      expect(toStamp(rows[0]!.s)).toEqual({ ...(await stampOf(tx, a.id)), own: true });
      expect((await poolOf(tx, a.id, toStamp(rows[0]!.s))).entries[0]!.persons).toBe(5);
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    // The next commit moves the stamp to the value the rolled-back change had seen.
    await owner.updateTable('households').set({ persons: 3 }).where('id', '=', id2).execute();
    expect((await pool(a.id)).entries[0]!.persons).toBe(3);
    const stamp = await sql<{ stamp: number }>`SELECT stamp FROM pool_stamps WHERE agency_id = ${a.id}`.execute(owner);
    expect(Number(stamp.rows[0]!.stamp)).toBeGreaterThan(1);
  });
});
