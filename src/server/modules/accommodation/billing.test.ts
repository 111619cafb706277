import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../../test/prevention-import-fixtures.js';
import { placesFixture } from '../../../../test/accommodation-fixtures.js';
import {
  client,
  createAgency,
  householdInput,
  login,
  testApp,
  testDbs,
  type Client,
  type Session,
  type TestAgency,
} from '../../../../test/helpers.js';

/*
 * Billing to the day, hand-computed. Contract from 2026-01-01 at 35,00 € per person and night, a new
 * rate of 40,00 € from 2026-10-15. A household of two (Erika, Max) is assigned on 2026-09-28 and
 * moves out on 2026-11-03. Day of arrival counts, day of departure does not (the default):
 *   September: 28, 29, 30                     = 3 nights × 3500           = 10 500 per person
 *   October:   1–14 at 3500 + 15–31 at 4000   = 14 × 3500 + 17 × 4000     = 117 000 per person
 *   November:  1, 2 at 4000                   = 2 × 4000                  = 8 000 per person
 */
let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let acc: Client;
let accSession: Session;
let auditor: Client;
let cm: Client;
let otherAcc: Client;
let places: Awaited<ReturnType<typeof placesFixture>>;
let household: { id: string; reference: string; members: { id: string; name: string }[] };
let assignmentId: string;

const B = '/api/v1/accommodation/billing';
const A = '/api/v1/accommodation';

async function setRules(arrival: boolean, departure: boolean) {
  const { owner } = testDbs();
  const a = await owner.selectFrom('agencies').select('settings').where('id', '=', agency.id).executeTakeFirstOrThrow();
  const settings = { ...a.settings, accommodationBilling: { billArrivalDay: arrival, billDepartureDay: departure } };
  await owner
    .updateTable('agencies')
    .set({ settings: JSON.stringify(settings) })
    .where('id', '=', agency.id)
    .execute();
}

const month = async (m: string) => {
  const res = await acc.get(`${B}/operators/${places.operatorId}?month=${m}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    computedCents: number;
    nights: number;
    stays: { person: string; nights: number; cents: number; segments: unknown[] }[];
  };
};

const line = (member: number, firstNight: string, lastNight: string, nights: number, amountCents: number) => ({
  assignmentId,
  memberId: household.members[member]!.id,
  firstNight,
  lastNight,
  nights,
  amountCents,
});

const importFile = (query: string, name: string, content: Buffer) => {
  const m = multipart(
    name,
    content,
    name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
  );
  return app.inject({
    method: 'POST',
    url: `${B}/invoices/import?${query}`,
    payload: m.body,
    headers: { cookie: accSession.cookie, 'x-csrf-token': accSession.csrf, 'content-type': m.contentType },
  });
};

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  other = await createAgency();
  accSession = await login(app, agency.users.accommodation_worker.email);
  acc = client(app, accSession);
  cm = client(app, await login(app, agency.users.case_manager.email));
  auditor = client(app, await login(app, agency.users.auditor.email));
  otherAcc = client(app, await login(app, other.users.accommodation_worker.email));
  places = await placesFixture(acc);
  const raised = await acc.post(`${A}/contracts/${places.contractId}/rates`, { validFrom: '2026-10-15', centsPerDay: 4_000 });
  expect(raised.statusCode, raised.body).toBe(201);
  const h = await cm.post('/api/v1/households', householdInput({ situation: 'rough_sleeping', situationSince: '2026-01-01' }));
  expect(h.statusCode, h.body).toBe(201);
  household = {
    id: h.json().id,
    reference: h.json().reference,
    members: h
      .json()
      .members.map((m: { id: string; firstName: string; lastName: string }) => ({ id: m.id, name: `${m.firstName} ${m.lastName}` })),
  };
  const a = await cm.post(`${A}/assignments`, {
    householdId: household.id,
    facilityId: places.facilityId,
    fromDate: '2026-09-28',
    payer: 'agency',
    places: household.members.map((m, i) => ({ memberId: m.id, placeId: places.place('A1', i) })),
  });
  expect(a.statusCode, a.body).toBe(201);
  assignmentId = a.json().id;
  const moved = await cm.post(`${A}/assignments/${assignmentId}/move-in`, { movedInOn: '2026-09-28', version: a.json().version });
  expect(moved.statusCode, moved.body).toBe(200);
  const out = await cm.post(`${A}/assignments/${assignmentId}/move-out`, {
    movedOutOn: '2026-11-03',
    reason: 'own_flat',
    version: moved.json().version,
  });
  expect(out.statusCode, out.body).toBe(200);
});
afterAll(() => app.close());

describe('billing to the day', () => {
  it('bills nights × the rate valid each night, across a rate change and a month end', async () => {
    const sep = await month('2026-09');
    expect(sep.stays.map((s) => [s.nights, s.cents])).toEqual([
      [3, 10_500],
      [3, 10_500],
    ]);
    const oct = await month('2026-10');
    expect(oct.nights).toBe(62);
    expect(oct.computedCents).toBe(234_000);
    expect(oct.stays[0]!.segments).toEqual([
      { firstNight: '2026-10-01', lastNight: '2026-10-14', nights: 14, centsPerNight: 3_500, billed: false },
      { firstNight: '2026-10-15', lastNight: '2026-10-31', nights: 17, centsPerNight: 4_000, billed: false },
    ]);
    const nov = await month('2026-11');
    expect(nov.stays.map((s) => [s.nights, s.cents])).toEqual([
      [2, 8_000],
      [2, 8_000],
    ]);
    const overview = await acc.get(`${B}?month=2026-10`);
    expect(overview.json().items.find((i: { operatorId: string }) => i.operatorId === places.operatorId)).toMatchObject({
      persons: 2,
      nights: 62,
      computedCents: 234_000,
      nightsWithoutRate: 0,
    });
  });

  it('follows the agency setting for the day of arrival and the day of departure', async () => {
    try {
      await setRules(false, true);
      // September without the 28th: 29, 30; November with the 3rd: 1, 2, 3.
      expect((await month('2026-09')).stays.map((s) => s.nights)).toEqual([2, 2]);
      expect((await month('2026-11')).stays.map((s) => [s.nights, s.cents])).toEqual([
        [3, 12_000],
        [3, 12_000],
      ]);
      await setRules(true, true);
      expect((await month('2026-09')).computedCents).toBe(21_000);
    } finally {
      await setRules(true, false);
    }
    expect((await month('2026-11')).computedCents).toBe(16_000);
  });

  it('lists the differences of an invoice per person and night', async () => {
    const res = await acc.post(`${B}/invoices`, {
      operatorId: places.operatorId,
      month: '2026-09',
      invoiceNo: 'R-2026-09-1',
      receivedOn: '2026-10-05',
      lines: [line(0, '2026-09-27', '2026-09-30', 4, 14_000), line(1, '2026-09-28', '2026-09-29', 2, 7_400)],
    });
    expect(res.statusCode, res.body).toBe(201);
    const inv = res.json();
    expect(inv).toMatchObject({ state: 'received', totalCents: 21_400, source: 'manual' });
    const [erika, max] = household.members;
    const byPersonAndNight = (a: unknown[], b: unknown[]) =>
      String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]));
    const listed = inv.differences.map(
      (d: { person: string; night: string; kind: string; invoicedCents: number; computedCents: number }) => [
        d.person,
        d.night,
        d.kind,
        d.invoicedCents,
        d.computedCents,
      ],
    );
    expect(listed.sort(byPersonAndNight)).toEqual(
      [
        [erika!.name, '2026-09-27', 'not_stayed', 3_500, null],
        [max!.name, '2026-09-28', 'rate_differs', 3_700, 3_500],
        [max!.name, '2026-09-29', 'rate_differs', 3_700, 3_500],
        [max!.name, '2026-09-30', 'missing_night', null, 3_500],
      ].sort(byPersonAndNight),
    );
    // Checked, it cannot be approved; it is disputed with a reason.
    const checked = await acc.post(`${B}/invoices/${inv.id}/check`, { version: inv.version });
    expect(checked.json().state).toBe('checked');
    const refused = await acc.post(`${B}/invoices/${inv.id}/approve`, { version: checked.json().version });
    expect(refused.statusCode).toBe(409);
    expect(
      (await acc.post(`${B}/invoices/${inv.id}/dispute`, { version: checked.json().version, reason: '' })).json().errors[0].field,
    ).toBe('reason');
    const disputed = await acc.post(`${B}/invoices/${inv.id}/dispute`, {
      version: checked.json().version,
      reason: 'Nacht zum 27.09. nicht belegt',
    });
    expect(disputed.json()).toMatchObject({ state: 'disputed', disputeReason: 'Nacht zum 27.09. nicht belegt' });
  });

  it('refuses lines outside the month or with wrong nights, naming the field', async () => {
    const res = await acc.post(`${B}/invoices`, {
      operatorId: places.operatorId,
      month: '2026-10',
      invoiceNo: 'R-bad',
      receivedOn: '2026-11-05',
      lines: [
        line(0, '2026-10-01', '2026-11-02', 31, 1),
        line(1, '2026-10-01', '2026-10-10', 9, 1),
        { ...line(0, '2026-10-01', '2026-10-01', 1, 1), memberId: places.facilityId },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.lastNight', 'lines.1.nights', 'lines.2.memberId']);
  });

  it('imports an invoice from CSV, naming a bad row by line and column; XLSX too', async () => {
    const [erika, max] = household.members;
    const head = `operatorId=${places.operatorId}&month=2026-11&invoiceNo=R-2026-11-1&receivedOn=2026-12-02`;
    const bad = Buffer.from(
      `Aktenzeichen;Person;Von;Bis;Nächte;Betrag\r\n${household.reference};${erika!.name};01.11.2026;02.11.2026;2;80,00\r\n${household.reference};${max!.name};31.11.2026;02.11.2026;2;achtzig\r\n`,
    );
    const refused = await importFile(head, 'rechnung.csv', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['file.3.von', 'file.3.betrag']);
    expect(refused.json().errors[0].message).toContain('Zeile 3');
    const unknown = Buffer.from(
      `Aktenzeichen;Person;Von;Bis;Nächte;Betrag\r\n${household.reference};Nie Dagewesen;01.11.2026;02.11.2026;2;80,00\r\n`,
    );
    expect((await importFile(head, 'rechnung.csv', unknown)).json().errors[0].field).toBe('file.2.person');

    const good = Buffer.from(bad.toString().replace('31.11.2026', '01.11.2026').replace('achtzig', '80,00'));
    const csv = await importFile(head, 'rechnung.csv', good);
    expect(csv.statusCode, csv.body).toBe(201);
    expect(csv.json()).toMatchObject({ source: 'csv', totalCents: 16_000, computedCents: 16_000, differences: [] });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rechnung');
    ws.addRow(['Aktenzeichen', 'Person', 'Von', 'Bis', 'Nächte', 'Betrag']);
    ws.addRow([household.reference, erika!.name, new Date(Date.UTC(2026, 10, 1)), new Date(Date.UTC(2026, 10, 2)), 2, 80]);
    const xlsx = await importFile(head.replace('R-2026-11-1', 'R-2026-11-X'), 'rechnung.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(xlsx.json()).toMatchObject({
      source: 'xlsx',
      totalCents: 8_000,
      lines: [{ firstNight: '2026-11-01', lastNight: '2026-11-02', nights: 2 }],
    });
    // The same number again from the operator is refused at the field.
    expect((await importFile(head, 'rechnung.csv', good)).json().errors[0].field).toBe('invoiceNo');
  });

  it('approves an invoice: its nights are billed, a later rate change leaves them as they were', async () => {
    const res = await acc.post(`${B}/invoices`, {
      operatorId: places.operatorId,
      month: '2026-10',
      invoiceNo: 'R-2026-10-1',
      receivedOn: '2026-11-04',
      lines: [0, 1].flatMap((m) => [line(m, '2026-10-01', '2026-10-14', 14, 49_000), line(m, '2026-10-15', '2026-10-31', 17, 68_000)]),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().differences).toEqual([]);
    expect((await auditor.post(`${B}/invoices/${res.json().id}/check`, { version: 1 })).statusCode).toBe(404);
    const checked = await acc.post(`${B}/invoices/${res.json().id}/check`, { version: 1 });
    expect((await acc.post(`${B}/invoices/${res.json().id}/approve`, { version: 1 })).statusCode).toBe(412);
    const approved = await acc.post(`${B}/invoices/${res.json().id}/approve`, { version: checked.json().version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', computedCents: 234_000 });

    // A new rate from 20 October: October keeps its billed nights, November's unbilled nights take it.
    expect((await acc.post(`${A}/contracts/${places.contractId}/rates`, { validFrom: '2026-10-20', centsPerDay: 5_000 })).statusCode).toBe(
      201,
    );
    const oct = await month('2026-10');
    expect(oct.computedCents).toBe(234_000);
    expect(oct.stays[0]!.segments).toEqual([
      { firstNight: '2026-10-01', lastNight: '2026-10-14', nights: 14, centsPerNight: 3_500, billed: true },
      { firstNight: '2026-10-15', lastNight: '2026-10-31', nights: 17, centsPerNight: 4_000, billed: true },
    ]);
    expect((await month('2026-11')).computedCents).toBe(20_000);
    // The November invoice (40,00 €) now differs from the rate of those nights.
    const nov = (await acc.get(`${B}/operators/${places.operatorId}?month=2026-11`)).json().invoices[0];
    const detail = (await acc.get(`${B}/invoices/${nov.id}`)).json();
    expect(detail.differences.map((d: { kind: string }) => d.kind)).toEqual([
      'rate_differs',
      'rate_differs',
      'rate_differs',
      'rate_differs',
    ]);

    // A second invoice for the same nights: already billed.
    const twice = await acc.post(`${B}/invoices`, {
      operatorId: places.operatorId,
      month: '2026-10',
      invoiceNo: 'R-2026-10-2',
      receivedOn: '2026-11-06',
      lines: [line(0, '2026-10-31', '2026-10-31', 1, 4_000)],
    });
    expect(twice.json().differences).toEqual([expect.objectContaining({ night: '2026-10-31', kind: 'already_billed' })]);

    // The finance export: approved amounts with documented columns.
    const csv = await auditor.get(`${B}/export.csv?month=2026-10`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'betreiber;rechnungsnummer;zeitraum;aktenzeichen;kostentraeger;naechte;betrag_cent;betrag_euro',
      `${approved.json().operatorName};R-2026-10-1;2026-10;${household.reference};agency;62;234000;2340,00`,
      '',
    ]);
    const { owner } = testDbs();
    const events = await owner
      .selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', agency.id)
      .where('action', 'like', 'accommodation.%')
      .execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      'accommodation.invoice_create',
      'accommodation.invoice_step',
      'accommodation.billing_read',
      'accommodation.billing_export',
      'accommodation.billing_overview',
    ])
      expect(actions).toContain(a);
  });

  it('keeps agencies apart and lets only the team change invoices', async () => {
    const list = (await acc.get(`${B}/operators/${places.operatorId}?month=2026-10`)).json();
    const id = list.invoices[0].id;
    expect((await otherAcc.get(`${B}/invoices/${id}`)).statusCode).toBe(404);
    expect((await otherAcc.get(`${B}/operators/${places.operatorId}?month=2026-10`)).statusCode).toBe(404);
    expect((await auditor.get(`${B}/invoices/${id}`)).statusCode).toBe(200);
    expect((await cm.get(`${B}/invoices/${id}`)).statusCode).toBe(404);
    expect((await cm.get(`${B}?month=2026-10`)).statusCode).toBe(403);
  });
});
