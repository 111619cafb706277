import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ZHouseholdCreate, ZHouseholdListQuery } from '../../../contracts/households.js';
import { householdScope } from '../../platform/access/access.js';
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

  it('answers every search, filter, order and page as a plain SQL query over the households does', async () => {
    const a = await createAgency();
    const { owner } = testDbs();
    const staff = [a.users.case_manager.id, a.users.social_worker.id, a.users.lead.id];
    // Few distinct values: ties in every order (broken by id), NULLs, LIKE wildcards and umlauts in the text.
    const words = ['müller', 'muller', 'abel', '50%', 'a_b', 'back\\slash', 'özdemir', 'ab'];
    const rows = Array.from({ length: 40 }, (_, i) => ({
      agency_id: a.id,
      reference: `Q-${String(i % 7).padStart(2, '0')}-${i}`,
      head_name: ['Abel', 'abel', 'Müller', 'Zander', 'Özdemir'][i % 5]!,
      search_text: `${words[i % words.length]} ${words[(i * 3 + 1) % words.length]} q-${i}`,
      persons: 1 + (i % 5),
      situation: ['in_accommodation', 'at_risk', 'hidden_homeless', 'housed'][i % 4]!,
      situation_since: i % 6 === 0 ? null : `2024-0${1 + (i % 3)}-01`,
      seeking_housing: i % 3 !== 0,
      needs: '{}',
      wheelchair: i % 4 === 1,
      case_manager_id: i % 5 === 0 ? null : staff[i % 3]!,
      social_worker_id: i % 2 ? a.users.social_worker.id : null,
      updated_at: new Date(Date.UTC(2025, 0, 1 + (i % 9))),
    }));
    await owner.insertInto('households').values(rows).execute();

    const roles = ['case_manager', 'social_worker', 'accommodation_worker', 'lead'] as const;
    const query = fc.record({
      q: fc.option(
        fc.oneof(
          fc.constantFrom(...words, 'ÜLLER', '%', '_', '\\', 'q-1', ' abel '),
          fc.string({ unit: fc.constantFrom('a', 'b', 'l', '%', '_', 'ü'), maxLength: 3 }),
        ),
        { nil: undefined },
      ),
      situation: fc.option(fc.constantFrom('in_accommodation', 'at_risk'), { nil: undefined }),
      seekingHousing: fc.option(fc.constantFrom('true', 'false'), { nil: undefined }),
      caseManagerId: fc.option(fc.constantFrom(...staff), { nil: undefined }),
      mine: fc.option(fc.constantFrom('true', 'false'), { nil: undefined }),
      wheelchair: fc.option(fc.constantFrom('true', 'false'), { nil: undefined }),
      minPersons: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      sort: fc.constantFrom('name', 'reference', 'updatedAt', 'situationSince'),
      page: fc.integer({ min: 1, max: 4 }),
      pageSize: fc.integer({ min: 1, max: 12 }),
    });
    const ORDER = {
      name: ['head_name', 'asc'],
      reference: ['reference', 'desc'],
      updatedAt: ['updated_at', 'desc'],
      situationSince: ['situation_since', 'asc'],
    } as const;

    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom(...roles), async (raw, role) => {
        const q = ZHouseholdListQuery.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
        const ctx = ctxOf(a, role);
        const got = await svc().list(ctx, q);

        // The reference: the households table read plainly by the owner — the agency, the actor's
        // scope (its one declaration), a substring of the stored text, the filters, the order.
        const [col, dir] = ORDER[q.sort];
        const needle = q.q ? q.q.toLowerCase() : null;
        const where = owner
          .selectFrom('households')
          .where('agency_id', '=', a.id)
          .where(householdScope(ctx.actor))
          .$if(needle !== null, (b) => b.where(sql<boolean>`strpos(search_text, ${needle}) > 0`))
          .$if(!!q.situation, (b) => b.where('situation', '=', q.situation!))
          .$if(q.seekingHousing !== undefined, (b) => b.where('seeking_housing', '=', q.seekingHousing!))
          .$if(!!q.caseManagerId, (b) => b.where('case_manager_id', '=', q.caseManagerId!))
          .$if(q.mine === true, (b) =>
            b.where((eb) => eb.or([eb('case_manager_id', '=', ctx.actor.userId), eb('social_worker_id', '=', ctx.actor.userId)])),
          )
          .$if(q.wheelchair === true, (b) => b.where('wheelchair', '=', true))
          .$if(!!q.minPersons, (b) => b.where('persons', '>=', q.minPersons!));
        const expected = await where
          .select('id')
          .orderBy(col, (ob) => (dir === 'asc' ? ob.asc() : ob.desc()).nullsLast())
          .orderBy('id')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute();
        const { n } = await where.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

        expect(
          got.items.map((i) => i.id),
          JSON.stringify({ q, role }),
        ).toEqual(expected.map((r) => r.id));
        expect(got.total).toBe(Number(n));
      }),
      { numRuns: 80 },
    );
  });

  it('finds, counts, filters and orders exactly as the database list does, and sees every committed change', async () => {
    const a = await createAgency();
    const cm = ctxOf(a, 'case_manager');
    const names = ['Özdemir', 'Abel', 'Zander', 'Ähm', 'abel', 'Müller_1', 'Müller%2'];
    for (const [i, lastName] of names.entries()) {
      const input = householdInput({
        situation: i % 2 ? 'at_risk' : 'in_accommodation',
        situationSince: i === 3 ? null : `2024-0${1 + i}-01`,
        seekingHousing: i !== 4,
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
    const event = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['action', 'actor_id', 'details'])
      .where('agency_id', '=', a.id)
      .where('action', '=', 'household.list')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: a.users.case_manager.id, details: { qLength: 4, page: 2, results: 1 } });
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
      const own = await householdRepository(tx, a.id).list(
        (eb) => eb.lit(true),
        ZHouseholdListQuery.parse({ q: 'dieser transaktion' }),
        cm.actor.userId,
      );
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
