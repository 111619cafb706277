import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementInput, carrierUser, consentInput, day, referralInput } from '../../../../test/aftercare-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let carrier: Client;
let carrierLead: Client;
let carrierLeadId: string;
let provider: Client;

const household = async () =>
  (await cm.post('/api/v1/households', householdInput({ situation: 'housed', seekingHousing: false }))).json().id as string;
const notificationsOf = (userId: string) =>
  testDbs().owner.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', userId).execute();

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency({ totpRequiredRoles: [] });
  cm = client(app, await login(app, agency.users.case_manager.email));
  carrier = client(app, await login(app, agency.users.carrier_worker.email));
  provider = client(app, await login(app, agency.users.provider_user.email));
  const lead = await carrierUser(agency, agency.carrierId, true);
  carrierLeadId = lead.id;
  carrierLead = client(app, await login(app, lead.email));
  const agreement = await cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId));
  expect(agreement.statusCode, agreement.body).toBe(201);
});
afterAll(() => app.close());

describe('aftercare journey over HTTP', () => {
  it('referral → check → consent → grant → plan → visits → referral, contact → extension → end → follow-up', async () => {
    const hh = await household();
    const referred = await cm.post('/api/v1/aftercare/cases', referralInput(hh, agency.carrierId));
    expect(referred.statusCode, referred.body).toBe(201);
    const c = referred.json();
    expect(c).toMatchObject({
      state: 'referred',
      view: 'office',
      source: 'parish',
      household: { id: hh },
      actions: expect.arrayContaining(['check', 'refuse']),
    });
    // Nothing reaches the carrier before grant and consent.
    expect((await carrier.get(`/api/v1/aftercare/cases/${c.id}`)).statusCode).toBe(404);
    expect((await carrierLead.get(`/api/v1/aftercare/cases/${c.id}`)).statusCode).toBe(404);

    const checked = await cm.post(`/api/v1/aftercare/cases/${c.id}/check`, {
      comparableHelp: [],
      note: 'Sozialamt: keine Hilfe nach § 67',
      version: c.version,
    });
    expect(checked.json()).toMatchObject({ state: 'checked', check: { comparableHelp: [] } });
    const consented = await cm.post(`/api/v1/aftercare/cases/${c.id}/consent`, consentInput());
    expect(consented.json()).toMatchObject({ state: 'checked', consent: { form: 'written', withdrawnOn: null } });
    expect((await carrierLead.get(`/api/v1/aftercare/cases/${c.id}`)).statusCode).toBe(404);

    const granted = await cm.post(`/api/v1/aftercare/cases/${c.id}/grant`, { grantedFrom: day(-60), version: consented.json().version });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ state: 'active', visitEveryWeeks: 4, grantedFrom: day(-60) });
    expect(granted.json().grantedUntil > day(100)).toBe(true);

    // The lead sees every consented case of the carrier; the worker only once assigned.
    const leadView = await carrierLead.get(`/api/v1/aftercare/cases/${c.id}`);
    expect(leadView.statusCode).toBe(200);
    expect(leadView.json()).toMatchObject({
      view: 'carrier',
      household: { id: null, reference: null, address: 'Neusser Straße 12, 50670 Köln' },
      source: null,
      check: null,
      followUps: [],
    });
    expect((await carrier.get(`/api/v1/aftercare/cases/${c.id}`)).statusCode).toBe(404);
    // The lead's picker lists the carrier's active workers (the lead among them); the Fachstelle sees the same.
    const workers = await carrierLead.get(`/api/v1/aftercare/cases/${c.id}/workers`);
    expect(workers.statusCode, workers.body).toBe(200);
    const picked = workers.json().items as { id: string; lead: boolean }[];
    expect(picked.map((w) => w.id).sort()).toEqual([agency.users.carrier_worker.id, carrierLeadId].sort());
    expect(picked.find((w) => w.id === carrierLeadId)?.lead).toBe(true);
    expect((await cm.get(`/api/v1/aftercare/cases/${c.id}/workers`)).json()).toEqual(workers.json());
    expect((await carrier.get(`/api/v1/aftercare/cases/${c.id}/workers`)).statusCode).toBe(404);
    const assigned = await carrierLead.post(`/api/v1/aftercare/cases/${c.id}/assign`, {
      carrierWorkerId: agency.users.carrier_worker.id,
      version: granted.json().version,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    // A worker who is not the lead may not reassign.
    expect(
      (await carrier.post(`/api/v1/aftercare/cases/${c.id}/assign`, { carrierWorkerId: null, version: assigned.json().version }))
        .statusCode,
    ).toBe(404);

    // Plan in the household's words, reviewed.
    const withGoal = await carrier.post(`/api/v1/aftercare/cases/${c.id}/goals`, {
      goal: 'Ich will die Miete jeden Monat pünktlich zahlen.',
      measures: 'Dauerauftrag einrichten',
      responsible: 'Haushalt mit Fachkraft',
      reviewOn: day(10),
    });
    expect(withGoal.statusCode, withGoal.body).toBe(200);
    const goalId = withGoal.json().goals[0].id;
    const reviewed = await carrier.post(`/api/v1/aftercare/goals/${goalId}/reviews`, {
      reviewedOn: day(-1),
      progress: 'much',
      nextReviewOn: day(30),
    });
    expect(reviewed.json().goals[0]).toMatchObject({ reviewOn: day(30), reviews: [{ progress: 'much' }] });

    // A held visit schedules the next by the rhythm; an overdue one is in the queue.
    const held = await carrier.post(`/api/v1/aftercare/cases/${c.id}/visits`, {
      status: 'held',
      visitedOn: day(-40),
      topics: ['rent_paid', 'job_centre'],
      householdView: 'Es läuft besser.',
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ nextVisitDueOn: day(-12), missedInRow: 0 });
    const queue = (await carrier.get('/api/v1/aftercare/queue')).json();
    expect(queue.overdue.map((q: { caseId: string }) => q.caseId)).toContain(c.id);
    expect(queue.counts.overdue).toBeGreaterThanOrEqual(queue.overdue.length);
    // The start page logs each shown case once per user and day; each case read is logged.
    const logged = (kind: string) =>
      testDbs()
        .owner.selectFrom('aftercare_transfers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('case_id', '=', c.id)
        .where('kind', '=', kind)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const reads = await logged('case_read');
    await carrier.get('/api/v1/aftercare/queue');
    await carrier.get(`/api/v1/aftercare/cases/${c.id}`);
    expect(await logged('queue')).toBe(1);
    expect(await logged('case_read')).toBe(reads + 1);
    const deadlines = await testDbs()
      .owner.selectFrom('deadlines')
      .selectAll()
      .where('subject_id', '=', c.id)
      .where('status', '=', 'open')
      .execute();
    expect(deadlines.map((d) => [d.kind, d.assignee_id])).toEqual(
      expect.arrayContaining([
        ['aftercare_visit', agency.users.carrier_worker.id],
        ['aftercare_end', agency.users.case_manager.id],
      ]),
    );

    // Two missed visits in a row alert the carrier's lead.
    await carrier.post(`/api/v1/aftercare/cases/${c.id}/visits`, { status: 'not_met', visitedOn: day(-10) });
    const missed = await carrier.post(`/api/v1/aftercare/cases/${c.id}/visits`, { status: 'refused', visitedOn: day(-3) });
    expect(missed.json()).toMatchObject({ missedInRow: 2, nextVisitDueOn: day(4) });
    expect((await notificationsOf(carrierLeadId)).map((n) => n.kind)).toContain('aftercare.visits_missed');

    // Referral to other help and a mediation contact.
    const ref = await carrier.post(`/api/v1/aftercare/cases/${c.id}/referrals`, {
      kind: 'debt_counselling',
      provider: 'Schuldnerberatung SKM',
    });
    const refId = ref.json().referrals[0].id;
    const refUpd = await carrier.put(`/api/v1/aftercare/referrals/${refId}`, { status: 'taken_up' });
    expect(refUpd.json().referrals[0]).toMatchObject({ status: 'taken_up' });
    const contact = await carrier.post(`/api/v1/aftercare/cases/${c.id}/contacts`, {
      occurredOn: day(-2),
      counterpart: 'landlord',
      outcome: 'agreement',
      note: 'Ratenzahlung vereinbart',
    });
    expect(contact.json().contacts).toHaveLength(1);

    // Extension within the maximum, refused beyond it; the carrier may not extend.
    const cur = (await cm.get(`/api/v1/aftercare/cases/${c.id}`)).json();
    expect(
      (await carrier.post(`/api/v1/aftercare/cases/${c.id}/extend`, { months: 3, reason: 'x', version: cur.version })).statusCode,
    ).toBe(404);
    const extended = await cm.post(`/api/v1/aftercare/cases/${c.id}/extend`, {
      months: 6,
      reason: 'Mietschulden noch nicht geregelt',
      version: cur.version,
    });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json().extensions).toHaveLength(1);
    const tooLong = await cm.post(`/api/v1/aftercare/cases/${c.id}/extend`, {
      months: 12,
      reason: 'noch länger',
      version: extended.json().version,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('months');

    // End with a reason: follow-up checks 6 and 12 months later, recorded by the Fachstelle.
    const ended = await cm.post(`/api/v1/aftercare/cases/${c.id}/end`, {
      reason: 'goals_reached',
      endedOn: day(0),
      version: extended.json().version,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ state: 'ended', endReason: 'goals_reached' });
    expect(ended.json().followUps.map((f: { months: number }) => f.months)).toEqual([6, 12]);
    const fu = await cm.post(`/api/v1/aftercare/follow-ups/${ended.json().followUps[0].id}`, { homeKept: true, checkedOn: day(0) });
    expect(fu.statusCode, fu.body).toBe(200);
    expect(fu.json().followUps[0]).toMatchObject({ homeKept: true });

    // Every copy the carrier received is in the transfer log, with the allow-listed fields.
    const transfers = (await cm.get(`/api/v1/aftercare/cases/${c.id}/transfers`)).json().items;
    expect(transfers.length).toBeGreaterThan(5);
    expect(transfers.map((t: { kind: string }) => t.kind)).toEqual(expect.arrayContaining(['case_read', 'queue']));
    expect(transfers[0].fields).not.toContain('source');
    expect((await carrier.get(`/api/v1/aftercare/cases/${c.id}/transfers`)).statusCode).toBe(404);
  });

  it('a visit finding new arrears sends a notice to prevention; the carrier sees only that it was received', async () => {
    const hh = await household();
    const c = await activeCase(cm, hh, agency.carrierId, agency.users.carrier_worker.id);
    const res = await carrier.post(`/api/v1/aftercare/cases/${c.id}/visits`, {
      status: 'held',
      visitedOn: day(-1),
      riskSigns: ['new_arrears', 'debts'],
      arrearsCents: 120_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().visits[0]).toMatchObject({ preventionNotified: true, riskSigns: ['new_arrears', 'debts'] });
    expect(JSON.stringify(res.json())).not.toMatch(/prevention_case|preventionCase/);
    const cases = await testDbs()
      .owner.selectFrom('prevention_cases')
      .select(['status', 'source'])
      .where('household_id', '=', hh)
      .execute();
    expect(cases).toEqual([{ status: 'contacting', source: 'other_service' }]);
  });

  it('withdrawal of consent ends the help and the carrier gets 404 on the next request', async () => {
    const c = await activeCase(cm, await household(), agency.carrierId, agency.users.carrier_worker.id);
    expect((await carrier.get(`/api/v1/aftercare/cases/${c.id}`)).statusCode).toBe(200);
    const withdrawn = await cm.post(`/api/v1/aftercare/cases/${c.id}/consent/withdraw`, {
      withdrawnOn: day(0),
      note: 'telefonisch widerrufen',
      version: c.version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ state: 'ended', endReason: 'declined_withdrawn', consent: { withdrawnOn: day(0) } });
    expect((await carrier.get(`/api/v1/aftercare/cases/${c.id}`)).statusCode).toBe(404);
    expect((await carrierLead.get(`/api/v1/aftercare/cases/${c.id}`)).statusCode).toBe(404);
    const list = (await carrierLead.get('/api/v1/aftercare/cases?pageSize=200')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const open = await testDbs()
      .owner.selectFrom('deadlines')
      .select('kind')
      .where('subject_id', '=', c.id)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
  });

  it('refusal: a comparable help blocks the grant; the refusal names it and produces a letter', async () => {
    const c = (await cm.post('/api/v1/aftercare/cases', referralInput(await household(), agency.carrierId))).json();
    const checked = (await cm.post(`/api/v1/aftercare/cases/${c.id}/check`, { comparableHelp: ['sgb12_67'], version: c.version })).json();
    const grant = await cm.post(`/api/v1/aftercare/cases/${c.id}/grant`, { grantedFrom: day(0), version: checked.version });
    expect(grant.statusCode).toBe(409);
    const refused = await cm.post(`/api/v1/aftercare/cases/${c.id}/refuse`, {
      existingHelp: 'sgb12_67',
      existingHelpDetail: 'Diakonie, ambulante Hilfe',
      version: checked.version,
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ state: 'refused', refusal: { existingHelp: 'sgb12_67' }, actions: [] });
    const pdf = await cm.get(`/api/v1/aftercare/cases/${c.id}/documents/${refused.json().refusal.documentId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('isolation: carrier A gets 404 on carrier B’s case, the housing company sees nothing of aftercare', async () => {
    const { owner } = testDbs();
    const b = await owner
      .insertInto('carriers')
      .values({ agency_id: agency.id, name: 'Träger B' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await cm.post('/api/v1/aftercare/agreements', agreementInput(b.id));
    const leadB = await carrierUser(agency, b.id, true);
    const clientB = client(app, await login(app, leadB.email));
    const caseA = await activeCase(cm, await household(), agency.carrierId, agency.users.carrier_worker.id);
    const caseB = await activeCase(cm, await household(), b.id, leadB.id);
    expect((await clientB.get(`/api/v1/aftercare/cases/${caseA.id}`)).statusCode).toBe(404);
    expect((await carrierLead.get(`/api/v1/aftercare/cases/${caseB.id}`)).statusCode).toBe(404);
    expect((await carrierLead.get(`/api/v1/aftercare/cases/${caseB.id}/workers`)).statusCode).toBe(404);
    expect((await clientB.get(`/api/v1/aftercare/cases/${caseB.id}/workers`)).json().items).toEqual([
      { id: leadB.id, name: expect.any(String), lead: true },
    ]);
    expect((await clientB.get(`/api/v1/aftercare/cases/${caseB.id}`)).statusCode).toBe(200);
    const listB = (await clientB.get('/api/v1/aftercare/cases')).json();
    expect(listB.items.map((i: { id: string }) => i.id)).toEqual([caseB.id]);
    // The Fachstelle sees all, per carrier.
    const perCarrier = (await cm.get(`/api/v1/aftercare/cases?carrierId=${b.id}`)).json();
    expect(perCarrier.items.map((i: { id: string }) => i.id)).toEqual([caseB.id]);
    const agreementsB = (await clientB.get('/api/v1/aftercare/agreements')).json();
    expect(agreementsB.items.map((g: { carrier: { id: string } }) => g.carrier.id)).toEqual([b.id]);

    expect((await provider.get('/api/v1/aftercare/cases')).statusCode).toBe(403);
    expect((await provider.get(`/api/v1/aftercare/cases/${caseA.id}`)).statusCode).toBe(404);
    expect((await provider.get('/api/v1/aftercare/queue')).statusCode).toBe(403);
    expect((await provider.get('/api/v1/aftercare/agreements')).statusCode).toBe(403);
  });

  it('hand-over from prevention creates the aftercare referral in the same step', async () => {
    const pc = (await cm.post('/api/v1/prevention/cases', { ...courtNotice(), createHousehold: true })).json();
    const closed = (await cm.post(`/api/v1/prevention/cases/${pc.id}/close`, { outcome: 'home_kept', version: pc.version })).json();
    const handed = await cm.post(`/api/v1/prevention/cases/${pc.id}/aftercare`, {
      carrierId: agency.carrierId,
      handedOverOn: day(0),
      version: closed.version,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const item = await testDbs()
      .owner.selectFrom('aftercare_cases')
      .select('id')
      .where('prevention_case_id', '=', pc.id)
      .executeTakeFirstOrThrow();
    const list = (await cm.get('/api/v1/aftercare/cases?state=referred&pageSize=200')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const detail = (await cm.get(`/api/v1/aftercare/cases/${item.id}`)).json();
    expect(detail).toMatchObject({
      state: 'referred',
      source: 'fachstelle',
      targetGroup: 'secured_tenancy',
      fromPrevention: true,
      household: { id: pc.household.id },
    });
    // A second hand-over of the same household is refused (one open aftercare case per household).
    expect((await cm.post('/api/v1/aftercare/cases', referralInput(pc.household.id, agency.carrierId))).statusCode).toBe(409);
  });

  it('reports: quarter figures and the annual report with small cells suppressed', async () => {
    const year = Number(day(0).slice(0, 4));
    const annual = await cm.get(`/api/v1/aftercare/reports/annual?year=${year}`);
    expect(annual.statusCode, annual.body).toBe(200);
    const body = annual.json();
    expect(body.dueOn).toBe(`${year + 1}-04-30`);
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows[0].pseudonym).toMatch(/^WIH-\d{4}-\d{4}$/);
    expect(JSON.stringify(body.rows)).not.toMatch(/Mustermann|Neusser/);
    // Fewer than five cases per cell in this small agency: every cell is suppressed.
    for (const cell of [...body.aggregates.byTargetGroup, ...body.aggregates.byGender]) {
      if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(5);
    }
    const month = Number(day(0).slice(5, 7));
    const quarter = await cm.get(`/api/v1/aftercare/reports/quarter?year=${year}&quarter=${Math.ceil(month / 3)}`);
    expect(quarter.statusCode, quarter.body).toBe(200);
    expect(quarter.json().visits.every((v: { count: number | null }) => v.count === null || v.count >= 5)).toBe(true);
  });
});
