import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementInput } from '../../../../test/aftercare-fixtures.js';
import { client, createAgency, login, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { pdfText } from '../../../../test/pdf-text.js';
import {
  approvedOffer,
  consentInput,
  ensureConditions,
  placementActors,
  poolHousehold,
  type PlacementActors,
} from '../../../../test/placement-fixtures.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { tenancyInput } from '../../../../test/sustainment-fixtures.js';

/* The household's file as PDF: every section read back from the PDF, the other agency's 404, the audit row. */

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let a: PlacementActors;
let household: { id: string; reference: string };
let provider: string;
let carrier: string;
const JOURNAL = 200;

const text = async (bytes: Buffer) => {
  const { pages, info } = await pdfText(bytes);
  return { pages, info, all: pages.join('\n').replace(/\s+/g, ' ') };
};

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  other = await createAgency();
  a = await placementActors(app, agency);
  await ensureConditions(a.admin);
  household = await poolHousehold(a.cm, agency, {
    members: [
      { firstName: 'Jürgen', lastName: 'Ößler', birthDate: '1979-02-03', gender: 'male', nationality: 'türkisch', relationship: 'head' },
      { firstName: 'Ayşe', lastName: 'Ößler', birthDate: '2012-11-30', gender: 'female', nationality: 'deutsch', relationship: 'child' },
    ],
    needs: {
      wheelchair: true,
      stepFree: true,
      pets: false,
      districtsAvoid: ['Nord'],
      districtsPrefer: ['Mitte'],
      notes: 'Erdgeschoss nötig',
    },
  });
  expect((await a.cm.post('/api/v1/prevention/cases', { ...courtNotice(), householdId: household.id })).statusCode).toBe(201);
  const offer = await approvedOffer(a);
  expect((await a.cm.post(`/api/v1/households/${household.id}/consents`, consentInput(agency.providerId))).statusCode).toBe(201);
  carrier = (await testDbs().owner.selectFrom('carriers').select('name').where('id', '=', agency.carrierId).executeTakeFirstOrThrow()).name;
  const second = await a.cm.post(`/api/v1/households/${household.id}/consents`, consentInput(agency.otherProviderId));
  expect(second.statusCode, second.body).toBe(201);
  const withdrawn = await a.cm.post(`/api/v1/households/${household.id}/consents/${second.json().id}/withdraw`, {
    note: 'Widerruf per Brief',
  });
  expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  const listed = (await a.cm.get(`/api/v1/households/${household.id}/consents`)).json().items as {
    recipient: { id: string; name: string };
  }[];
  provider = listed.find((c) => c.recipient.id === agency.providerId)!.recipient.name;
  expect((await a.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: household.id, comment: 'Akte' })).statusCode).toBe(201);
  expect((await a.cm.post('/api/v1/tenancies', tenancyInput(household.id, agency.providerId))).statusCode).toBe(201);
  expect((await a.cm.post('/api/v1/aftercare/agreements', agreementInput(agency.carrierId))).statusCode).toBe(201);
  await activeCase(a.cm, household.id, agency.carrierId, agency.users.carrier_worker.id);
  // A long journal: 199 entries written straight into the table, one through the API.
  await testDbs()
    .owner.insertInto('journal_entries')
    .values(
      Array.from({ length: JOURNAL - 1 }, (_, i) => ({
        agency_id: agency.id,
        household_id: household.id,
        occurred_at: new Date(Date.UTC(2026, 0, 1, 9) + i * 3_600_000),
        kind: 'note',
        participation: i % 2 === 0,
        text: `Eintrag Nr. ${i + 1}: ${'Gespräch über Mietrückstände und nächste Schritte. '.repeat(1 + (i % 7))}`,
        author_id: agency.users.social_worker.id,
      })),
    )
    .execute();
  const entry = await a.cm.post(`/api/v1/households/${household.id}/journal`, {
    occurredAt: '2026-11-20T10:00:00Z',
    kind: 'visit',
    participation: true,
    text: 'Hausbesuch: Haushalt legt Kontoauszüge vor.',
  });
  expect(entry.statusCode, entry.body).toBe(201);
  expect((await a.cm.get(`/api/v1/households/${household.id}`)).statusCode).toBe(200);
});
afterAll(() => app.close());

describe('household file as PDF', () => {
  it('holds master data, members, needs, programmes, the whole journal, consents and the access log, in German', async () => {
    const res = await a.cm.get(`/api/v1/households/${household.id}/file.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`akte-${household.reference}.pdf`);
    expect(res.headers['cache-control']).toBe('no-store');
    const { pages, info, all } = await text(res.rawPayload);

    expect(info.Title).toBe(`Akte des Haushalts ${household.reference}`);
    expect(pages[0]).toContain(`Akte des Haushalts ${household.reference}`);
    expect(pages[0]).toContain('Erstellt von');
    for (const heading of [
      '1. Stammdaten',
      '2. Mitglieder',
      '3. Bedarfe',
      '4. Programme und Fälle',
      '5. Journal',
      '6. Einwilligungen',
      '7. Zugriffsprotokoll',
    ]) {
      expect(all).toContain(heading);
    }
    // Members with their data; letters outside the PDF fonts are transliterated (ş → s).
    expect(all).toContain('Jürgen Ößler');
    expect(all).toContain('Ayse Ößler');
    expect(all).toContain('03.02.1979');
    expect(all).toContain('türkisch');
    expect(all).toContain('Bezugsperson');
    expect(all).toContain('Erdgeschoss nötig');
    // Every programme, its state in words.
    for (const kind of ['Präventionsfall', 'Kandidatur für Wohnungsangebot', 'Mietverhältnis', 'Nachsorgefall'])
      expect(all).toContain(kind);
    expect(all).toContain('in der Vorauswahl');
    // The whole journal, newest first.
    expect(all).toContain(`${JOURNAL} Einträge, neueste zuerst.`);
    expect(all).toContain('Hausbesuch: Haushalt legt Kontoauszüge vor.');
    for (const n of [1, 100, JOURNAL - 1]) expect(all).toContain(`Eintrag Nr. ${n}:`);
    expect(all.indexOf('Eintrag Nr. 199:')).toBeLessThan(all.indexOf('Eintrag Nr. 1:'));
    // Consents to the housing company and to the carrier.
    expect(all).toContain(provider);
    expect(all).toContain(carrier);
    expect(all).toContain('nicht widerrufen');
    expect(all).toContain('Widerruf per Brief');
    expect(all).toContain('zur Wohnungsvermittlung (§ 67b SGB X)');
    expect(all).not.toContain('placement_disclosure');
    // The access log names who read the household.
    expect(all).toContain('Haushalt angesehen');
    expect(all).toContain('Ansprechperson');
    // Every page: the confidentiality notice and the page number.
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => {
      expect(p).toContain('Vertraulich – Sozialdaten (§ 35 SGB I)');
      expect(p).toContain(`Seite ${i + 1} von ${pages.length}`);
    });

    const audited = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('agency_id', '=', agency.id)
      .where('action', '=', 'household.file')
      .where('entity_id', '=', household.id)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actor_id).toBe(agency.users.case_manager.id);
    expect(audited[0]!.details).toMatchObject({ lang: 'de', programmes: 4, journal: JOURNAL, consents: 3, consentsHidden: [] });
  });

  it('speaks English with ?lang=en', async () => {
    const res = await a.cm.get(`/api/v1/households/${household.id}/file.pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`file-${household.reference}.pdf`);
    const { pages, all } = await text(res.rawPayload);
    for (const s of ['Household file', '1. Master data', '5. Journal', '7. Access log', 'Main person', 'Tenancy', 'shortlisted']) {
      expect(all).toContain(s);
    }
    expect(all).toContain('Household viewed');
    expect(all).not.toContain('Stammdaten');
    expect(pages[0]).toContain('Confidential – social data (§ 35 SGB I)');
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  });

  it('leaves out what the role may not see, and says so', async () => {
    // The accommodation worker sees households in accommodation, but neither consent list.
    const sheltered = await poolHousehold(a.cm, agency);
    expect((await a.cm.post(`/api/v1/households/${sheltered.id}/consents`, consentInput(agency.providerId))).statusCode).toBe(201);
    const aw = client(app, await login(app, agency.users.accommodation_worker.email));
    const res = await aw.get(`/api/v1/households/${sheltered.id}/file.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const { all } = await text(res.rawPayload);
    expect(all).not.toContain(provider);
    expect(all).toContain('Einwilligungen gegenüber Wohnungsunternehmen, freien Trägern sind für Ihre Rolle nicht einsehbar');
    expect(all).not.toContain('Keine Einwilligungen erfasst.');
  });

  it('answers 404 for another agency and for roles without the permission', async () => {
    const foreign = client(app, await login(app, other.users.case_manager.email));
    const res = await foreign.get(`/api/v1/households/${household.id}/file.pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    for (const role of ['provider_user', 'carrier_worker', 'auditor'] as const) {
      const c = client(app, await login(app, agency.users[role].email));
      expect((await c.get(`/api/v1/households/${household.id}/file.pdf`)).statusCode, role).toBe(404);
    }
    const files = await testDbs()
      .owner.selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', other.id)
      .where('entity_id', '=', household.id)
      .execute();
    expect(files.map((f) => f.action)).toEqual(['access.denied']);
  });
});
