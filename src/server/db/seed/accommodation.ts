import type { Kysely } from 'kysely';
import { inAgency, type Tx } from '../database.js';
import { hashPassword } from '../../platform/auth/password.js';
import { notify } from '../../platform/notify/notify.js';
import { checklistInUse } from '../../modules/accommodation/checklist.service.js';
import type { DB } from '../types.js';
import { DEMO_PASSWORD } from './users.js';

/*
 * The demo's accommodation: per agency three operators (the municipality, a welfare organisation, a
 * hostel at an agreed rate) with dated rates, three facilities with rooms and places (one admitted
 * with conditions), and stays: a few households already in accommodation live there (moved in), one
 * is assigned and expected — at the operator whose portal login (`betreiber@…`) the demo has. Run once: an agency with any operator is left as it is. The letters of
 * the seeded assignments are not generated (a real assignment through the app creates them).
 */
type Room = {
  label: string;
  places: number;
  size: number;
  sex?: string;
  family?: boolean;
  wheelchair?: boolean;
  single?: boolean;
  pets?: boolean;
};
const FACILITIES: {
  operator: number;
  name: string;
  street: string;
  provision: string;
  state?: [string, string];
  flags: Partial<Record<'social_service' | 'night_service' | 'protection_concept' | 'substance_tolerant', boolean>>;
  rooms: Room[];
}[] = [
  {
    operator: 0,
    name: 'Städtische Notunterkunft',
    street: 'Hauptstätter Straße 40',
    provision: 'short_term',
    flags: { night_service: true, substance_tolerant: true },
    rooms: [
      { label: '101', places: 4, size: 40 },
      { label: '102', places: 2, size: 20, wheelchair: true },
      { label: '103', places: 1, size: 12, single: true },
    ],
  },
  {
    operator: 1,
    name: 'Haus Lindenhof (Familien und Frauen)',
    street: 'Lindenstraße 5',
    provision: 'partly_residential',
    flags: { social_service: true, night_service: true, protection_concept: true },
    rooms: [
      { label: 'F1', places: 4, size: 45, family: true, pets: true },
      { label: 'F2', places: 3, size: 32, family: true },
      { label: 'W1', places: 2, size: 22, sex: 'female' },
    ],
  },
  {
    operator: 2,
    name: 'Hostel am Bahnhof',
    street: 'Bahnhofsplatz 2',
    provision: 'other',
    state: ['admitted_conditions', 'Brandschutz: Fluchtwegbeschilderung bis Monatsende nachrüsten'],
    flags: {},
    rooms: [
      { label: 'H1', places: 2, size: 18 },
      { label: 'H2', places: 2, size: 16 },
    ],
  },
];

const isoDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function places(tx: Tx, agencyId: string, city: string, postal: string, districts: readonly string[], by: string | null) {
  const ops = await tx
    .insertInto('accommodation_operators')
    .values([
      {
        agency_id: agencyId,
        name: `${city}: Amt für Soziales`,
        kind: 'municipality',
        welfare_association: null,
        city,
        postal_code: postal,
        created_by: by,
      },
      {
        agency_id: agencyId,
        name: `Caritasverband ${city} e. V.`,
        kind: 'welfare',
        welfare_association: 'caritas',
        city,
        postal_code: postal,
        created_by: by,
      },
      {
        agency_id: agencyId,
        name: `Hostel ${city} GmbH`,
        kind: 'commercial',
        welfare_association: null,
        city,
        postal_code: postal,
        created_by: by,
      },
    ])
    .returning('id')
    .execute();
  const start = `${new Date().getFullYear() - 1}-01-01`;
  const contracts = [];
  for (const [i, o] of ops.entries()) {
    const c = await tx
      .insertInto('accommodation_contracts')
      .values({
        agency_id: agencyId,
        operator_id: o.id,
        kind: i === 2 ? 'agreed_rate' : 'contract',
        reference: i === 2 ? null : `V-${city.slice(0, 1)}-${i + 1}`,
        valid_from: start,
        rate_basis: i === 2 ? 'place' : 'person',
        includes: i === 1 ? ['lodging', 'heating', 'electricity', 'cleaning', 'social_work'] : ['lodging', 'heating', 'electricity'],
        notice_days: i === 2 ? null : 90,
        created_by: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A rate change at the turn of the year: nights before keep the old rate.
    await tx
      .insertInto('accommodation_rates')
      .values([
        { agency_id: agencyId, contract_id: c.id, valid_from: start, cents_per_day: [2_900, 4_200, 3_500][i]!, created_by: by },
        {
          agency_id: agencyId,
          contract_id: c.id,
          valid_from: `${new Date().getFullYear()}-01-01`,
          cents_per_day: [3_100, 4_450, 3_800][i]!,
          created_by: by,
        },
      ])
      .execute();
    contracts.push(c.id);
  }
  const out: { facilityId: string; operatorId: string; places: { id: string; family: boolean }[] }[] = [];
  for (const [n, f] of FACILITIES.entries()) {
    const fac = await tx
      .insertInto('accommodation_facilities')
      .values({
        agency_id: agencyId,
        operator_id: ops[f.operator]!.id,
        contract_id: contracts[f.operator]!,
        name: `${f.name}`,
        street: f.street,
        postal_code: postal,
        city,
        district: districts[n % districts.length] ?? null,
        provision: f.provision,
        capacity: f.rooms.reduce((s, r) => s + r.places, 0),
        ...f.flags,
        state: f.state?.[0] ?? 'admitted',
        state_note: f.state?.[1] ?? null,
        state_since: start,
        created_by: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('accommodation_facility_events')
      .values({
        agency_id: agencyId,
        facility_id: fac.id,
        from_state: null,
        to_state: f.state?.[0] ?? 'admitted',
        note: f.state?.[1] ?? null,
        effective_on: start,
        created_by: by,
      })
      .execute();
    const placesOut: { id: string; family: boolean }[] = [];
    for (const r of f.rooms) {
      const room = await tx
        .insertInto('accommodation_rooms')
        .values({
          agency_id: agencyId,
          facility_id: fac.id,
          label: r.label,
          size_m2: r.size,
          sex: r.sex ?? 'any',
          family: !!r.family,
          wheelchair: !!r.wheelchair,
          step_free: !!r.wheelchair,
          pets: !!r.pets,
          single_room: !!r.single,
          created_by: by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ps = await tx
        .insertInto('accommodation_places')
        .values(
          Array.from({ length: r.places }, (_, i) => ({
            agency_id: agencyId,
            facility_id: fac.id,
            room_id: room.id,
            label: `${r.label}/${i + 1}`,
          })),
        )
        .returning('id')
        .execute();
      placesOut.push(...ps.map((p) => ({ id: p.id, family: !!r.family })));
    }
    out.push({ facilityId: fac.id, operatorId: ops[f.operator]!.id, places: placesOut });
  }
  return out;
}

/** Households already in accommodation move into the demo places; the last one is assigned and expected. */
async function stays(tx: Tx, agencyId: string, facilities: Awaited<ReturnType<typeof places>>, by: string | null) {
  const households = await tx
    .selectFrom('households')
    .select(['id', 'situation_since', 'children'])
    .where('agency_id', '=', agencyId)
    .where('situation', '=', 'in_accommodation')
    .where('status', '=', 'active')
    .orderBy('reference')
    .limit(7)
    .execute();
  const free = facilities.map((f) => [...f.places]);
  let expectedAt: string | null = null;
  // First which households fit where; the last one placed is the one expected (not yet moved in).
  const plan: { i: number; h: (typeof households)[number]; members: { id: string }[]; target: number; taken: (typeof free)[number] }[] = [];
  for (const [i, h] of households.entries()) {
    const members = await tx.selectFrom('household_members').select('id').where('household_id', '=', h.id).orderBy('position').execute();
    const target = h.children > 0 ? 1 : i % 2 === 0 ? 0 : 2;
    const pool = free[target]!.filter((p) => p.family === h.children > 0 || target !== 1);
    if (pool.length < members.length) continue;
    const taken = pool.slice(0, members.length);
    free[target] = free[target]!.filter((p) => !taken.includes(p));
    plan.push({ i, h, members, target, taken });
  }
  for (const [n, { i, h, members, target, taken }] of plan.entries()) {
    const expected = n === plan.length - 1;
    if (expected) expectedAt = facilities[target]!.operatorId;
    // The stay starts on a past day, never before the household became homeless.
    const candidate = isoDaysAgo(30 + i * 17);
    const from = expected ? isoDaysAgo(0) : h.situation_since && h.situation_since > candidate ? h.situation_since : candidate;
    const a = await tx
      .insertInto('accommodation_assignments')
      .values((eb) => ({
        agency_id: agencyId,
        household_id: h.id,
        facility_id: facilities[target]!.facilityId,
        history_id: eb.fn<string>('gen_random_uuid', []),
        from_date: from,
        payer: i % 3 === 2 ? 'jobcenter' : 'agency',
        own_contribution_cents: i % 3 === 1 ? 5_000 : 0,
        legal_basis: 'Ordnungsrecht des Landes (Demo)',
        state: expected ? 'assigned' : 'moved_in',
        moved_in_on: expected ? null : from,
        moved_in_by: expected ? null : by,
        created_by: by,
      }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('accommodation_assignments')
      .set((eb) => ({ history_id: eb.ref('id') }))
      .where('id', '=', a.id)
      .execute();
    await tx
      .insertInto('accommodation_stays')
      .values(
        members.map((m, k) => ({
          agency_id: agencyId,
          assignment_id: a.id,
          household_id: h.id,
          member_id: m.id,
          facility_id: facilities[target]!.facilityId,
          place_id: taken[k]!.id,
          from_date: from,
        })),
      )
      .execute();
  }
  return expectedAt;
}

/**
 * The operator portal's demo login works for the operator expecting the arrival, so its start page has
 * it waiting, with the office's notice about the arrival (the cost-coverage note goes to the operator).
 */
async function operatorUser(tx: Tx, agencyId: string, mail: string, operatorId: string) {
  const user = await tx
    .insertInto('users')
    .values({
      agency_id: agencyId,
      email: `betreiber@${mail}`,
      display_name: 'Petra Lang',
      role: 'operator_user',
      operator_id: operatorId,
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const arrival = await tx
    .selectFrom('accommodation_assignments as a')
    .innerJoin('accommodation_facilities as f', 'f.id', 'a.facility_id')
    .select(['f.name', 'a.from_date'])
    .where('a.agency_id', '=', agencyId)
    .where('a.state', '=', 'assigned')
    .where('f.operator_id', '=', operatorId)
    .executeTakeFirst();
  if (!arrival) return;
  await notify(tx, agencyId, {
    userIds: [user.id],
    kind: 'accommodation.arrival',
    title: `Neue Zuweisung: ${arrival.name}`,
    body: `Ein Haushalt ist ab ${arrival.from_date.split('-').reverse().join('.')} zugewiesen. Bitte den Einzug bestätigen.`,
    link: '/accommodation/portal',
    text: { key: 'notice.accommodationArrival', params: { facility: arrival.name, fromOn: arrival.from_date } },
    mail: false,
  });
}

export async function seedAccommodation(
  db: Kysely<DB>,
  agencies: { id: string; city: string; postal: string; mail: string; districts: readonly string[] }[],
): Promise<void> {
  for (const a of agencies.filter((x) => x.city === 'Stuttgart' || x.city === 'Berlin')) {
    await inAgency(db, a.id, async (tx) => {
      if (await tx.selectFrom('accommodation_operators').select('id').where('agency_id', '=', a.id).executeTakeFirst()) return;
      const worker = await tx
        .selectFrom('users')
        .select('id')
        .where('agency_id', '=', a.id)
        .where('role', '=', 'accommodation_worker')
        .orderBy('email')
        .executeTakeFirst();
      const facilities = await places(tx, a.id, a.city, a.postal, a.districts, worker?.id ?? null);
      const expectedAt = await stays(tx, a.id, facilities, worker?.id ?? null);
      await operatorUser(tx, a.id, a.mail, expectedAt ?? facilities[0]!.operatorId);
      // The default checklist of minimum standards as the agency's version 1 (12-month routine inspections).
      await checklistInUse(tx, a.id, worker?.id ?? null);
    });
  }
}
