import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentName, exportEvents, readCsv, readXlsx } from '../../../../test/export-helpers.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let cm: Client;
const tag = `Exp${Date.now().toString(36)}`;
const names: string[] = [];
const ids: string[] = [];

beforeAll(async () => {
  app = await testApp();
  [agency, other] = [await createAgency(), await createAgency()];
  cm = client(app, await login(app, agency.users.case_manager.email));
  const otherCm = client(app, await login(app, other.users.case_manager.email));
  for (const [i, situation] of (['rough_sleeping', 'rough_sleeping', 'housed'] as const).entries()) {
    const input = householdInput({ situation, situationSince: '2026-02-03' });
    input.members[0]!.lastName = `${tag}Müßig${i}`;
    names.push(`${input.members[0]!.lastName}, ${input.members[0]!.firstName}`);
    const res = await cm.post('/api/v1/households', input);
    expect(res.statusCode).toBe(201);
    ids.push(res.json().id);
  }
  // The first household lives in Stuttgart-Süd and has an overdue deadline; the second sleeps rough.
  const moved = await cm.post(`/api/v1/households/${ids[0]}/addresses`, {
    kind: 'own_flat',
    street: 'Filderstraße 3',
    postalCode: '70180',
    city: 'Stuttgart',
    district: 'Süd',
    validFrom: '2026-02-03',
  });
  expect(moved.statusCode).toBe(201);
  expect((await cm.post(`/api/v1/households/${ids[1]}/addresses`, { kind: 'street', validFrom: '2026-02-03' })).statusCode).toBe(201);
  await testDbs()
    .owner.insertInto('deadlines')
    .values({
      agency_id: agency.id,
      subject_type: 'household',
      subject_id: ids[0]!,
      household_id: ids[0]!,
      kind: 'follow_up',
      title: 'Export',
      link: null,
      due_at: new Date('2026-03-02T22:59:59.999Z'),
    })
    .execute();
  const foreign = householdInput({ situation: 'rough_sleeping' });
  foreign.members[0]!.lastName = `${tag}Fremd`;
  expect((await otherCm.post('/api/v1/households', foreign)).statusCode).toBe(201);
});
afterAll(() => app.close());

describe('household list export', () => {
  it('writes the rows the list shows as CSV for German Excel, audited once with the row count', async () => {
    const filters = `q=${tag}&situation=rough_sleeping&sort=name`;
    const list = (await cm.get(`/api/v1/households?${filters}`)).json();
    expect(list.total).toBe(2);
    const res = await cm.get(`/api/v1/households/export?format=csv&${filters}`);
    expect(attachmentName(res)).toMatch(/^haushalte-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, rows } = readCsv(res);
    expect(header).toEqual([
      'Aktenzeichen',
      'Name',
      'Personen',
      'Wohnsituation',
      'Wohnsituation seit',
      'Wohnungssuchend',
      'Aufenthalt',
      'Anschrift',
      'Bezirk',
      'Nächste Frist',
      'Frist überfällig',
      'Fallverantwortung',
      'Geändert',
    ]);
    expect(rows.map((r) => r[0])).toEqual(list.items.map((i: { reference: string }) => i.reference));
    expect(rows.map((r) => r[1])).toEqual(names.slice(0, 2));
    expect(rows[0]!.slice(2, 6)).toEqual(['2', 'auf der Straße', '03.02.2026', 'ja']);
    expect(rows[0]!.slice(6, 11)).toEqual(['eigene Wohnung', 'Filderstraße 3, 70180 Stuttgart', 'Süd', '02.03.2026', 'ja']);
    expect(rows[1]!.slice(6, 11)).toEqual(['Straße (ohne festen Wohnsitz)', '', '', '', 'nein']);
    expect(rows[0]![12]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(rows.flat().join()).not.toContain('Fremd');

    const [ev, ...more] = await exportEvents(agency.id, agency.users.case_manager.id);
    expect(more).toEqual([]);
    expect(ev!.details).toMatchObject({
      list: 'households',
      format: 'csv',
      rows: 2,
      total: 2,
      filters: { q: tag, situation: 'rough_sleeping' },
    });
  });

  it('writes an XLSX with typed cells, in English by lang or Accept-Language', async () => {
    const res = await cm.get(`/api/v1/households/export?format=xlsx&q=${tag}&sort=name&lang=en`);
    expect(attachmentName(res)).toMatch(/^households-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { header, rows } = await readXlsx(res);
    expect(header.slice(0, 4)).toEqual(['File number', 'Name', 'Persons', 'Housing situation']);
    expect(rows.map((r) => r[1])).toEqual(names);
    expect(rows[2]![3]).toBe('housed');
    expect(rows[0]![2]).toBe(2);
    expect(rows[0]![4]).toEqual(new Date(Date.UTC(2026, 1, 3)));
    const byHeader = await cm.get(`/api/v1/households/export?format=csv&q=${tag}`, { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' });
    expect(readCsv(byHeader).header[0]).toBe('File number');
  });

  it('refuses a role without the list permission (403) and a bad format (400 problem+json)', async () => {
    const provider = client(app, await login(app, agency.users.provider_user.email));
    expect((await provider.get('/api/v1/households/export?format=csv')).statusCode).toBe(403);
    const bad = await cm.get('/api/v1/households/export?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
