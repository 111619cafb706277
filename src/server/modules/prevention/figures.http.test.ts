import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFigure, TFigureCases, TFigures } from '../../../contracts/steering.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';

/*
 * Prevention's later figures against a hand-computed set, Q4 2025 in Baden-Württemberg: Friday
 * 3 October is a holiday, so a notice of Wednesday 1 October has its 3rd working day on Tuesday 7th.
 *
 *   A  received 1 Oct: letter 2 Oct, phone reached 7 Oct (6 days, in standard); clearing done 20 Oct (19 days);
 *      loan of 1,500 € decided 5 Nov
 *   B  received 1 Oct: letter 2 Oct, reached at a home visit 8 Oct (7 days, late): unanswered letter, visit followed;
 *      clearing done 31 Dec 23:30 UTC = 1 Jan in Berlin (not in Q4); grant of 800 € applied (none granted) 1 Dec
 *   C  received 2 Oct: letter 6 Oct, nothing else: unanswered letter, no visit; no contact (standard run out);
 *      assumption rejected 1 Nov (does not count)
 *   D  received 2 Oct: reached by phone the same day (0 days); loan decided 5 Jan 2026 (not in Q4)
 *   → real contact: median of 6, 7, 0 = 6 days; in standard A, D of A–D = 50 %; letter then visit 1 of 2 = 50 %
 *   E  closed home kept 15 Jul 2025 → 3-month mark 15 Oct: kept
 *   F  closed home kept 10 Sep 2025 → mark 10 Dec; the household's later case F2 closed home lost 20 Nov: not kept
 *   G  closed home kept 20 Apr 2025 → 6-month mark 20 Oct: kept
 *   H  closed home kept 30 Nov 2024 → 12-month mark 30 Nov 2025: kept
 *   → kept after 3 months 50 %, after 6 and 12 months 100 %
 */
const Q4 = 'from=2025-10-01&to=2025-12-31';
const ORDER = ['contacting', 'clearing', 'measures', 'closed'];

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
const ids: Record<string, string> = {};

async function notice(receivedOn: string): Promise<string> {
  const res = await cm.post(
    '/api/v1/prevention/cases',
    courtNotice({ receivedOn, terminationOn: '2025-08-15', lawsuitServedOn: null, hearingAt: null, createHousehold: true } as Parameters<
      typeof courtNotice
    >[0]),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function attempt(id: string, channel: string, at: string, result: string) {
  const r = await cm.post(`/api/v1/prevention/cases/${id}/attempts`, { channel, at, result });
  expect(r.statusCode, r.body).toBeLessThan(300);
}
const owner = () => testDbs().owner;
const close = (id: string, outcome: string, closedAt: string) =>
  owner()
    .updateTable('prevention_cases')
    .set({ outcome, closed_at: new Date(closedAt), status: 'closed' })
    .where('id', '=', id)
    .execute();
/** The clearing completed at `at`: the state column moves (the trigger logs it), then the log's time is set to `at`. */
async function clearingDone(id: string, at: string) {
  await owner().updateTable('prevention_cases').set({ status: 'measures' }).where('id', '=', id).execute();
  await owner()
    .updateTable('domain_events')
    .set({ at: new Date(at) })
    .where('case_id', '=', id)
    .where('to_state', '=', 'measures')
    .execute();
}
const assumption = (caseId: string, data: Record<string, unknown>) =>
  owner()
    .insertInto('prevention_measures')
    .values({ agency_id: agency.id, case_id: caseId, kind: 'rent_debt_assumption', status: 'approved', data: JSON.stringify(data) })
    .execute();
const figure = (f: TFigures, id: string): TFigure => f.figures.find((x) => x.id === id)!;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  ids.a = await notice('2025-10-01');
  await attempt(ids.a, 'letter', '2025-10-02T08:00:00Z', 'letter_sent');
  await attempt(ids.a, 'phone', '2025-10-07T08:00:00Z', 'reached');
  ids.b = await notice('2025-10-01');
  await attempt(ids.b, 'letter', '2025-10-02T08:00:00Z', 'letter_sent');
  await attempt(ids.b, 'home_visit', '2025-10-08T08:00:00Z', 'reached');
  ids.c = await notice('2025-10-02');
  await attempt(ids.c, 'letter', '2025-10-06T08:00:00Z', 'letter_sent');
  ids.d = await notice('2025-10-02');
  await attempt(ids.d, 'phone', '2025-10-02T12:00:00Z', 'reached');
  await clearingDone(ids.a, '2025-10-20T10:00:00Z');
  await clearingDone(ids.b, '2025-12-31T23:30:00Z');
  await assumption(ids.a, { decision: 'loan', decidedOn: '2025-11-05', amountCents: 200000, grantedCents: 150000 });
  await assumption(ids.b, { decision: 'grant', decidedOn: '2025-12-01', amountCents: 80000 });
  await assumption(ids.c, { decision: 'rejected', decidedOn: '2025-11-01', amountCents: 50000 });
  await assumption(ids.d, { decision: 'loan', decidedOn: '2026-01-05', grantedCents: 99900 });

  for (const [k, on] of [
    ['e', '2025-03-01'],
    ['f', '2025-06-01'],
    ['f2', '2025-09-20'],
    ['g', '2025-02-01'],
    ['h', '2024-10-01'],
  ] as const)
    ids[k] = await notice(on);
  const household = await owner().selectFrom('prevention_cases').select('household_id').where('id', '=', ids.f!).executeTakeFirstOrThrow();
  await owner().updateTable('prevention_cases').set({ household_id: household.household_id }).where('id', '=', ids.f2!).execute();
  await close(ids.e!, 'home_kept', '2025-07-15T10:00:00Z');
  await close(ids.f!, 'home_kept', '2025-09-10T10:00:00Z');
  await close(ids.f2!, 'home_lost', '2025-11-20T10:00:00Z');
  await close(ids.g!, 'home_kept', '2025-04-20T10:00:00Z');
  await close(ids.h!, 'home_kept', '2024-11-30T10:00:00Z');
});
afterAll(() => app.close());

describe('prevention figures', () => {
  it('computes real contact, letter then visit, clearing, assumptions and homes kept from hand-counted cases', async () => {
    const res = await cm.get(`/api/v1/steering/figures?${Q4}`);
    expect(res.statusCode, res.body).toBe(200);
    const f: TFigures = res.json();
    expect(figure(f, 'prevention.first_contact_days').value).toBe(6);
    expect(figure(f, 'prevention.first_contact_within_standard').value).toBe(50);
    expect(figure(f, 'prevention.visit_after_letter').value).toBe(50);
    expect(figure(f, 'prevention.clearings_completed').value).toBe(1);
    expect(figure(f, 'prevention.clearing_days').value).toBe(19);
    const assumptions = figure(f, 'prevention.assumptions');
    expect(assumptions.value).toBe(2);
    expect(Object.fromEntries(assumptions.breakdown!.map((b) => [b.key, b.count]))).toEqual({ loan: 1, grant: 1 });
    expect(figure(f, 'prevention.assumptions_sum')).toMatchObject({ value: 2300, unit: 'euros' });
    expect(figure(f, 'prevention.kept_after_3').value).toBe(50);
    expect(figure(f, 'prevention.kept_after_6').value).toBe(100);
    expect(figure(f, 'prevention.kept_after_12').value).toBe(100);
    // The next quarter has B's clearing (1 January in Berlin).
    const q1: TFigures = (await cm.get('/api/v1/steering/figures?from=2026-01-01&to=2026-03-31')).json();
    expect(figure(q1, 'prevention.clearings_completed').value).toBe(1);
  });

  it('logs each transition of the case with its actor, in the same transaction', async () => {
    const events = await owner()
      .selectFrom('domain_events')
      .select(['from_state', 'to_state', 'actor_id', 'household_id', 'case_kind'])
      .where('case_id', '=', ids.a!)
      .execute()
      // In the machine's order (the test moved the clearing's time back to October).
      .then((rows) => rows.sort((x, y) => ORDER.indexOf(x.to_state) - ORDER.indexOf(y.to_state)));
    expect(events.map((e) => [e.from_state, e.to_state])).toEqual([
      [null, 'contacting'],
      ['contacting', 'clearing'],
      ['clearing', 'measures'],
    ]);
    // Through the API the case manager; the owner's direct change has no actor.
    expect(events.map((e) => e.actor_id)).toEqual([agency.users.case_manager.id, agency.users.case_manager.id, null]);
    expect(events.every((e) => e.case_kind === 'prevention_case' && e.household_id)).toBe(true);
  });

  it('lists the cases behind a figure, paged and audited', async () => {
    const res = await cm.get(`/api/v1/steering/figures/prevention.kept_after_3/cases?${Q4}`);
    expect(res.statusCode, res.body).toBe(200);
    const page: TFigureCases = res.json();
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.caseId, i.on])).toEqual([
      [ids.e, '2025-10-15'],
      [ids.f, '2025-12-10'],
    ]);
    expect(page.items[0]).toMatchObject({ link: `/prevention/cases/${ids.e}`, fileNumber: expect.any(String) });

    const paged: TFigureCases = (await cm.get(`/api/v1/steering/figures/prevention.notices/cases?${Q4}&page=2&pageSize=3`)).json();
    expect(paged).toMatchObject({ total: 4, page: 2 });
    expect(paged.items).toHaveLength(1);
    expect((await cm.get(`/api/v1/steering/figures/nothing.here/cases?${Q4}`)).statusCode).toBe(404);

    const audited = await owner()
      .selectFrom('audit_events')
      .select('details')
      .where('agency_id', '=', agency.id)
      .where('action', '=', 'steering.cases')
      .execute();
    expect(audited.length).toBe(2);
    expect(audited.map((a) => (a.details as { cases: string[] }).cases)).toContainEqual([ids.e, ids.f]);
  });
});
