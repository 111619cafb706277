import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from './helpers.js';
import { courtNotice } from './prevention-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let sw: Client;
let lead: Client;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency({ totpRequiredRoles: [] });
  cm = client(app, await login(app, agency.users.case_manager.email));
  sw = client(app, await login(app, agency.users.social_worker.email));
  lead = client(app, await login(app, agency.users.lead.email));
});
afterAll(() => app.close());

const deadlinesOf = (id: string) =>
  testDbs()
    .owner.selectFrom('deadlines')
    .select(['kind', 'status', 'due_at', 'assignee_id'])
    .where('subject_id', '=', id)
    .orderBy('created_at')
    .orderBy('kind')
    .execute();
const notificationsOf = (userId: string) =>
  testDbs().owner.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', userId).orderBy('created_at').execute();

describe('prevention journey over HTTP', () => {
  it('court notice → contact → clearing → rent-debt assumption → home kept → aftercare', async () => {
    // 1. The court notice comes in; a new household is created (no match).
    const notice = courtNotice({ socialWorkerId: agency.users.social_worker.id });
    const created = await cm.post('/api/v1/prevention/cases', notice, { 'idempotency-key': 'notice-1' });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ status: 'contacting', threatStage: 'lawsuit', caseManager: { id: agency.users.case_manager.id } });
    expect(c.household.situation).toBe('at_risk');
    // Served 10.11.2026 → cure period ends 10.01.2027, a Sunday → Monday 11.01.2027 (§ 193 BGB).
    expect(c.legal).toMatchObject({ cureEnd: '2027-01-11', cureEndUnshifted: '2027-01-10', cureAvailable: true, paymentAloneSaves: true });
    expect(c.contact.next).toMatchObject({ index: 0, channel: 'letter' });
    expect(c.actions).toEqual(expect.arrayContaining(['recordAttempt', 'contactLetter', 'close', 'update']));
    const kinds = (await deadlinesOf(c.id)).map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['prevention_contact', 'prevention_cure_end', 'prevention_hearing']));
    // Retried with the same key: the same case, nothing new.
    const replay = await cm.post('/api/v1/prevention/cases', notice, { 'idempotency-key': 'notice-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(c.id);
    expect(
      await testDbs().owner.selectFrom('prevention_cases').select('id').where('household_id', '=', c.household.id).execute(),
    ).toHaveLength(1);

    // The same person again: a possible duplicate, which needs an explicit choice.
    const again = courtNotice({
      tenants: c.tenants.map((t: { firstName: string; lastName: string; birthDate: string }) => ({ ...t, gender: 'female' })),
      street: 'Andere Straße 1',
    });
    const dup = await cm.post('/api/v1/prevention/cases', again);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ field: 'householdId', code: 'household_choice_required' });
    const matches = (
      await cm.post('/api/v1/prevention/matches', { tenants: again.tenants, street: c.street, postalCode: c.postalCode })
    ).json().items;
    expect(matches).toEqual([expect.objectContaining({ householdId: c.household.id, reasons: ['person', 'address'], openCaseId: c.id })]);

    // 2. Contact: the letter (PDF) counts as step 1; the phone call reaches the household.
    const lettered = (
      await cm.post(`/api/v1/prevention/cases/${c.id}/contact-letter`, {
        appointmentDate: '2026-11-24',
        appointmentTime: '10:00 Uhr',
        appointmentPlace: 'Leinstraße 14',
      })
    ).json();
    expect(lettered.documents).toHaveLength(1);
    expect(lettered.contact.next).toMatchObject({ index: 1, channel: 'phone' });
    expect(lettered.contact.firstAttemptAt).not.toBeNull();
    const pdf = await cm.get(`/api/v1/prevention/cases/${c.id}/documents/${lettered.documents[0].id}`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(new Uint8Array(pdf.rawPayload))).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(c.tenants[0].lastName);
    expect(text).toContain('24.11.2026');
    expect(text).toContain('Leinstraße 14');

    const reached = await sw.post(`/api/v1/prevention/cases/${c.id}/attempts`, {
      channel: 'phone',
      at: new Date().toISOString(),
      result: 'reached',
      note: 'Termin bestätigt',
    });
    expect(reached.statusCode, reached.body).toBe(201);
    expect(reached.json()).toMatchObject({ status: 'clearing', contact: { reached: true, next: null } });
    expect(reached.json().contact.hoursToFirstContact).toBeGreaterThanOrEqual(0);
    const contactDeadlines = (await deadlinesOf(c.id)).filter((d) => d.kind === 'prevention_contact');
    expect(contactDeadlines.every((d) => d.status !== 'open')).toBe(true);
    expect(contactDeadlines.filter((d) => d.status === 'done').length).toBeGreaterThan(0);

    // 3. Clearing with version; a stale version is refused.
    const clearing = {
      threatStage: 'lawsuit',
      threatConfirmed: true,
      triedSoFar: ['landlord_talk'],
      income: ['citizens_income'],
      monthlyIncomeCents: 110_000,
      unclaimedBenefits: ['housing_benefit'],
      wishes: 'keep_home',
      complete: true,
    };
    const saved = await sw.put(`/api/v1/prevention/cases/${c.id}/clearing`, { clearing, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().clearing.version).toBe(2);
    expect((await sw.put(`/api/v1/prevention/cases/${c.id}/clearing`, { clearing, version: 1 })).statusCode).toBe(412);
    const measuresStage = await sw.post(`/api/v1/prevention/cases/${c.id}/clearing/complete`, { version: saved.json().version });
    expect(measuresStage.json().status).toBe('measures');

    // 4. Rent-debt assumption: applied by the social worker, decided by the case manager.
    const applied = (
      await sw.post(`/api/v1/prevention/cases/${c.id}/measures`, {
        kind: 'rent_debt_assumption',
        status: 'applied',
        data: { applicationOn: '2026-11-25', amountCents: 192_000, legalBasis: 'sgb2_22_8' },
      })
    ).json();
    const m = applied.measures[0];
    const decision = {
      kind: 'rent_debt_assumption',
      status: 'approved',
      data: {
        ...m.data,
        decision: 'loan',
        decidedOn: '2026-12-01',
        grantedCents: 192_000,
        repaymentMonthlyCents: 5_000,
        repaymentStartsOn: '2027-01-01',
      },
    };
    expect((await sw.put(`/api/v1/prevention/measures/${m.id}`, { ...decision, version: m.version })).statusCode).toBe(403);
    const decided = await cm.put(`/api/v1/prevention/measures/${m.id}`, { ...decision, version: m.version });
    expect(decided.statusCode, decided.body).toBe(200);
    // Commitment to the court, in writing.
    const withCommitment = (
      await cm.post(`/api/v1/prevention/cases/${c.id}/measures`, {
        kind: 'commitment',
        status: 'done',
        data: {
          recipient: 'court',
          amountCents: 192_000,
          items: ['Mietrückstand August bis Oktober 2026'],
          legalBasis: 'sgb2_22_8',
          validUntil: '2027-01-31',
        },
      })
    ).json();
    const commitment = withCommitment.measures.find((x: { kind: string }) => x.kind === 'commitment');
    const letter = await cm.post(`/api/v1/prevention/measures/${commitment.id}/commitment-letter`);
    expect(letter.statusCode, letter.body).toBe(201);
    const doc = letter.json().measures.find((x: { id: string }) => x.id === commitment.id).documents[0];
    const commitmentText = (
      await pdfText(new Uint8Array((await cm.get(`/api/v1/prevention/cases/${c.id}/documents/${doc.id}`)).rawPayload))
    ).pages
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(commitmentText).toContain('1.920,00');
    expect(commitmentText).toContain('§ 22 Abs. 8 SGB II');
    const paid = await cm.put(`/api/v1/prevention/measures/${m.id}`, {
      ...decision,
      data: { ...decision.data, paidToLandlordOn: '2026-12-05' },
      version: m.version + 1,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const referral = await sw.post(`/api/v1/prevention/cases/${c.id}/referrals`, {
      kind: 'debt_counselling',
      status: 'referred',
      service: 'Schuldnerberatung Diakonie',
      referredOn: '2026-12-02',
    });
    expect(referral.json().referrals).toHaveLength(1);

    // 5. Closed: home kept; the household is housed again; deadlines are done; aftercare handover.
    const closed = await cm.post(`/api/v1/prevention/cases/${c.id}/close`, {
      outcome: 'home_kept',
      note: 'Räumungsklage zurückgenommen',
      version: referral.json().version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'home_kept', household: { situation: 'housed' }, deadlines: [] });
    expect(closed.json().actions).toContain('handOver');
    const handed = await cm.post(`/api/v1/prevention/cases/${c.id}/aftercare`, {
      carrierId: agency.carrierId,
      handedOverOn: '2026-12-10',
      version: closed.json().version,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().aftercare).toMatchObject({ carrier: { id: agency.carrierId }, handedOverOn: '2026-12-10' });
    expect(handed.json().actions).not.toContain('handOver');
    expect((await notificationsOf(agency.users.carrier_worker.id)).map((n) => n.kind)).toContain('prevention.aftercare');
    expect((await notificationsOf(agency.users.social_worker.id)).map((n) => n.kind)).toContain('prevention.closed');
    expect((await notificationsOf(agency.users.case_manager.id)).map((n) => n.kind)).toEqual(
      expect.arrayContaining(['prevention.clearing_done']),
    );

    // Reads and changes are audited.
    const actions = (
      await testDbs()
        .owner.selectFrom('audit_events')
        .select('action')
        .where('agency_id', '=', agency.id)
        .where('entity_id', '=', c.id)
        .execute()
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'prevention.create',
        'prevention.attempt',
        'prevention.clearing',
        'prevention.measure',
        'prevention.document',
        'prevention.close',
        'prevention.aftercare',
      ]),
    );
    // The lead may reopen.
    expect(
      (await lead.post(`/api/v1/prevention/cases/${c.id}/reopen`, { reason: 'Neue Mahnung', version: handed.json().version })).json()
        .status,
    ).toBe('clearing');
  });
});
