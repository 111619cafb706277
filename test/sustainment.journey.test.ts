import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, berlinDate, endOfDayBerlin } from '../src/server/platform/deadlines/workdays.js';
import { pdfText } from './pdf-text.js';
import { createAgency, testApp, testDbs, type TestAgency } from './helpers.js';
import { placementActors, type PlacementActors } from './placement-fixtures.js';
import { conflict, directTenancy, inDays, rentDefault, today } from './sustainment-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let a: PlacementActors;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  a = await placementActors(app, agency);
});
afterAll(() => app.close());

const { owner } = testDbs();
const deadlinesOf = (subjectId: string) =>
  owner
    .selectFrom('deadlines')
    .select(['kind', 'status', 'assignee_id'])
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .orderBy('kind')
    .execute();
const openKinds = async (subjectId: string) => (await deadlinesOf(subjectId)).filter((d) => d.status === 'open').map((d) => d.kind);
const notificationsOf = (userId: string, kind: string) =>
  owner.selectFrom('notifications').select(['title', 'link']).where('user_id', '=', userId).where('kind', '=', kind).execute();
const outboxFor = (email: string) =>
  owner
    .selectFrom('outbox_mails')
    .selectAll()
    .where('agency_id', '=', agency.id)
    .where(sql<boolean>`${email} = ANY(to_addresses)`)
    .orderBy('created_at')
    .execute();

describe('rent default journey over HTTP', () => {
  it('report → clarify → wait (loop twice) → demand payment → payout within the limit → assignment → secured → recovery', async () => {
    const t = await directTenancy(a.cm, agency, { guaranteeMaxCents: 300_000 });
    expect(t.actions).toEqual(expect.arrayContaining(['update', 'end', 'reportRentDefault', 'reportConflict']));
    // Direct entry opened the reminders (6 and 1 months before the end) and the closing review.
    expect((await openKinds(t.id)).sort()).toEqual(['closing_review', 'guarantee_reminder', 'guarantee_reminder']);
    expect((await deadlinesOf(t.id)).filter((d) => d.kind === 'guarantee_reminder')).toHaveLength(2);

    // 1. The company reports in the portal.
    const rep = await a.provider.post(`/api/v1/tenancies/${t.id}/incidents`, rentDefault(124_000, ['2026-10', '2026-09']), {
      'idempotency-key': `rd-${t.id}`,
    });
    expect(rep.statusCode).toBe(201);
    const inc = rep.json();
    expect(inc).toMatchObject({
      kind: 'rent_default',
      state: 'reported',
      reportedVia: 'portal',
      months: ['2026-09', '2026-10'],
      amountCents: 124_000,
      round: 1,
    });
    expect(inc.tenancy.household).toBeNull(); // the company's view
    // The same key again creates nothing new.
    const replay = await a.provider.post(`/api/v1/tenancies/${t.id}/incidents`, rentDefault(124_000, ['2026-10', '2026-09']), {
      'idempotency-key': `rd-${t.id}`,
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(inc.id);
    expect(await deadlinesOf(inc.id)).toEqual([{ kind: 'incident_forward', status: 'open', assignee_id: agency.users.case_manager.id }]);
    expect(await notificationsOf(agency.users.case_manager.id, 'incident.reported')).toHaveLength(1);

    // 2. The contact person passes it to the social worker, who clarifies the reasons.
    const fw = (await a.cm.post(`/api/v1/incidents/${inc.id}/forward`, {})).json();
    expect(fw.state).toBe('clarifying');
    expect(fw.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['incident_clarify']);
    // Five working days (agency setting), with Baden-Württemberg's holidays.
    expect(fw.deadlines[0].dueAt).toBe(endOfDayBerlin(addWorkingDays(berlinDate(new Date()), 5, 'BW')).toISOString());
    expect((await deadlinesOf(inc.id)).find((d) => d.kind === 'incident_clarify')!.assignee_id).toBe(agency.users.social_worker.id);
    expect(await notificationsOf(agency.users.social_worker.id, 'incident.forwarded')).toHaveLength(1);
    // A role without the permission is answered like a missing record.
    expect((await a.provider.post(`/api/v1/incidents/${inc.id}/reasons`, { reasons: 'x' })).statusCode).toBe(404);

    const loop = async (round: number) => {
      const r1 = await a.sw.post(`/api/v1/incidents/${inc.id}/reasons`, {
        reasons: `Jobcenter-Bescheid verspätet (Runde ${round}); Schulden beim Energieversorger.`,
      });
      expect(r1.json().state).toBe('reasons_recorded');
      const r2 = (
        await a.cm.post(`/api/v1/incidents/${inc.id}/inform-provider`, {
          message: 'Die Leistung des Jobcenters kommt verspätet; Zahlung ist zugesagt.',
        })
      ).json();
      expect(r2.state).toBe('awaiting_decision');
      // 3. The company sees the message, never the internal reasons, and decides.
      const pv = (await a.provider.get(`/api/v1/incidents/${inc.id}`)).json();
      expect(pv.reasons).toBeNull();
      expect(pv.providerMessage).toContain('Jobcenter');
      expect(pv.actions.sort()).toEqual(['demandPayment', 'markPaid', 'wait']);
      expect(pv.steps.map((s: { step: string }) => s.step)).not.toContain('recordReasons');
      const w = await a.provider.post(`/api/v1/incidents/${inc.id}/wait`, { recheckOn: inDays(14) });
      expect(w.json()).toMatchObject({ state: 'waiting', decision: 'wait', recheckOn: inDays(14) });
      expect(await openKinds(inc.id)).toEqual(['incident_recheck']);
      // Re-check: still unpaid → back to clarification, next round.
      const u = (
        await a.provider.post(`/api/v1/incidents/${inc.id}/recheck-unpaid`, {
          amountCents: 124_000 + round * 62_000,
          months: ['2026-09', '2026-10', `2026-1${round}`],
        })
      ).json();
      expect(u).toMatchObject({ state: 'clarifying', round: round + 1, decision: null });
      expect(await openKinds(inc.id)).toEqual(['incident_clarify']);
    };
    await loop(1);
    await loop(2);

    // Third time: the company no longer waits.
    await a.sw.post(`/api/v1/incidents/${inc.id}/reasons`, { reasons: 'Keine Zahlung trotz Zusage.' });
    await a.cm.post(`/api/v1/incidents/${inc.id}/inform-provider`, { message: 'Leider weiterhin keine Zahlung.' });
    const dem = (await a.provider.post(`/api/v1/incidents/${inc.id}/demand-payment`, {})).json();
    expect(dem).toMatchObject({ state: 'payout_due', decision: 'demand_payment', amountCents: 248_000, round: 3 });
    expect(await openKinds(inc.id)).toEqual(['incident_payout']);

    // 4. Payout: above the remaining guarantee it is refused with the figures; within it, paid.
    const over = await a.cm.post(`/api/v1/incidents/${inc.id}/payout`, { amountCents: 300_001 });
    expect(over.statusCode).toBe(422);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json()).toMatchObject({ code: 'limit_exceeded', errors: [{ field: 'amountCents', code: 'too_big' }] });
    expect(over.json().errors[0].message).toContain('höchstens 3.000,00');
    const paid = await a.cm.post(`/api/v1/incidents/${inc.id}/payout`, {
      amountCents: 248_000,
      version: (await a.cm.get(`/api/v1/incidents/${inc.id}`)).json().version,
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json().state).toBe('assignment_pending');
    const doc = paid.json().documents[0];
    expect(doc.kind).toBe('assignment_declaration');
    // The company gets the declaration with the mail, and can download it.
    const mails = await outboxFor(agency.users.provider_user.email);
    const payoutMail = mails.find((m) => m.kind === 'incident.payout')!;
    expect(payoutMail.attachments[0]!.filename).toBe(doc.filename);
    const pdf = await a.provider.get(`/api/v1/incidents/${inc.id}/documents/${doc.id}`);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).pages.join('\n');
    expect(text).toContain('Abtretungserklärung');
    expect(text).toContain('2.480,00 €');
    expect(text).toContain('Oktober 2026');
    expect(await openKinds(inc.id)).toEqual(['incident_assignment']);

    // Receipt recorded → secured.
    const sec = (await a.cm.post(`/api/v1/incidents/${inc.id}/assignment-receipt`, { receivedOn: today() })).json();
    expect(sec.state).toBe('secured');
    expect(sec.payouts[0]).toMatchObject({ amountCents: 248_000, assignmentReceivedOn: today(), assignmentDocumentId: doc.id });
    expect(await openKinds(inc.id)).toEqual([]);

    // 5. Recovery: the open balance is always shown and reconciles.
    let view = (await a.sw.get(`/api/v1/tenancies/${t.id}`)).json();
    expect(view.guarantee).toMatchObject({
      maxCents: 300_000,
      paidOutCents: 248_000,
      remainingCents: 52_000,
      recoveredCents: 0,
      openClaimCents: 248_000,
    });
    expect(view.actions).toEqual(expect.arrayContaining(['recordAgreement', 'recordPayment']));
    const ag = await a.sw.post(`/api/v1/tenancies/${t.id}/recovery-agreements`, {
      incidentId: inc.id,
      instalmentCents: 5_000,
      startsOn: inDays(10),
      intervalMonths: 1,
      note: 'Rate vom Bürgergeld',
    });
    expect(ag.statusCode).toBe(201);
    const agreementId = ag.json().agreements[0].id;
    expect(ag.json().agreements[0].nextDueOn).toBe(inDays(10));
    await a.sw.post(`/api/v1/tenancies/${t.id}/recovery-payments`, { agreementId, amountCents: 5_000, paidOn: today() });
    const tooMuch = await a.sw.post(`/api/v1/tenancies/${t.id}/recovery-payments`, { amountCents: 243_001, paidOn: today() });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0].message).toContain('offene Forderung von 2.430,00');
    view = (await a.sw.get(`/api/v1/tenancies/${t.id}`)).json();
    expect(view.guarantee).toMatchObject({ paidOutCents: 248_000, recoveredCents: 5_000, openClaimCents: 243_000, remainingCents: 52_000 });
    expect(view.guarantee.paidOutCents - view.guarantee.recoveredCents).toBe(view.guarantee.openClaimCents);
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['tenancy_created', 'incident_step', 'payout', 'recovery_agreement', 'recovery_payment', 'document']),
    );
    // The receipt of the assignment shows once, as the incident's step; every entry names who recorded it.
    expect(view.timeline.filter((e: { step: string | null }) => e.step === 'confirmAssignment')).toHaveLength(1);
    expect(view.timeline.some((e: { type: string }) => e.type === 'assignment_received')).toBe(false);
    for (const type of ['tenancy_created', 'payout', 'recovery_agreement', 'recovery_payment', 'document']) {
      expect(view.timeline.find((e: { type: string }) => e.type === type).actor?.displayName, type).toBeTruthy();
    }
    const times = view.timeline.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
    // The company sees the payout but not the household's recovery.
    const pview = (await a.provider.get(`/api/v1/tenancies/${t.id}`)).json();
    expect(pview.guarantee).toMatchObject({ paidOutCents: 248_000, remainingCents: 52_000, recoveredCents: null, openClaimCents: null });
    expect(pview.payments).toEqual([]);
    expect(pview.timeline.some((e: { type: string }) => e.type === 'recovery_payment')).toBe(false);

    // Every step was audited.
    const steps = await owner
      .selectFrom('audit_events')
      .select(sql<string>`details->>'step'`.as('step'))
      .where('agency_id', '=', agency.id)
      .where('action', '=', 'incident.transition')
      .where('entity_id', '=', inc.id)
      .execute();
    expect(steps.map((s) => s.step)).toEqual(
      expect.arrayContaining([
        'forward',
        'recordReasons',
        'informProvider',
        'wait',
        'recheckUnpaid',
        'demandPayment',
        'payout',
        'confirmAssignment',
      ]),
    );
    expect(steps).toHaveLength(1 + 3 * 2 + 2 + 2 + 1 + 2);
  });
});

describe('conflict journey over HTTP', () => {
  it('report → forward → contacts → warning → solved → provider informed → secured', async () => {
    const t = await directTenancy(a.cm, agency);
    const inc = (await a.provider.post(`/api/v1/tenancies/${t.id}/incidents`, conflict())).json();
    expect(inc).toMatchObject({ kind: 'conflict', state: 'reported', category: 'noise' });
    const fw = (await a.cm.post(`/api/v1/incidents/${inc.id}/forward`, {})).json();
    expect(fw.state).toBe('in_progress');
    expect(await openKinds(inc.id)).toEqual(['incident_contact']);
    // Not reached: the "contact at once" deadline stays; reached: met.
    await a.sw.post(`/api/v1/incidents/${inc.id}/contacts`, {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      channel: 'phone',
      reached: false,
      note: 'Mailbox.',
    });
    expect(await openKinds(inc.id)).toEqual(['incident_contact']);
    const c2 = (
      await a.sw.post(`/api/v1/incidents/${inc.id}/contacts`, {
        occurredAt: new Date().toISOString(),
        channel: 'home_visit',
        reached: true,
        note: 'Gespräch über Ruhezeiten; Einsicht.',
      })
    ).json();
    expect(c2.contacts).toHaveLength(2);
    expect(await openKinds(inc.id)).toEqual([]);
    const warned = (
      await a.provider.post(`/api/v1/incidents/${inc.id}/warnings`, { issuedOn: today(), note: 'Abmahnung wegen Ruhestörung' })
    ).json();
    expect(warned.warnings).toEqual([{ issuedOn: today(), note: 'Abmahnung wegen Ruhestörung', recordedAt: expect.any(String) }]);
    expect(warned.contacts).toEqual([]); // the company never sees contact notes
    const solved = (await a.sw.post(`/api/v1/incidents/${inc.id}/solve`, { resolution: 'Kopfhörer, Absprache mit den Nachbarn.' })).json();
    expect(solved.state).toBe('solved');
    expect(await openKinds(inc.id)).toEqual(['incident_inform_provider']);
    expect((await a.provider.get(`/api/v1/incidents/${inc.id}`)).json().resolution).toBeNull();
    const sec = (
      await a.cm.post(`/api/v1/incidents/${inc.id}/inform-provider`, {
        message: 'Das Problem ist gelöst; der Haushalt hält die Ruhezeiten ein.',
      })
    ).json();
    expect(sec.state).toBe('secured');
    expect(await openKinds(inc.id)).toEqual([]);
    expect((await notificationsOf(agency.users.provider_user.id, 'incident.provider_informed')).length).toBeGreaterThan(0);
  });

  it('not solvable: the company terminates, the tenancy ends, the guarantee choice is recorded, the household is flagged', async () => {
    const t = await directTenancy(a.cm, agency);
    const inc = (
      await a.provider.post(
        `/api/v1/tenancies/${t.id}/incidents`,
        conflict({ category: 'threats', description: 'Bedrohung von Nachbarn.' }),
      )
    ).json();
    await a.cm.post(`/api/v1/incidents/${inc.id}/forward`, {});
    await a.sw.post(`/api/v1/incidents/${inc.id}/contacts`, {
      occurredAt: new Date().toISOString(),
      channel: 'home_visit',
      reached: false,
      note: 'Niemand öffnet.',
    });
    await a.provider.post(`/api/v1/incidents/${inc.id}/warnings`, { issuedOn: today() });
    expect(
      (
        await a.provider.post(`/api/v1/incidents/${inc.id}/terminate`, {
          terminatedOn: today(),
          leaseEndsOn: inDays(90),
          guaranteeContinues: false,
        })
      ).statusCode,
    ).toBe(404);
    // The lead records it here, so the household's case manager is the one told.
    const term = (
      await a.lead.post(`/api/v1/incidents/${inc.id}/terminate`, {
        terminatedOn: today(),
        leaseEndsOn: inDays(90),
        guaranteeContinues: false,
        note: 'Hausfrieden nachhaltig gestört',
      })
    ).json();
    expect(term).toMatchObject({ state: 'terminated', terminatedOn: today(), leaseEndsOn: inDays(90), guaranteeContinues: false });
    const tv = (await a.cm.get(`/api/v1/tenancies/${t.id}`)).json();
    expect(tv).toMatchObject({ status: 'ended', endReason: 'terminated_by_provider', endedOn: inDays(90), guaranteeContinues: false });
    expect(tv.guarantee.active).toBe(false);
    expect(tv.actions).not.toContain('reportConflict');
    expect(await openKinds(t.id)).toEqual([]);
    const h = await owner
      .selectFrom('households')
      .select(['follow_up_reason', 'follow_up_at'])
      .where('id', '=', t.household.id)
      .executeTakeFirstOrThrow();
    expect(h.follow_up_reason).toBe('tenancy_terminated');
    const journal = await owner.selectFrom('journal_entries').select('text').where('household_id', '=', t.household.id).execute();
    expect(journal.some((j) => j.text.includes(inc.reference))).toBe(true);
    expect((await notificationsOf(agency.users.case_manager.id, 'household.follow_up')).length).toBeGreaterThan(0);
  });
});
