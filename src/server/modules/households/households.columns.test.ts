import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { linkDeadlineHouseholds } from '../../db/migrations/2026-12-08T10-00_household_addresses.js';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
const tag = `Col${Date.now().toString(36)}`;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency({ totpRequiredRoles: [], districts: ['Süd', 'Ost'] });
  cm = client(app, await login(app, agency.users.case_manager.email));
});
afterAll(() => app.close());

const household = async (name: string) => {
  const input = householdInput();
  input.members[0]!.lastName = `${tag}${name}`;
  return (await cm.post('/api/v1/households', input)).json().id as string;
};
const deadline = (householdId: string, dueAt: Date, status = 'open') =>
  testDbs()
    .owner.insertInto('deadlines')
    .values({
      agency_id: agency.id,
      subject_type: 'household',
      subject_id: householdId,
      household_id: householdId,
      kind: 'follow_up',
      title: 'Test',
      link: null,
      due_at: dueAt,
      status,
    })
    .execute();
type Item = {
  id: string;
  address: string | null;
  district: string | null;
  whereabouts: string | null;
  nextDeadline: { dueAt: string; overdue: boolean } | null;
};
const list = async (query: string): Promise<Item[]> => {
  const res = await cm.get(`/api/v1/households?q=${tag}&sort=name&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

describe('household list: address, district and next deadline', () => {
  it('shows the current address, its district and the earliest open deadline, and filters by district and overdue', async () => {
    const [a, b, c] = [await household('A'), await household('B'), await household('C')];
    await cm.post(`/api/v1/households/${a}/addresses`, {
      kind: 'own_flat',
      street: 'Alte Weinsteige 1',
      postalCode: '70597',
      city: 'Stuttgart',
      district: 'Ost',
      validFrom: '2023-01-01',
    });
    await cm.post(`/api/v1/households/${a}/addresses`, {
      kind: 'sublet',
      street: 'Filderstraße 9',
      postalCode: '70180',
      city: 'Stuttgart',
      district: 'Süd',
      validFrom: '2025-01-01',
    });
    await cm.post(`/api/v1/households/${b}/addresses`, { kind: 'street', validFrom: '2025-01-01' });
    const past = new Date(Date.now() - 2 * 86_400_000);
    const later = new Date(Date.now() + 5 * 86_400_000);
    await deadline(a, later);
    await deadline(a, new Date(Date.now() + 20 * 86_400_000));
    await deadline(a, past, 'done'); // closed: not the next one
    await deadline(b, past);

    const items = await list('');
    expect(items.map((i) => i.id)).toEqual([a, b, c]);
    expect(items[0]).toMatchObject({
      address: 'Filderstraße 9, 70180 Stuttgart',
      district: 'Süd',
      whereabouts: 'sublet',
      nextDeadline: { dueAt: later.toISOString(), overdue: false },
    });
    expect(items[1]).toMatchObject({
      address: null,
      district: null,
      whereabouts: 'street',
      nextDeadline: { dueAt: past.toISOString(), overdue: true },
    });
    expect(items[2]).toMatchObject({ address: null, district: null, whereabouts: null, nextDeadline: null });

    // The district is the current address's (A lived in Ost before).
    expect((await list('district=S%C3%BCd')).map((i) => i.id)).toEqual([a]);
    expect((await list('district=Ost')).map((i) => i.id)).toEqual([]);
    expect((await list('overdue=true')).map((i) => i.id)).toEqual([b]);
    // Without a search too (the plain list's path).
    const all = (await cm.get('/api/v1/households?overdue=true&pageSize=100')).json();
    expect(all.items.map((i: Item) => i.id)).toContain(b);
    expect(all.items.map((i: Item) => i.id)).not.toContain(a);
  });
});

describe('deadlines carry their household', () => {
  it('sets household_id when a case opens its deadlines, and the backfill finds it from the subject', async () => {
    const notice = courtNotice();
    const c = (await cm.post('/api/v1/prevention/cases', { ...notice, createHousehold: true })).json();
    const householdId: string = c.household.id;
    expect(householdId).toBeTruthy();
    const { owner } = testDbs();
    const rows = () => owner.selectFrom('deadlines').select(['id', 'household_id']).where('subject_id', '=', c.id).execute();
    const opened = await rows();
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((d) => d.household_id === householdId)).toBe(true);

    await owner.updateTable('deadlines').set({ household_id: null }).where('subject_id', '=', c.id).execute();
    await linkDeadlineHouseholds(owner);
    expect((await rows()).every((d) => d.household_id === householdId)).toBe(true);
    // The household list shows the case's deadline as the household's next one.
    const due = await owner
      .selectFrom('deadlines')
      .select((eb) => eb.fn.min('due_at').as('due'))
      .where('subject_id', '=', c.id)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const found = (await cm.get(`/api/v1/households?q=${encodeURIComponent(notice.tenants[0]!.lastName.toLowerCase())}`)).json();
    expect(found.items.map((i: Item) => [i.id, i.nextDeadline?.dueAt])).toEqual([[householdId, new Date(due.due as Date).toISOString()]]);
  });
});
