import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBerlin } from '../../../contracts/plausible.js';
import { client, createAgency, login, testApp, testDbs, type Client, type Session, type TestAgency } from '../../../../test/helpers.js';
import { placesFixture } from '../../../../test/accommodation-fixtures.js';
import { multipart } from '../../../../test/prevention-import-fixtures.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { nextRoutineDay } from './inspections.machine.js';

let app: FastifyInstance;
let agency: TestAgency;
let acc: Client;
let accSession: Session;
let lead: Client;
let cm: Client;
let otherLead: Client;
let facilityId: string;

const A = '/api/v1/accommodation';
const today = todayInBerlin();
const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
type Item = { key: string; resultId: string; result: string | null; photos: unknown[] };
const item = (insp: { items: Item[] }, key: string) => insp.items.find((i) => i.key === key)!;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  const other = await createAgency();
  accSession = await login(app, agency.users.accommodation_worker.email);
  acc = client(app, accSession);
  lead = client(app, await login(app, agency.users.lead.email));
  cm = client(app, await login(app, agency.users.case_manager.email));
  otherLead = client(app, await login(app, other.users.lead.email));
  facilityId = (await placesFixture(acc)).facilityId;
});
afterAll(() => app.close());

/** Plans and starts an inspection; returns its detail. */
async function started(kind = 'routine') {
  const planned = await acc.post(`${A}/facilities/${facilityId}/inspections`, { kind, plannedOn: today });
  expect(planned.statusCode, planned.body).toBe(201);
  const s = await acc.post(`${A}/inspections/${planned.json().id}/start`, { version: planned.json().version });
  expect(s.statusCode, s.body).toBe(200);
  return s.json();
}

/** Records every item as passed except the given ones. */
async function recordAll(insp: { id: string; items: Item[] }, except: Record<string, object> = {}) {
  let last = insp;
  for (const it of insp.items) {
    const body = except[it.key] ?? { result: 'passed' };
    const r = await acc.put(`${A}/inspections/${insp.id}/items/${it.resultId}`, body);
    expect(r.statusCode, r.body).toBe(200);
    last = r.json();
  }
  return last as { id: string; version: number; items: Item[] };
}

describe('checklist of minimum standards', () => {
  it('shows the default until the lead saves a version; a change is a new version, earlier inspections keep theirs', async () => {
    const def = (await acc.get(`${A}/checklist`)).json();
    expect(def.version).toBe(0);
    expect(def.items.map((i: { key: string }) => i.key)).toEqual(expect.arrayContaining(['floor_space', 'fire_safety', 'wlan']));
    expect(def.items.find((i: { key: string }) => i.key === 'floor_space').norm).toContain('9 m²');

    // Planning saves the default as version 1.
    const first = await acc.post(`${A}/facilities/${facilityId}/inspections`, { kind: 'admission', plannedOn: today });
    expect(first.json().checklistVersion).toBe(1);

    expect((await acc.put(`${A}/checklist`, { ...def, version: 1 })).statusCode).toBe(403);
    const bad = await lead.put(`${A}/checklist`, {
      routineMonths: 0,
      version: 1,
      items: [
        { key: 'x', title: 'A', category: 'B' },
        { key: 'x', title: 'C', category: 'B' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['items.1.key', 'routineMonths']);

    const items = [...def.items.map(({ key, title, category, norm }: Record<string, string>) => ({ key, title, category, norm }))];
    items.push({ key: 'laundry', title: 'Waschmaschinen', category: 'Versorgung', norm: '1 je 20 Personen' });
    const v2 = await lead.put(`${A}/checklist`, { items, routineMonths: 6, note: 'Waschen ergänzt', version: 1 });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json()).toMatchObject({ version: 2, routineMonths: 6 });
    expect((await lead.put(`${A}/checklist`, { items, routineMonths: 6, version: 1 })).statusCode).toBe(412);

    const kept = (await acc.get(`${A}/inspections/${first.json().id}`)).json();
    expect(kept.checklistVersion).toBe(1);
    expect(kept.items.some((i: Item) => i.key === 'laundry')).toBe(false);
    const cancelled = await acc.post(`${A}/inspections/${first.json().id}/cancel`, { reason: 'Doppelt geplant', version: kept.version });
    expect(cancelled.json().state).toBe('cancelled');
    const later = await acc.post(`${A}/facilities/${facilityId}/inspections`, { kind: 'routine', plannedOn: today });
    expect(later.json().checklistVersion).toBe(2);
    expect(later.json().items.some((i: Item) => i.key === 'laundry')).toBe(true);
    await acc.post(`${A}/inspections/${later.json().id}/cancel`, { reason: 'Test', version: later.json().version });
  });
});

describe('the inspection journey', () => {
  it('plan → carry out → finding with deadline → critical blocks the facility → re-inspection closes the findings → PDF', async () => {
    const noReason = await acc.post(`${A}/facilities/${facilityId}/inspections`, { kind: 'incident', plannedOn: today });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await cm.post(`${A}/facilities/${facilityId}/inspections`, { kind: 'routine', plannedOn: today })).statusCode).toBe(404);
    expect((await otherLead.get(`${A}/facilities/${facilityId}/inspections`)).statusCode).toBe(404);

    const insp = await started('routine');
    expect(insp.state).toBe('in_progress');
    expect(insp.actions).toEqual(expect.arrayContaining(['record', 'complete', 'cancel']));

    // Completing with open items names them.
    const early = await acc.post(`${A}/inspections/${insp.id}/complete`, { version: insp.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors.length).toBe(insp.items.length);

    // A failed item needs note, severity and deadline, each at its field.
    const incomplete = await acc.put(`${A}/inspections/${insp.id}/items/${item(insp, 'fire_safety').resultId}`, { result: 'failed' });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['note', 'remedyDue', 'severity']);

    const photo = multipart('melder.png', PNG, 'image/png');
    const up = await app.inject({
      method: 'POST',
      url: `${A}/inspections/${insp.id}/items/${item(insp, 'fire_safety').resultId}/photos`,
      payload: photo.body,
      headers: { 'content-type': photo.contentType, cookie: accSession.cookie, 'x-csrf-token': accSession.csrf },
    });
    expect(up.statusCode, up.body).toBe(201);
    const photoId = item(up.json(), 'fire_safety').photos[0] as { id: string };
    const got = await acc.get(`${A}/inspections/${insp.id}/photos/${photoId.id}`);
    expect(got.headers['content-type']).toBe('image/png');

    const done = await recordAll(insp, {
      fire_safety: { result: 'failed', note: 'Rauchmelder fehlen im 2. OG', severity: 'critical', remedyDue: inDays(7) },
      wlan: { result: 'failed', note: 'WLAN nur im Erdgeschoss', severity: 'minor', remedyDue: inDays(60) },
      child_safety: { result: 'not_applicable', note: 'keine Familien untergebracht' },
    });
    expect(item(done, 'child_safety').result).toBe('not_applicable');

    const completed = await acc.post(`${A}/inspections/${insp.id}/complete`, {
      summary: 'Brandschutz sofort nachbessern.',
      blockFacility: true,
      version: done.version,
    });
    expect(completed.statusCode, completed.body).toBe(200);
    const c = completed.json();
    expect(c.state).toBe('completed');
    expect(c.findings.map((f: { itemKey: string; severity: string; state: string }) => [f.itemKey, f.severity, f.state])).toEqual([
      ['fire_safety', 'critical', 'open'],
      ['wlan', 'minor', 'open'],
    ]);

    const { owner } = testDbs();
    const findingIds = c.findings.map((f: { id: string }) => f.id);
    const deadlines = await owner
      .selectFrom('deadlines')
      .select(['subject_id', 'kind', 'status', 'link'])
      .where('subject_id', 'in', [...findingIds, facilityId])
      .where('status', '=', 'open')
      .execute();
    expect(deadlines.filter((d) => d.kind === 'accommodation_finding_remedy')).toHaveLength(2);
    expect(deadlines.find((d) => d.kind === 'accommodation_routine_inspection')?.link).toBe(`/accommodation/facilities/${facilityId}`);

    const facility = (await acc.get(`${A}/facilities/${facilityId}`)).json();
    expect(facility.state).toBe('blocked');
    expect(facility.stateNote).toContain('Brandschutz');

    const list = (await cm.get(`${A}/facilities/${facilityId}/inspections`)).json();
    expect(list.findings).toHaveLength(2);
    // The checklist in force sets the interval of routine inspections.
    const { routineMonths } = (await acc.get(`${A}/checklist`)).json();
    expect(list.nextRoutineDue).toBe(nextRoutineDay(today, routineMonths));

    // The minor one is remedied and checked without a re-inspection.
    const wlan = c.findings.find((f: { itemKey: string }) => f.itemKey === 'wlan');
    const remedied = await acc.post(`${A}/findings/${wlan.id}/remedy`, { note: 'Repeater eingebaut, geprüft', checkedOn: today });
    expect(remedied.statusCode, remedied.body).toBe(200);
    expect((await acc.post(`${A}/findings/${wlan.id}/remedy`, { note: 'nochmal', checkedOn: today })).statusCode).toBe(409);

    // A re-inspection passes fire safety and closes the critical finding.
    const again = await started('routine');
    const passed = await recordAll(again);
    const closing = await acc.post(`${A}/inspections/${again.id}/complete`, { version: passed.version });
    expect(closing.statusCode, closing.body).toBe(200);
    expect(closing.json().findings.map((f: { itemKey: string; state: string }) => [f.itemKey, f.state])).toEqual([
      ['fire_safety', 'closed'],
    ]);
    const open = await owner
      .selectFrom('deadlines')
      .select(['kind'])
      .where('subject_id', 'in', findingIds)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
    expect((await cm.get(`${A}/facilities/${facilityId}/inspections`)).json().findings).toEqual([]);

    // The report of the first inspection.
    const pdf = await cm.get(`${A}/inspections/${insp.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf.rawPayload)).pages.join('\n');
    expect(text).toContain('Begehungsprotokoll');
    expect(text).toContain('Rauchmelder fehlen im 2. OG');
    expect(text).toContain('kritisch');
    expect(text).toContain('mind. 9 m');
    expect(text).toMatch(/Seite 1 von \d/);

    const audited = await owner
      .selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', agency.id)
      .where('action', 'like', 'accommodation.inspection%')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['accommodation.inspection_plan', 'accommodation.inspection_complete', 'accommodation.inspection_report']),
    );
  });

  it('refuses a block without a critical finding and steps out of order', async () => {
    const planned = await acc.post(`${A}/facilities/${facilityId}/inspections`, {
      kind: 'incident',
      plannedOn: today,
      reason: 'Beschwerde: Schimmel',
    });
    const id = planned.json().id;
    expect((await acc.post(`${A}/inspections/${id}/complete`, { version: planned.json().version })).statusCode).toBe(409);
    const s = (await acc.post(`${A}/inspections/${id}/start`, { version: planned.json().version })).json();
    const done = await recordAll(s, { hygiene: { result: 'failed', note: 'Schimmel im Bad', severity: 'major', remedyDue: inDays(14) } });
    const refused = await acc.post(`${A}/inspections/${id}/complete`, { blockFacility: true, version: done.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('blockFacility');
    expect((await acc.post(`${A}/inspections/${id}/complete`, { version: done.version + 5 })).statusCode).toBe(412);
  });
});
