import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgency, householdInput, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { inAgency } from '../../db/database.js';
import * as ledger from './ledger.js';

let agency: TestAgency;
beforeAll(async () => {
  agency = await createAgency();
});

/** A fresh tenancy with the given guarantee maximum, written as the owner (setup only). */
async function tenancy(maxCents: number) {
  const { owner } = testDbs();
  const input = householdInput();
  const h = await owner
    .insertInto('households')
    .values({
      agency_id: agency.id,
      reference: `L-${Math.random().toString(36).slice(2, 10)}`,
      head_name: input.members[0]!.lastName,
      search_text: '',
      persons: 1,
      situation: 'housed',
      seeking_housing: false,
      needs: '{}',
      wheelchair: false,
      case_manager_id: null,
      social_worker_id: null,
      created_by: null,
      updated_at: new Date(),
      follow_up_reason: null,
      follow_up_at: null,
      situation_since: null,
      eldest_birth_date: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return owner
    .insertInto('tenancies')
    .values({
      agency_id: agency.id,
      reference: `L-M-${h.id.slice(0, 8)}`,
      household_id: h.id,
      provider_id: agency.providerId,
      street: 'Ledgerweg 1',
      postal_code: '70173',
      city: 'Stuttgart',
      lease_start: '2025-01-01',
      cold_rent_cents: 50_000,
      service_charges_cents: 10_000,
      heating_cents: 5_000,
      guarantee_start: '2025-01-01',
      guarantee_end: '2029-12-31',
      guarantee_max_cents: maxCents,
      guarantee_items: ['rent_arrears'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe('guarantee ledger in the database', () => {
  it('random payouts and recoveries: the tenancy sums equal the rows, the CHECK refuses what the pure ledger refuses', async () => {
    const { app } = testDbs();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 500_000 }),
        fc.array(fc.record({ payout: fc.boolean(), cents: fc.integer({ min: 1, max: 250_000 }) }), { minLength: 1, maxLength: 12 }),
        async (maxCents, ops) => {
          const t = await tenancy(maxCents);
          let model: ledger.Ledger = { maxCents, paidOutCents: 0, recoveredCents: 0 };
          for (const o of ops) {
            let expectedOk = true;
            try {
              model = o.payout ? ledger.payout(model, o.cents) : ledger.recover(model, o.cents);
            } catch {
              expectedOk = false;
            }
            // Bypass the service: the database alone must hold the line.
            const ok = await inAgency(app, agency.id, async (tx) => {
              if (o.payout)
                await tx
                  .insertInto('guarantee_payouts')
                  .values({
                    agency_id: agency.id,
                    tenancy_id: t.id,
                    incident_id: null,
                    amount_cents: o.cents,
                    paid_on: '2026-01-01',
                    note: null,
                    created_by: null,
                  })
                  .execute();
              else
                await tx
                  .insertInto('recovery_payments')
                  .values({
                    agency_id: agency.id,
                    tenancy_id: t.id,
                    agreement_id: null,
                    amount_cents: o.cents,
                    paid_on: '2026-01-01',
                    note: null,
                    created_by: null,
                  })
                  .execute();
            }).then(
              () => true,
              (e: { code?: string }) => {
                expect(e.code).toBe('23514'); // check_violation
                return false;
              },
            );
            expect(ok).toBe(expectedOk);
          }
          const row = await inAgency(app, agency.id, (tx) =>
            tx
              .selectFrom('tenancies as t')
              .select([
                't.paid_out_cents',
                't.recovered_cents',
                sql<number>`(SELECT coalesce(sum(amount_cents), 0)::int FROM guarantee_payouts p WHERE p.tenancy_id = t.id)`.as('payouts'),
                sql<number>`(SELECT coalesce(sum(amount_cents), 0)::int FROM recovery_payments r WHERE r.tenancy_id = t.id)`.as(
                  'recoveries',
                ),
              ])
              .where('t.id', '=', t.id)
              .executeTakeFirstOrThrow(),
          );
          expect(row.paid_out_cents).toBe(row.payouts);
          expect(row.recovered_cents).toBe(row.recoveries);
          expect({ paid: row.payouts, recovered: row.recoveries }).toEqual({ paid: model.paidOutCents, recovered: model.recoveredCents });
          expect(row.payouts - row.recoveries).toBe(ledger.openClaimCents(model));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the app role cannot delete or re-value ledger rows', async () => {
    const { app } = testDbs();
    const t = await tenancy(100_000);
    await inAgency(app, agency.id, (tx) =>
      tx
        .insertInto('guarantee_payouts')
        .values({
          agency_id: agency.id,
          tenancy_id: t.id,
          incident_id: null,
          amount_cents: 1_000,
          paid_on: '2026-01-01',
          note: null,
          created_by: null,
        })
        .execute(),
    );
    await expect(
      inAgency(app, agency.id, (tx) => tx.deleteFrom('guarantee_payouts').where('tenancy_id', '=', t.id).execute()),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      inAgency(app, agency.id, (tx) =>
        tx.updateTable('guarantee_payouts').set({ amount_cents: 1 }).where('tenancy_id', '=', t.id).execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      inAgency(app, agency.id, (tx) => tx.deleteFrom('recovery_payments').where('tenancy_id', '=', t.id).execute()),
    ).rejects.toMatchObject({ code: '42501' });
  });
});
