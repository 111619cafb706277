import { inAgency } from '../database.js';
import { sql, type Kysely } from 'kysely';
import { checkOffer, type ConditionsRule } from '../../modules/placement/conditions.js';
import { addWorkingDays, berlinDate, endOfDayBerlin, type FederalState } from '../../platform/deadlines/workdays.js';
import type { DB } from '../types.js';

/*
 * Demo data for placement: programme conditions per demo agency (Stuttgart-like cold-rent caps,
 * 45 m² + 15 m² per further person, fitted kitchen required) and a few offers at different steps,
 * so the queue, the check and the ranking can be tried at once. Idempotent: only when none exist.
 */

const CAPS: Record<string, { persons: number; maxColdRentCents: number }[]> = {
  BW: [
    { persons: 1, maxColdRentCents: 55_000 },
    { persons: 2, maxColdRentCents: 64_000 },
    { persons: 3, maxColdRentCents: 76_000 },
    { persons: 4, maxColdRentCents: 88_000 },
    { persons: 5, maxColdRentCents: 99_000 },
  ],
  BE: [
    { persons: 1, maxColdRentCents: 50_000 },
    { persons: 2, maxColdRentCents: 60_500 },
    { persons: 3, maxColdRentCents: 72_000 },
    { persons: 4, maxColdRentCents: 84_000 },
    { persons: 5, maxColdRentCents: 96_000 },
  ],
};

const OFFERS = [
  {
    street: 'Pragstraße 41',
    district: 0,
    floor: 2,
    lift: true,
    space: 58,
    rooms: 2,
    cold: 61_500,
    service: 14_000,
    heating: 8_500,
    equipment: ['kitchen_fitted', 'balcony', 'cellar'],
    preferred: ['family', 'single_parent'],
    hints: 'Gern eine Familie; Kita und Grundschule in 5 Minuten erreichbar.',
    status: 'shortlisting',
  },
  {
    street: 'Wiener Platz 7',
    district: 1,
    floor: 0,
    lift: false,
    space: 44,
    rooms: 1.5,
    cold: 49_000,
    service: 11_000,
    heating: 6_000,
    equipment: ['kitchen_fitted', 'shower'],
    preferred: ['single', 'senior'],
    hints: 'Erdgeschoss, stufenloser Zugang über den Hof.',
    status: 'submitted',
    stepFree: true,
  },
  {
    street: 'Am Kräherwald 118',
    district: 2,
    floor: 4,
    lift: true,
    space: 86,
    rooms: 4,
    cold: 93_000,
    service: 19_000,
    heating: 11_000,
    equipment: ['kitchen_fitted', 'balcony', 'bathtub'],
    preferred: ['family'],
    hints: null,
    status: 'submitted',
  },
  {
    street: 'Neckartalstraße 3',
    district: 3,
    floor: 1,
    lift: false,
    space: 67,
    rooms: 3,
    cold: 70_000,
    service: 16_000,
    heating: 9_000,
    equipment: ['balcony'],
    preferred: [],
    hints: 'Renovierung bis Monatsende.',
    status: 'draft',
  },
] as const;

export async function seedPlacement(
  db: Kysely<DB>,
  agencies: { id: string; state: string; prefix: string; districts: string[]; city: string; postal: string }[],
): Promise<void> {
  const year = new Date().getFullYear();
  for (const a of agencies) {
    await inAgency(db, a.id, async (tx) => {
      const have = await tx.selectFrom('programme_conditions').select('id').where('agency_id', '=', a.id).executeTakeFirst();
      if (have) return;
      const cond = await tx
        .insertInto('programme_conditions')
        .values({
          agency_id: a.id,
          valid_from: `${year - 1}-01-01`,
          rent_caps: JSON.stringify(CAPS[a.state] ?? CAPS.BW),
          extra_person_cents: 11_000,
          space_base_sqm: 45,
          space_per_person_sqm: 15,
          required_equipment: ['kitchen_fitted'],
          note: 'Demo: Richtwerte nach Gemeinderatsbeschluss',
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const rule: ConditionsRule = {
        id: cond.id,
        validFrom: cond.valid_from,
        rentCaps: CAPS[a.state] ?? CAPS.BW!,
        extraPersonCents: 11_000,
        spaceBaseSqm: 45,
        spacePerPersonSqm: 15,
        requiredEquipment: ['kitchen_fitted'],
      };
      const providers = await tx.selectFrom('housing_providers').select('id').where('agency_id', '=', a.id).orderBy('name').execute();
      const cm = await tx
        .selectFrom('users')
        .select('id')
        .where('agency_id', '=', a.id)
        .where('role', '=', 'case_manager')
        .orderBy('email')
        .executeTakeFirst();
      for (const [i, o] of OFFERS.entries()) {
        const reference = `${a.prefix}-W-${year}-${String(i + 1).padStart(4, '0')}`;
        const checked = o.status === 'shortlisting';
        const check = checkOffer(
          rule,
          { livingSpace: o.space, rooms: o.rooms, coldRentCents: o.cold, equipment: [...o.equipment] },
          new Date(),
        );
        const available = new Date(Date.now() + (20 + i * 10) * 86_400_000).toISOString().slice(0, 10);
        const row = await tx
          .insertInto('offers')
          .values({
            agency_id: a.id,
            reference,
            provider_id: providers[i % providers.length]!.id,
            status: o.status,
            street: o.street,
            postal_code: a.postal,
            city: a.city,
            district: a.districts[o.district % a.districts.length] ?? 'Mitte',
            floor: o.floor,
            lift: o.lift,
            living_space: o.space,
            rooms: o.rooms,
            cold_rent_cents: o.cold,
            service_charges_cents: o.service,
            heating_cents: o.heating,
            heating_type: 'Zentralheizung (Gas)',
            deposit_cents: o.cold * 3,
            equipment: [...o.equipment],
            step_free: 'stepFree' in o ? o.stepFree : false,
            wheelchair: false,
            available_from: available,
            pets_allowed: i % 2 === 0,
            preferred: [...o.preferred],
            hints: o.hints,
            conditions_id: checked ? cond.id : null,
            check_result: checked ? JSON.stringify(check) : null,
            checked_at: checked ? new Date() : null,
            case_manager_id: checked ? (cm?.id ?? null) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // The queue shows what is due next: checking the submitted offers, planning the round table.
        const due = (kind: string, title: string, key: string, days: number, assignee: string | null) =>
          tx
            .insertInto('deadlines')
            .values({
              agency_id: a.id,
              subject_type: 'offer',
              subject_id: row.id,
              kind,
              title,
              title_key: key,
              title_params: JSON.stringify({ offer: reference }),
              link: `/placement/offers/${row.id}`,
              assignee_id: assignee,
              due_at: endOfDayBerlin(addWorkingDays(berlinDate(new Date()), days, a.state as FederalState)),
            })
            .execute();
        if (o.status === 'submitted') await due('offer_check', `Angebot ${reference} prüfen`, 'deadlineTitle.offer_check', 1 + i, null);
        if (checked) await due('round_table', `Runden Tisch für ${reference} planen`, 'deadlineTitle.round_table', 4, cm?.id ?? null);
        const events = ['created', ...(o.status !== 'draft' ? ['submitted'] : []), ...(checked ? ['checked', 'approved'] : [])];
        for (const kind of events) {
          await tx
            .insertInto('offer_events')
            .values({
              agency_id: a.id,
              offer_id: row.id,
              kind,
              provider_visible: kind !== 'checked',
              details: JSON.stringify(kind === 'checked' ? { eligible: true } : {}),
              actor_id: kind === 'checked' || kind === 'approved' ? (cm?.id ?? null) : null,
            })
            .execute();
        }
      }
      await tx
        .insertInto('agency_counters')
        .values({ agency_id: a.id, name: `offer:${year}`, value: OFFERS.length })
        .onConflict((oc) => oc.columns(['agency_id', 'name']).doUpdateSet({ value: sql`greatest(agency_counters.value, excluded.value)` }))
        .execute();
    });
  }
}
