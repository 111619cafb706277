import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBerlin } from '../../../contracts/plausible.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let cm: Client;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  other = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
});
afterAll(() => app.close());

const flat = (over: Record<string, unknown> = {}) => ({
  kind: 'own_flat',
  street: 'Tübinger Straße 12',
  postalCode: '70178',
  city: 'Stuttgart',
  district: 'Süd',
  validFrom: '2024-03-01',
  note: null,
  ...over,
});
const newHousehold = async () => (await cm.post('/api/v1/households', householdInput())).json().id as string;
const fieldsOf = (res: { json: () => { errors: { field: string }[] } }) =>
  res
    .json()
    .errors.map((e) => e.field)
    .sort();
const daysFromToday = (n: number) => new Date(Date.parse(`${todayInBerlin()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('household addresses over HTTP', () => {
  it('records moves: the new address is current, the previous one ends the day before; the history is newest first', async () => {
    const id = await newHousehold();
    const first = await cm.post(`/api/v1/households/${id}/addresses`, flat());
    expect(first.statusCode).toBe(201);
    expect(first.json().current).toMatchObject({ id: first.json().id, street: 'Tübinger Straße 12', validTo: null, current: true });

    const move = await cm.post(`/api/v1/households/${id}/addresses`, {
      kind: 'shelter',
      street: 'Hauptstätter Straße 87',
      postalCode: '70173',
      city: 'Stuttgart',
      district: 'Mitte',
      validFrom: '2025-06-15',
    });
    expect(move.statusCode).toBe(201);
    const history = (await cm.get(`/api/v1/households/${id}/addresses`)).json();
    expect(history.current).toMatchObject({ kind: 'shelter', validFrom: '2025-06-15', validTo: null });
    expect(history.items.map((a: { validFrom: string; validTo: string | null }) => [a.validFrom, a.validTo])).toEqual([
      ['2025-06-15', null],
      ['2024-03-01', '2025-06-14'],
    ]);
    expect(history.items[0].createdBy.id).toBe(agency.users.case_manager.id);

    // Street (no fixed abode) needs no postal address.
    const street = await cm.post(`/api/v1/households/${id}/addresses`, { kind: 'street', validFrom: '2025-09-01' });
    expect(street.statusCode).toBe(201);
    expect(street.json().current).toMatchObject({ kind: 'street', street: null, postalCode: null });

    const { owner } = testDbs();
    const current = await owner
      .selectFrom('household_addresses')
      .select('id')
      .where('household_id', '=', id)
      .where('valid_to', 'is', null)
      .execute();
    expect(current).toHaveLength(1);
    const audited = await owner
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', 'like', 'household.address%')
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      'household.address_add',
      'household.address_add',
      'household.address_add',
      'household.addresses',
    ]);
  });

  it('refuses bad input with problem+json field errors', async () => {
    const id = await newHousehold();
    const bad = await cm.post(`/api/v1/households/${id}/addresses`, flat({ postalCode: '7017', validFrom: daysFromToday(60) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(bad)).toEqual(['postalCode', 'validFrom']);
    expect(bad.json().errors.find((e: { field: string }) => e.field === 'postalCode').message).toBe('Die Postleitzahl hat fünf Ziffern.');

    const ends = await cm.post(`/api/v1/households/${id}/addresses`, flat({ validFrom: '2024-05-01', validTo: '2024-04-01' }));
    expect(fieldsOf(ends)).toEqual(['validTo']);

    const missing = await cm.post(`/api/v1/households/${id}/addresses`, flat({ street: '', postalCode: '', city: null }));
    expect(fieldsOf(missing)).toEqual(['city', 'postalCode', 'street']);

    // A move announced a few days ahead is fine.
    expect((await cm.post(`/api/v1/households/${id}/addresses`, flat({ validFrom: daysFromToday(5) }))).statusCode).toBe(201);
    // A move must begin after the current address began.
    const before = await cm.post(`/api/v1/households/${id}/addresses`, flat({ validFrom: '2020-01-01' }));
    expect(before.statusCode).toBe(400);
    expect(fieldsOf(before)).toEqual(['validFrom']);
    // A past period overlapping the current one is refused.
    const overlap = await cm.post(`/api/v1/households/${id}/addresses`, flat({ validFrom: daysFromToday(-3), validTo: daysFromToday(10) }));
    expect(overlap.statusCode).toBe(400);
    expect(fieldsOf(overlap)).toEqual(['validFrom']);
  });

  it('corrects an entry with its version; a stale version is 412', async () => {
    const id = await newHousehold();
    const made = (await cm.post(`/api/v1/households/${id}/addresses`, flat())).json();
    const entry = made.current;
    const fixed = await cm.put(`/api/v1/households/${id}/addresses/${entry.id}`, {
      ...flat({ street: 'Tübinger Straße 21' }),
      version: entry.version,
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().current).toMatchObject({ street: 'Tübinger Straße 21', version: entry.version + 1 });
    const stale = await cm.put(`/api/v1/households/${id}/addresses/${entry.id}`, { ...flat(), version: entry.version });
    expect(stale.statusCode).toBe(412);
    expect((await cm.get(`/api/v1/households/${id}/addresses`)).json().current.street).toBe('Tübinger Straße 21');
  });

  it("keeps another agency's households and entries out of reach (404)", async () => {
    const id = await newHousehold();
    const entry = (await cm.post(`/api/v1/households/${id}/addresses`, flat())).json().current;
    const stranger = client(app, await login(app, other.users.case_manager.email));
    expect((await stranger.get(`/api/v1/households/${id}/addresses`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/households/${id}/addresses`, flat({ validFrom: '2025-01-01' }))).statusCode).toBe(404);
    expect((await stranger.put(`/api/v1/households/${id}/addresses/${entry.id}`, { ...flat(), version: 1 })).statusCode).toBe(404);
    // Nor is an entry reachable through a household of one's own agency.
    const own = (await stranger.post('/api/v1/households', householdInput())).json().id;
    expect((await stranger.put(`/api/v1/households/${own}/addresses/${entry.id}`, { ...flat(), version: 1 })).statusCode).toBe(404);
    // A role that may read but not record (accommodation worker) gets 404 on writes too.
    const aw = client(app, await login(app, agency.users.accommodation_worker.email));
    expect((await aw.get(`/api/v1/households/${id}/addresses`)).statusCode).toBe(200);
    expect((await aw.post(`/api/v1/households/${id}/addresses`, flat({ validFrom: '2025-01-01' }))).statusCode).toBe(404);
  });
});
