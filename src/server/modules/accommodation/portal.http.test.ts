import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPortal } from '../../../contracts/accommodationPortal.js';
import { inAgency } from '../../db/database.js';
import { roleHas, type Permission } from '../../platform/access/registry.js';
import { hashPassword } from '../../platform/auth/password.js';
import { placesFixture } from '../../../../test/accommodation-fixtures.js';
import {
  client,
  createAgency,
  householdInput,
  login,
  PASSWORD,
  testApp,
  testDbs,
  type Client,
  type TestAgency,
} from '../../../../test/helpers.js';
import { fill, fixtures, send } from '../../../../test/matrix-fixtures.js';

/*
 * The operator portal: an operator's user sees only its own facilities and the minimum data of the
 * households placed there, confirms move-in and move-out through the stays' machine (the household's
 * situation follows, audited with the operator's user), reports incidents that reach the
 * accommodation team and show on the assignment; every other route is a 404 or 403.
 */
const A = '/api/v1/accommodation';
let app: FastifyInstance;
let a: TestAgency;
let b: TestAgency;
let cm: Client;
let acc: Client;
let opA: Client;
let opB: Client;
let opOther: Client;
let mine: {
  h: { id: string; reference: string; members: { id: string; birthDate: string }[] };
  assignment: { id: string; version: number };
};
let theirs: { h: { id: string; reference: string }; assignment: { id: string; version: number } };

async function place(c: Client, facilityId: string, placeId: string, over: Record<string, unknown>) {
  const h = (await cm.post('/api/v1/households', householdInput({ members: householdInput().members.slice(0, 1), ...over }))).json();
  const res = await c.post(`${A}/assignments`, {
    householdId: h.id,
    facilityId,
    fromDate: '2026-11-05',
    payer: 'agency',
    places: [{ memberId: h.members[0].id, placeId }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { h, assignment: res.json() as { id: string; version: number } };
}

const situation = (id: string) =>
  testDbs().owner.selectFrom('households').select(['situation', 'situation_since']).where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  app = await testApp();
  [a, b] = [await createAgency(), await createAgency()];
  cm = client(app, await login(app, a.users.case_manager.email));
  acc = client(app, await login(app, a.users.accommodation_worker.email));
  const first = await placesFixture(acc);
  const second = await placesFixture(acc);
  const { owner } = testDbs();
  await owner.updateTable('users').set({ operator_id: first.operatorId }).where('id', '=', a.users.operator_user.id).execute();
  const other = await owner
    .insertInto('users')
    .values({
      agency_id: a.id,
      email: `operator2.${a.id}@test.example`,
      display_name: 'Zweiter Betreiber',
      role: 'operator_user',
      operator_id: second.operatorId,
      password_hash: await hashPassword(PASSWORD),
    })
    .returning('email')
    .executeTakeFirstOrThrow();
  opA = client(app, await login(app, a.users.operator_user.email));
  opB = client(app, await login(app, other.email));
  opOther = client(app, await login(app, b.users.operator_user.email));
  mine = await place(cm, first.facilityId, first.place('A1', 0), { situation: 'rough_sleeping', situationSince: '2024-05-01' });
  theirs = await place(cm, second.facilityId, second.place('A1', 0), { situation: 'at_risk', situationSince: '2026-09-01' });
});
afterAll(() => app.close());

describe('the operator portal', () => {
  it('shows only the own facilities with occupancy and the minimum data to receive a person', async () => {
    const res = await opA.get(`${A}/portal`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as TPortal;
    expect(p.facilities).toHaveLength(1);
    const f = p.facilities[0]!;
    expect(f).toMatchObject({ places: 4, blocked: 0 });
    expect(f.occupied + f.free).toBe(4);
    expect(f.households).toEqual([
      expect.objectContaining({
        assignmentId: mine.assignment.id,
        state: 'assigned',
        arrivalDate: '2026-11-05',
        personCount: 1,
        actions: ['moveIn', 'incident'],
        needs: expect.objectContaining({ wheelchair: expect.any(Boolean), pets: expect.any(Boolean) }),
      }),
    ]);
    // Never the case file: no file number, no household id, no birth date, nothing of the other operator.
    for (const secret of [mine.h.id, mine.h.reference, mine.h.members[0]!.birthDate, theirs.assignment.id, theirs.h.reference])
      expect(res.body).not.toContain(secret);
    const b2 = (await opB.get(`${A}/portal`)).json() as TPortal;
    expect(b2.facilities.flatMap((x) => x.households.map((h) => h.assignmentId))).toEqual([theirs.assignment.id]);
    const outsider = (await opOther.get(`${A}/portal`)).json() as TPortal;
    expect(outsider.facilities).toEqual([]);
  });

  it("cannot move or report on another operator's household, nor another agency's", async () => {
    for (const c of [opA, opOther]) {
      const id = c === opA ? theirs.assignment.id : mine.assignment.id;
      const moveIn = await c.post(`${A}/portal/assignments/${id}/move-in`, { movedInOn: '2026-11-05', version: 1 });
      expect(moveIn.statusCode).toBe(404);
      const incident = await c.post(`${A}/portal/assignments/${id}/incidents`, { kind: 'damage', occurredOn: '2026-11-06', text: 'x' });
      expect(incident.statusCode).toBe(404);
    }
    expect(await situation(theirs.h.id)).toMatchObject({ situation: 'at_risk' });
  });

  it('confirms move-in and move-out through the stays machine; the household situation follows; audited as the operator', async () => {
    const moved = await opA.post(`${A}/portal/assignments/${mine.assignment.id}/move-in`, {
      movedInOn: '2026-11-06',
      version: mine.assignment.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as TPortal).facilities[0]!.households[0]).toMatchObject({
      state: 'moved_in',
      movedInOn: '2026-11-06',
      actions: ['moveOut', 'incident'],
    });
    expect(await situation(mine.h.id)).toMatchObject({ situation: 'in_accommodation', situation_since: '2024-05-01' });
    // The staff's assignment shows the same step.
    const staff = (await cm.get(`${A}/assignments/${mine.assignment.id}`)).json();
    expect(staff).toMatchObject({ state: 'moved_in', movedInOn: '2026-11-06' });
    // A second confirmation is the machine's 409, a stale version the 412.
    expect(
      (await opA.post(`${A}/portal/assignments/${mine.assignment.id}/move-in`, { movedInOn: '2026-11-06', version: staff.version }))
        .statusCode,
    ).toBe(409);
    const out = await opA.post(`${A}/portal/assignments/${mine.assignment.id}/move-out`, {
      movedOutOn: '2026-12-01',
      reason: 'own_flat',
      note: 'Eigene Wohnung',
      version: staff.version,
    });
    expect(out.statusCode, out.body).toBe(200);
    expect((out.json() as TPortal).facilities[0]!.households).toEqual([]);
    expect(await situation(mine.h.id)).toMatchObject({ situation: 'housed', situation_since: '2026-12-01' });
    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('agency_id', '=', a.id)
      .where('entity_id', '=', mine.assignment.id)
      .where('action', 'in', ['accommodation.move_in', 'accommodation.move_out'])
      .execute();
    expect(events.map((e) => [e.action, e.actor_id]).sort()).toEqual([
      ['accommodation.move_in', a.users.operator_user.id],
      ['accommodation.move_out', a.users.operator_user.id],
    ]);
  });

  it('reports an incident: the accommodation team is notified and the staff see it on the assignment', async () => {
    const bad = await opB.post(`${A}/portal/assignments/${theirs.assignment.id}/incidents`, {
      kind: 'police',
      occurredOn: '2026-10-01',
      text: 'zu früh',
    });
    expect(bad.statusCode).toBe(400);
    const res = await opB.post(`${A}/portal/assignments/${theirs.assignment.id}/incidents`, {
      kind: 'conflict',
      occurredOn: '2026-11-20',
      text: 'Streit im Flur, geschlichtet.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'conflict', occurredOn: '2026-11-20', reportedBy: 'Zweiter Betreiber' });
    const notes = (await acc.get('/api/v1/notifications')).json();
    expect(JSON.stringify(notes)).toContain(`/accommodation/assignments/${theirs.assignment.id}`);
    // The household is not yet moved in, so its case manager (not the accommodation worker) reads the assignment.
    const list = await cm.get(`${A}/assignments/${theirs.assignment.id}/incidents`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ kind: 'conflict', text: 'Streit im Flur, geschlichtet.' })]);
    // A social worker who does not look after the household does not see it; another agency neither.
    const sw = client(app, await login(app, a.users.social_worker.email));
    expect((await sw.get(`${A}/assignments/${theirs.assignment.id}/incidents`)).statusCode).toBe(404);
    const otherCm = client(app, await login(app, b.users.case_manager.email));
    expect((await otherCm.get(`${A}/assignments/${theirs.assignment.id}/incidents`)).statusCode).toBe(404);
  });

  it("anonymising the household replaces the incident's text", async () => {
    await inAgency(testDbs().app, a.id, (tx) => sql`SELECT wh_anonymise_household(${theirs.h.id}::uuid, 'Anonymisiert T-1')`.execute(tx));
    const rows = await testDbs()
      .owner.selectFrom('accommodation_incidents')
      .select('text')
      .where('household_id', '=', theirs.h.id)
      .execute();
    expect(rows.map((r) => r.text)).toEqual(['anonymisiert']);
  });

  it('finds the arrivals expected on its start page', async () => {
    const desk = (await opB.get('/api/v1/desk')).json();
    expect(JSON.stringify(desk)).toContain('arrival_expected');
  });
});

describe('an operator user and the records', () => {
  it('gets 404 (a named record) or 403 (a list) on every route it has no permission for', async () => {
    const c = await createAgency();
    const ids = await fixtures(app, c);
    const op = client(app, await login(app, c.users.operator_user.email));
    const routes = app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.access !== 'public' && r.url !== '/api/v1/auth/logout');
    const denied = routes.filter((r) => !roleHas('operator_user', r.access as Permission));
    expect(denied.length).toBeGreaterThan(150);
    const failures: string[] = [];
    for (const r of denied) {
      const res = await send(op, r.method, fill(r.url, ids, 'case_manager'), {});
      const expected = r.url.includes(':id') ? 404 : 403;
      const refusedEarly =
        r.method !== 'GET' && [400, 428].includes(res.statusCode) && String(res.headers['content-type'] ?? '').includes('problem+json');
      if (res.statusCode !== expected && !refusedEarly) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
      const shown = String(res.headers['content-type'] ?? '').includes('problem+json')
        ? JSON.stringify({ ...res.json(), instance: null })
        : res.body;
      if (shown.includes(ids.household)) failures.push(`${r.method} ${r.url} shows the household`);
    }
    expect(failures).toEqual([]);
    const allowed = routes.filter((r) => r.method === 'GET' && !r.url.includes(':') && roleHas('operator_user', r.access as Permission));
    expect(allowed.map((r) => r.url)).toContain(`${A}/portal`);
    for (const r of allowed) {
      const res = await op.get(r.url);
      expect(res.statusCode, `${r.url} ${res.body}`).toBe(200);
      for (const id of [ids.household, ids.preventionCase, ids.offer, ids.tenancy]) expect(res.body).not.toContain(id);
    }
  });
});
