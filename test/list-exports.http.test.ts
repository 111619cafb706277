import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inAgency } from '../src/server/db/database.js';
import { openDeadline } from '../src/server/platform/deadlines/deadlines.service.js';
import { agreementInput, referralInput } from './aftercare-fixtures.js';
import { attachmentName, exportEvents, readCsv, readXlsx } from './export-helpers.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from './helpers.js';
import { offerInput, placementActors } from './placement-fixtures.js';
import { courtNotice } from './prevention-fixtures.js';
import { directTenancy } from './sustainment-fixtures.js';

/* The prevention case list and the deadline list as files (the household list: households.export.test.ts). */

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
const as = {} as Record<'cm' | 'lead' | 'sw' | 'admin' | 'otherCm', Client>;
const tag = crypto.randomBytes(3).toString('hex');

beforeAll(async () => {
  app = await testApp();
  [agency, other] = [await createAgency(), await createAgency()];
  as.cm = client(app, await login(app, agency.users.case_manager.email));
  as.lead = client(app, await login(app, agency.users.lead.email));
  as.sw = client(app, await login(app, agency.users.social_worker.email));
  as.admin = client(app, await login(app, agency.users.admin.email));
  as.otherCm = client(app, await login(app, other.users.case_manager.email));
});
afterAll(() => app.close());

const refs = (items: { reference: string }[]) => items.map((i) => i.reference);

describe('prevention case list export', () => {
  it('writes the queue the list shows with the same filters, German labels and amounts; no other agency', async () => {
    for (const source of ['court_notice', 'court_notice', 'landlord'] as const) {
      const res = await as.cm.post('/api/v1/prevention/cases', {
        ...courtNotice({ source, street: `Exportweg ${tag}` }),
        createHousehold: true,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const foreignNotice = courtNotice({ street: `Exportweg ${tag}` });
    expect((await as.otherCm.post('/api/v1/prevention/cases', { ...foreignNotice, createHousehold: true })).statusCode).toBe(201);

    const filters = `q=${encodeURIComponent(`Exportweg ${tag}`)}&source=court_notice&sort=reference`;
    const list = (await as.cm.get(`/api/v1/prevention/cases?${filters}`)).json();
    expect(list.total).toBe(2);
    const res = await as.cm.get(`/api/v1/prevention/cases/export?format=csv&${filters}`);
    expect(attachmentName(res)).toMatch(/^praeventionsfaelle-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, rows } = readCsv(res);
    expect(header.slice(0, 8)).toEqual([
      'Aktenzeichen',
      'Stand',
      'Bezugsperson',
      'Anschrift',
      'Quelle',
      'Gefährdungsstand',
      'Rückstand',
      'Eingang',
    ]);
    expect(rows.map((r) => r[0])).toEqual(refs(list.items));
    expect(rows[0]!.slice(4, 8)).toEqual(['Mitteilung in Zivilsachen (Gericht)', 'Räumungsklage', '1920,00', '16.11.2026']);
    expect(rows.map((r) => r[2])).toEqual(list.items.map((i: { name: string }) => i.name));
    expect(rows.flat().join()).not.toContain(foreignNotice.tenants[0]!.lastName);
    const [ev] = await exportEvents(agency.id, agency.users.case_manager.id);
    expect(ev!.details).toMatchObject({ list: 'prevention_cases', format: 'csv', rows: 2, filters: { source: 'court_notice' } });

    const xlsx = await readXlsx(await as.cm.get(`/api/v1/prevention/cases/export?format=xlsx&lang=en&${filters}`));
    expect(xlsx.header.slice(0, 2)).toEqual(['File number', 'Status']);
    expect(xlsx.rows.map((r) => r[0])).toEqual(refs(list.items));
    expect(xlsx.rows[0]![6]).toBe(1920);
  });

  it('refuses a role without the list permission and a bad format', async () => {
    expect((await as.admin.get('/api/v1/prevention/cases/export?format=xlsx')).statusCode).toBe(403);
    const bad = await as.cm.get('/api/v1/prevention/cases/export?format=ods');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('deadline list export', () => {
  it("exports one's own deadlines (the lead: the agency's with scope=all), as the list shows them", async () => {
    const u = agency.users;
    const day = (d: number) => new Date(Date.now() + d * 86_400_000);
    await inAgency(testDbs().app, agency.id, async (t) => {
      const mk = (title: string, dueAt: Date, assigneeId: string | null) =>
        openDeadline(t, agency.id, {
          subjectType: 'offer',
          subjectId: crypto.randomUUID(),
          kind: 'offer_check',
          title,
          link: '/x',
          dueAt,
          assigneeId,
        });
      await mk('Angebot 1 prüfen', day(-1), u.social_worker.id);
      await mk('Angebot 2 prüfen', day(3), u.social_worker.id);
      await mk('Angebot 3 prüfen', day(2), null);
    });
    const mine = (await as.sw.get('/api/v1/deadlines?status=open')).json();
    const { header, rows } = readCsv(await as.sw.get('/api/v1/deadlines/export?format=csv&status=open'));
    expect(header).toEqual(['Fällig am', 'Überfällig', 'Art', 'Frist', 'Zuständig']);
    expect(rows.map((r) => r[3])).toEqual(mine.items.map((d: { title: string }) => d.title));
    expect(rows.map((r) => r.slice(1, 4))).toEqual([
      ['ja', 'Angebot prüfen', 'Angebot 1 prüfen'],
      ['nein', 'Angebot prüfen', 'Angebot 2 prüfen'],
    ]);
    const overdue = readCsv(await as.sw.get('/api/v1/deadlines/export?status=overdue')).rows;
    expect(overdue.map((r) => r[3])).toEqual(['Angebot 1 prüfen']);

    const all = (await as.lead.get('/api/v1/deadlines?scope=all&pageSize=100')).json();
    const xlsx = await readXlsx(await as.lead.get('/api/v1/deadlines/export?format=xlsx&scope=all'));
    expect(xlsx.rows.map((r) => r[3])).toEqual(all.items.map((d: { title: string }) => d.title));
    expect(xlsx.rows.map((r) => r[3])).toContain('Angebot 3 prüfen');
    expect(xlsx.rows[0]![0]).toBeInstanceOf(Date);
    const [ev] = await exportEvents(agency.id, u.lead.id);
    expect(ev!.details).toMatchObject({ list: 'deadlines', format: 'xlsx', rows: all.total, filters: { scope: 'all' } });
  });

  it('refuses a role without the list permission', async () => {
    const provider = client(app, await login(app, agency.users.provider_user.email));
    expect((await provider.get('/api/v1/deadlines/export')).statusCode).toBe(403);
  });
});

describe('audit trail export (for the data-protection officer)', () => {
  it('writes the filtered trail as CSV with readable actions; others get 403', async () => {
    const auditor = client(app, await login(app, agency.users.auditor.email));
    await as.cm.get('/api/v1/households');
    const filters = `action=household.list&actorId=${agency.users.case_manager.id}`;
    const list = (await auditor.get(`/api/v1/audit-events?${filters}&pageSize=200`)).json();
    expect(list.total).toBeGreaterThan(0);
    const { header, rows } = readCsv(await auditor.get(`/api/v1/audit-events/export?format=csv&${filters}`));
    expect(header.slice(0, 6)).toEqual(['Nr.', 'Kettenposition', 'Zeitpunkt', 'Person', 'Rolle', 'Aktion']);
    expect(rows.map((r) => r[0])).toEqual(list.items.map((e: { id: number }) => String(e.id)));
    expect(new Set(rows.map((r) => `${r[5]}|${r[6]}|${r[11]}`))).toEqual(new Set(['Haushaltsliste abgerufen|household.list|erfolgreich']));
    const [ev] = await exportEvents(agency.id, agency.users.auditor.id);
    expect(ev!.details).toMatchObject({ list: 'audit_events', format: 'csv', rows: list.total, filters: { action: 'household.list' } });
    // Another agency's auditor sees none of these events.
    const otherAuditor = client(app, await login(app, other.users.auditor.email));
    expect(readCsv(await otherAuditor.get(`/api/v1/audit-events/export?${filters}`)).rows).toEqual([]);
    expect((await as.lead.get('/api/v1/audit-events/export')).statusCode).toBe(403);
  });
});

describe('offer list export', () => {
  it("writes the offers the list shows; a housing company gets only its own, never another company's", async () => {
    const a = await placementActors(app, agency);
    for (const [c, street] of [
      [a.provider, 'Exportstraße 1'],
      [a.provider, 'Exportstraße 2'],
      [a.otherProvider, 'Exportstraße 3'],
    ] as const) {
      const res = await c.post('/api/v1/offers', { ...offerInput({ street }), submit: true });
      expect(res.statusCode, res.body).toBe(201);
    }
    const filters = 'status=submitted&sort=reference';
    const staffList = (await as.cm.get(`/api/v1/offers?${filters}&pageSize=100`)).json();
    const staff = readCsv(await as.cm.get(`/api/v1/offers/export?format=csv&${filters}`));
    expect(staff.header.slice(0, 4)).toEqual(['Aktenzeichen', 'Status', 'Wohnungsunternehmen', 'Anschrift']);
    expect(staff.rows.map((r) => r[0])).toEqual(refs(staffList.items));
    expect(staff.rows.map((r) => r[1])).toContain('eingereicht');
    expect(staff.rows.map((r) => r[3]).filter((x) => x!.startsWith('Exportstraße'))).toHaveLength(3);

    const portalList = (await a.provider.get(`/api/v1/offers?${filters}&pageSize=100`)).json();
    const portal = await readXlsx(await a.provider.get(`/api/v1/offers/export?format=xlsx&${filters}`));
    expect(portal.rows.map((r) => r[0])).toEqual(refs(portalList.items));
    const streets = portal.rows.map((r) => String(r[3]));
    expect(streets.filter((x) => x.startsWith('Exportstraße'))).toHaveLength(2);
    expect(streets.join()).not.toContain('Exportstraße 3');
    expect(portal.rows.every((r) => r[10] == null)).toBe(true); // the portal sees no deadlines
    const [ev] = await exportEvents(agency.id, agency.users.provider_user.id);
    expect(ev!.details).toMatchObject({ list: 'offers', format: 'xlsx', rows: portalList.total });
    expect((await as.admin.get('/api/v1/offers/export')).statusCode).toBe(403);
  });
});

describe('tenancy list export', () => {
  it('writes the tenancies the list shows; the portal company gets only its own', async () => {
    const street = `Mietweg ${tag}`;
    await directTenancy(as.cm, agency, { street, coldRentCents: 61_050 });
    await directTenancy(as.cm, agency, { street, providerId: agency.otherProviderId });
    await directTenancy(as.otherCm, other, { street });
    const filters = `q=${encodeURIComponent(street)}&status=active`;
    const list = (await as.cm.get(`/api/v1/tenancies?${filters}`)).json();
    expect(list.total).toBe(2);
    const res = await as.cm.get(`/api/v1/tenancies/export?format=csv&${filters}`);
    expect(attachmentName(res)).toMatch(/^mietverhaeltnisse-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, rows } = readCsv(res);
    expect(header.slice(0, 3)).toEqual(['Aktenzeichen', 'Status', 'Mieter/in']);
    expect(rows.map((r) => r[0])).toEqual(refs(list.items));
    expect(rows.map((r) => r[1])).toEqual(['laufend', 'laufend']);
    expect(rows.map((r) => r[7]).sort()).toEqual(['610,50', '620,00']);

    const provider = client(app, await login(app, agency.users.provider_user.email));
    const portal = await readXlsx(await provider.get(`/api/v1/tenancies/export?format=xlsx&${filters}`));
    expect(portal.rows).toHaveLength(1);
    expect(portal.rows[0]![7]).toBe(610.5);
    const [ev] = await exportEvents(agency.id, agency.users.provider_user.id);
    expect(ev!.details).toMatchObject({ list: 'tenancies', format: 'xlsx', rows: 1 });
    expect((await as.admin.get('/api/v1/tenancies/export')).statusCode).toBe(403);
  });
});

describe('aftercare case list export', () => {
  it('writes the cases the list shows (staff and carrier alike); other roles get 403', async () => {
    expect((await as.cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId))).statusCode).toBe(201);
    for (const targetGroup of ['precarious_housing', 'secured_tenancy', 'precarious_housing']) {
      const hh = (await as.cm.post('/api/v1/households', householdInput({ situation: 'housed', seekingHousing: false }))).json()
        .id as string;
      const res = await as.cm.post('/api/v1/aftercare/cases', referralInput(hh, agency.carrierId, { targetGroup }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const filters = 'targetGroup=precarious_housing';
    const list = (await as.cm.get(`/api/v1/aftercare/cases?${filters}&pageSize=200`)).json();
    expect(list.total).toBe(2);
    const { header, rows } = readCsv(await as.cm.get(`/api/v1/aftercare/cases/export?format=csv&${filters}`));
    expect(header.slice(0, 4)).toEqual(['Aktenzeichen', 'Stand', 'Name', 'Zielgruppe']);
    expect(rows.map((r) => r[0])).toEqual(refs(list.items));
    expect(new Set(rows.map((r) => `${r[1]}|${r[3]}`))).toEqual(new Set(['gemeldet|(a) prekäre Wohnsituation']));
    const [ev] = await exportEvents(agency.id, agency.users.case_manager.id);
    expect(ev!.details).toMatchObject({ list: 'aftercare_cases', rows: 2, filters: { targetGroup: 'precarious_housing' } });

    const carrier = client(app, await login(app, agency.users.carrier_worker.email));
    const carrierList = (await carrier.get('/api/v1/aftercare/cases?pageSize=200')).json();
    const carrierFile = await readXlsx(await carrier.get('/api/v1/aftercare/cases/export?format=xlsx'));
    expect(carrierFile.rows.map((r) => r[0])).toEqual(refs(carrierList.items));
    expect(readCsv(await as.otherCm.get(`/api/v1/aftercare/cases/export?${filters}`)).rows).toEqual([]);
    const provider = client(app, await login(app, agency.users.provider_user.email));
    expect((await provider.get('/api/v1/aftercare/cases/export')).statusCode).toBe(403);
  });
});
