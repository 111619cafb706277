import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';

let app: FastifyInstance;
let agency: TestAgency;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
});
afterAll(() => app.close());

type Event = { entityType: string | null; entityId: string | null; entityName: string | null; entityLink: string | null; action: string };

describe('audit view: record names and links', () => {
  it('names a record only where the auditor may see it: prevention cases with link, households not', async () => {
    const cm = client(app, await login(app, agency.users.case_manager.email));
    const c = (await cm.post('/api/v1/prevention/cases', { ...courtNotice(), createHousehold: true })).json();
    expect(c.reference).toBeTruthy();
    const h = (await cm.post('/api/v1/households', householdInput())).json();
    await cm.get(`/api/v1/households/${h.id}`);

    const auditor = client(app, await login(app, agency.users.auditor.email));
    const page = (await auditor.get(`/api/v1/audit-events?entityId=${c.id}`)).json() as { items: Event[] };
    const caseEvents = page.items.filter((x) => x.entityType === 'prevention_case');
    expect(caseEvents.length).toBeGreaterThan(0);
    for (const e of caseEvents) {
      expect(e.entityName).toContain(c.reference);
      expect(e.entityLink).toBe(`/prevention/cases/${c.id}`);
    }

    const hidden = (await auditor.get(`/api/v1/audit-events?entityId=${h.id}`)).json() as { items: Event[] };
    expect(hidden.items.length).toBeGreaterThan(0);
    for (const e of hidden.items) {
      expect(e.entityName).toBeNull();
      expect(e.entityLink).toBeNull();
    }

    // The names shown are logged with the list read.
    const logged = await testDbs()
      .owner.selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'audit.list')
      .where('actor_id', '=', agency.users.auditor.id)
      .orderBy('id')
      .execute();
    expect(logged[0]!.details).toMatchObject({ named: [`prevention_case:${c.id}`] });
    expect(logged[1]!.details).not.toHaveProperty('named');
  });
});
