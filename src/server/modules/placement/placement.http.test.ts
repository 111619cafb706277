import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import {
  approvedOffer,
  CONDITIONS,
  consentInput,
  ensureConditions,
  offerInput,
  placementActors,
  poolHousehold,
  type PlacementActors,
} from '../../../../test/placement-fixtures.js';
import { multipart } from '../../../../test/prevention-import-fixtures.js';

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

describe('offers: portal, validation, isolation', () => {
  it('refuses an attachment whose file name is over 200 characters instead of cutting it', async () => {
    const session = await login(app, agency.users.provider_user.email);
    const o = (await client(app, session).post('/api/v1/offers', offerInput())).json();
    const attach = (filename: string) => {
      const m = multipart(filename, Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
      return app.inject({
        method: 'POST',
        url: `/api/v1/offers/${o.id}/attachments`,
        payload: m.body,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': m.contentType },
      });
    };
    const long = await attach(`${'g'.repeat(197)}.pdf`);
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([
      { field: 'file', code: 'too_big', message: 'Der Dateiname darf höchstens 200 Zeichen lang sein.' },
    ]);
    const fits = await attach(`${'g'.repeat(196)}.pdf`);
    expect(fits.statusCode, fits.body).toBe(201);
    expect(fits.json().filename).toBe(`${'g'.repeat(196)}.pdf`);
  });

  it('a company keeps a draft, edits it with its version, submits; another company and another agency get 404', async () => {
    const draft = await a.provider.post('/api/v1/offers', offerInput({ providerId: agency.otherProviderId }));
    expect(draft.statusCode).toBe(201);
    const o = draft.json();
    expect(o).toMatchObject({
      status: 'draft',
      provider: { id: agency.providerId },
      warmRentCents: 85_000,
      actions: ['edit', 'submit', 'withdraw', 'attach'],
    });

    const stale = await a.provider.put(`/api/v1/offers/${o.id}`, { ...offerInput(), coldRentCents: 60_000, version: o.version + 1 });
    expect(stale.statusCode).toBe(412);
    const edited = await a.provider.put(`/api/v1/offers/${o.id}`, { ...offerInput(), coldRentCents: 60_000, version: o.version });
    expect(edited.json().coldRentCents).toBe(60_000);

    expect((await a.otherProvider.get(`/api/v1/offers/${o.id}`)).statusCode).toBe(404);
    expect((await a.otherProvider.post(`/api/v1/offers/${o.id}/submit`, {})).statusCode).toBe(404);
    expect((await a.otherProvider.get('/api/v1/offers')).json().items.map((i: { id: string }) => i.id)).not.toContain(o.id);
    const stranger = await createAgency();
    const sc = client(app, await login(app, stranger.users.case_manager.email));
    expect((await sc.get(`/api/v1/offers/${o.id}`)).statusCode).toBe(404);

    expect((await a.provider.post(`/api/v1/offers/${o.id}/submit`, {})).json().status).toBe('submitted');
    // Submitting twice is a 409 that names the current state.
    const again = await a.provider.post(`/api/v1/offers/${o.id}/submit`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition', currentState: 'submitted' });
    // The office was told about the new offer.
    const n = await testDbs()
      .owner.selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', agency.users.case_manager.id)
      .where('kind', '=', 'offer.submitted')
      .execute();
    expect(n.length).toBeGreaterThan(0);
  });

  it('reports every invalid field at once', async () => {
    const res = await a.provider.post('/api/v1/offers', {
      ...offerInput(),
      postalCode: '7017',
      rooms: 2.3,
      coldRentCents: -5,
      availableFrom: '2026-02-30',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(expect.arrayContaining(['availableFrom', 'coldRentCents', 'postalCode', 'rooms']));
  });

  it('an ineligible offer is declined with the unmet conditions, which the company reads', async () => {
    const o = (await a.provider.post('/api/v1/offers', { ...offerInput({ equipment: ['balcony'] }), submit: true })).json();
    const checked = (await a.cm.post(`/api/v1/offers/${o.id}/check`)).json();
    expect(checked.check.eligible).toBe(false);
    expect((await a.cm.post(`/api/v1/offers/${o.id}/approve`)).statusCode).toBe(409);
    const declined = (await a.cm.post(`/api/v1/offers/${o.id}/decline`, {})).json();
    expect(declined.status).toBe('declined');
    const seen = (await a.provider.get(`/api/v1/offers/${o.id}`)).json();
    expect(seen.declineReason).toContain('Pflichtausstattung Einbauküche: fehlt');
  });

  it('two people acting on the same offer at once: exactly one succeeds', async () => {
    const o = (await a.provider.post('/api/v1/offers', { ...offerInput(), submit: true })).json();
    await a.cm.post(`/api/v1/offers/${o.id}/check`);
    const [x, y] = await Promise.all([
      a.cm.post(`/api/v1/offers/${o.id}/approve`),
      a.lead.post(`/api/v1/offers/${o.id}/decline`, { reason: 'Doppelt gemeldet' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
  });

  it('two allocations of one offer at once: one wins, the other gets 409', async () => {
    const offer = await approvedOffer(a);
    const cands = [];
    for (const _ of [1, 2]) {
      const h = await poolHousehold(a.cm, agency);
      await a.sw.post(`/api/v1/households/${h.id}/consents`, consentInput(agency.providerId));
      const c = (await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'passt' })).json();
      await a.cm.post(`/api/v1/candidates/${c.id}/present`, {});
      const v = (
        await a.cm.post(`/api/v1/candidates/${c.id}/viewings`, {
          startsAt: '2026-11-27T09:00:00.000Z',
          place: 'vor Ort',
          attendeeIds: [agency.users.case_manager.id],
        })
      ).json().viewings[0];
      await a.cm.post(`/api/v1/viewings/${v.id}/outcome`, { outcome: 'gut', version: v.version });
      await a.cm.post(`/api/v1/candidates/${c.id}/decision`, { decision: 'accept' });
      cands.push(c);
    }
    await a.cm.post(`/api/v1/offers/${offer.id}/round-tables`, {
      startsAt: '2026-12-10T09:00:00.000Z',
      participantIds: [agency.users.case_manager.id],
    });
    const [x, y] = await Promise.all(cands.map((c) => a.cm.post(`/api/v1/candidates/${c.id}/allocate`, {})));
    expect([x!.statusCode, y!.statusCode].sort()).toEqual([200, 409]);
    const states = (await a.cm.get(`/api/v1/offers/${offer.id}/candidates`))
      .json()
      .items.map((c: { status: string }) => c.status)
      .sort();
    expect(states).toEqual(['allocated', 'not_selected']);
  });

  it('a viewing cannot be recorded as held before it begins: 409 viewing_not_started, no decision deadline', async () => {
    const offer = await approvedOffer(a);
    const h = await poolHousehold(a.cm, agency);
    await a.sw.post(`/api/v1/households/${h.id}/consents`, consentInput(agency.providerId));
    const c = (await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'passt' })).json();
    await a.cm.post(`/api/v1/candidates/${c.id}/present`, {});
    const inThreeWeeks = new Date(Date.now() + 21 * 86_400_000).toISOString();
    const v = (
      await a.cm.post(`/api/v1/candidates/${c.id}/viewings`, {
        startsAt: inThreeWeeks,
        place: 'vor Ort',
        attendeeIds: [agency.users.case_manager.id],
      })
    ).json().viewings[0];
    const early = await a.cm.post(`/api/v1/viewings/${v.id}/outcome`, { outcome: 'gut', version: v.version });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.json()).toMatchObject({ code: 'viewing_not_started', currentState: 'scheduled' });
    expect(early.json().detail).toMatch(/erst ab ihrem Beginn/);
    const after = (await a.cm.get(`/api/v1/offers/${offer.id}/candidates`)).json().items.find((x: { id: string }) => x.id === c.id);
    expect(after).toMatchObject({ status: 'viewing_scheduled', decisionDueAt: null });
    const deadlines = await testDbs().owner.selectFrom('deadlines').select('kind').where('subject_id', '=', c.id).execute();
    expect(deadlines.map((d) => d.kind)).not.toContain('household_decision');
  });

  it('a company may veto a presented candidate with a reason, but never sees unconsented households', async () => {
    const offer = await approvedOffer(a);
    const h = await poolHousehold(a.cm, agency);
    const c = (await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'passt' })).json();
    expect((await a.provider.post(`/api/v1/candidates/${c.id}/veto`, { reason: 'x' })).statusCode).toBe(404);
    await a.sw.post(`/api/v1/households/${h.id}/consents`, consentInput(agency.providerId));
    await a.cm.post(`/api/v1/candidates/${c.id}/present`, {});
    expect((await a.provider.post(`/api/v1/candidates/${c.id}/veto`, {})).statusCode).toBe(400);
    // The company's queue counts only the households presented to it.
    const picked = (
      await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, {
        householdId: (await poolHousehold(a.cm, agency)).id,
        comment: 'nicht vorgestellt',
      })
    ).json();
    expect(picked.status).toBe('shortlisted');
    const row = (await a.provider.get('/api/v1/offers?status=open&pageSize=100'))
      .json()
      .items.find((i: { id: string }) => i.id === offer.id);
    expect(row.candidates).toBe(1);
    expect(
      (await a.cm.get('/api/v1/offers?status=open&pageSize=100')).json().items.find((i: { id: string }) => i.id === offer.id).candidates,
    ).toBe(2);
    const vetoed = await a.provider.post(`/api/v1/candidates/${c.id}/veto`, { reason: 'Mieterauswahl für das Haus bereits getroffen' });
    expect(vetoed.json().status).toBe('vetoed');
    // Withdrawal of consent hides the candidate from the company at once.
    const consent = (await a.sw.get(`/api/v1/households/${h.id}/consents`)).json().items[0];
    const w = await a.sw.post(`/api/v1/households/${h.id}/consents/${consent.id}/withdraw`, { note: 'mündlich widerrufen' });
    expect(w.json().valid).toBe(false);
    expect((await a.provider.get(`/api/v1/offers/${offer.id}/candidates`)).json().items).toEqual([]);
    // The disclosure was logged.
    const disclosed = await testDbs().owner.selectFrom('disclosures').selectAll().where('candidate_id', '=', c.id).execute();
    expect(disclosed[0]).toMatchObject({
      provider_id: agency.providerId,
      fields: ['pseudonym', 'firstName', 'persons', 'adults', 'children', 'pets', 'moveInFrom'],
    });
  });

  it('consent: an oral consent needs a minute, and without consent for this company presenting is refused with consent_required', async () => {
    const h = await poolHousehold(a.cm, agency);
    const oral = await a.sw.post(`/api/v1/households/${h.id}/consents`, consentInput(agency.providerId, { form: 'oral' }));
    expect(oral.statusCode).toBe(400);
    expect(oral.json().errors[0].field).toBe('minute');
    expect(
      (
        await a.sw.post(
          `/api/v1/households/${h.id}/consents`,
          consentInput(agency.otherProviderId, { form: 'oral', minute: 'Telefonat am 01.11.' }),
        )
      ).statusCode,
    ).toBe(201);
    const offer = await approvedOffer(a);
    const c = (await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'passt' })).json();
    const refused = await a.cm.post(`/api/v1/candidates/${c.id}/present`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'consent_required', currentState: 'shortlisted' });
    expect((await a.sw.post(`/api/v1/households/${h.id}/consents`, consentInput(agency.providerId))).statusCode).toBe(201);
    expect((await a.cm.post(`/api/v1/candidates/${c.id}/present`, {})).statusCode).toBe(200);
    // A step the state does not allow stays the generic invalid_transition.
    expect((await a.cm.post(`/api/v1/candidates/${c.id}/present`, {})).json().code).toBe('invalid_transition');
  });
});

describe('offer timeline', () => {
  it('audits every read of the timeline, by the office and by the company', async () => {
    const offer = await approvedOffer(a);
    const timelineReads = (actorId: string) =>
      testDbs()
        .owner.selectFrom('audit_events')
        .select('details')
        .where('agency_id', '=', agency.id)
        .where('actor_id', '=', actorId)
        .where('action', '=', 'offer.timeline')
        .where('entity_id', '=', offer.id)
        .execute();
    for (const [c, actorId] of [
      [a.cm, agency.users.case_manager.id],
      [a.provider, agency.users.provider_user.id],
    ] as const) {
      const res = await c.get(`/api/v1/offers/${offer.id}/events`);
      expect(res.statusCode).toBe(200);
      const rows = await timelineReads(actorId);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.details).toEqual({ events: res.json().items.length });
    }
  });
});

describe('programme conditions', () => {
  it('a new version shows its impact first; checked offers keep the version they were checked under', async () => {
    const ag = await createAgency();
    const p = await placementActors(app, ag);
    await ensureConditions(p.admin);
    const offer = await approvedOffer(p);
    await poolHousehold(p.cm, ag);
    const oldConditions = (await p.cm.get(`/api/v1/offers/${offer.id}`)).json().check.conditionsId;
    const stricter = {
      ...CONDITIONS,
      validFrom: '2026-01-01',
      rentCaps: CONDITIONS.rentCaps.map((r) => ({ ...r, maxColdRentCents: r.maxColdRentCents - 30_000 })),
    };
    const preview = (await p.admin.post('/api/v1/programme-conditions/preview', stricter)).json();
    expect(preview.openOffers).toBe(1);
    expect(preview.offersChanging).toEqual([{ id: offer.id, reference: offer.reference, eligibleBefore: true, eligibleAfter: false }]);
    expect(preview.bySize).toEqual([
      { persons: 2, households: 1, capBeforeCents: 64_000, capAfterCents: 34_000, spaceBeforeSqm: 60, spaceAfterSqm: 60 },
    ]);
    expect([preview.poolHouseholds, preview.poolAffected]).toEqual([1, 1]);
    expect((await p.cm.post('/api/v1/programme-conditions', stricter)).statusCode).toBe(403);
    const created = await p.admin.post('/api/v1/programme-conditions', stricter);
    expect(created.statusCode).toBe(201);
    expect(created.json().current).toBe(true);
    expect((await p.admin.post('/api/v1/programme-conditions', stricter)).json().errors[0].field).toBe('validFrom');
    expect((await p.cm.get(`/api/v1/offers/${offer.id}`)).json().check.conditionsId).toBe(oldConditions);
    const list = (await p.cm.get('/api/v1/programme-conditions')).json().items;
    expect(list.map((c: { validFrom: string; current: boolean }) => [c.validFrom, c.current])).toEqual([
      ['2026-01-01', true],
      ['2020-01-01', false],
    ]);
  });
});
