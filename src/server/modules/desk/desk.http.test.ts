import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDesk, TWorkList } from '../../../contracts/desk.js';
import { berlinDate, endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { activeCase, agreementInput, day } from '../../../../test/aftercare-fixtures.js';
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
import { hashPassword } from '../../platform/auth/password.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';

let app: FastifyInstance;
let a: TestAgency;
let b: TestAgency;
const s = {} as { cm: Client; lead: Client; carrier: Client; otherCm: Client; otherCarrier: Client; sw: Client };
const ids = {} as {
  overdue: string;
  today: string;
  soon: string;
  later: string;
  othersDeadline: string;
  otherAgency: string;
  caseId: string;
};
let extra: { id: string };

const hours = (h: number) => new Date(Date.now() + h * 3_600_000);

/** An open deadline of the agency, as the processes open them (owner connection: the test arranges the clock). */
async function deadline(agency: TestAgency, assigneeId: string | null, dueAt: Date, title: string, status = 'open') {
  const row = await testDbs()
    .owner.insertInto('deadlines')
    .values({
      agency_id: agency.id,
      subject_type: 'test',
      subject_id: crypto.randomUUID(),
      kind: 'test',
      title,
      link: '/deadlines',
      due_at: dueAt,
      assignee_id: assigneeId,
      status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function staffUser(agency: TestAgency, role: string) {
  const tag = crypto.randomBytes(4).toString('hex');
  return testDbs()
    .owner.insertInto('users')
    .values({
      agency_id: agency.id,
      email: `${role}.${tag}@test.example`,
      display_name: `Vertretung ${tag}`,
      role,
      password_hash: await hashPassword(PASSWORD),
    })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  app = await testApp();
  a = await createAgency();
  b = await createAgency();
  for (const [key, agency, role] of [
    ['cm', a, 'case_manager'],
    ['lead', a, 'lead'],
    ['carrier', a, 'carrier_worker'],
    ['sw', a, 'social_worker'],
    ['otherCm', b, 'case_manager'],
    ['otherCarrier', b, 'carrier_worker'],
  ] as const) {
    s[key] = client(app, await login(app, agency.users[role].email));
  }
  const cm = a.users.case_manager.id;
  // Later today, if there is time left today; else the end of today (still ahead of "now").
  const laterToday = hours(1) < endOfDayBerlin(berlinDate(new Date())) ? hours(1) : endOfDayBerlin(berlinDate(new Date()));
  ids.soon = await deadline(a, cm, hours(24 * 3), 'Frist in drei Tagen');
  ids.overdue = await deadline(a, cm, hours(-30), 'Überfällige Frist');
  ids.later = await deadline(a, cm, hours(24 * 20), 'Frist in drei Wochen');
  ids.today = await deadline(a, cm, laterToday, 'Frist heute');
  await deadline(a, cm, hours(-50), 'Erledigte Frist', 'done');
  ids.othersDeadline = await deadline(a, a.users.social_worker.id, hours(-5), 'Frist der Sozialarbeit');
  ids.otherAgency = await deadline(b, b.users.case_manager.id, hours(-5), 'Frist einer anderen Behörde');
  const created = await s.cm.post('/api/v1/prevention/cases', { ...courtNotice(), createHousehold: true });
  expect(created.statusCode).toBe(201);
  ids.caseId = created.json().id;
  extra = await staffUser(a, 'case_manager');
});
afterAll(() => app.close());

const desk = async (c: Client) => {
  const res = await c.get('/api/v1/desk');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TDesk;
};

describe('the start page (desk)', () => {
  it("shows a case manager their own due and overdue deadlines, most urgent first, and nobody else's", async () => {
    const d = await desk(s.cm);
    const mine = d.deadlines.items.filter((i) => [ids.overdue, ids.today, ids.soon, ids.later].includes(i.id));
    expect(mine.map((i) => i.id)).toEqual([ids.overdue, ids.today, ids.soon]);
    expect(mine.map((i) => i.urgency)).toEqual(['overdue', 'today', 'soon']);
    const all = d.deadlines.items.map((i) => i.dueAt!);
    expect([...all].sort()).toEqual(all);
    expect(d.deadlines.items.map((i) => i.id)).not.toContain(ids.othersDeadline);
    expect(d.deadlines.items.map((i) => i.id)).not.toContain(ids.otherAgency);
    expect(d.deadlines.overdue).toBeGreaterThanOrEqual(1);
    // The new notice waits in prevention's section; the team is the lead's only.
    const notices = d.sections.find((x) => x.module === 'prevention' && x.kind === 'new_notice');
    expect(notices?.items.map((i) => i.id)).toContain(ids.caseId);
    expect(d.team).toBeNull();
  });

  it("never shows another agency's work, notices or records", async () => {
    await s.cm.get(`/api/v1/prevention/cases/${ids.caseId}`);
    const mine = await desk(s.cm);
    expect(mine.recent.map((r) => r.id)).toContain(ids.caseId);
    const other = await desk(s.otherCm);
    const seen = JSON.stringify(other);
    for (const id of [ids.caseId, ids.overdue, ids.today, ids.soon]) expect(seen).not.toContain(id);
    expect(other.deadlines.items.map((i) => i.id)).toEqual([ids.otherAgency]);
    expect((await s.otherCm.get(`/api/v1/desk/work?userId=${a.users.case_manager.id}`)).statusCode).toBe(403);
  });

  it('shows a carrier only its own aftercare items, and its copy is logged', async () => {
    await s.cm.post('/api/v1/aftercare/agreements', agreementInput(a.carrierId));
    const h = (await s.cm.post('/api/v1/households', householdInput())).json();
    const c = await activeCase(s.cm, h.id, a.carrierId, a.users.carrier_worker.id);
    await testDbs()
      .owner.updateTable('aftercare_cases')
      .set({ next_visit_due: day(-2) })
      .where('id', '=', c.id)
      .execute();
    const d = await desk(s.carrier);
    expect(d.deadlines.items).toEqual([]);
    expect(new Set(d.sections.map((x) => x.module))).toEqual(new Set(['aftercare']));
    const overdue = d.sections.find((x) => x.kind === 'visit_overdue')!;
    expect(overdue.items.map((i) => i.id)).toEqual([c.id]);
    expect(overdue.items[0]!.urgency).toBe('overdue');
    const transfers = await testDbs()
      .owner.selectFrom('aftercare_transfers')
      .select('kind')
      .where('case_id', '=', c.id)
      .where('user_id', '=', a.users.carrier_worker.id)
      .execute();
    expect(transfers.length).toBeGreaterThan(0);
    // Another agency's carrier sees none of it.
    const other = await desk(s.otherCarrier);
    expect(JSON.stringify(other)).not.toContain(c.id);
    expect(other.sections).toEqual([]);
  });

  it("gives the lead the team's open and overdue work per person and the unassigned work", async () => {
    await deadline(a, extra.id, hours(-3), 'Vertretung überfällig');
    await deadline(a, extra.id, hours(48), 'Vertretung offen');
    await deadline(a, extra.id, hours(-3), 'Vertretung erledigt', 'done');
    const unassigned = await deadline(a, null, hours(-1), 'Niemandem zugewiesen');
    const d = await desk(s.lead);
    const team = d.team!;
    const x = team.members.find((m) => m.userId === extra.id)!;
    expect(x).toMatchObject({ open: 2, overdue: 1, byType: { deadline: 2 } });
    const cmOpen = await testDbs()
      .owner.selectFrom('deadlines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('assignee_id', '=', a.users.case_manager.id)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const cm = team.members.find((m) => m.userId === a.users.case_manager.id)!;
    expect(cm.byType.deadline).toBe(Number(cmOpen.n));
    expect(team.unassigned.byType.deadline).toBeGreaterThanOrEqual(1);
    const list = (await s.lead.get('/api/v1/desk/work')).json() as TWorkList;
    expect(list.items.map((i) => i.id)).toContain(unassigned);
    expect(list.items.every((i) => i.type !== 'deadline' || i.id !== ids.othersDeadline)).toBe(true);
    // Only the lead has the team.
    expect((await s.sw.get('/api/v1/desk/work')).statusCode).toBe(403);
  });

  it('hands over exactly the selected work, audited, and refuses a target of another agency or without the role', async () => {
    const cm = a.users.case_manager.id;
    await s.cm.post(`/api/v1/prevention/cases/${ids.caseId}/assign`, { caseManagerId: cm, socialWorkerId: null, version: 1 });
    const before = (await s.lead.get(`/api/v1/desk/work?userId=${cm}`)).json() as TWorkList;
    expect(before.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.overdue, ids.today, ids.caseId]));
    const pick = [
      { type: 'deadline', id: ids.overdue },
      { type: 'prevention_case', id: ids.caseId },
    ];

    const foreign = await s.lead.post('/api/v1/desk/reassign', { toUserId: b.users.case_manager.id, items: pick });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'toUserId', code: 'unknown_user' })]);
    const wrongRole = await s.lead.post('/api/v1/desk/reassign', { toUserId: a.users.social_worker.id, items: pick });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().errors[0]).toMatchObject({ field: 'toUserId', code: 'role' });
    expect(wrongRole.json().errors[0].message).toContain('Präventionsfälle');
    const company = await s.lead.post('/api/v1/desk/reassign', { toUserId: a.users.provider_user.id, items: [pick[0]] });
    expect(company.json().errors[0]).toMatchObject({ field: 'toUserId', code: 'role' });
    expect((await s.cm.post('/api/v1/desk/reassign', { toUserId: extra.id, items: pick })).statusCode).toBe(403);
    // Nothing moved by the refused attempts.
    const still = await testDbs()
      .owner.selectFrom('deadlines')
      .select('assignee_id')
      .where('id', '=', ids.overdue)
      .executeTakeFirstOrThrow();
    expect(still.assignee_id).toBe(cm);

    const caseDeadlines = await testDbs()
      .owner.selectFrom('deadlines')
      .select('id')
      .where('subject_id', '=', ids.caseId)
      .where('status', '=', 'open')
      .where('assignee_id', '=', cm)
      .execute();
    const ok = await s.lead.post('/api/v1/desk/reassign', { toUserId: extra.id, items: pick });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ moved: 2, byType: { deadline: 1, prevention_case: 1 } });

    const owner = testDbs().owner;
    const holder = async (id: string) =>
      (await owner.selectFrom('deadlines').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow()).assignee_id;
    expect(await holder(ids.overdue)).toBe(extra.id);
    // Unselected work stays where it was.
    expect(await holder(ids.today)).toBe(cm);
    expect(await holder(ids.soon)).toBe(cm);
    expect(await holder(ids.othersDeadline)).toBe(a.users.social_worker.id);
    const c = await owner.selectFrom('prevention_cases').select('case_manager_id').where('id', '=', ids.caseId).executeTakeFirstOrThrow();
    expect(c.case_manager_id).toBe(extra.id);
    // The case's own deadlines that the previous case manager held go with the case.
    for (const d of caseDeadlines) expect(await holder(d.id)).toBe(extra.id);

    const events = await owner
      .selectFrom('audit_events')
      .select(['entity_type', 'entity_id', 'details', 'actor_id'])
      .where('agency_id', '=', a.id)
      .where('action', '=', 'work.reassign')
      .execute();
    expect(events.map((e) => `${e.entity_type}:${e.entity_id}`).sort()).toEqual(
      [`deadline:${ids.overdue}`, `prevention_case:${ids.caseId}`].sort(),
    );
    expect(events.every((e) => e.actor_id === a.users.lead.id)).toBe(true);
    expect(events[0]!.details).toMatchObject({ from: cm, to: extra.id });
    // The new holder is told.
    const told = await owner
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', extra.id)
      .where('kind', '=', 'work.reassigned')
      .execute();
    expect(told.map((n) => n.title)).toEqual(['Ihnen wurden 2 Einträge übergeben']);
  });
});
