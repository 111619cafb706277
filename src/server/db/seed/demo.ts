import { inAgency } from '../database.js';
import { sql, type Kysely } from 'kysely';
import type { TRole } from '../../../contracts/common.js';
import { demoUserRows, STAFF } from './users.js';
import type { DB } from '../types.js';
import { seedPlacement } from './placement.js';
import { seedPrevention } from './prevention.js';
import { seedSustainment } from './sustainment.js';
import { seedAftercare } from './aftercare.js';
import { seedDesk } from './desk.js';
import { seedSteering } from './steering.js';
import { DEMO_STEERING, seedSteeringBody } from './steering-body.js';
import { seedAddresses } from './addresses.js';
import { seedAccommodation } from './accommodation.js';
import { BERLIN_DISTRICTS, JOURNAL_TEXTS, NATIONAL_POOLS, NEEDS_NOTES, STUTTGART_DISTRICTS } from './names.js';

export { DEMO_PASSWORD } from './users.js';

/** Small deterministic PRNG (mulberry32): the same seed gives the same demo data everywhere. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

interface DemoAgency {
  id: string;
  name: string;
  ags: string;
  state: string;
  prefix: string;
  mail: string;
  districts: string[];
  totpRequiredRoles: TRole[];
  providers: string[];
  carrier: string;
  city: string;
  postal: string;
  letterhead: string;
  phone: string;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Landeshauptstadt Stuttgart – Sozialamt, Fachstelle Wohnungsnotfälle',
    ags: '08111000',
    state: 'BW',
    prefix: 'S',
    mail: 'stuttgart.example',
    districts: STUTTGART_DISTRICTS,
    totpRequiredRoles: [],
    city: 'Stuttgart',
    postal: '70173',
    letterhead: 'Eberhardstraße 33\n70173 Stuttgart',
    phone: '0711 216-0',
    providers: ['Neckarblick Wohnbau GmbH', 'Baugenossenschaft Killesberg eG', 'Siedlungswerk Filder GmbH'],
    carrier: 'Ambulante Wohnhilfe Stuttgart e. V.',
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Bezirksamt Mitte von Berlin – Fachstelle Soziale Wohnhilfe',
    ags: '11000000',
    state: 'BE',
    prefix: 'B',
    mail: 'berlin-mitte.example',
    districts: BERLIN_DISTRICTS,
    totpRequiredRoles: ['admin', 'auditor'],
    city: 'Berlin',
    postal: '10178',
    letterhead: 'Karl-Marx-Allee 31\n10178 Berlin',
    phone: '030 9018-0',
    providers: ['Spreebogen Wohnen GmbH', 'Wohnungsgenossenschaft Moabit eG', 'Stadtquartier Berlin GmbH'],
    carrier: 'Neue Nachbarschaft Berlin e. V.',
  },
];

/** The demo logins, as printed at start and listed in the README. */
export function demoLogins(): { agency: string; email: string; role: TRole; totp: boolean }[] {
  return DEMO_AGENCIES.flatMap((a) => [
    ...STAFF.map((s) => ({ agency: a.city, email: `${s.local}@${a.mail}`, role: s.role, totp: a.totpRequiredRoles.includes(s.role) })),
    { agency: a.city, email: `wohnungsunternehmen@${a.mail}`, role: 'provider_user' as TRole, totp: false },
    { agency: a.city, email: `traeger@${a.mail}`, role: 'carrier_worker' as TRole, totp: false },
    // The operator portal's login exists where the demo has accommodation (seed/accommodation.ts).
    ...(a.city === 'Stuttgart' || a.city === 'Berlin'
      ? [{ agency: a.city, email: `betreiber@${a.mail}`, role: 'operator_user' as TRole, totp: false }]
      : []),
  ]).concat({ agency: 'Senat', email: DEMO_STEERING.email, role: 'steering', totp: false });
}

const SITUATIONS = [
  ['in_accommodation', 45],
  ['hidden_homeless', 15],
  ['rough_sleeping', 8],
  ['at_risk', 22],
  ['housed', 10],
] as const;

function weighted<T>(rng: Rng, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of xs) if ((r -= w) < 0) return v;
  return xs[0]![0];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function makeHousehold(rng: Rng, a: DemoAgency, today: Date) {
  const pool = weighted(
    rng,
    NATIONAL_POOLS.map((p) => [p, p.weight] as const),
  );
  const shape = rng.next();
  const adults = shape < 0.45 ? 1 : 2;
  const kids = shape < 0.3 ? 0 : shape < 0.55 ? rng.int(1, 2) : shape < 0.85 ? rng.int(0, 3) : rng.int(3, 5);
  const last = rng.pick(pool.last);
  const members: {
    first_name: string;
    last_name: string;
    birth_date: string;
    gender: string;
    nationality: string;
    relationship: string;
    phone: string | null;
    email: null;
  }[] = [];
  const genderDraw = () => (rng.chance(0.02) ? 'diverse' : rng.chance(0.02) ? 'unspecified' : rng.chance(0.5) ? 'female' : 'male');
  for (let i = 0; i < adults + kids; i++) {
    const gender: string = i === 1 && adults === 2 ? (members[0]!.gender === 'male' ? 'female' : 'male') : genderDraw();
    const isChild = i >= adults;
    const age = isChild ? rng.int(0, 17) : rng.int(19, 78);
    const birth = new Date(Date.UTC(today.getUTCFullYear() - age, rng.int(0, 11), rng.int(1, 28)));
    const first: string = rng.pick(
      gender === 'female' ? pool.female : gender === 'male' ? pool.male : rng.chance(0.5) ? pool.female : pool.male,
    );
    members.push({
      first_name: first,
      last_name: last,
      birth_date: iso(birth),
      gender,
      nationality: pool.nationality,
      relationship: i === 0 ? 'head' : isChild ? 'child' : 'partner',
      phone: i === 0 && rng.chance(0.7) ? `01${rng.int(50, 79)} ${rng.int(1000000, 9999999)}` : null,
      email: null,
    });
  }
  const situation = weighted(rng, SITUATIONS);
  const since = new Date(today.getTime() - rng.int(5, 1400) * 86400000);
  const wheelchair = rng.chance(0.05);
  const needs = {
    wheelchair,
    stepFree: wheelchair || rng.chance(0.08),
    pets: rng.chance(0.1),
    districtsAvoid: rng.chance(0.2) ? [rng.pick(a.districts)] : [],
    districtsPrefer: rng.chance(0.5) ? [rng.pick(a.districts), rng.pick(a.districts)].filter((d, i, xs) => xs.indexOf(d) === i) : [],
    notes: rng.pick(NEEDS_NOTES),
    health: rng.chance(0.12),
  };
  return {
    members,
    situation,
    since: iso(since),
    needs,
    seeking: situation !== 'housed' && situation !== 'at_risk' ? rng.chance(0.8) : false,
  };
}

export interface SeedOptions {
  /** Households of the first demo agency (Stuttgart); Berlin always gets 80. */
  households?: number;
  onProgress?: (done: number, total: number) => void;
  log?: (m: string) => void;
}

/** Creates the two demo agencies with staff, providers, a carrier and households; idempotent. */
export async function seedDemo(db: Kysely<DB>, opts: SeedOptions = {}): Promise<{ households: number }> {
  const log = opts.log ?? (() => {});
  const targets = [opts.households ?? 120, 80];
  const today = new Date();
  let created = 0;
  const total = targets.reduce((s, n) => s + n, 0);
  for (const [idx, a] of DEMO_AGENCIES.entries()) {
    const rng = prng(1000 + idx);
    await inAgency(db, a.id, async (tx) => {
      const exists = await tx.selectFrom('agencies').select('id').where('id', '=', a.id).executeTakeFirst();
      if (!exists) {
        log(`Lege Demo-Behörde an: ${a.name}`);
        await tx
          .insertInto('agencies')
          .values({
            id: a.id,
            name: a.name,
            ags: a.ags,
            federal_state: a.state,
            reference_prefix: a.prefix,
            settings: JSON.stringify({
              totpRequiredRoles: a.totpRequiredRoles,
              sessionIdleMinutes: 30,
              districts: a.districts,
              letterhead: {
                address: a.letterhead,
                city: a.city,
                footer: `${a.name} · Telefon ${a.phone} · Sprechzeiten Mo, Di, Do 8:30–11:00 Uhr`,
              },
              placement: { videoUrlTemplate: `https://video.${a.mail}/wohnenplus-{offer}-{token}` },
            }),
          })
          .execute();
        const providers = await tx
          .insertInto('housing_providers')
          .values(
            a.providers.map((name, i) => ({
              agency_id: a.id,
              name,
              contact_name: ['Sandra Keller', 'Martin Vogt', 'Aylin Demir'][i]!,
              email: `vermietung${i + 1}@${a.mail}`,
              phone: `0${i + 7}11 ${rng.int(100000, 999999)}`,
              street: `${['Hauptstraße', 'Am Markt', 'Bahnhofstraße'][i]} ${rng.int(1, 80)}`,
              postal_code: a.postal,
              city: a.city,
            })),
          )
          .returning('id')
          .execute();
        const [carrier] = await tx
          .insertInto('carriers')
          .values({
            agency_id: a.id,
            name: a.carrier,
            contact_name: 'Ute Sommer',
            email: `kontakt@traeger.${a.mail}`,
            phone: null,
            street: 'Lindenweg 4',
            postal_code: a.postal,
            city: a.city,
          })
          .returning('id')
          .execute();
        await tx
          .insertInto('users')
          .values(
            await demoUserRows(
              a,
              providers.map((p) => p.id),
              carrier!.id,
            ),
          )
          .execute();
      }
    });
    created += await fillHouseholds(db, a, targets[idx]!, rng, today, (n) => opts.onProgress?.(created + n, total));
  }
  await seedPlacement(db, DEMO_AGENCIES);
  await seedPrevention(db, DEMO_AGENCIES);
  await seedSustainment(db, DEMO_AGENCIES);
  await seedAftercare(db, DEMO_AGENCIES);
  await seedDesk(db, DEMO_AGENCIES);
  await seedSteering(db, DEMO_AGENCIES);
  await seedSteeringBody(db, DEMO_AGENCIES);
  await seedAddresses(db, DEMO_AGENCIES);
  await seedAccommodation(db, DEMO_AGENCIES);
  // The seeded households wait in the search indexes' pending lists; searches should not read them.
  await sql`SELECT wh_tidy_search_indexes()`.execute(db);
  return { households: created };
}

async function fillHouseholds(
  db: Kysely<DB>,
  a: DemoAgency,
  target: number,
  rng: Rng,
  today: Date,
  progress: (n: number) => void,
): Promise<number> {
  const have = Number(
    (
      await db
        .selectFrom('households')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', a.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  // Deterministic: skip the draws of households made before, so the n-th household is always the same.
  for (let i = 0; i < have; i++) makeHousehold(rng, a, today);
  const staff = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('agency_id', '=', a.id)
    .where('role', 'in', ['case_manager', 'social_worker'])
    .orderBy('email')
    .execute();
  const cms = staff.filter((s) => s.role === 'case_manager').map((s) => s.id);
  const sws = staff.filter((s) => s.role === 'social_worker').map((s) => s.id);
  const year = today.getFullYear();
  const batch = 1000;
  let made = 0;
  for (let start = have; start < target; start += batch) {
    const n = Math.min(batch, target - start);
    await inAgency(db, a.id, async (tx) => {
      const hs = Array.from({ length: n }, () => makeHousehold(rng, a, today));
      const rows = hs.map((h, i) => {
        const reference = `${a.prefix}-${year}-${String(start + i + 1).padStart(5, '0')}`;
        const head = h.members[0]!;
        return {
          agency_id: a.id,
          reference,
          head_name: `${head.last_name}, ${head.first_name}`,
          search_text: [reference, ...h.members.map((m) => `${m.first_name} ${m.last_name}`)].join(' ').toLowerCase(),
          persons: h.members.length,
          situation: h.situation,
          situation_since: h.since,
          seeking_housing: h.seeking,
          needs: JSON.stringify(h.needs),
          wheelchair: h.needs.wheelchair,
          step_free: h.needs.stepFree,
          pets: h.needs.pets,
          health: h.needs.health,
          districts_avoid: h.needs.districtsAvoid,
          districts_prefer: h.needs.districtsPrefer,
          children: h.members.filter((m) => m.relationship === 'child').length,
          eldest_birth_date: h.members.reduce((min, m) => (m.birth_date < min ? m.birth_date : min), h.members[0]!.birth_date),
          case_manager_id: rng.pick(cms),
          social_worker_id: rng.chance(0.7) ? rng.pick(sws) : null,
          ...(() => {
            const updated = today.getTime() - rng.int(0, 400) * 86400000;
            return { updated_at: new Date(updated), created_at: new Date(updated - rng.int(0, 700) * 86400000) };
          })(),
        };
      });
      const ids = await tx.insertInto('households').values(rows).returning('id').execute();
      const members = hs.flatMap((h, i) => h.members.map((m, pos) => ({ ...m, agency_id: a.id, household_id: ids[i]!.id, position: pos })));
      for (let k = 0; k < members.length; k += 2000)
        await tx
          .insertInto('household_members')
          .values(members.slice(k, k + 2000))
          .execute();
      const journal = ids.flatMap((h, i) =>
        Array.from({ length: i % 3 }, (_, j) => ({
          agency_id: a.id,
          household_id: h.id,
          occurred_at: new Date(today.getTime() - (j + 1) * rng.int(1, 60) * 86400000),
          kind: rng.pick(['contact', 'visit', 'call', 'note'] as const),
          participation: rng.chance(0.8),
          text: rng.pick(JOURNAL_TEXTS),
          author_id: rows[i]!.case_manager_id,
        })),
      );
      if (journal.length) await tx.insertInto('journal_entries').values(journal).execute();
      await tx
        .insertInto('agency_counters')
        .values({ agency_id: a.id, name: `household:${year}`, value: start + n })
        .onConflict((oc) => oc.columns(['agency_id', 'name']).doUpdateSet({ value: sql`greatest(agency_counters.value, excluded.value)` }))
        .execute();
    });
    made += n;
    progress(made);
  }
  return made;
}
