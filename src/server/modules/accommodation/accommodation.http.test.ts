import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { contractInput, facilityInput, operatorInput, placesFixture } from '../../../../test/accommodation-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let acc: Client;
let cm: Client;
let sw: Client;
let otherLead: Client;
let places: Awaited<ReturnType<typeof placesFixture>>;

const A = '/api/v1/accommodation';

async function homelessHousehold(c: Client) {
  const h = await c.post('/api/v1/households', householdInput({ situation: 'rough_sleeping', situationSince: '2024-05-01' }));
  expect(h.statusCode, h.body).toBe(201);
  return { id: h.json().id as string, members: h.json().members.map((m: { id: string }) => m.id) as string[] };
}

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  other = await createAgency();
  acc = client(app, await login(app, agency.users.accommodation_worker.email));
  cm = client(app, await login(app, agency.users.case_manager.email));
  sw = client(app, await login(app, agency.users.social_worker.email));
  otherLead = client(app, await login(app, other.users.lead.email));
  places = await placesFixture(acc);
});
afterAll(() => app.close());

describe('operators, contracts and dated rates', () => {
  it('keeps every rate with its first day; a second rate on the same day is refused at the field', async () => {
    const raised = await acc.post(`${A}/contracts/${places.contractId}/rates`, { validFrom: '2026-07-01', centsPerDay: 3_800 });
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json().contracts[0].rates.map((r: { validFrom: string; centsPerDay: number }) => [r.validFrom, r.centsPerDay])).toEqual([
      ['2026-07-01', 3_800],
      ['2026-01-01', 3_500],
    ]);
    const again = await acc.post(`${A}/contracts/${places.contractId}/rates`, { validFrom: '2026-07-01', centsPerDay: 3_900 });
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().errors).toEqual([expect.objectContaining({ field: 'validFrom', code: 'duplicate' })]);
    const before = await acc.post(`${A}/contracts/${places.contractId}/rates`, { validFrom: '2025-12-31', centsPerDay: 100 });
    expect(before.json().errors[0].field).toBe('validFrom');
  });

  it('answers bad input with problem+json naming every field', async () => {
    const res = await acc.post(`${A}/operators`, {
      ...operatorInput({ kind: 'welfare', welfareAssociation: null }),
      postalCode: '1234',
      email: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['email', 'postalCode', 'welfareAssociation']);
    const contract = await acc.post(
      `${A}/operators/${places.operatorId}/contracts`,
      contractInput({ validTo: '2025-01-01', centsPerDay: -1 }),
    );
    expect(
      contract
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['centsPerDay', 'validTo']);
    const facility = await acc.post(`${A}/facilities`, facilityInput(places.operatorId, { provision: 'tent' as 'other', capacity: -3 }));
    expect(
      facility
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['capacity', 'provision']);
  });

  it('lets only the accommodation team keep places; case managers read them', async () => {
    expect((await cm.post(`${A}/operators`, operatorInput())).statusCode).toBe(403);
    expect((await cm.get(`${A}/facilities`)).statusCode).toBe(200);
    expect((await otherLead.get(`${A}/facilities/${places.facilityId}`)).statusCode).toBe(404);
    expect((await otherLead.get(`${A}/operators/${places.operatorId}`)).statusCode).toBe(404);
  });
});

describe('the journey: search, assign, move in, transfer, move out', () => {
  it('finds the fitting places with the reasons for the others, assigns with two letters, and follows the moves', async () => {
    const h = await homelessHousehold(cm);
    const search = await cm.get(`${A}/place-search?householdId=${h.id}`);
    expect(search.statusCode, search.body).toBe(200);
    const s = search.json();
    expect(s.needs).toMatchObject({ persons: 2, children: 1, wanted: ['Mitte'] });
    const ours = s.facilities.find((f: { id: string }) => f.id === places.facilityId);
    expect(ours).toMatchObject({ wished: true, enough: true });
    expect(ours.places.map((p: { roomLabel: string }) => p.roomLabel)).toEqual(['A1', 'A1']);
    // Excluded places are counted per reason; the places of a reason are listed on request, each with all its reasons.
    expect(s).toMatchObject({ page: 1, pageSize: 50, excluded: null });
    expect(s.fittingPlaces + s.excludedPlaces).toBe(s.places);
    expect(s.exclusionCounts.map((c: { reason: string }) => c.reason)).toEqual(expect.arrayContaining(['sex', 'family', 'single_room']));
    const family = (await cm.get(`${A}/place-search?householdId=${h.id}&reason=family`)).json();
    expect(family.excluded).toMatchObject({ reason: 'family', page: 1, pageSize: 50 });
    expect(family.excluded.total).toBe(s.exclusionCounts.find((c: { reason: string }) => c.reason === 'family').count);
    const reasons = Object.fromEntries(
      family.excluded.items
        .filter((e: { facilityId: string }) => e.facilityId === places.facilityId)
        .map((e: { roomLabel: string; reasons: string[] }) => [e.roomLabel, e.reasons]),
    );
    expect(reasons).toEqual({ F1: ['sex', 'family'], E1: ['family', 'single_room'] });
    const f1 = family.excluded.items.find(
      (e: { roomLabel: string; facilityId: string }) => e.facilityId === places.facilityId && e.roomLabel === 'F1',
    );
    expect(f1.explanation).toEqual([
      'Der Raum ist nur für Frauen; im Haushalt sind nicht nur Frauen.',
      'Im Haushalt leben 1 Kind; der Raum ist nicht für Familien geeignet.',
    ]);
    expect((await cm.get(`${A}/place-search?householdId=${h.id}&reason=nonsense`)).statusCode).toBe(400);

    // Bad input: a stranger as member, the same place twice → every field named.
    const bad = await cm.post(`${A}/assignments`, {
      householdId: h.id,
      facilityId: places.facilityId,
      fromDate: '2026-11-02',
      payer: 'agency',
      places: [
        { memberId: places.facilityId, placeId: places.place('A1', 0) },
        { memberId: h.members[1], placeId: places.place('A1', 0) },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['places.0.memberId', 'places.1.placeId']);

    const assigned = await cm.post(`${A}/assignments`, {
      householdId: h.id,
      facilityId: places.facilityId,
      fromDate: '2026-11-02',
      payer: 'jobcenter',
      ownContributionCents: 5_000,
      places: [
        { memberId: h.members[0], placeId: places.place('A1', 0) },
        { memberId: h.members[1], placeId: places.place('A1', 1) },
      ],
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const a = assigned.json();
    expect(a).toMatchObject({ state: 'assigned', payer: 'jobcenter', ownContributionCents: 5_000, actions: ['moveIn', 'cancel'] });
    expect(a.legalBasis).toContain('PolG BW');
    expect(a.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(['accommodation_cost_note', 'accommodation_order']);
    const pdf = await cm.get(`${A}/assignments/${a.id}/documents/${a.documents[0].id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The places are taken from that day: the next household cannot have them.
    const second = await homelessHousehold(cm);
    const clash = await cm.post(`${A}/assignments`, {
      householdId: second.id,
      facilityId: places.facilityId,
      fromDate: '2026-11-20',
      payer: 'agency',
      places: [{ memberId: second.members[0], placeId: places.place('A1', 0) }],
    });
    expect(clash.json().errors).toEqual([expect.objectContaining({ field: 'places.0.placeId', code: 'occupied' })]);
    const later = (await cm.get(`${A}/place-search?householdId=${second.id}&date=2026-11-20&reason=occupied`)).json();
    expect(later.excluded.items.find((e: { placeId: string }) => e.placeId === places.place('A1', 0)).reasons).toEqual(['occupied']);

    // Move-in: not before the assigned day, then confirmed; a stale version is 412.
    const early = await cm.post(`${A}/assignments/${a.id}/move-in`, { movedInOn: '2026-11-01', version: a.version });
    expect(early.json().errors).toEqual([expect.objectContaining({ field: 'movedInOn' })]);
    expect((await cm.post(`${A}/assignments/${a.id}/move-in`, { movedInOn: '2026-11-03', version: 99 })).statusCode).toBe(412);
    const moved = await cm.post(`${A}/assignments/${a.id}/move-in`, { movedInOn: '2026-11-03', version: a.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ state: 'moved_in', movedInOn: '2026-11-03', actions: ['moveOut', 'transfer'] });
    expect(moved.json().persons.every((p: { fromDate: string }) => p.fromDate === '2026-11-03')).toBe(true);

    // The facility page shows who lives where (the case manager sees the household).
    const fac = (await cm.get(`${A}/facilities/${places.facilityId}`)).json();
    expect(fac.occupancy).toMatchObject({ places: 4, occupied: 2, free: 2 });
    expect(fac.rooms.find((r: { label: string }) => r.label === 'A1').places[0].occupant).toMatchObject({ householdId: h.id });

    // Transfer to another facility: one history, the first assignment ends that day.
    const elsewhere = await placesFixture(acc, 'Nord');
    const transfer = await cm.post(`${A}/assignments`, {
      householdId: h.id,
      facilityId: elsewhere.facilityId,
      fromDate: '2026-11-20',
      payer: 'agency',
      transferFromId: a.id,
      places: [
        { memberId: h.members[0], placeId: elsewhere.place('A1', 0) },
        { memberId: h.members[1], placeId: elsewhere.place('A1', 1) },
      ],
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    expect(transfer.json()).toMatchObject({ previousId: a.id, historyId: a.id, state: 'assigned' });
    const first = (await cm.get(`${A}/assignments/${a.id}`)).json();
    expect(first).toMatchObject({ state: 'moved_out', movedOutOn: '2026-11-20', moveOutReason: 'other_facility' });
    const history = (await cm.get(`${A}/assignments?householdId=${h.id}&current=false`)).json();
    expect(history.items.map((i: { historyId: string }) => i.historyId)).toEqual([a.id, a.id]);

    const t = transfer.json();
    const inNew = await cm.post(`${A}/assignments/${t.id}/move-in`, { movedInOn: '2026-11-20', version: t.version });
    const out = await cm.post(`${A}/assignments/${t.id}/move-out`, {
      movedOutOn: '2026-12-01',
      reason: 'own_flat',
      version: inNew.json().version,
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ state: 'moved_out', moveOutReason: 'own_flat', actions: [] });
    expect(
      (await cm.post(`${A}/assignments/${t.id}/move-out`, { movedOutOn: '2026-12-01', reason: 'own_flat', version: 9 })).statusCode,
    ).toBe(409);

    // Another agency and a social worker who does not look after the household see nothing.
    expect((await otherLead.get(`${A}/assignments/${a.id}`)).statusCode).toBe(404);
    expect((await sw.get(`${A}/assignments/${a.id}`)).statusCode).toBe(404);
    expect((await otherLead.get(`${A}/place-search?householdId=${h.id}`)).statusCode).toBe(404);
  });

  it('blocks a facility for new assignments with a reason; the search says why', async () => {
    const f = await placesFixture(acc, 'Süd');
    const h = await homelessHousehold(cm);
    // A search before the block (the places of the day are kept) must not answer the block after it from its copy.
    const free = (await cm.get(`${A}/place-search?householdId=${h.id}`)).json();
    expect(free.facilities.find((x: { id: string }) => x.id === f.facilityId)).toBeDefined();
    const noReason = await acc.post(`${A}/facilities/${f.facilityId}/state`, { to: 'blocked', version: f.detail.version });
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const blocked = await acc.post(`${A}/facilities/${f.facilityId}/state`, {
      to: 'blocked',
      note: 'Brandschutzmängel',
      version: f.detail.version,
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json()).toMatchObject({
      state: 'blocked',
      stateNote: 'Brandschutzmängel',
      actions: ['admit', 'admitWithConditions', 'block', 'edit', 'addRoom'],
    });
    expect(blocked.json().events.map((e: { to: string }) => e.to)).toEqual(['blocked', 'admitted']);
    const s = (await cm.get(`${A}/place-search?householdId=${h.id}&reason=facility_blocked`)).json();
    const e = s.excluded.items.find(
      (x: { facilityId: string; roomLabel: string }) => x.facilityId === f.facilityId && x.roomLabel === 'A1',
    );
    expect(e.reasons).toEqual(['facility_blocked']);
    expect(s.facilities.find((x: { id: string }) => x.id === f.facilityId)).toBeUndefined();
    expect(e.explanation[0]).toContain('Brandschutzmängel');
    const refused = await cm.post(`${A}/assignments`, {
      householdId: h.id,
      facilityId: f.facilityId,
      fromDate: '2026-11-02',
      payer: 'agency',
      places: [{ memberId: h.members[0], placeId: f.place('A1') }],
    });
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'facilityId', code: 'blocked' })]);
    const { owner } = testDbs();
    const audited = await owner.selectFrom('audit_events').select('action').where('entity_id', '=', f.facilityId).execute();
    expect(audited.map((x) => x.action)).toEqual(expect.arrayContaining(['accommodation.facility_create', 'accommodation.facility_state']));
  });
});
