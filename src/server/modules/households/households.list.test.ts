import { describe, expect, it } from 'vitest';
import { ZHouseholdCreate, ZHouseholdListQuery } from '../../../contracts/households.js';
import type { Ctx } from '../../platform/http/context.js';
import { createAgency, householdInput, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { householdService } from './households.service.js';
import { householdRepository } from './households.repository.js';
import { inAgency } from '../../db/database.js';

const ctxOf = (a: TestAgency, role: keyof TestAgency['users']): Ctx => ({
  actor: { userId: a.users[role].id, agencyId: a.id, role, providerId: null, carrierId: null, sessionId: 'test' },
  ip: '127.0.0.1',
  purpose: 'Test',
});

describe('household search', () => {
  const svc = () => householdService(testDbs().app);

  it('finds, counts, filters and orders exactly as the database list does, and sees every committed change', async () => {
    const a = await createAgency();
    const cm = ctxOf(a, 'case_manager');
    const names = ['Özdemir', 'Abel', 'Zander', 'Ähm', 'abel', 'Müller_1', 'Müller%2'];
    for (const [i, lastName] of names.entries()) {
      const input = householdInput({
        situation: i % 2 ? 'at_risk' : 'in_accommodation', situationSince: i === 3 ? null : `2024-0${1 + i}-01`, seekingHousing: i !== 4,
        socialWorkerId: i < 3 ? a.users.social_worker.id : null,
      });
      input.members[0] = { ...input.members[0]!, lastName };
      await svc().create(cm, ZHouseholdCreate.parse(input), undefined);
    }
    const list = async (p: object, ctx = cm) => svc().list(ctx, ZHouseholdListQuery.parse({ pageSize: 100, ...p }));
    const ids = (r: Awaited<ReturnType<typeof list>>) => r.items.map((i) => i.id);

    // Every household carries "mustermann" (the child): the search equals the plain list in every order.
    for (const sort of ['name', 'reference', 'updatedAt', 'situationSince'] as const) {
      for (const filter of [{}, { situation: 'at_risk' }, { seekingHousing: 'false' }]) {
        const plain = await list({ sort, ...filter });
        const searched = await list({ sort, q: 'MUSTERMANN', ...filter });
        expect(ids(searched), `${sort} ${JSON.stringify(filter)}`).toEqual(ids(plain));
        expect(searched.total).toBe(plain.total);
      }
    }
    // Literal text, not patterns; paging keeps the total.
    expect((await list({ q: 'müller_1' })).total).toBe(1);
    expect((await list({ q: 'müller%' })).total).toBe(1);
    expect((await list({ q: '_' })).total).toBe(1);
    const paged = await list({ q: 'abel', sort: 'name', pageSize: 1, page: 2 });
    expect(paged).toMatchObject({ total: 2 });
    expect(paged.items).toHaveLength(1);
    // The search's audit event says what was asked and how many were shown.
    const event = await testDbs().owner.selectFrom('audit_events').select(['action', 'actor_id', 'details']).where('agency_id', '=', a.id)
      .where('action', '=', 'household.list').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: a.users.case_manager.id, details: { q: 'abel', page: 2, results: 1 } });
    // The social worker's scope applies to the search as to the list.
    const sw = ctxOf(a, 'social_worker');
    expect(ids(await list({ q: 'mustermann', sort: 'name' }, sw))).toEqual(ids(await list({ sort: 'name' }, sw)));
    expect((await list({ q: 'mustermann' }, sw)).total).toBe(3);

    // A change is found at once, through the service or written by anyone else.
    const zander = (await list({ q: 'zander' })).items[0]!;
    const detail = await svc().get(cm, zander.id);
    const input = ZHouseholdCreate.parse(householdInput());
    input.members = [{ ...input.members[0]!, lastName: 'Yilmaz' }];
    await svc().update(cm, zander.id, { ...input, version: detail.version }, detail.version);
    expect((await list({ q: 'zander' })).total).toBe(0);
    expect(ids(await list({ q: 'yilmaz' }))).toEqual([zander.id]);
    await testDbs().owner.updateTable('households').set({ search_text: 'umbenannt durch skript' }).where('id', '=', zander.id).execute();
    expect(ids(await list({ q: 'skript' }))).toEqual([zander.id]);
    // A household deleted by anyone else disappears from the search at once.
    await testDbs().owner.deleteFrom('household_members').where('household_id', '=', zander.id).execute();
    await testDbs().owner.deleteFrom('households').where('id', '=', zander.id).execute();
    expect((await list({ q: 'skript' })).total).toBe(0);
    // A transaction that changed a household itself searches its own data, and a rollback leaves nothing behind.
    const abel = (await list({ q: 'abel', sort: 'name' })).items[0]!;
    await inAgency(testDbs().app, a.id, async (tx) => {
      await tx.updateTable('households').set({ search_text: 'nur in dieser transaktion' }).where('id', '=', abel.id).execute();
      const own = await householdRepository(tx, a.id).list((eb) => eb.lit(true), ZHouseholdListQuery.parse({ q: 'dieser transaktion' }), cm.actor.userId);
      expect(own.items.map((i) => i.id)).toEqual([abel.id]);
      throw new Error('rollback');
    }).catch((e: Error) => expect(e.message).toBe('rollback'));
    expect((await list({ q: 'dieser transaktion' })).total).toBe(0);
    expect(ids(await list({ q: 'abel', sort: 'name' }))).toContain(abel.id);
    // Another agency's households never appear.
    const b = await createAgency();
    expect((await list({ q: 'mustermann' }, ctxOf(b, 'case_manager'))).total).toBe(0);
  });
});
