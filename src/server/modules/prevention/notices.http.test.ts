import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let lead: Client;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency({ totpRequiredRoles: [] });
  cm = client(app, await login(app, agency.users.case_manager.email));
  lead = client(app, await login(app, agency.users.lead.email));
});
afterAll(() => app.close());

const casesOf = async (householdId: string) =>
  testDbs().owner.selectFrom('prevention_cases').select(['id', 'status']).where('household_id', '=', householdId).execute();

describe('a further notice for a household with an open case', () => {
  it('joins the open case (its notices) instead of opening a second one; a new case only when asked for', async () => {
    const first = await cm.post('/api/v1/prevention/cases', { ...courtNotice(), createHousehold: true });
    expect(first.statusCode, first.body).toBe(201);
    const c = first.json();
    expect(c.notices).toEqual([]);
    const householdId = c.household.id;
    const head = c.tenants[0];
    const again = courtNotice({
      source: 'landlord',
      receivedOn: '2026-11-20',
      tenants: [{ firstName: head.firstName, lastName: head.lastName, birthDate: head.birthDate }],
      street: c.street,
      arrearsCents: 256_000,
      note: 'Weiterer Rückstand gemeldet.',
    });
    const matches = (
      await cm.post('/api/v1/prevention/matches', { tenants: again.tenants, street: again.street, postalCode: again.postalCode })
    ).json().items;
    expect(matches).toEqual([expect.objectContaining({ householdId, openCaseId: c.id })]);

    // Entered by the lead: the case manager of the open case is told.
    const second = await lead.post('/api/v1/prevention/cases', { ...again, householdId });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ id: c.id, reference: c.reference, version: c.version + 1 });
    expect(second.json().notices).toEqual([
      expect.objectContaining({
        source: 'landlord',
        receivedOn: '2026-11-20',
        arrearsCents: 256_000,
        note: 'Weiterer Rückstand gemeldet.',
      }),
    ]);
    expect(await casesOf(householdId)).toHaveLength(1);
    expect((await cm.get(`/api/v1/prevention/cases/${c.id}`)).json().notices).toHaveLength(1);
    const told = await testDbs()
      .owner.selectFrom('notifications')
      .select('title')
      .where('agency_id', '=', agency.id)
      .where('user_id', '=', agency.users.case_manager.id)
      .where('kind', '=', 'prevention.notice_added')
      .execute();
    expect(told.map((n) => n.title)).toContain(`Weitere Mitteilung zu Fall ${c.reference}`);
    const audited = await testDbs()
      .owner.selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', c.id)
      .where('action', '=', 'prevention.notice_added')
      .execute();
    expect(audited).toHaveLength(1);

    // Explicitly a new case: the household then has two.
    const separate = await cm.post('/api/v1/prevention/cases', { ...again, receivedOn: '2026-11-21', householdId, newCase: true });
    expect(separate.statusCode, separate.body).toBe(201);
    expect(separate.json().id).not.toBe(c.id);
    expect(await casesOf(householdId)).toHaveLength(2);
  });
});
