import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.js';
import { createAgency, testApp, testDbs, type TestAgency } from './helpers.js';
import {
  approvedOffer,
  consentInput,
  ensureConditions,
  placementActors,
  poolHousehold,
  type PlacementActors,
} from './placement-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let a: PlacementActors;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  a = await placementActors(app, agency);
  await ensureConditions(a.admin);
});
afterAll(() => app.close());

const outboxFor = (email: string) =>
  testDbs()
    .owner.selectFrom('outbox_mails')
    .selectAll()
    .where('agency_id', '=', agency.id)
    .where(sql<boolean>`${email} = ANY(to_addresses)`)
    .orderBy('created_at')
    .execute();

describe('placement journey over HTTP', () => {
  it('offer → check → shortlist → consent → round table → viewing → refusal → talk → acceptance → allocation → contracts → tenancy', async () => {
    // Two families in the pool; one with a pet (excluded: no pets allowed).
    const fam = await poolHousehold(a.cm, agency);
    const other = await poolHousehold(a.cm, agency, { situationSince: '2026-06-01' });
    const petOwner = await poolHousehold(a.cm, agency, {
      needs: { wheelchair: false, stepFree: false, pets: true, districtsAvoid: [], districtsPrefer: [], notes: null },
    });

    // Offer by the housing company, checked and approved by the office.
    const offer = await approvedOffer(a);
    expect(offer.status).toBe('shortlisting');
    // The check deadline was met; the round table is now due within five working days.
    const offerDeadlines = await testDbs()
      .owner.selectFrom('deadlines')
      .select(['kind', 'status', 'assignee_id'])
      .where('subject_id', '=', offer.id)
      .orderBy('created_at')
      .execute();
    expect(offerDeadlines).toEqual([
      { kind: 'offer_check', status: 'done', assignee_id: null },
      { kind: 'round_table', status: 'open', assignee_id: agency.users.case_manager.id },
    ]);
    const detail = (await a.cm.get(`/api/v1/offers/${offer.id}`)).json();
    expect(detail.check.eligible).toBe(true);
    expect(detail.check.suitablePersons).toEqual([2, 3, 4]);

    // Ranking: both families ranked with explanations, the pet owner excluded with the reason.
    const ranking = (await a.cm.post(`/api/v1/offers/${offer.id}/rankings`)).json();
    const ids = ranking.entries.map((e: { householdId: string }) => e.householdId);
    expect(ids).toContain(fam.id);
    expect(ids.indexOf(fam.id)).toBeLessThan(ids.indexOf(other.id)); // homeless longer
    const famEntry = ranking.entries.find((e: { householdId: string }) => e.householdId === fam.id);
    expect(famEntry.criteria.map((c: { code: string }) => c.code)).toEqual(['waiting', 'children', 'health', 'age', 'district', 'hints']);
    // A mother with her child is a single parent, not the family the company wished for.
    expect(famEntry.criteria.find((c: { code: string }) => c.code === 'hints')).toMatchObject({
      value: 'passt nicht',
      weight: 5,
      points: 0,
    });
    expect(ranking.exclusions.find((x: { householdId: string }) => x.householdId === petOwner.id).reasons[0].code).toBe('pets');

    // Shortlist with comments; presenting needs consent.
    const pick = async (householdId: string) =>
      (
        await a.sw.post(`/api/v1/offers/${offer.id}/candidates`, {
          householdId,
          comment: 'Passt gut, Kinder im Stadtteil in der Schule.',
          rankingId: ranking.id,
        })
      ).json();
    const cand = await pick(fam.id);
    const cand2 = await pick(other.id);
    expect(cand.status).toBe('shortlisted');
    expect(cand.rank).toBe(famEntry.rank);
    const noConsent = await a.cm.post(`/api/v1/candidates/${cand.id}/present`, {});
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json()).toMatchObject({ code: 'consent_required', detail: expect.stringContaining('Einwilligung') });
    expect((await a.sw.post(`/api/v1/households/${fam.id}/consents`, consentInput(agency.providerId))).statusCode).toBe(201);
    const presented = await a.cm.post(`/api/v1/candidates/${cand.id}/present`, {});
    expect(presented.statusCode, presented.body).toBe(200);
    expect(presented.json().status).toBe('presented');

    // The company sees only the presented, consented candidate with minimal fields and the § 78 notice.
    const portal = (await a.provider.get(`/api/v1/offers/${offer.id}/candidates`)).json();
    expect(portal.notice).toContain('§ 78 SGB X');
    expect(portal.items).toHaveLength(1);
    expect(Object.keys(portal.items[0]).sort()).toEqual([
      'actions',
      'adults',
      'children',
      'firstName',
      'id',
      'moveInFrom',
      'persons',
      'pets',
      'pseudonym',
      'status',
      'viewings',
    ]);
    expect(JSON.stringify(portal)).not.toContain(fam.reference);
    expect((await a.provider.get(`/api/v1/candidates/${cand2.id}/present`)).statusCode).toBe(404);

    // Round table with invitations (.ics), then an update with a higher SEQUENCE, then minutes.
    const participants = [
      agency.users.provider_user.id,
      agency.users.case_manager.id,
      agency.users.social_worker.id,
      agency.users.accommodation_worker.id,
    ];
    const rtRes = await a.cm.post(`/api/v1/offers/${offer.id}/round-tables`, {
      startsAt: '2026-12-02T09:00:00.000Z',
      durationMinutes: 60,
      participantIds: participants,
    });
    expect(rtRes.statusCode, rtRes.body).toBe(201);
    const rt = rtRes.json();
    expect(rt.videoUrl).toMatch(/^https:\/\//);
    expect(
      (
        await testDbs()
          .owner.selectFrom('deadlines')
          .select('status')
          .where('subject_id', '=', offer.id)
          .where('kind', '=', 'round_table')
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('done');
    expect((await a.cm.get(`/api/v1/offers/${offer.id}`)).json().status).toBe('round_table');
    const moved = (
      await a.cm.put(`/api/v1/round-tables/${rt.id}`, {
        startsAt: '2026-12-02T10:00:00.000Z',
        durationMinutes: 45,
        participantIds: participants,
        version: rt.version,
      })
    ).json();
    expect(moved.sequence).toBe(1);
    const mails = await outboxFor(agency.users.provider_user.email);
    const invites = mails.filter((m) => m.kind === 'round_table');
    expect(invites).toHaveLength(2);
    const ics = Buffer.from(invites[1]!.attachments[0]!.content, 'base64').toString('utf8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(event.sequence).toBe(1);
    expect(
      (
        await a.cm.post(`/api/v1/round-tables/${rt.id}/minutes`, {
          minutes: 'Haushalt A vorgestellt, Besichtigung vereinbart.',
          version: moved.version,
        })
      ).json().status,
    ).toBe('held');

    // Viewing, outcome → decision deadline in working days.
    const planned = await a.sw.post(`/api/v1/candidates/${cand.id}/viewings`, {
      startsAt: '2026-12-03T14:00:00.000Z',
      durationMinutes: 30,
      place: 'Lindenstraße 12, vor dem Haus',
      attendeeIds: [agency.users.social_worker.id, agency.users.provider_user.id],
    });
    expect(planned.statusCode, planned.body).toBe(200);
    const viewing = planned.json().viewings[0];
    const viewed = (
      await a.sw.post(`/api/v1/viewings/${viewing.id}/outcome`, {
        outcome: 'Wohnung gefällt, Bedenkzeit erbeten.',
        version: viewing.version,
      })
    ).json();
    expect(viewed.status).toBe('viewed');
    // Thursday 3 Dec 2026 + 3 working days (BW) = Tuesday 8 Dec, end of day in Berlin.
    expect(viewed.decisionDueAt).toBe('2026-12-08T22:59:59.999Z');
    const dl = await testDbs().owner.selectFrom('deadlines').selectAll().where('subject_id', '=', cand.id).execute();
    expect(dl.map((d) => [d.kind, d.status, d.assignee_id])).toEqual([['household_decision', 'open', agency.users.social_worker.id]]);

    // Refusal with reason, follow-up talk, then the household accepts after all.
    const refused = await a.sw.post(`/api/v1/candidates/${cand.id}/decision`, { decision: 'refuse', reason: 'location' });
    expect(refused.json().status).toBe('refused');
    const talk = await a.sw.post(`/api/v1/candidates/${cand.id}/talks`, {
      occurredAt: '2026-12-09T09:00:00.000Z',
      text: 'Sorge wegen Schulweg ausgeräumt.',
      participation: true,
    });
    expect(talk.statusCode, talk.body).toBe(200);
    const accepted = await a.sw.post(`/api/v1/candidates/${cand.id}/decision`, { decision: 'accept' });
    expect(accepted.json().status).toBe('accepted');
    const dls = await testDbs()
      .owner.selectFrom('deadlines')
      .select(['kind', 'status'])
      .where('subject_id', '=', cand.id)
      .orderBy('created_at')
      .execute();
    expect(dls).toEqual([
      { kind: 'household_decision', status: 'done' },
      { kind: 'follow_up_talk', status: 'done' },
    ]);
    const journal = (await a.sw.get(`/api/v1/households/${fam.id}/journal`)).json();
    expect(journal.items[0].text).toContain('Nachgespräch');

    // The company cannot allocate; the office allocates; the other candidate returns to the pool.
    expect((await a.provider.post(`/api/v1/candidates/${cand.id}/allocate`, {})).statusCode).toBe(404);
    const allocated = await a.cm.post(`/api/v1/candidates/${cand.id}/allocate`, { note: 'Einvernehmlich am runden Tisch.' });
    expect(allocated.statusCode, allocated.body).toBe(200);
    expect(allocated.json().status).toBe('allocated');
    expect(allocated.json().documents.map((d: { kind: string }) => d.kind)).toContain('allocation_notice');
    const afterAlloc = (await a.cm.get(`/api/v1/offers/${offer.id}/candidates`)).json().items;
    expect(afterAlloc.find((c: { id: string }) => c.id === cand2.id).status).toBe('not_selected');

    // Contracts: guarantee five years from lease start; the tenancy exists; the household is housed.
    const let_ = await a.cm.post(`/api/v1/offers/${offer.id}/contracts`, {
      leaseStart: '2027-01-01',
      leaseSignedOn: '2026-12-15',
      guaranteeSignedOn: '2026-12-15',
    });
    expect(let_.statusCode, let_.body).toBe(200);
    const done = let_.json();
    expect(done.status).toBe('let');
    const tenancy = (await a.cm.get(`/api/v1/tenancies/${done.tenancyId}`)).json();
    expect(tenancy).toMatchObject({
      leaseStart: '2027-01-01',
      guaranteeStart: '2027-01-01',
      guaranteeEnd: '2031-12-31',
      guaranteeMaxCents: 1_000_000,
      contactPerson: { id: agency.users.case_manager.id },
      socialWorker: { id: agency.users.social_worker.id },
    });
    // Sustainment takes over: reminders 6 and 1 months before the guarantee ends, and the closing review.
    expect(tenancy.deadlines.map((d: { kind: string; dueAt: string }) => `${d.kind} ${d.dueAt.slice(0, 7)}`)).toEqual([
      'guarantee_reminder 2031-06',
      'guarantee_reminder 2031-11',
      'closing_review 2031-12',
    ]);
    expect(tenancy.documents.map((d: { kind: string }) => d.kind)).toContain('guarantee_contract');
    const household = (await a.cm.get(`/api/v1/households/${fam.id}`)).json();
    expect([household.situation, household.seekingHousing]).toEqual(['housed', false]);
    const contract = done.documents.find((d: { kind: string }) => d.kind === 'guarantee_contract');
    const pdf = await a.provider.get(`/api/v1/offers/${offer.id}/documents/${contract.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The contract names both parties, the flat, the term and the maximum in German format.
    const text = (await pdfText(new Uint8Array(pdf.rawPayload))).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Wohnbau Test GmbH');
    expect(text).toContain(agency.name);
    expect(text).toContain('Lindenstraße 12');
    expect(text).toContain('01.01.2027');
    expect(text).toContain('31.12.2031');
    expect(text).toMatch(/10\.000,00\s€/);
    expect(text).toContain('Mietrückstände');

    // Timeline: the office sees every step with household references; the company never sees them.
    const events = (await a.cm.get(`/api/v1/offers/${offer.id}/events`)).json().items.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(
      expect.arrayContaining([
        'created',
        'submitted',
        'checked',
        'approved',
        'ranked',
        'picked',
        'presented',
        'round_table_scheduled',
        'viewing_recorded',
        'refused',
        'talk',
        'accepted',
        'allocated',
        'released',
        'contracts',
      ]),
    );
    const portalEvents = (await a.provider.get(`/api/v1/offers/${offer.id}/events`)).json();
    expect(JSON.stringify(portalEvents)).not.toContain(fam.reference);
    expect(portalEvents.items.map((e: { kind: string }) => e.kind)).not.toContain('picked');

    // Everyone involved was told (in-app), and nothing was mailed to the household.
    const told = await testDbs()
      .owner.selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('agency_id', '=', agency.id)
      .where('kind', '=', 'offer.allocated')
      .execute();
    expect(told.map((n) => n.user_id)).toEqual(expect.arrayContaining([agency.users.provider_user.id, agency.users.social_worker.id]));
  });

  it('a restart after a failed lease keeps the history and opens a new round', async () => {
    const h = await poolHousehold(a.cm, agency);
    const offer = await approvedOffer(a);
    await a.sw.post(`/api/v1/households/${h.id}/consents`, consentInput(agency.providerId));
    const cand = (await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'Dringend.' })).json();
    await a.cm.post(`/api/v1/candidates/${cand.id}/present`, {});
    await a.cm.post(`/api/v1/offers/${offer.id}/round-tables`, {
      startsAt: '2026-12-10T09:00:00.000Z',
      participantIds: [agency.users.case_manager.id],
    });
    const v = (
      await a.cm.post(`/api/v1/candidates/${cand.id}/viewings`, {
        startsAt: '2026-11-27T09:00:00.000Z',
        place: 'vor Ort',
        attendeeIds: [agency.users.case_manager.id],
      })
    ).json().viewings[0];
    await a.cm.post(`/api/v1/viewings/${v.id}/outcome`, { outcome: 'gut', version: v.version });
    await a.cm.post(`/api/v1/candidates/${cand.id}/decision`, { decision: 'accept' });
    expect((await a.cm.post(`/api/v1/candidates/${cand.id}/allocate`, {})).statusCode).toBe(200);
    const restarted = await a.cm.post(`/api/v1/offers/${offer.id}/restart`, { reason: 'Haushalt ist kurzfristig verzogen.' });
    expect(restarted.statusCode, restarted.body).toBe(200);
    expect(restarted.json()).toMatchObject({ status: 'shortlisting', round: 2 });
    // The old round's deadlines are gone; the new round's round table is due.
    expect(restarted.json().deadlines.map((d: { kind: string }) => d.kind)).toEqual(['round_table']);
    expect((await a.cm.get(`/api/v1/offers/${offer.id}/candidates`)).json().items).toEqual([]);
    const events = (await a.cm.get(`/api/v1/offers/${offer.id}/events`)).json().items.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(expect.arrayContaining(['allocated', 'restarted']));
    // The household is back in the pool and can be picked again in round 2.
    expect((await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'Neuer Versuch.' })).statusCode).toBe(
      201,
    );
  });
});
