import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZNoticeInput } from '../src/contracts/prevention.js';
import { inAgency } from '../src/server/db/database.js';
import { importRunner } from '../src/server/modules/prevention/import/import.runner.js';
import { openCasesInBulk } from '../src/server/modules/prevention/prevention.bulk.js';
import { arrearsCsv, upload, waitWhile } from './prevention-import-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type Session, type TestAgency } from './helpers.js';

let app: FastifyInstance;
let a: TestAgency;
let b: TestAgency;
let cmS: Session;
let cm: Client;
let existingHousehold: { id: string; reference: string };
let addressHousehold: string;
const tag = crypto.randomBytes(3).toString('hex');
const LAST = `Beispiel${tag}`;

const ROWS = [
  ['1001', LAST, 'Erika', '12.04.1985', 'Hauptstraße 1', '30159', 'Hannover', '1.234,56', '650,00', ''], // person match
  ['1002', 'Neumann', 'Jonas', '03.07.1990', 'Lindenweg 7', '30159', 'Hannover', '800', '500', '02.11.2026'], // address only: possible match
  ['1003', 'Kaya', 'Deniz', '31.02.1980', 'Bahnhofstr. 3', '301', 'Hannover', 'viel', '', ''], // three bad cells
  ['1004', 'Schulz', 'Petra', '01.01.1970', 'Am Markt 2', '30161', 'Hannover', '2.000,00', '700', ''], // new household
  ['1005', 'Schulz', 'Petra', '01.01.1970', 'Am Markt 2', '30161', 'Hannover', '2.000,00', '700', ''], // duplicate of row 5
  ['1006', '', 'Tom', '', 'Weg 1', '30159', 'Hannover', '100', '', ''], // name missing
  ['1007', 'Öztürk', 'Ayşe', '', 'Königsworther Platz 1', '30167', 'Hannover', '450,5', '', ''], // new household
];

const caseCount = async (jobId: string) =>
  Number(
    (
      await testDbs()
        .owner.selectFrom('prevention_cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('import_job_id', '=', jobId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const householdCount = async (agencyId: string) =>
  Number(
    (
      await testDbs()
        .owner.selectFrom('households')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', agencyId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function mappedJob(file = arrearsCsv(ROWS)) {
  const up = await upload(app, cmS, 'rueckstaende.csv', file);
  expect(up.statusCode, up.body).toBe(201);
  const job = up.json();
  const mapped = await cm.put(`/api/v1/prevention/imports/${job.id}/mapping`, { columns: job.suggestedMapping, source: 'landlord' });
  expect(mapped.statusCode, mapped.body).toBe(200);
  return mapped.json();
}

beforeAll(async () => {
  app = await testApp();
  a = await createAgency();
  b = await createAgency();
  cmS = await login(app, a.users.case_manager.email);
  cm = client(app, cmS);
  const h = await cm.post(
    '/api/v1/households',
    householdInput({
      situation: 'housed',
      seekingHousing: false,
      members: [
        { firstName: 'Erika', lastName: LAST, birthDate: '1985-04-12', gender: 'female', nationality: 'deutsch', relationship: 'head' },
      ],
    }),
  );
  existingHousehold = { id: h.json().id, reference: h.json().reference };
  // A prevention case at Lindenweg 7 makes that home known.
  const who = { agencyId: a.id, actorId: a.users.case_manager.id, actorRole: 'case_manager', ip: null, purpose: null };
  const notice = ZNoticeInput.parse({
    source: 'landlord',
    receivedOn: '2026-10-01',
    tenants: [{ firstName: 'Karl', lastName: 'Vormieter' }],
    street: 'Lindenweg 7',
    postalCode: '30159',
    city: 'Hannover',
    arrearsCents: 10_000,
  });
  const res = await inAgency(testDbs().app, a.id, (tx) => openCasesInBulk(tx, who, [{ notice, householdId: null }]));
  addressHousehold = res.householdIds[0]!;
});
afterAll(() => app.close());

describe('prevention list import', () => {
  it('reads the upload, suggests a mapping and shows sample values', async () => {
    const id = crypto.randomUUID();
    const res = await upload(app, cmS, 'rueckstaende.csv', arrearsCsv(ROWS), `?id=${id}`);
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({
      id,
      state: 'uploaded',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      progress: { done: 7, total: 7 },
      actions: ['map'],
    });
    expect(job.columns.map((c: { name: string }) => c.name)).toEqual([
      'Mieternummer',
      'Name',
      'Vorname',
      'Geburtsdatum',
      'Straße',
      'PLZ',
      'Ort',
      'Mietrückstand',
      'Monatsmiete',
      'Zustellung der Klage',
    ]);
    expect(job.suggestedMapping).toEqual([
      'externalReference',
      'lastName',
      'firstName',
      'birthDate',
      'street',
      'postalCode',
      'city',
      'arrearsCents',
      'monthlyRentCents',
      'servedOn',
    ]);
    expect(job.columns[1].samples).toEqual([LAST, 'Neumann', 'Kaya']);
    expect((await cm.get(`/api/v1/prevention/imports/${id}/progress`)).json()).toMatchObject({
      state: 'uploaded',
      progress: { done: 7, total: 7 },
    });
  });

  it('reports bad rows with row number, column and German message, flags duplicates and matches; nothing is saved before confirm', async () => {
    const householdsBefore = await householdCount(a.id);
    const job = await mappedJob();
    expect(job.state).toBe('mapped');
    expect(job.actions).toEqual(['map', 'confirm']);
    expect(job.counts).toEqual({ total: 7, valid: 4, invalid: 2, matched: 1, possible: 1, duplicates: 1 });

    const invalid = (await cm.get(`/api/v1/prevention/imports/${job.id}/rows?filter=invalid`)).json();
    expect(invalid.total).toBe(2);
    expect(invalid.items.map((r: { rowNo: number }) => r.rowNo)).toEqual([4, 7]);
    expect(invalid.items[0].errors).toEqual(
      expect.arrayContaining([
        { column: 'Geburtsdatum', field: 'birthDate', message: 'Kein gültiges Datum (TT.MM.JJJJ).' },
        { column: 'PLZ', field: 'postalCode', message: 'Keine gültige Postleitzahl (5 Ziffern).' },
        { column: 'Mietrückstand', field: 'arrearsCents', message: 'Kein gültiger Betrag (z. B. 1.234,56).' },
      ]),
    );
    expect(invalid.items[0].name).toBe('Kaya, Deniz');
    expect(invalid.items[1].errors).toEqual([{ column: 'Name', field: 'lastName', message: 'Der Name fehlt.' }]);

    const matched = (await cm.get(`/api/v1/prevention/imports/${job.id}/rows?filter=matched`)).json();
    expect(matched.items.map((r: { rowNo: number; match: unknown }) => [r.rowNo, r.match])).toEqual([
      [2, { householdId: existingHousehold.id, reference: existingHousehold.reference, name: `${LAST}, Erika`, by: 'person' }],
    ]);
    // Neumann lives where Vormieter had a case: the same address, not the same person — never linked by itself.
    const possible = (await cm.get(`/api/v1/prevention/imports/${job.id}/rows?filter=possible`)).json();
    expect(
      possible.items.map((r: { rowNo: number; match: unknown; possibleMatch: unknown }) => [r.rowNo, r.match, r.possibleMatch]),
    ).toEqual([[3, null, expect.objectContaining({ householdId: addressHousehold, name: 'Vormieter, Karl', decision: null })]]);
    const dups = (await cm.get(`/api/v1/prevention/imports/${job.id}/rows?filter=duplicates`)).json();
    expect(dups.items.map((r: { rowNo: number; duplicateOf: number }) => [r.rowNo, r.duplicateOf])).toEqual([[6, 5]]);
    const all = (await cm.get(`/api/v1/prevention/imports/${job.id}/rows?pageSize=3&page=2`)).json();
    expect(all).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(all.items.map((r: { rowNo: number }) => r.rowNo)).toEqual([5, 6, 7]);
    expect(all.items[0]).toMatchObject({
      status: 'valid',
      name: 'Schulz, Petra',
      birthDate: '1970-01-01',
      address: 'Am Markt 2, 30161 Hannover',
      arrearsCents: 200_000,
      match: null,
    });

    expect(await caseCount(job.id)).toBe(0);
    expect(await householdCount(a.id)).toBe(householdsBefore);
  });

  it('refuses an incomplete mapping field by field and a confirm before mapping', async () => {
    const job = (await upload(app, cmS, 'liste.csv', arrearsCsv(ROWS))).json();
    const bad = await cm.put(`/api/v1/prevention/imports/${job.id}/mapping`, {
      columns: job.suggestedMapping.map((f: string) =>
        f === 'postalCode' || f === 'firstName' ? null : f === 'monthlyRentCents' ? 'arrearsCents' : f,
      ),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['columns.8', 'columns']);
    expect((await cm.put(`/api/v1/prevention/imports/${job.id}/mapping`, { columns: [null] })).statusCode).toBe(400);
    const early = await cm.post(`/api/v1/prevention/imports/${job.id}/confirm`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('invalid_transition');
  });

  it('saves every valid row exactly once, even when the confirmation is retried, and reports the outcome', async () => {
    const householdsBefore = await householdCount(a.id);
    const job = await mappedJob();
    // A person confirms the possible match of row 3 (same address): only then is it linked.
    const decided = await cm.put(`/api/v1/prevention/imports/${job.id}/rows/3/household`, { decision: 'link' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ match: { householdId: addressHousehold, by: 'address' }, possibleMatch: { decision: 'link' } });
    const key = `confirm-${job.id}`;
    const first = await cm.post(`/api/v1/prevention/imports/${job.id}/confirm`, {}, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json().state).toBe('importing');
    const replay = await cm.post(`/api/v1/prevention/imports/${job.id}/confirm`, {}, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(202);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const done = await waitWhile(app, cmS, job.id, ['importing']);
    expect(done.state).toBe('done');
    expect(done.report).toEqual({ createdCases: 4, linkedHouseholds: 2, newHouseholds: 2, skippedInvalid: 2, skippedDuplicates: 1 });
    const again = await cm.post(`/api/v1/prevention/imports/${job.id}/confirm`);
    expect(again.statusCode).toBe(202);
    expect(again.json().state).toBe('done');
    expect(await caseCount(job.id)).toBe(4);
    expect(await householdCount(a.id)).toBe(householdsBefore + 2);

    const { owner } = testDbs();
    const cases = await owner
      .selectFrom('prevention_cases')
      .select(['household_id', 'street', 'arrears_cents', 'source', 'landlord_name'])
      .where('import_job_id', '=', job.id)
      .orderBy('street')
      .execute();
    expect(cases.find((c) => c.street === 'Hauptstraße 1')).toMatchObject({
      household_id: existingHousehold.id,
      arrears_cents: 123_456,
      source: 'landlord',
    });
    expect(cases.find((c) => c.street === 'Lindenweg 7')!.household_id).toBe(addressHousehold);
    const deadlines = await owner
      .selectFrom('deadlines')
      .select('kind')
      .where(
        'subject_id',
        'in',
        (await owner.selectFrom('prevention_cases').select('id').where('import_job_id', '=', job.id).execute()).map((c) => c.id),
      )
      .execute();
    expect(deadlines.filter((d) => d.kind === 'prevention_contact')).toHaveLength(4);

    const report = await cm.get(`/api/v1/prevention/imports/${job.id}/report.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Zeile;Ergebnis;Name;Anschrift;Fall;Haushalt;Fehler');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toContain(`2;Fall angelegt, mit vorhandenem Haushalt verknüpft;${LAST}, Erika;Hauptstraße 1, 30159 Hannover;`);
    expect(lines[1]).toContain(existingHousehold.reference);
    expect(lines[3]).toMatch(/^4;übersprungen: fehlerhaft;Kaya, Deniz?;.*Geburtsdatum: Kein gültiges Datum/);
    expect(lines[5]).toMatch(/^6;übersprungen: doppelt in der Datei \(wie Zeile 5\)/);
    expect(lines[4]).toMatch(/^5;Fall angelegt, neuer Haushalt;Schulz, Petra;/);

    const events = await owner
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('entity_id', '=', job.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'prevention_import.upload',
        'prevention_import.map',
        'prevention_import.decide',
        'prevention_import.confirm',
        'prevention_import.done',
        'prevention_import.report',
      ]),
    );
    expect(events.find((e) => e.action === 'prevention_import.map')!.details).toMatchObject({
      total: 7,
      valid: 4,
      invalid: 2,
      matched: 1,
      possible: 1,
      duplicates: 1,
    });
    expect(events.find((e) => e.action === 'prevention_import.done')!.details).toMatchObject({ createdCases: 4 });
    const created = await owner
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'prevention.create')
      .where('agency_id', '=', a.id)
      .where(sql<boolean>`details->>'importJobId' = ${job.id}`)
      .execute();
    expect(created).toHaveLength(4);
  });

  it('saves every valid row exactly once when confirmations race', async () => {
    const job = await mappedJob();
    const lead = client(app, await login(app, a.users.lead.email));
    const results = await Promise.all([
      cm.post(`/api/v1/prevention/imports/${job.id}/confirm`),
      lead.post(`/api/v1/prevention/imports/${job.id}/confirm`),
      cm.post(`/api/v1/prevention/imports/${job.id}/confirm`, {}, { 'idempotency-key': 'race' }),
      cm.post(`/api/v1/prevention/imports/${job.id}/confirm`, {}, { 'idempotency-key': 'race' }),
    ]);
    expect(results.map((r) => r.statusCode).every((s) => s === 202 || s === 409)).toBe(true);
    expect(results.filter((r) => r.statusCode === 202).length).toBeGreaterThanOrEqual(3);
    expect((await waitWhile(app, cmS, job.id, ['importing'])).state).toBe('done');
    expect(await caseCount(job.id)).toBe(4);
    const confirms = await testDbs()
      .owner.selectFrom('audit_events')
      .select('id')
      .where('entity_id', '=', job.id)
      .where('action', '=', 'prevention_import.confirm')
      .execute();
    expect(confirms).toHaveLength(1);
  });

  it('two importers on one job (two app instances) share the chunks without doubling a row', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => [
      `${2000 + i}`,
      `Chunk${i}`,
      'Test',
      '',
      `Ringstraße ${i + 1}`,
      '30159',
      'Hannover',
      '100',
      '',
      '',
    ]);
    const job = await mappedJob(arrearsCsv(rows));
    expect(job.counts.valid).toBe(23);
    await testDbs()
      .owner.updateTable('prevention_import_jobs')
      .set({ state: 'importing', confirmed_by: a.users.case_manager.id })
      .where('id', '=', job.id)
      .execute();
    const who = { agencyId: a.id, actorId: a.users.case_manager.id, actorRole: 'case_manager', ip: null, purpose: null };
    const one = importRunner(testDbs().app, { chunk: 2 });
    const two = importRunner(testDbs().app, { chunk: 3 });
    await Promise.all([one.start(a.id, job.id, who), two.start(a.id, job.id, who)]);
    expect(await caseCount(job.id)).toBe(23);
    const linked = await testDbs().owner.selectFrom('prevention_import_rows').select(['case_id']).where('job_id', '=', job.id).execute();
    expect(new Set(linked.map((r) => r.case_id)).size).toBe(23);
    expect((await cm.get(`/api/v1/prevention/imports/${job.id}/progress`)).json()).toMatchObject({
      state: 'done',
      progress: { done: 23, total: 23 },
      report: { createdCases: 23, newHouseholds: 23 },
    });
  });

  it('links on the person only: name at the same home links, the address alone is a possible match a person decides', async () => {
    const who = { agencyId: a.id, actorId: a.users.case_manager.id, actorRole: 'case_manager', ip: null, purpose: null };
    const street = `Gartenweg ${tag}`;
    const open = (lastName: string) =>
      inAgency(testDbs().app, a.id, (tx) =>
        openCasesInBulk(tx, who, [
          {
            notice: ZNoticeInput.parse({
              source: 'landlord',
              receivedOn: '2026-10-01',
              tenants: [{ firstName: 'Vera', lastName }],
              street,
              postalCode: '30159',
              city: 'Hannover',
              arrearsCents: 10_000,
            }),
            householdId: null,
          },
        ]),
      );
    const older = (await open('Älter')).householdIds[0]!;
    const newer = (await open('Neuer')).householdIds[0]!;
    const householdsBefore = await householdCount(a.id);
    const job = await mappedJob(
      arrearsCsv([
        ['3001', 'Älter', 'Vera', '', street, '30159', 'Hannover', '100', '', ''], // same name at the home, not the newest case
        ['3002', 'Zwei', 'Bea', '', street.replace('weg', 'Weg'), '30159', 'Hannover', '200', '', ''], // a stranger at the home
        ['3003', 'Drei', 'Cem', '', street, '30159', 'Hannover', '300', '', ''], // another stranger
        ['3004', 'Vier', 'Dana', '', street, '30159', 'Hannover', '400', '', ''], // and another
      ]),
    );
    expect(job.counts).toMatchObject({ valid: 4, matched: 1, possible: 3 });
    const rows = (await cm.get(`/api/v1/prevention/imports/${job.id}/rows`)).json();
    expect(rows.items.map((r: { match: unknown; possibleMatch: unknown }) => [r.match, r.possibleMatch])).toEqual([
      [expect.objectContaining({ householdId: older, by: 'name_address' }), null],
      [null, expect.objectContaining({ householdId: newer, decision: null })],
      [null, expect.objectContaining({ householdId: newer, decision: null })],
      [null, expect.objectContaining({ householdId: newer, decision: null })],
    ]);
    // Row 3: linked by decision; row 4: a new household by decision; row 5: undecided → a new household.
    expect((await cm.put(`/api/v1/prevention/imports/${job.id}/rows/3/household`, { decision: 'link' })).json()).toMatchObject({
      match: { householdId: newer, by: 'address' },
    });
    const keepNew = (await cm.put(`/api/v1/prevention/imports/${job.id}/rows/4/household`, { decision: 'new' })).json();
    expect(keepNew).toMatchObject({ match: null, possibleMatch: { householdId: newer, decision: 'new' } });
    const noPossible = await cm.put(`/api/v1/prevention/imports/${job.id}/rows/2/household`, { decision: 'link' });
    expect(noPossible.statusCode).toBe(409);
    expect((await cm.put(`/api/v1/prevention/imports/${job.id}/rows/99/household`, { decision: 'link' })).statusCode).toBe(404);
    const job2 = (await cm.get(`/api/v1/prevention/imports/${job.id}`)).json();
    expect(job2.counts).toMatchObject({ matched: 2, possible: 1 });
    const { owner } = testDbs();
    const decisions = await owner
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'prevention_import.decide')
      .where('entity_id', '=', job.id)
      .execute();
    expect(decisions.map((d) => (d.details as { decision: string }).decision).sort()).toEqual(['link', 'new']);

    expect((await cm.post(`/api/v1/prevention/imports/${job.id}/confirm`)).statusCode).toBe(202);
    const done = await waitWhile(app, cmS, job.id, ['importing']);
    expect(done.report).toMatchObject({ createdCases: 4, linkedHouseholds: 2, newHouseholds: 2 });
    expect(await householdCount(a.id)).toBe(householdsBefore + 2);
    const cases = await owner
      .selectFrom('prevention_cases')
      .select(['household_id', 'arrears_cents'])
      .where('import_job_id', '=', job.id)
      .orderBy('arrears_cents')
      .execute();
    expect(cases[0]!.household_id).toBe(older);
    expect(cases[1]!.household_id).toBe(newer);
    expect(cases[2]!.household_id).not.toBe(newer);
    expect(cases[3]!.household_id).not.toBe(newer);
    // A decision after the confirmation is refused.
    expect((await cm.put(`/api/v1/prevention/imports/${job.id}/rows/5/household`, { decision: 'link' })).statusCode).toBe(409);
  });

  it('imports an XLSX list with date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Liste');
    ws.addRow(['Name', 'Geb.-Datum', 'Anschrift', 'PLZ', 'Ort', 'Rückstand', 'Räumungstermin']);
    const r = ws.addRow([
      `Xlsx${tag}, Lara`,
      new Date(Date.UTC(1992, 5, 30)),
      'Südstraße 4',
      30169,
      'Hannover',
      987.65,
      new Date(Date.UTC(2027, 0, 15)),
    ]);
    r.getCell(2).numFmt = 'dd.mm.yyyy';
    r.getCell(7).numFmt = 'dd.mm.yyyy';
    const up = await upload(app, cmS, 'liste.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({
      format: 'xlsx',
      suggestedMapping: ['fullName', 'birthDate', 'street', 'postalCode', 'city', 'arrearsCents', 'evictionDate'],
    });
    const mapped = (
      await cm.put(`/api/v1/prevention/imports/${up.json().id}/mapping`, { columns: up.json().suggestedMapping, source: 'court_notice' })
    ).json();
    expect(mapped.counts).toMatchObject({ valid: 1, invalid: 0 });
    const row = (await cm.get(`/api/v1/prevention/imports/${mapped.id}/rows`)).json().items[0];
    expect(row).toMatchObject({
      name: `Xlsx${tag}, Lara`,
      birthDate: '1992-06-30',
      address: 'Südstraße 4, 30169 Hannover',
      arrearsCents: 98_765,
    });
  });

  it('marks an unreadable upload as failed with a German reason', async () => {
    const res = await upload(app, cmS, 'leer.csv', Buffer.from('Name;PLZ\r\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', message: 'Die Datei enthält keine Datenzeilen.' });
    const failed = await testDbs()
      .owner.selectFrom('prevention_import_jobs')
      .select(['state', 'error'])
      .where('agency_id', '=', a.id)
      .where('filename', '=', 'leer.csv')
      .executeTakeFirstOrThrow();
    expect(failed).toEqual({ state: 'failed', error: 'Die Datei enthält keine Datenzeilen.' });
  });

  it('refuses a file name beyond the stated limit instead of cutting it', async () => {
    const name = `${'x'.repeat(197)}.csv`;
    const res = await upload(app, cmS, name, arrearsCsv(ROWS));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: 'file',
      code: 'too_big',
      message: 'Der Dateiname darf höchstens 200 Zeichen lang sein.',
    });
    const stored = await testDbs()
      .owner.selectFrom('prevention_import_jobs')
      .select('id')
      .where('agency_id', '=', a.id)
      .where('filename', 'like', 'xxxxxxxxxx%')
      .execute();
    expect(stored).toEqual([]);
  });

  it('keeps imports to case managers and leads of the agency', async () => {
    const job = (await upload(app, cmS, 'liste.csv', arrearsCsv(ROWS))).json();
    const sw = await login(app, a.users.social_worker.email);
    expect((await upload(app, sw, 'liste.csv', arrearsCsv(ROWS))).statusCode).toBe(403);
    expect((await client(app, sw).get(`/api/v1/prevention/imports/${job.id}`)).statusCode).toBe(404);
    expect((await client(app, await login(app, a.users.auditor.email)).get(`/api/v1/prevention/imports/${job.id}/rows`)).statusCode).toBe(
      404,
    );
    const otherCm = client(app, await login(app, b.users.case_manager.email));
    expect((await otherCm.get(`/api/v1/prevention/imports/${job.id}`)).statusCode).toBe(404);
    expect((await otherCm.put(`/api/v1/prevention/imports/${job.id}/mapping`, { columns: job.suggestedMapping })).statusCode).toBe(404);
    expect((await otherCm.post(`/api/v1/prevention/imports/${job.id}/confirm`)).statusCode).toBe(404);
    expect((await client(app, await login(app, a.users.lead.email)).get(`/api/v1/prevention/imports/${job.id}`)).statusCode).toBe(200);
  });
});
