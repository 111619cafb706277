import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementInput, carrierUser, day } from '../../../../test/aftercare-fixtures.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { openAnnualReports } from './annualReports.job.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';

/*
 * The carrier's annual report through the API: draft, narrative, preview, submission (frozen), the
 * Fachstelle's history and return, downloads as PDF and XLSX, isolation between carriers.
 */
let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let agencyLead: Client;
let worker: Client;
let carrierLead: Client;
let carrierLeadId: string;
let otherCarrierLead: Client;
let provider: Client;
const year = Number(day(0).slice(0, 4));
const caseIds: { id: string; version: number }[] = [];

const sheetValues = async (bytes: Buffer, name: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.getWorksheet(name);
  expect(ws, `sheet ${name}`).toBeDefined();
  const rows: unknown[][] = [];
  ws!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency({ totpRequiredRoles: [] });
  cm = client(app, await login(app, agency.users.case_manager.email));
  agencyLead = client(app, await login(app, agency.users.lead.email));
  worker = client(app, await login(app, agency.users.carrier_worker.email));
  provider = client(app, await login(app, agency.users.provider_user.email));
  const lead = await carrierUser(agency, agency.carrierId, true);
  carrierLeadId = lead.id;
  carrierLead = client(app, await login(app, lead.email));
  const other = await testDbs()
    .owner.insertInto('carriers')
    .values({ agency_id: agency.id, name: 'Anderer Träger e. V.' })
    .returning('id')
    .executeTakeFirstOrThrow();
  otherCarrierLead = client(app, await login(app, (await carrierUser(agency, other.id, true)).email));
  expect((await cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId))).statusCode).toBe(201);
  // Six running cases of the carrier in this year (one target group, one gender: cells of 6) …
  for (let i = 0; i < 6; i++) {
    const hh = (await cm.post('/api/v1/households', householdInput({ situation: 'housed', seekingHousing: false }))).json().id;
    const c = await activeCase(cm, hh, agency.carrierId, agency.users.carrier_worker.id);
    caseIds.push({ id: c.id, version: c.version });
  }
  // … of which one ended: a cell of 1 ("< 5") among the end reasons.
  const first = caseIds[0]!;
  const ended = await cm.post(`/api/v1/aftercare/cases/${first.id}/end`, { reason: 'moved_away', endedOn: day(0), version: first.version });
  expect(ended.statusCode, ended.body).toBe(200);
});
afterAll(() => app.close());

describe('annual report of the carrier', () => {
  let id = '';
  let version = 0;

  it('a carrier worker opens the draft; the due date is a deadline for the carrier lead', async () => {
    const opened = await worker.post('/api/v1/aftercare/annual-reports', { year });
    expect(opened.statusCode, opened.body).toBe(201);
    const r = opened.json();
    expect(r).toMatchObject({ year, state: 'draft', dueOn: `${year + 1}-04-30`, submissions: [], actions: ['edit'] });
    id = r.id;
    version = r.version;
    // Opening again answers the same report.
    const again = await carrierLead.post('/api/v1/aftercare/annual-reports', { year });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, actions: ['edit', 'submit'] });
    const deadline = await testDbs()
      .owner.selectFrom('deadlines')
      .select(['kind', 'assignee_id', 'status', 'due_at', 'remind_at'])
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(deadline).toMatchObject({ kind: 'aftercare_annual_report', assignee_id: carrierLeadId, status: 'open' });
    expect((deadline.due_at as Date).toISOString().slice(0, 10)).toBe(`${year + 1}-04-30`);
    // A report for a future year is refused at the field; the Fachstelle and housing companies cannot open one.
    expect((await worker.post('/api/v1/aftercare/annual-reports', { year: year + 1 })).statusCode).toBe(400);
    expect((await cm.post('/api/v1/aftercare/annual-reports', { year })).statusCode).toBe(403);
    expect((await provider.post('/api/v1/aftercare/annual-reports', { year })).statusCode).toBe(403);
  });

  it('the carrier writes its narrative (length-limited); only the lead submits', async () => {
    const narrative = { focus: 'Hausbesuche in Chorweiler', goals: 'Mietverhältnisse sichern', developments: 'Mehr Räumungsklagen' };
    const tooLong = await worker.put(`/api/v1/aftercare/annual-reports/${id}`, { ...narrative, focus: 'x'.repeat(8001), version });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors.map((e: { field: string }) => e.field)).toContain('focus');
    const saved = await worker.put(`/api/v1/aftercare/annual-reports/${id}`, { ...narrative, version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject(narrative);
    version = saved.json().version;
    expect((await worker.put(`/api/v1/aftercare/annual-reports/${id}`, { ...narrative, version: version - 1 })).statusCode).toBe(412);
    // The Fachstelle sees the draft exists, not its text, and gets no preview.
    const office = await cm.get(`/api/v1/aftercare/annual-reports/${id}`);
    expect(office.json()).toMatchObject({ state: 'draft', focus: null, actions: [] });
    expect((await cm.get(`/api/v1/aftercare/annual-reports/${id}/export?format=pdf`)).statusCode).toBe(409);
    // The carrier previews the draft with today's figures.
    const preview = await worker.get(`/api/v1/aftercare/annual-reports/${id}/export?format=pdf`);
    expect(preview.statusCode, preview.body.slice(0, 200)).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(preview.rawPayload)).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(`Jahresbericht ${year}`);
    expect(text).toContain('Entwurf');
    expect(text).toContain('Hausbesuche in Chorweiler');

    expect((await worker.post(`/api/v1/aftercare/annual-reports/${id}/submit`, { version })).statusCode).toBe(403);
  });

  it('the lead submits: the data are frozen, the deadline done, the Fachstelle told', async () => {
    const submitted = await carrierLead.post(`/api/v1/aftercare/annual-reports/${id}/submit`, { version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', actions: [], submissions: [{ no: 1, cases: 6, returnedAt: null }] });
    version = submitted.json().version;
    // No more edits, no second submission.
    expect((await worker.put(`/api/v1/aftercare/annual-reports/${id}`, { focus: 'neu', version })).statusCode).toBe(409);
    expect((await carrierLead.post(`/api/v1/aftercare/annual-reports/${id}/submit`, { version })).statusCode).toBe(409);
    const { owner } = testDbs();
    const deadline = await owner.selectFrom('deadlines').select('status').where('subject_id', '=', id).executeTakeFirstOrThrow();
    expect(deadline.status).toBe('done');
    const told = await owner
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', agency.users.case_manager.id)
      .where('kind', '=', 'aftercare.annual_report')
      .execute();
    expect(told.map((n) => n.title)).toEqual([`Jahresbericht ${year} von Träger Test e. V. eingereicht (Fassung 1)`]);
  });

  it('the Fachstelle sees the history of every carrier and downloads the submitted version; it stays frozen', async () => {
    const list = await cm.get(`/api/v1/aftercare/annual-reports?year=${year}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id,
        state: 'submitted',
        submissions: 1,
        returned: false,
        carrier: { id: agency.carrierId, name: 'Träger Test e. V.' },
      }),
    ]);
    const office = (await agencyLead.get(`/api/v1/aftercare/annual-reports/${id}`)).json();
    expect(office).toMatchObject({ focus: 'Hausbesuche in Chorweiler', actions: ['return'] });

    // A case changes after the submission: the submitted report does not.
    const second = caseIds[1]!;
    const fresh = (await cm.get(`/api/v1/aftercare/cases/${second.id}`)).json();
    const end = await cm.post(`/api/v1/aftercare/cases/${second.id}/end`, {
      reason: 'goals_reached',
      endedOn: day(0),
      version: fresh.version,
    });
    expect(end.statusCode, end.body).toBe(200);

    const xlsx = await cm.get(`/api/v1/aftercare/annual-reports/${id}/export?format=xlsx&submission=1`);
    expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('fassung-1.xlsx');
    const cases = await sheetValues(xlsx.rawPayload, 'Fälle');
    expect(cases[0]).toEqual(expect.arrayContaining(['Fallnummer', 'Altersgruppe', 'Geschlecht', 'Ende']));
    expect(cases).toHaveLength(7);
    expect(cases.slice(1).every((r) => /^WIH-\d{4}-\d{4}$/.test(String(r[0])))).toBe(true);
    const ends = cases.slice(1).map((r) => r[8]);
    // Frozen: one case "verzogen", the later "Ziele erreicht" is not in the submitted version.
    expect(ends.filter((e) => e === 'verzogen')).toHaveLength(1);
    expect(ends).not.toContain('Ziele erreicht');
    expect(ends.filter((e) => e === 'läuft noch')).toHaveLength(5);
    expect(JSON.stringify(cases)).not.toMatch(/Erika|Mustermann|1985|Neusser/);
    const sums = await sheetValues(xlsx.rawPayload, 'Summen');
    expect(sums).toContainEqual(['Fälle nach Zielgruppe', '(a) prekäre Wohnsituation', 6]);
    expect(sums).toContainEqual(['Fälle nach Beendigungsgrund', 'verzogen', '< 5']);
    expect(sums).toContainEqual(['Fälle nach Beendigungsgrund', 'läuft noch', 5]);
    const info = await sheetValues(xlsx.rawPayload, 'Bericht');
    expect(info).toContainEqual(['Arbeitsschwerpunkte', 'Hausbesuche in Chorweiler']);

    const pdf = await agencyLead.get(`/api/v1/aftercare/annual-reports/${id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf.rawPayload)).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(`Jahresbericht ${year}`);
    expect(text).toContain('Fassung 1, eingereicht am');
    expect(text).toContain('< 5');
    expect(text).not.toContain('Ziele erreicht');
    // Downloads are audited.
    const events = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', id)
      .where('action', '=', 'aftercare.annual_report_download')
      .execute();
    expect(events.map((e) => e.actor_id)).toEqual(
      expect.arrayContaining([agency.users.case_manager.id, agency.users.lead.id, agency.users.carrier_worker.id]),
    );
  });

  it('the Fachstelle returns it with a reason; the next submission is no. 2 with the new figures', async () => {
    expect((await cm.post(`/api/v1/aftercare/annual-reports/${id}/return`, { reason: '', version })).statusCode).toBe(400);
    const returned = await cm.post(`/api/v1/aftercare/annual-reports/${id}/return`, { reason: 'Bitte Ziele ergänzen', version });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'draft', submissions: [{ no: 1, returnReason: 'Bitte Ziele ergänzen' }] });
    const deadlines = await testDbs()
      .owner.selectFrom('deadlines')
      .select('status')
      .where('subject_id', '=', id)
      .where('status', '=', 'open')
      .execute();
    expect(deadlines).toHaveLength(1);
    const draft = (await carrierLead.get(`/api/v1/aftercare/annual-reports/${id}`)).json();
    expect(draft.actions).toEqual(['edit', 'submit']);
    const again = await carrierLead.post(`/api/v1/aftercare/annual-reports/${id}/submit`, { version: draft.version });
    expect(again.json()).toMatchObject({ state: 'submitted', submissions: [{ no: 2 }, { no: 1 }] });
    const v2 = await cm.get(`/api/v1/aftercare/annual-reports/${id}/export?format=xlsx`);
    const ends = (await sheetValues(v2.rawPayload, 'Fälle')).slice(1).map((r) => r[8]);
    expect(ends).toContain('Ziele erreicht');
    // Version 1 is still readable as it was.
    const v1 = await cm.get(`/api/v1/aftercare/annual-reports/${id}/export?format=xlsx&submission=1`);
    expect((await sheetValues(v1.rawPayload, 'Fälle')).slice(1).map((r) => r[8])).not.toContain('Ziele erreicht');
    expect((await cm.get(`/api/v1/aftercare/annual-reports/${id}/export?submission=9`)).statusCode).toBe(404);
  });

  it('another carrier and the housing company see nothing of it', async () => {
    for (const url of [`/api/v1/aftercare/annual-reports/${id}`, `/api/v1/aftercare/annual-reports/${id}/export?format=pdf`]) {
      expect((await otherCarrierLead.get(url)).statusCode, url).toBe(404);
      expect((await provider.get(url)).statusCode, url).toBe(404);
    }
    expect((await otherCarrierLead.put(`/api/v1/aftercare/annual-reports/${id}`, { focus: 'x', version: 1 })).statusCode).toBe(404);
    expect((await otherCarrierLead.post(`/api/v1/aftercare/annual-reports/${id}/submit`, { version: 1 })).statusCode).toBe(404);
    expect((await otherCarrierLead.get('/api/v1/aftercare/annual-reports')).json().items).toEqual([]);
    // A carrier cannot ask for another carrier's list: the filter is ignored, its own scope applies.
    expect((await otherCarrierLead.get(`/api/v1/aftercare/annual-reports?carrierId=${agency.carrierId}`)).json().items).toEqual([]);
    expect((await provider.get('/api/v1/aftercare/annual-reports')).statusCode).toBe(403);
    expect((await provider.get('/api/v1/aftercare/reports/quarter.xlsx')).statusCode).toBe(403);
  });

  it('the quarter figures as XLSX, labelled in German, small cells "< 5"', async () => {
    const month = Number(day(0).slice(5, 7));
    const res = await cm.get(`/api/v1/aftercare/reports/quarter.xlsx?year=${year}&quarter=${Math.ceil(month / 3)}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toContain(`nachsorge-quartal-${year}-q${Math.ceil(month / 3)}.xlsx`);
    const rows = await sheetValues(res.rawPayload, 'Quartal');
    expect(rows[0]).toEqual(['Bereich', 'Merkmal', 'Anzahl']);
    const ends = rows.filter((r) => r[0] === 'Beendigungen nach Grund');
    expect(ends).toEqual(
      expect.arrayContaining([
        ['Beendigungen nach Grund', 'verzogen', '< 5'],
        ['Beendigungen nach Grund', 'Ziele erreicht', '< 5'],
      ]),
    );
    const audited = await testDbs()
      .owner.selectFrom('audit_events')
      .select('details')
      .where('actor_id', '=', agency.users.case_manager.id)
      .where('action', '=', 'aftercare.report_download')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it("the yearly job opens last year's report for every carrier with an agreement in it, once", async () => {
    const otherCarrier = (await testDbs()
      .owner.selectFrom('carriers')
      .select('id')
      .where('agency_id', '=', agency.id)
      .where('name', '=', 'Anderer Träger e. V.')
      .executeTakeFirstOrThrow())!.id;
    // The other carrier's agreement started this year; the first carrier's report of this year exists already.
    const agreed = await cm.post('/api/v1/aftercare/agreements', agreementInput(otherCarrier, { validFrom: `${year}-03-01` }));
    expect(agreed.statusCode, agreed.body).toBe(201);
    const before = (await agencyLead.get(`/api/v1/aftercare/annual-reports?year=${year}`)).json().items.length;
    expect(await openAnnualReports(testDbs().app, `${year + 1}-01-02`, [agency.id])).toEqual({ year, opened: 1 });
    expect(await openAnnualReports(testDbs().app, `${year + 1}-01-03`, [agency.id])).toEqual({ year, opened: 0 });
    // Before the year is over nothing of it opens (the run looks at the year before).
    expect((await openAnnualReports(testDbs().app, `${year}-12-31`, [agency.id])).year).toBe(year - 1);

    const mine = (await otherCarrierLead.get('/api/v1/aftercare/annual-reports')).json().items;
    expect(mine).toMatchObject([{ year, state: 'draft', carrier: { id: otherCarrier }, submissions: 0 }]);
    expect((await agencyLead.get(`/api/v1/aftercare/annual-reports?year=${year}`)).json().items).toHaveLength(before + 1);
    const owner = testDbs().owner;
    const deadline = await owner
      .selectFrom('deadlines')
      .innerJoin('users', 'users.id', 'deadlines.assignee_id')
      .select(['users.carrier_id', 'users.carrier_lead', 'deadlines.due_at'])
      .where('deadlines.subject_id', '=', mine[0].id)
      .where('deadlines.status', '=', 'open')
      .executeTakeFirstOrThrow();
    expect(deadline).toMatchObject({ carrier_id: otherCarrier, carrier_lead: true });
    const note = (await otherCarrierLead.get('/api/v1/notifications')).json().items;
    expect(note.map((n: { title: string }) => n.title)).toContain(`Jahresbericht ${year} der Wohnintegrationshilfe bereitgestellt`);
    const events = await owner
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('entity_id', '=', mine[0].id)
      .where('action', '=', 'aftercare.annual_report_open')
      .execute();
    expect(events).toEqual([{ actor_id: null, details: { year, scheduled: true } }]);
  });
});
