import { describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testApp, testDbs } from '../../../../test/helpers.js';
import { seedSustainment } from './sustainment.js';

describe('sustainment demo data', () => {
  it('creates five tenancies with incidents in several states, reconciled, once', async () => {
    const agency = await createAgency();
    const app = await testApp();
    try {
      const cm = client(app, await login(app, agency.users.case_manager.email));
      for (let i = 0; i < 5; i++)
        await cm.post('/api/v1/households', householdInput({ situation: 'at_risk', socialWorkerId: agency.users.social_worker.id }));
      const { owner } = testDbs();
      const target = [{ id: agency.id, state: 'BW', prefix: 'T', city: 'Stuttgart', postal: '70173' }];
      await seedSustainment(owner, target);
      await seedSustainment(owner, target);
      const tenancies = await owner.selectFrom('tenancies').selectAll().where('agency_id', '=', agency.id).orderBy('reference').execute();
      expect(tenancies).toHaveLength(5);
      const incidents = await owner
        .selectFrom('incidents')
        .select(['kind', 'state', 'round'])
        .where('agency_id', '=', agency.id)
        .orderBy('reference')
        .execute();
      expect(incidents.map((i) => `${i.kind}:${i.state}`)).toEqual([
        'rent_default:reported',
        'rent_default:waiting',
        'rent_default:secured',
        'conflict:in_progress',
        'rent_default:payout_due',
      ]);
      // Every seeded deadline carries its text key (English mode shows it in English), with its parameters.
      const deadlines = await owner
        .selectFrom('deadlines')
        .select(['kind', 'title_key', 'title_params'])
        .where('agency_id', '=', agency.id)
        .where('subject_type', 'in', ['tenancy', 'incident'])
        .execute();
      expect(deadlines.length).toBeGreaterThan(4);
      for (const d of deadlines) expect([d.kind, d.title_key, !!d.title_params]).toEqual([d.kind, `deadlineTitle.${d.kind}`, true]);
      // The ledger sums moved with the rows: 1,940 € paid out, 50 € recovered.
      const secured = tenancies.find((t) => t.paid_out_cents > 0)!;
      expect([secured.paid_out_cents, secured.recovered_cents]).toEqual([194_000, 5_000]);
      // Seen through the API: the lead's queue lists the open ones, the detail reconciles.
      const lead = client(app, await login(app, agency.users.lead.email));
      const queue = (await lead.get('/api/v1/incidents')).json();
      expect(queue.total).toBe(4);
      const detail = (await lead.get(`/api/v1/tenancies/${secured.id}`)).json();
      expect(detail.guarantee).toMatchObject({
        paidOutCents: 194_000,
        recoveredCents: 5_000,
        openClaimCents: 189_000,
        remainingCents: 806_000,
      });
      expect(detail.agreements[0].nextDueOn).not.toBeNull();
      // One guarantee ends within months: its last reminder is open.
      expect((await lead.get('/api/v1/tenancies?guaranteeEndsWithinMonths=6')).json().items).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
