import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFigure, TFigures } from '../../../contracts/steering.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';

/*
 * Q4 2025 in Baden-Württemberg (the test agencies' state): Friday 3 October is a public holiday, so
 * a notice received on Wednesday 1 October has its third working day on Tuesday 7 October.
 */
const Q4 = '/api/v1/steering/figures?from=2025-10-01&to=2025-12-31';

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let cm: Client;
let lead: Client;
let otherLead: Client;

const notice = (source: string, receivedOn: string) =>
  courtNotice({
    source: source as 'court_notice',
    receivedOn,
    terminationOn: '2025-08-15',
    lawsuitServedOn: null,
    hearingAt: null,
    createHousehold: true,
  } as Parameters<typeof courtNotice>[0]);

async function caseWithAttempt(c: Client, source: string, receivedOn: string, attemptAt: string | null): Promise<string> {
  const res = await c.post('/api/v1/prevention/cases', notice(source, receivedOn));
  expect(res.statusCode, res.body).toBe(201);
  const id: string = res.json().id;
  if (attemptAt) {
    const a = await c.post(`/api/v1/prevention/cases/${id}/attempts`, { channel: 'letter', at: attemptAt, result: 'letter_sent' });
    expect(a.statusCode, a.body).toBeLessThan(300);
  }
  return id;
}

const close = (id: string, outcome: string, closedAt: string) =>
  testDbs()
    .owner.updateTable('prevention_cases')
    .set({ outcome, closed_at: new Date(closedAt), status: 'closed' })
    .where('id', '=', id)
    .execute();

const figure = (f: TFigures, id: string): TFigure => f.figures.find((x) => x.id === id)!;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  other = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  lead = client(app, await login(app, agency.users.lead.email));
  otherLead = client(app, await login(app, other.users.lead.email));

  const a = await caseWithAttempt(cm, 'court_notice', '2025-10-01', '2025-10-07T08:00:00Z'); // 6 days, 3rd working day
  const b = await caseWithAttempt(cm, 'landlord', '2025-10-01', '2025-10-08T08:00:00Z'); // 7 days, too late
  const c = await caseWithAttempt(cm, 'job_centre', '2025-10-02', '2025-10-02T12:00:00Z'); // same day
  await caseWithAttempt(cm, 'self_referral', '2025-11-03', null); // standard long run out, no attempt
  await caseWithAttempt(cm, 'landlord', '2025-09-15', '2025-09-16T08:00:00Z'); // the quarter before
  await close(a, 'home_kept', '2025-11-10T10:00:00Z');
  await close(b, 'home_lost', '2025-12-01T10:00:00Z');
  await close(c, 'help_declined', '2025-12-31T23:30:00Z'); // 1 January in Berlin: the next quarter

  // Another agency's notices in the same quarter never count here.
  const o = client(app, await login(app, other.users.case_manager.email));
  await caseWithAttempt(o, 'court_notice', '2025-10-01', '2025-10-01T09:00:00Z');
  await caseWithAttempt(o, 'court_notice', '2025-10-06', '2025-10-30T09:00:00Z');
});
afterAll(() => app.close());

describe('the steering figures of an agency', () => {
  it('computes the prevention figures from the agency’s own cases, with working days over a holiday', async () => {
    const res = await cm.get(Q4);
    expect(res.statusCode, res.body).toBe(200);
    const f: TFigures = res.json();
    expect(f).toMatchObject({ from: '2025-10-01', to: '2025-12-31', previousFrom: '2025-07-01', previousTo: '2025-09-30' });

    const notices = figure(f, 'prevention.notices');
    expect(notices).toMatchObject({ module: 'prevention', unit: 'count', value: 4, previous: 1, status: 'not_set' });
    expect(Object.fromEntries(notices.breakdown!.map((b) => [b.key, b.count]))).toEqual({
      court_notice: 1,
      landlord: 1,
      job_centre: 1,
      self_referral: 1,
      other_service: 0,
    });
    expect(notices.definition.de).toMatch(/Eingangsdatum/);

    expect(figure(f, 'prevention.first_attempt_days')).toMatchObject({ value: 6, previous: 1, higherIsBetter: false });
    // Within 3 working days: A (holiday on the 3rd) and C; not B (too late) nor D (none); 2 of 4.
    expect(figure(f, 'prevention.first_attempt_within_standard')).toMatchObject({ value: 50, previous: 100 });
    const kept = figure(f, 'prevention.home_kept');
    expect(kept.value).toBe(50);
    expect(Object.fromEntries(kept.breakdown!.map((b) => [b.key, b.count]))).toEqual({ kept: 1, lost: 1, other: 0 });

    expect(figure(f, 'placement.offers_received')).toMatchObject({ value: 0, status: 'not_set' });
    expect(figure(f, 'placement.offer_to_lease_days')).toMatchObject({ value: null });
    expect(figure(f, 'sustainment.tenancies_running')).toMatchObject({ value: 0 });
    expect(figure(f, 'aftercare.visits_held')).toMatchObject({ value: null });

    const theirs: TFigures = (await otherLead.get(Q4)).json();
    expect(figure(theirs, 'prevention.notices').value).toBe(2);
    expect(figure(theirs, 'prevention.first_attempt_within_standard').value).toBe(50);
  });

  it('versions minimum and target values and shows the status of the version in force at the period’s end', async () => {
    const set = (body: object) => lead.post('/api/v1/steering/targets', body);
    let r = await set({
      figureId: 'prevention.first_attempt_within_standard',
      minimum: 60,
      target: 90,
      validFrom: '2025-01-01',
      note: 'Zielvereinbarung 2025',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(figure((await lead.get(Q4)).json(), 'prevention.first_attempt_within_standard')).toMatchObject({
      minimum: 60,
      target: 90,
      targetsFrom: '2025-01-01',
      status: 'below_minimum',
    });
    r = await set({ figureId: 'prevention.first_attempt_within_standard', minimum: 40, target: 80, validFrom: '2025-12-01', note: null });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().items.map((v: { validFrom: string }) => v.validFrom)).toEqual(['2025-12-01', '2025-01-01']);
    // A version from a day after the period does not apply to it.
    await set({ figureId: 'prevention.first_attempt_within_standard', minimum: 70, target: 95, validFrom: '2026-01-01', note: null });
    await set({ figureId: 'prevention.first_attempt_days', minimum: 10, target: 5, validFrom: '2025-01-01', note: null });
    await set({ figureId: 'prevention.notices', minimum: 2, target: 4, validFrom: '2025-01-01', note: null });

    const f: TFigures = (await cm.get(Q4)).json();
    expect(figure(f, 'prevention.first_attempt_within_standard')).toMatchObject({
      minimum: 40,
      target: 80,
      targetsFrom: '2025-12-01',
      status: 'minimum_reached',
    });
    expect(figure(f, 'prevention.first_attempt_days')).toMatchObject({ status: 'minimum_reached' });
    expect(figure(f, 'prevention.notices')).toMatchObject({ status: 'target_reached' });

    const history = (await cm.get('/api/v1/steering/targets?figureId=prevention.first_attempt_within_standard')).json().items;
    expect(history).toHaveLength(3);
    expect(history[2]).toMatchObject({ minimum: 60, target: 90, note: 'Zielvereinbarung 2025', createdBy: expect.any(String) });
    // Another agency sees none of them and its figures have no values in force.
    expect((await otherLead.get('/api/v1/steering/targets')).json().items).toEqual([]);
    expect(figure((await otherLead.get(Q4)).json(), 'prevention.notices').status).toBe('not_set');

    const audited = await testDbs()
      .owner.selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', agency.id)
      .where('action', 'in', ['steering.figures', 'steering.targets', 'steering.target_set'])
      .execute();
    expect(new Set(audited.map((a) => a.action))).toEqual(new Set(['steering.figures', 'steering.targets', 'steering.target_set']));
  });

  it('answers wrong input with the field named', async () => {
    const bad = async (c: Client, url: string, body: object | null, field: string) => {
      const r = body ? await c.post(url, body) : await c.get(url);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json().errors[0].field).toBe(field);
    };
    const url = '/api/v1/steering/targets';
    await bad(lead, url, { figureId: 'prevention.home_kept', minimum: 90, target: 60, validFrom: '2025-01-01' }, 'target');
    await bad(lead, url, { figureId: 'prevention.first_attempt_days', minimum: 3, target: 8, validFrom: '2025-01-01' }, 'target');
    await bad(lead, url, { figureId: 'prevention.home_kept', minimum: 50, target: 120, validFrom: '2025-01-01' }, 'target');
    await bad(lead, url, { figureId: 'nothing.here', minimum: 1, target: 2, validFrom: '2025-01-01' }, 'figureId');
    await bad(lead, '/api/v1/steering/figures?from=2025-12-31&to=2025-10-01', null, 'to');
    const denied = await cm.post(url, { figureId: 'prevention.home_kept', minimum: 50, target: 60, validFrom: '2025-01-01' });
    expect(denied.statusCode).toBe(403);
  });

  it('defaults to the current quarter', async () => {
    const f: TFigures = (await lead.get('/api/v1/steering/figures')).json();
    expect(f.from).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    expect(f.figures.length).toBeGreaterThanOrEqual(10);
  });
});
