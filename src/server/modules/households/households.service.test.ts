import { describe, expect, it } from 'vitest';
import { ZHouseholdCreate, ZHouseholdListQuery } from '../../../contracts/households.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { createAgency, householdInput, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { householdService } from './households.service.js';

const ctxOf = (a: TestAgency, role: keyof TestAgency['users']): Ctx => ({
  actor: {
    userId: a.users[role].id,
    agencyId: a.id,
    role,
    providerId: role === 'provider_user' ? a.providerId : null,
    carrierId: null,
    sessionId: 'test',
  },
  ip: '127.0.0.1',
  purpose: 'Test',
});

describe('household service on the real database', () => {
  const svc = () => householdService(testDbs().app);

  it('creates households with consecutive references per agency and audits the change', async () => {
    const a = await createAgency();
    const cm = ctxOf(a, 'case_manager');
    const first = await svc().create(cm, ZHouseholdCreate.parse(householdInput()), undefined);
    const second = await svc().create(cm, ZHouseholdCreate.parse(householdInput()), undefined);
    const year = new Date().getFullYear();
    expect([first.body.reference, second.body.reference]).toEqual([`T-${year}-00001`, `T-${year}-00002`]);
    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['action', 'entity_id', 'purpose', 'ip'])
      .where('agency_id', '=', a.id)
      .where('action', '=', 'household.create')
      .execute();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ purpose: 'Test', ip: '127.0.0.1' });
  });

  it('writes nothing, not even the audit event, when the change fails', async () => {
    const a = await createAgency();
    const input = ZHouseholdCreate.parse(householdInput({ caseManagerId: a.users.admin.id }));
    await expect(svc().create(ctxOf(a, 'case_manager'), input, undefined)).rejects.toThrow(AppError);
    const { owner } = testDbs();
    expect(await owner.selectFrom('households').select('id').where('agency_id', '=', a.id).execute()).toEqual([]);
    expect(
      await owner.selectFrom('audit_events').select('id').where('agency_id', '=', a.id).where('action', '=', 'household.create').execute(),
    ).toEqual([]);
  });

  it('refuses roles without the permission before touching data', async () => {
    const a = await createAgency();
    await expect(svc().list(ctxOf(a, 'provider_user'), ZHouseholdListQuery.parse({}))).rejects.toBeInstanceOf(AccessDenied);
    await expect(svc().create(ctxOf(a, 'auditor'), ZHouseholdCreate.parse(householdInput()), undefined)).rejects.toMatchObject({
      status: 403,
    });
  });

  it('filters by situation, wheelchair need and size, and pages through the result', async () => {
    const a = await createAgency();
    const cm = ctxOf(a, 'case_manager');
    const wheel = householdInput({
      situation: 'rough_sleeping',
      needs: { wheelchair: true, stepFree: true, pets: false, health: false, districtsAvoid: [], districtsPrefer: [], notes: null },
    });
    await svc().create(cm, ZHouseholdCreate.parse(wheel), undefined);
    for (let i = 0; i < 3; i++) await svc().create(cm, ZHouseholdCreate.parse(householdInput({ situation: 'at_risk' })), undefined);
    const q = (p: object) => svc().list(cm, ZHouseholdListQuery.parse(p));
    expect((await q({ situation: 'rough_sleeping' })).total).toBe(1);
    expect((await q({ wheelchair: 'true' })).items.map((i) => i.situation)).toEqual(['rough_sleeping']);
    expect((await q({ minPersons: 3 })).total).toBe(0);
    const page2 = await q({ pageSize: 3, page: 2, sort: 'reference' });
    expect(page2.total).toBe(4);
    expect(page2.items).toHaveLength(1);
    expect((await q({ q: '50%' })).total).toBe(0);
    // A search: the page and the total from one pass; a page past the end still knows the total.
    const name = (await q({ situation: 'rough_sleeping' })).items[0]!.name.split(',')[0]!;
    expect((await q({ q: name.toUpperCase() })).items.map((i) => i.situation)).toEqual(['rough_sleeping']);
    expect(await q({ q: 'mustermann', page: 9, pageSize: 2 })).toMatchObject({ total: 4, items: [] });
    expect((await q({ q: 'mustermann', situation: 'at_risk', sort: 'name' })).total).toBe(3);
  });

  it('answers "which" and "this one" from the same scope: social workers their own, accommodation workers those in accommodation', async () => {
    const a = await createAgency();
    const cm = ctxOf(a, 'case_manager');
    const mine = await svc().create(
      cm,
      ZHouseholdCreate.parse(householdInput({ socialWorkerId: a.users.social_worker.id, situation: 'at_risk' })),
      undefined,
    );
    const sheltered = await svc().create(cm, ZHouseholdCreate.parse(householdInput({ situation: 'in_accommodation' })), undefined);
    const ids = { mine: mine.body.id, sheltered: sheltered.body.id };
    const cases = [
      ['case_manager', [ids.mine, ids.sheltered]],
      ['lead', [ids.mine, ids.sheltered]],
      ['social_worker', [ids.mine]],
      ['accommodation_worker', [ids.sheltered]],
    ] as const;
    for (const [role, visible] of cases) {
      const ctx = ctxOf(a, role);
      const listed = (await svc().list(ctx, ZHouseholdListQuery.parse({ pageSize: 100 }))).items.map((i) => i.id);
      expect(listed.sort(), role).toEqual([...visible].sort());
      for (const id of [ids.mine, ids.sheltered]) {
        if ((visible as readonly string[]).includes(id)) expect((await svc().get(ctx, id)).id, role).toBe(id);
        else await expect(svc().get(ctx, id), role).rejects.toMatchObject({ status: 404 });
      }
    }
    // A hidden read leaves a denial in the trail, never a read event.
    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('agency_id', '=', a.id)
      .where('actor_id', '=', a.users.social_worker.id)
      .where('entity_id', '=', ids.sheltered)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['access.denied']);
  });
});
