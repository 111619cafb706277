import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBreakdowns, TWorkload } from '../../../contracts/steeringReports.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';

/*
 * Who prevention reached in Q4 2025, hand-computed: five households with a notice received in the
 * quarter (one more in September, one in another agency), their members set directly.
 */
const Q4 = 'from=2025-10-01&to=2025-12-31';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let lead: Client;
let otherLead: Client;

interface Member {
  gender: string;
  birth: string | null;
  nat?: string | null;
  rel: 'head' | 'partner' | 'child' | 'relative' | 'other';
}

async function reached(c: Client, receivedOn: string, members: Member[], agencyId: string): Promise<string> {
  const res = await c.post(
    '/api/v1/prevention/cases',
    courtNotice({ receivedOn, terminationOn: '2025-08-15', lawsuitServedOn: null, hearingAt: null, createHousehold: true } as Parameters<
      typeof courtNotice
    >[0]),
  );
  expect(res.statusCode, res.body).toBe(201);
  const { owner } = testDbs();
  const { household_id: householdId } = await owner
    .selectFrom('prevention_cases')
    .select('household_id')
    .where('id', '=', res.json().id)
    .executeTakeFirstOrThrow();
  await owner.deleteFrom('household_members').where('household_id', '=', householdId).execute();
  await owner
    .insertInto('household_members')
    .values(
      members.map((m, i) => ({
        agency_id: agencyId,
        household_id: householdId,
        position: i,
        first_name: `Person${i}`,
        last_name: 'Geheimname',
        birth_date: m.birth,
        gender: m.gender,
        nationality: m.nat ?? null,
        relationship: m.rel,
      })),
    )
    .execute();
  return householdId;
}

const counts = (b: TBreakdowns, module: string, dim: string) =>
  Object.fromEntries(
    b.programmes
      .find((p) => p.module === module)!
      .dimensions.find((d) => d.dimension === dim)!
      .rows.map((r) => [r.key, r.count]),
  );

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  const other = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  lead = client(app, await login(app, agency.users.lead.email));
  otherLead = client(app, await login(app, other.users.lead.email));
  const a = agency.id;
  // H1: a single woman, 35, German.
  await reached(cm, '2025-10-01', [{ gender: 'female', birth: '1990-05-01', nat: 'deutsch', rel: 'head' }], a);
  // H2: a couple with a child; the main person a man of 23, Polish (EU).
  await reached(
    cm,
    '2025-10-15',
    [
      { gender: 'male', birth: '2002-01-01', nat: 'polnisch', rel: 'head' },
      { gender: 'female', birth: '2001-03-03', nat: 'polnisch', rel: 'partner' },
      { gender: 'female', birth: '2020-01-01', nat: 'polnisch', rel: 'child' },
    ],
    a,
  );
  // H3: a single mother, 64 the day before her birthday, Syrian (third country), a daughter of 15.
  await reached(
    cm,
    '2025-11-20',
    [
      { gender: 'female', birth: '1960-11-21', nat: 'Syrisch', rel: 'head' },
      { gender: 'female', birth: '2010-06-01', nat: 'syrisch', rel: 'child' },
    ],
    a,
  );
  // H4: a couple without children; the main person diverse, no birth date, no nationality.
  await reached(
    cm,
    '2025-12-05',
    [
      { gender: 'diverse', birth: null, rel: 'head' },
      { gender: 'male', birth: '1980-01-01', rel: 'partner' },
    ],
    a,
  );
  // H5: other multi-person: gender not stated, 75, German; a relative and an adult son (20: no child).
  await reached(
    cm,
    '2025-12-10',
    [
      { gender: 'unspecified', birth: '1950-01-01', nat: ' Deutsch ', rel: 'head' },
      { gender: 'male', birth: '1952-01-01', nat: 'deutsch', rel: 'relative' },
      { gender: 'male', birth: '2005-01-01', nat: 'deutsch', rel: 'child' },
    ],
    a,
  );
  // Not in the quarter; and another agency's household in it.
  await reached(cm, '2025-09-20', [{ gender: 'female', birth: '1990-01-01', rel: 'head' }], a);
  await reached(
    client(app, await login(app, other.users.case_manager.email)),
    '2025-10-02',
    [{ gender: 'female', birth: null, rel: 'head' }],
    other.id,
  );
});
afterAll(() => app.close());

describe('the steering breakdowns', () => {
  it('counts the households prevention reached by gender, age band, household type, children and nationality group', async () => {
    const res = await cm.get(`/api/v1/steering/breakdowns?${Q4}`);
    expect(res.statusCode, res.body).toBe(200);
    const b: TBreakdowns = res.json();
    const p = b.programmes.find((x) => x.module === 'prevention')!;
    expect(p.total).toBe(5);
    expect(p.reached.de).toMatch(/Eingangsdatum/);
    expect(counts(b, 'prevention', 'gender')).toEqual({ female: 2, male: 1, diverse: 1, unspecified: 1 });
    expect(counts(b, 'prevention', 'age')).toEqual({ u25: 1, '25_34': 0, '35_49': 1, '50_64': 1, '65plus': 1, unknown: 1 });
    expect(counts(b, 'prevention', 'household')).toEqual({ single: 1, couple: 1, couple_children: 1, single_parent: 1, other: 1 });
    expect(counts(b, 'prevention', 'children')).toEqual({ with: 2, without: 3 });
    expect(counts(b, 'prevention', 'nationality')).toEqual({ german: 2, eu: 1, non_eu: 1, unknown: 1 });
    // Women's share: October 1 of 2, November 1 of 1, December 0 of 2; the quarter 2 of 5.
    expect(p.womenByMonth).toEqual([
      { period: '2025-10', women: 1, total: 2, share: 50 },
      { period: '2025-11', women: 1, total: 1, share: 100 },
      { period: '2025-12', women: 0, total: 2, share: 0 },
    ]);
    expect(p.womenByQuarter).toEqual([{ period: '2025-Q4', women: 2, total: 5, share: 40 }]);
    for (const m of ['placement', 'sustainment', 'aftercare']) expect(b.programmes.find((x) => x.module === m)).toMatchObject({ total: 0 });
    expect(JSON.stringify(b)).not.toContain('Geheimname');

    const theirs: TBreakdowns = (await otherLead.get(`/api/v1/steering/breakdowns?${Q4}`)).json();
    expect(theirs.programmes.find((x) => x.module === 'prevention')!.total).toBe(1);
  });

  it('rejects a period longer than a year', async () => {
    const res = await cm.get('/api/v1/steering/breakdowns?from=2024-01-01&to=2025-06-30');
    expect(res.statusCode).toBe(400);
  });
});

describe('the workload view', () => {
  it('shows the lead open cases and overdue deadlines per person and programme; others get 403', async () => {
    const { owner } = testDbs();
    await owner.updateTable('deadlines').set({ status: 'done', closed_at: new Date() }).where('agency_id', '=', agency.id).execute();
    const [first] = await owner.selectFrom('prevention_cases').select('id').where('agency_id', '=', agency.id).limit(1).execute();
    const deadline = (due: string, subjectType: string, assignee: string | null) => ({
      agency_id: agency.id,
      subject_type: subjectType,
      subject_id: first!.id,
      kind: 'test',
      title: 'Testfrist',
      link: '/prevention',
      due_at: new Date(due),
      assignee_id: assignee,
    });
    await owner
      .insertInto('deadlines')
      .values([
        deadline('2025-01-01T10:00:00Z', 'prevention_case', agency.users.case_manager.id),
        deadline('2025-02-01T10:00:00Z', 'prevention_case', agency.users.case_manager.id),
        deadline('2025-02-01T10:00:00Z', 'tenancy', agency.users.social_worker.id),
        deadline('2099-01-01T10:00:00Z', 'prevention_case', agency.users.case_manager.id),
      ])
      .execute();
    await owner
      .updateTable('prevention_cases')
      .set({ case_manager_id: agency.users.case_manager.id, social_worker_id: null })
      .where('agency_id', '=', agency.id)
      .execute();

    expect((await cm.get('/api/v1/steering/workload')).statusCode).toBe(403);
    const res = await lead.get('/api/v1/steering/workload');
    expect(res.statusCode, res.body).toBe(200);
    const w: TWorkload = res.json();
    const person = (id: string) => w.people.find((p) => p.userId === id)!;
    const cmRow = person(agency.users.case_manager.id);
    expect(cmRow.perModule.find((m) => m.module === 'prevention')).toEqual({ module: 'prevention', openCases: 6, overdue: 2 });
    expect(cmRow).toMatchObject({ openCases: 6, overdue: 2 });
    expect(cmRow.name).toBeTruthy();
    expect(person(agency.users.social_worker.id).perModule.find((m) => m.module === 'sustainment')).toEqual({
      module: 'sustainment',
      openCases: 0,
      overdue: 1,
    });
    expect(w.modules.map((m) => m.module)).toEqual(['prevention', 'placement', 'sustainment', 'aftercare']);
  });
});

describe('the exports', () => {
  it('gives the dashboard as XLSX: a sheet per programme and the definitions', async () => {
    const res = await cm.get(`/api/v1/steering/export.xlsx?${Q4}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Prävention',
      'Vermittlung (WohnenPlus)',
      'Wohnungssicherung',
      'Nachsorge',
      'Unterbringung',
      'Definitionen',
    ]);
    const rows = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const prevention = rows('Prävention');
    expect(prevention).toContainEqual(['Erreichte Haushalte', 5]);
    expect(prevention).toContainEqual(['  weiblich', 2]);
    expect(prevention).toContainEqual(['  alleinerziehend', 1]);
    expect(prevention).toContainEqual(['2025-Q4', 2, 5, 40]);
    expect(prevention.some((r) => r[0] === 'Eingegangene Mitteilungen nach Quelle' && r[1] === 5)).toBe(true);
    const defs = rows('Definitionen');
    expect(defs.some((r) => r[1] === 'Erreichte Haushalte' && String(r[2]).includes('Eingangsdatum'))).toBe(true);
    expect(defs.some((r) => r[1] === 'Eingegangene Mitteilungen nach Quelle' && String(r[2]).includes('Quelle'))).toBe(true);
    expect(JSON.stringify(rows('Prävention'))).not.toContain('Geheimname');
  });

  it('gives the dashboard as PDF with every definition, in English on request', async () => {
    const res = await cm.get(`/api/v1/steering/export.pdf?${Q4}`);
    expect(res.statusCode, res.body).toBe(200);
    const text = (await pdfText(res.rawPayload)).pages.join('\n');
    expect(text).toContain('Kennzahlen 01.10.2025 bis 31.12.2025');
    expect(text).toContain('Geschlecht der Hauptperson');
    expect(text).toContain('Definitionen');
    expect(text).toMatch(/Definition: Alle im Zeitraum eingegangenen Mitteilungen/);
    const en = (await pdfText((await cm.get(`/api/v1/steering/export.pdf?${Q4}&lang=en`)).rawPayload)).pages.join('\n');
    expect(en).toContain('Key figures 2025-10-01 to 2025-12-31');
    expect(en).toContain('Gender of the main person');
  });

  it('gives the anonymised annual report: figures, definitions, charts with their tables, no names', async () => {
    const res = await lead.get('/api/v1/steering/annual-report.pdf?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('jahresbericht-2025');
    const pdf = await pdfText(res.rawPayload);
    const text = pdf.pages.join('\n');
    expect(text).toContain('Jahresbericht 2025 (anonymisiert)');
    expect(text).toContain('Anteil Frauen (Hauptperson) an den erreichten Haushalten');
    expect(text).toContain('2025-Q3');
    expect(text).toContain('Erreichte Haushalte: 6');
    expect(text).not.toContain('Geheimname');
    expect(text).not.toContain('Krüger');
    expect(pdf.info.Title).toBe('Jahresbericht 2025 (anonymisiert)');
  });

  it('is audited', async () => {
    const { owner } = testDbs();
    const rows = await owner
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('agency_id', '=', agency.id)
      .where('action', 'in', ['steering.export', 'steering.breakdowns', 'steering.workload'])
      .execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['steering.export', 'steering.breakdowns', 'steering.workload']));
    expect(rows.filter((r) => r.action === 'steering.export')).toHaveLength(4);
  });
});
