import { describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testApp, testDbs } from '../../../../test/helpers.js';
import { seedAftercare } from './aftercare.js';

describe('aftercare demo data', () => {
  it('creates an agreement and six cases in every state, once; the carrier sees the granted ones', async () => {
    const agency = await createAgency();
    const app = await testApp();
    try {
      const cm = client(app, await login(app, agency.users.case_manager.email));
      for (let i = 0; i < 6; i++) await cm.post('/api/v1/households', householdInput({ situation: 'housed', seekingHousing: false }));
      const { owner } = testDbs();
      const target = [{ id: agency.id, city: 'Stuttgart', postal: '70173' }];
      await seedAftercare(owner, target);
      await seedAftercare(owner, target);
      const cases = await owner
        .selectFrom('aftercare_cases')
        .select(['state'])
        .where('agency_id', '=', agency.id)
        .orderBy('reference')
        .execute();
      expect(cases.map((c) => c.state)).toEqual(['referred', 'checked', 'active', 'active', 'active', 'ended']);

      const carrier = client(app, await login(app, agency.users.carrier_worker.email));
      const list = (await carrier.get('/api/v1/aftercare/cases')).json();
      expect(list.total).toBe(4);
      const queue = (await carrier.get('/api/v1/aftercare/queue')).json();
      expect(queue.overdue).toHaveLength(1);
      expect(queue.endingSoon).toHaveLength(1);
      expect(queue.endingSoon[0].missedInRow).toBe(2);
      const office = (await cm.get('/api/v1/aftercare/cases')).json();
      expect(office.total).toBe(6);
    } finally {
      await app.close();
    }
  });
});
