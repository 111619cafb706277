import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { TestAgency } from './helpers.js';
import { testDbs } from './helpers.js';
import { fixtures, type Ids } from './matrix-fixtures.js';

/*
 * One household with a record of every kind (the Art. 15 export test): the access-matrix fixtures
 * (made through the API) spread over several households are merged into the main household, and
 * the kinds they do not make (journal, notices, visits, incident steps, payouts and recovery, aftercare
 * visits, contacts, reviews, extensions, transfers, import rows) are added with the owner connection.
 */

const TABLES_WITH_HOUSEHOLD = [
  'household_members',
  'household_addresses',
  'journal_entries',
  'consents',
  'candidates',
  'disclosures',
  'tenancies',
  'prevention_cases',
  'prevention_visits',
  'aftercare_cases',
  'aftercare_consents',
  'deadlines',
  'privacy_requests',
] as const;

export async function fullyPopulatedHousehold(app: FastifyInstance, a: TestAgency): Promise<{ ids: Ids; householdId: string }> {
  const ids = await fixtures(app, a);
  const { owner } = testDbs();
  const target = ids.household;
  const others = await owner.selectFrom('households').select('id').where('agency_id', '=', a.id).where('id', '<>', target).execute();
  for (const h of others) {
    for (const t of TABLES_WITH_HOUSEHOLD) {
      // A unique rule (e.g. one candidacy per offer and round) may refuse a move: the target then has that kind already.
      await sql`UPDATE ${sql.table(t)} SET household_id = ${target} WHERE agency_id = ${a.id} AND household_id = ${h.id}`
        .execute(owner)
        .catch(() => undefined);
    }
  }
  const one = <T>(rows: T[], what: string): T => {
    if (!rows[0]) throw new Error(`subject fixture: no ${what}`);
    return rows[0];
  };
  const pc = one(await owner.selectFrom('prevention_cases').select('id').where('household_id', '=', target).execute(), 'prevention case');
  const tenancy = one(await owner.selectFrom('tenancies').select('id').where('household_id', '=', target).execute(), 'tenancy');
  // The case with the fixtures' goal (the household has several aftercare cases; the first one found may have none).
  const goal = one(
    await owner.selectFrom('aftercare_goals').select(['id', 'case_id']).where('id', '=', ids.aftercareGoal).execute(),
    'aftercare goal',
  );
  const ac = one(
    await owner
      .selectFrom('aftercare_cases')
      .select(['id', 'carrier_id', 'granted_until'])
      .where('id', '=', goal.case_id)
      .where('household_id', '=', target)
      .execute(),
    'aftercare case',
  );
  let incident = (await owner.selectFrom('incidents').select('id').where('tenancy_id', '=', tenancy.id).execute())[0];
  if (!incident) {
    incident = one(await owner.selectFrom('incidents').select('id').where('agency_id', '=', a.id).execute(), 'incident');
    await owner.updateTable('incidents').set({ tenancy_id: tenancy.id }).where('id', '=', incident.id).execute();
  }
  const agency_id = a.id;
  // The fixture invoice's first night, billed as its approval would record it.
  const stay = one(await owner.selectFrom('accommodation_stays').select('id').where('household_id', '=', target).execute(), 'stay');
  await owner
    .insertInto('accommodation_billed_nights')
    .values({ agency_id, stay_id: stay.id, night: '2026-11-01', invoice_id: ids.accommodationInvoice, cents: 3_500 })
    .execute();
  await owner
    .insertInto('journal_entries')
    .values({ agency_id, household_id: target, occurred_at: new Date(), kind: 'note', participation: true, text: 'Auskunft-Test' })
    .execute();
  await owner
    .insertInto('prevention_notices')
    .values({ agency_id, case_id: pc.id, source: 'court_notice', received_on: '2026-10-01', notice: JSON.stringify({}) })
    .execute();
  await owner
    .insertInto('prevention_visits')
    .values({
      agency_id,
      household_id: target,
      case_id: pc.id,
      kind: 'walk_in',
      visited_at: new Date(),
      name: 'Auskunft',
      concern: 'Miete',
      outcome: 'advice',
    })
    .execute();
  await owner
    .insertInto('incident_events')
    .values({ agency_id, incident_id: incident.id, step: 'report', to_state: 'reported', round: 1, details: JSON.stringify({}) })
    .execute();
  await owner
    .insertInto('incident_contacts')
    .values({ agency_id, incident_id: incident.id, occurred_at: new Date(), channel: 'phone', reached: true, note: 'Auskunft' })
    .execute();
  await owner
    .updateTable('tenancies')
    .set({ guarantee_max_cents: sql`greatest(guarantee_max_cents, 100000)` })
    .where('id', '=', tenancy.id)
    .execute();
  await owner
    .insertInto('guarantee_payouts')
    .values({ agency_id, tenancy_id: tenancy.id, amount_cents: 10_000, paid_on: '2026-10-02' })
    .execute();
  await owner
    .insertInto('recovery_agreements')
    .values({ agency_id, tenancy_id: tenancy.id, instalment_cents: 1_000, starts_on: '2026-11-01', interval_months: 1 })
    .execute();
  await owner
    .insertInto('recovery_payments')
    .values({ agency_id, tenancy_id: tenancy.id, amount_cents: 1_000, paid_on: '2026-11-01' })
    .execute();
  const until = String(ac.granted_until ?? '2027-06-30').slice(0, 10);
  await owner
    .insertInto('aftercare_extensions')
    .values({ agency_id, case_id: ac.id, from_until: until, to_until: '2099-12-31', reason: 'Auskunft' })
    .execute();
  await owner
    .insertInto('aftercare_goal_reviews')
    .values({ agency_id, goal_id: goal.id, case_id: ac.id, reviewed_on: '2026-11-01', progress: 'some' })
    .execute();
  await owner.insertInto('aftercare_visits').values({ agency_id, case_id: ac.id, status: 'held' }).execute();
  await owner
    .insertInto('aftercare_contacts')
    .values({ agency_id, case_id: ac.id, occurred_on: '2026-11-01', counterpart: 'landlord', outcome: 'none' })
    .execute();
  await owner
    .insertInto('aftercare_transfers')
    .values({ agency_id, case_id: ac.id, carrier_id: ac.carrier_id, kind: 'case_read', fields: ['name'] })
    .execute();
  await owner.updateTable('prevention_import_rows').set({ household_id: target }).where('job_id', '=', ids.preventionImport).execute();
  // Data protection's own records: a lifted restriction, a refused transfer, a rectification, a state change.
  await owner
    .insertInto('household_restrictions')
    .values({ agency_id, household_id: target, reason: 'accuracy_contested', lifted_at: new Date() })
    .execute();
  await owner
    .insertInto('consent_refusals')
    .values({ agency_id, household_id: target, programme: 'placement', recipient: 'Matrix Wohnbau', reason: 'missing' })
    .execute();
  await owner
    .insertInto('audit_values')
    .values({ agency_id, household_id: target, value: JSON.stringify({ before: { phone: '1' }, after: { phone: '2' } }) })
    .execute();
  // The cases were moved to this household above; their state changes follow them.
  await owner.updateTable('domain_events').set({ household_id: target }).where('agency_id', '=', agency_id).execute();
  await owner
    .insertInto('domain_events')
    .values({ agency_id, household_id: target, case_kind: 'prevention_case', case_id: ids.preventionCase, to_state: 'closed' })
    .execute();
  return { ids, householdId: target };
}
