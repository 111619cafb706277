import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAT_CSV_COLUMNS } from '../../../contracts/accommodationStatistics.js';
import { placesFixture } from '../../../../test/accommodation-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { openStatisticsReports } from './wobericht.service.js';

/*
 * The federal statistics against a hand-computed set (reference day 31.01.2026, the night to
 * 01.02.2026). Households are created through the API; their assignments and stays are written
 * directly (dates in the past the API's plausibility rules would not take), as the stays service
 * writes them: from_date inclusive, until_date exclusive (the day of departure is no night).
 */
let app: FastifyInstance;
let agency: TestAgency;
let lead: Client;
let acc: Client;
let cm: Client;
let ags: string;
const S = '/api/v1/accommodation/statistics';
const owner = () => testDbs().owner;

type M = { first: string; born: string | null; gender?: string; nat?: string | null; rel: string };
const H: Record<string, { id: string; members: { id: string; firstName: string }[] }> = {};

async function household(key: string, members: M[]) {
  const res = await cm.post(
    '/api/v1/households',
    householdInput({
      members: members.map((m) => ({
        firstName: m.first,
        lastName: `Statistik${key}`,
        birthDate: m.born,
        gender: (m.gender ?? 'female') as 'female',
        nationality: m.nat === undefined ? 'deutsch' : m.nat,
        relationship: m.rel as 'head',
      })),
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  H[key] = res.json();
}

interface StayPlan {
  facility: string;
  place: string;
  from: string;
  until?: string | null;
  state?: 'assigned' | 'moved_in' | 'moved_out';
  history?: string;
}

/** One assignment of all the household's members with its stays; returns the assignment id. */
async function stay(key: string, p: StayPlan): Promise<string> {
  const h = H[key]!;
  const state = p.state ?? (p.until ? 'moved_out' : 'moved_in');
  const a = await owner()
    .insertInto('accommodation_assignments')
    .values({
      agency_id: agency.id,
      household_id: h.id,
      facility_id: p.facility,
      history_id: p.history ?? '00000000-0000-0000-0000-000000000000',
      from_date: p.from,
      payer: 'agency',
      legal_basis: 'ASOG',
      state,
      moved_in_on: state === 'assigned' ? null : p.from,
      moved_out_on: state === 'moved_out' ? p.until! : null,
      move_out_reason: state === 'moved_out' ? 'other_facility' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!p.history) await owner().updateTable('accommodation_assignments').set({ history_id: a.id }).where('id', '=', a.id).execute();
  await owner()
    .insertInto('accommodation_stays')
    .values(
      h.members.map((m) => ({
        agency_id: agency.id,
        assignment_id: a.id,
        household_id: h.id,
        member_id: m.id,
        facility_id: p.facility,
        place_id: p.place,
        from_date: p.from,
        until_date: p.until ?? null,
      })),
    )
    .execute();
  return a.id;
}

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  lead = client(app, await login(app, agency.users.lead.email));
  acc = client(app, await login(app, agency.users.accommodation_worker.email));
  cm = client(app, await login(app, agency.users.case_manager.email));
  ags = (await owner().selectFrom('agencies').select('ags').where('id', '=', agency.id).executeTakeFirstOrThrow()).ags;
  const a = await placesFixture(acc); // Caritas (welfare), short-term
  const b = await placesFixture(acc); // turned into a municipal residential facility
  await owner().updateTable('accommodation_facilities').set({ provision: 'residential' }).where('id', '=', b.facilityId).execute();
  const opB = await owner()
    .selectFrom('accommodation_facilities')
    .select('operator_id')
    .where('id', '=', b.facilityId)
    .executeTakeFirstOrThrow();
  await owner()
    .updateTable('accommodation_operators')
    .set({ kind: 'municipality', welfare_association: null })
    .where('id', '=', opB.operator_id)
    .execute();
  const A = { facility: a.facilityId, place: a.place('A1', 0) };
  const B = { facility: b.facilityId, place: b.place('A1', 0) };

  // H1 single man, 46 on 1 Feb: 45 on the reference day. Counted.
  await household('H1', [{ first: 'Hans', born: '1980-02-01', gender: 'male', rel: 'head' }]);
  await stay('H1', { ...A, from: '2025-06-01' });
  // H2 couple with two children, Syrian; transferred from A to B: provision since the first stay.
  await household('H2', [
    { first: 'Amal', born: '1990-01-31', nat: 'syrisch', rel: 'head' },
    { first: 'Omar', born: '1988-05-05', gender: 'male', nat: 'Syrisch', rel: 'partner' },
    { first: 'Lina', born: '2015-03-03', nat: 'syrisch', rel: 'child' },
    { first: 'Sami', born: '2020-07-07', gender: 'male', nat: 'syrisch', rel: 'child' },
  ]);
  const first = await stay('H2', { ...A, from: '2025-10-01', until: '2025-12-01' });
  await stay('H2', { ...B, from: '2025-12-01', history: first });
  // H3 single parent, Polish; the child lacks sex, birth date and nationality.
  await household('H3', [
    { first: 'Ewa', born: '1995-06-15', nat: 'polnisch', rel: 'head' },
    { first: 'Kind', born: null, gender: 'unspecified', nat: null, rel: 'child' },
  ]);
  await stay('H3', { ...A, from: '2026-01-31' });
  // H4 moved out on 31 January, H5 moved in on 1 February, H6 assigned but never moved in: none counted.
  await household('H4', [{ first: 'Vier', born: '1970-01-01', rel: 'head' }]);
  await stay('H4', { ...A, from: '2025-11-01', until: '2026-01-31' });
  await household('H5', [{ first: 'Fünf', born: '1970-01-01', rel: 'head' }]);
  await stay('H5', { ...A, from: '2026-02-01' });
  await household('H6', [{ first: 'Sechs', born: '1970-01-01', rel: 'head' }]);
  await stay('H6', { ...A, from: '2026-01-15', state: 'assigned' });
  // H7 couple without children (65 and over); H8 head with an adult son: other multi-person household.
  await household('H7', [
    { first: 'Grete', born: '1950-01-01', rel: 'head' },
    { first: 'Karl', born: '1955-03-03', gender: 'male', rel: 'partner' },
  ]);
  await stay('H7', { ...A, from: '2024-03-01' });
  await household('H8', [
    { first: 'Mutter', born: '1975-05-05', rel: 'head' },
    { first: 'Sohn', born: '2000-01-01', gender: 'male', rel: 'child' },
  ]);
  await stay('H8', { ...A, from: '2025-01-01' });
});
afterAll(() => app.close());

const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(';'));

describe('federal statistics (WoBerichtsG)', () => {
  it('exports one record per person staying over the reference night, with the documented columns', async () => {
    const res = await acc.get(`${S}/2026/export?format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = csvRows(res.body);
    expect(header).toEqual(STAT_CSV_COLUMNS.map(([c]) => c));
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    const byAge = rows.map((r) => r.slice(1)).sort((x, y) => x.join().localeCompare(y.join()));
    const rec = (...v: string[]) => ['2026-01-31', ags, ...v];
    expect(byAge).toEqual(
      [
        // H1: 45 on the reference day (46 on 1 February).
        rec('maennlich', '45', 'deutsch', 'alleinstehend', '1', 'kurzfristig', 'freigemeinnuetzig', '2025-06-01'),
        // H2: transferred to the municipal residential facility; provision since the first stay.
        rec('weiblich', '36', 'drittstaat', 'paar_mit_kindern', '4', 'stationaer', 'kommune', '2025-10-01'),
        rec('maennlich', '37', 'drittstaat', 'paar_mit_kindern', '4', 'stationaer', 'kommune', '2025-10-01'),
        rec('weiblich', '10', 'drittstaat', 'paar_mit_kindern', '4', 'stationaer', 'kommune', '2025-10-01'),
        rec('maennlich', '5', 'drittstaat', 'paar_mit_kindern', '4', 'stationaer', 'kommune', '2025-10-01'),
        // H3: moved in on the reference day itself.
        rec('weiblich', '30', 'eu', 'alleinerziehend', '2', 'kurzfristig', 'freigemeinnuetzig', '2026-01-31'),
        rec('ohne_angabe', '', 'ohne_angabe', 'alleinerziehend', '2', 'kurzfristig', 'freigemeinnuetzig', '2026-01-31'),
        rec('weiblich', '76', 'deutsch', 'paar_ohne_kinder', '2', 'kurzfristig', 'freigemeinnuetzig', '2024-03-01'),
        rec('maennlich', '70', 'deutsch', 'paar_ohne_kinder', '2', 'kurzfristig', 'freigemeinnuetzig', '2024-03-01'),
        rec('weiblich', '50', 'deutsch', 'sonstiger_mehrpersonenhaushalt', '2', 'kurzfristig', 'freigemeinnuetzig', '2025-01-01'),
        rec('maennlich', '26', 'deutsch', 'sonstiger_mehrpersonenhaushalt', '2', 'kurzfristig', 'freigemeinnuetzig', '2025-01-01'),
      ].sort((x, y) => x.join().localeCompare(y.join())),
    );
    expect(res.body).not.toContain('Statistik'); // no names in the file
  });

  it('lists every person with a missing attribute, linked to the household, and the published table', async () => {
    const res = await acc.get(`${S}?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ year: 2026, referenceDay: '2026-01-31', persons: 11, missingTotal: 1, ags });
    expect(o.missing).toEqual([
      {
        householdId: H.H3!.id,
        reference: expect.any(String),
        memberId: H.H3!.members[1]!.id,
        name: 'Kind StatistikH3',
        missing: ['sex', 'birthDate', 'nationality'],
      },
    ]);
    // 11 persons → 10; 7 in short-term places → 5; every other cell 0–4 → "< 5" (null).
    expect(o.table.total).toBe(10);
    expect(o.table.provisions).toEqual([
      { key: 'short_term', count: 5 },
      { key: 'partly_residential', count: null },
      { key: 'residential', count: null },
      { key: 'other', count: null },
    ]);
    expect(o.table.householdTypes.every((h: { count: number | null }) => h.count === null)).toBe(true);
    expect(o.canSubmit).toBe(false); // the accommodation worker checks and exports; the lead submits
  });

  it('exports XLSX with the records and the published table', async () => {
    const res = await acc.get(`${S}/2026/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Datensätze', 'Tabelle']);
    expect(wb.getWorksheet('Datensätze')!.rowCount).toBe(12);
  });

  it('opens the deadline 30 working days after the reference day once, and closes it on submission', async () => {
    // Test agencies are in Baden-Württemberg: 30 working days after Saturday 31.01.2026 is Friday 13.03.2026.
    const before = await openStatisticsReports(testDbs().app, '2026-01-31', [agency.id]);
    expect(before).toEqual({ year: 2025, opened: 1 });
    const run = await openStatisticsReports(testDbs().app, '2026-02-02', [agency.id]);
    expect(run).toEqual({ year: 2026, opened: 1 });
    expect(await openStatisticsReports(testDbs().app, '2026-02-03', [agency.id])).toEqual({ year: 2026, opened: 0 });
    const report = await owner()
      .selectFrom('accommodation_statistics_reports')
      .selectAll()
      .where('agency_id', '=', agency.id)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    const deadline = () => owner().selectFrom('deadlines').selectAll().where('subject_id', '=', report.id).executeTakeFirstOrThrow();
    const d = await deadline();
    expect(d).toMatchObject({
      kind: 'accommodation_statistics',
      status: 'open',
      assignee_id: agency.users.lead.id,
      escalate_to_lead: true,
    });
    expect(report.due_on).toBe('2026-03-13');
    expect((await acc.get(`${S}?year=2026`)).json().dueOn).toBe('2026-03-13');

    expect((await acc.post(`${S}/2026/submitted`, { note: null })).statusCode).toBe(403);
    const sub = await lead.post(`${S}/2026/submitted`, { note: 'über IDEV übermittelt' });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ submittedPersons: 11, note: 'über IDEV übermittelt', canSubmit: false });
    expect((await deadline()).status).toBe('done');
    expect((await lead.post(`${S}/2026/submitted`, {})).statusCode).toBe(409);
  });

  it('refuses a year whose reference night is not over, and hides the statistics from case workers', async () => {
    expect((await acc.get(`${S}?year=2100`)).statusCode).toBe(400);
    expect((await cm.get(`${S}?year=2026`)).statusCode).toBe(403);
    expect((await cm.get(`${S}/2026/export`)).statusCode).toBe(403);
  });

  it('audits the check, the export and the submission', async () => {
    const actions = await owner()
      .selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', agency.id)
      .where('action', 'like', 'accommodation.statistics%')
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set([
        'accommodation.statistics_read',
        'accommodation.statistics_export',
        'accommodation.statistics_open',
        'accommodation.statistics_submit',
      ]),
    );
  });
});
