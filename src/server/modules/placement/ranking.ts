import { sql } from 'kysely';
import type { TPlacementSettings } from '../../../contracts/admin.js';
import type { TRanking } from '../../../contracts/placement.js';
import { formatEuro } from '../../../contracts/format.js';
import type { Tx } from '../../db/database.js';
import { fitFor, maxOccupancy, type ConditionsRule } from './conditions.js';
import { OPEN_CANDIDATE_STATES } from './placement.machine.js';
import { dayNumber, poolOf, type PoolEntry } from './pool.js';

/*
 * Ranks the agency's pool for one offer. The pool is every active household that is homeless
 * (in accommodation, hidden homeless, rough sleeping) and flagged as seeking housing.
 *
 * Hard filters (any one excludes, all are reported): household size against the flat under the
 * offer's programme conditions (rent ceiling, floor-space guide, occupancy), wheelchair and
 * step-free needs, pets, a district the household must avoid, and an open candidacy on another
 * offer. Score: each criterion's value scaled 0…1, times its weight (agency setting), rounded to
 * cents of a point; ties go to the household homeless longer, then by reference.
 *
 * Filtering and scoring run over the agency's pool held in memory (pool.ts: read again whenever a
 * household changed), so ranking a city's pool costs milliseconds. The score is the sum of the
 * explained criteria's points, in hundredths, so the two agree by construction.
 */

export type Weights = TPlacementSettings['weights'];

export interface RankOffer {
  id: string;
  district: string;
  livingSpace: number;
  rooms: number;
  coldRentCents: number;
  stepFree: boolean;
  wheelchair: boolean;
  petsAllowed: boolean;
  preferred: string[];
}

export const MAX_PERSONS = 20;
export const WAITING_CAP_MONTHS = 36;
export const CHILDREN_CAP = 3;

export const EXCLUSION_CODES = ['space', 'rent', 'occupancy', 'wheelchair', 'step_free', 'pets', 'district_avoided', 'active_candidacy'] as const;

/** What the score and its explanation are built from, per household. */
interface Facts {
  months: number;
  children: number;
  health: boolean;
  senior: boolean;
  prefers: boolean;
  hint_match: boolean;
}

type HintTest = (e: PoolEntry, senior: boolean) => boolean;

/** The housing company's wishes on the household, as tests on a pool entry. */
const HINTS: Record<string, HintTest> = {
  single: (e) => e.persons === 1,
  couple: (e) => e.persons === 2 && e.children === 0,
  family: (e) => e.children > 0 && e.persons - e.children >= 2,
  single_parent: (e) => e.children > 0 && e.persons - e.children === 1,
  senior: (_, senior) => senior,
};

/**
 * Points are kept in hundredths as whole numbers, rounded half up, in SQL and here alike, so the
 * sum shown is exactly the score the order was made by.
 */
const hundredths = (fraction: number, weight: number) => Math.floor(fraction * weight * 100 + 0.5);

/** Points per criterion in hundredths: waiting, children, health, age, district, hints. */
function hundredthsOf(r: Facts, w: Weights): number[] {
  return [
    hundredths(Math.min(WAITING_CAP_MONTHS, r.months) / WAITING_CAP_MONTHS, w.waiting),
    hundredths(Math.min(CHILDREN_CAP, r.children) / CHILDREN_CAP, w.children),
    hundredths(r.health ? 1 : 0, w.health),
    hundredths(r.senior ? 1 : 0, w.age),
    hundredths(r.prefers ? 1 : 0, w.district),
    hundredths(r.hint_match ? 1 : 0, w.hints),
  ];
}

/** The score parts of one household, each with its value, weight and points. */
export function criteriaOf(r: Facts, w: Weights, offer: RankOffer) {
  const [waiting, children, health, age, district, hints] = hundredthsOf(r, w).map((h) => h / 100) as [number, number, number, number, number, number];
  return [
    { code: 'waiting', label: 'Dauer der Wohnungslosigkeit', value: `${r.months} Monate${r.months > WAITING_CAP_MONTHS ? ` (gezählt: ${WAITING_CAP_MONTHS})` : ''}`, weight: w.waiting, points: waiting },
    { code: 'children', label: 'Kinder im Haushalt', value: `${r.children}${r.children > CHILDREN_CAP ? ` (gezählt: ${CHILDREN_CAP})` : ''}`, weight: w.children, points: children },
    { code: 'health', label: 'Gesundheitliche Einschränkung', value: r.health ? 'ja' : 'nein', weight: w.health, points: health },
    { code: 'age', label: 'Person ab 65 Jahren', value: r.senior ? 'ja' : 'nein', weight: w.age, points: age },
    { code: 'district', label: `Wunschbezirk ${offer.district}`, value: r.prefers ? 'ja' : 'nein', weight: w.district, points: district },
    { code: 'hints', label: 'Wunsch des Wohnungsunternehmens', value: offer.preferred.length === 0 ? 'keine Vorgabe' : r.hint_match ? 'passt' : 'passt nicht', weight: w.hints, points: hints },
  ];
}

const DE_NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const de = (n: number) => DE_NUMBER.format(n);

export function exclusionText(code: string, persons: number, offer: RankOffer, rules: ConditionsRule, busyRef: string | null): string {
  const fit = fitFor(rules, offer, persons);
  const p = `${persons} ${persons === 1 ? 'Person' : 'Personen'}`;
  switch (code) {
    case 'space': return `Wohnfläche ${de(offer.livingSpace)} m² über dem Richtwert für ${p} (${de(fit.spaceLimitSqm)} m²)`;
    case 'rent': return `Kaltmiete ${formatEuro(offer.coldRentCents)} über der Obergrenze für ${p} (${formatEuro(fit.rentCapCents)})`;
    case 'occupancy': return `${de(offer.rooms)} Zimmer reichen für höchstens ${maxOccupancy(offer.rooms)} Personen, der Haushalt hat ${persons}`;
    case 'wheelchair': return 'Braucht eine rollstuhlgerechte Wohnung';
    case 'step_free': return 'Braucht einen stufenlosen Zugang';
    case 'pets': return 'Hat Haustiere, die hier nicht erlaubt sind';
    case 'district_avoided': return `Soll den Bezirk ${offer.district} meiden`;
    case 'active_candidacy': return `Bereits Kandidat für Angebot ${busyRef ?? ''}`.trim();
    default: return code;
  }
}

export interface RankResult {
  poolSize: number;
  eligibleCount: number;
  entries: TRanking['entries'];
  exclusions: TRanking['exclusions'];
  exclusionCounts: Record<string, number>;
}

export interface RankOptions {
  limit?: number;
  excludedLimit?: number;
  today?: Date;
}

/**
 * The first `k` pool positions of `items` in ranking order (score, then time homeless — longer
 * first, unknown last — then case reference), without sorting all of them.
 */
function topK(items: number[], k: number, scores: Int32Array, pool: readonly PoolEntry[]): number[] {
  const before = (a: number, b: number): boolean => {
    if (scores[a] !== scores[b]) return scores[a]! > scores[b]!;
    const as = pool[a]!.since ?? Number.MAX_SAFE_INTEGER;
    const bs = pool[b]!.since ?? Number.MAX_SAFE_INTEGER;
    if (as !== bs) return as < bs;
    return pool[a]!.reference < pool[b]!.reference;
  };
  const top: number[] = [];
  for (const it of items) {
    if (top.length === k && !before(it, top[k - 1]!)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(top[mid]!, it)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, it);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Ranks the agency's pool for `offer`; returns the top `limit` and up to `excludedLimit` exclusions. */
export async function rankPool(tx: Tx, agencyId: string, offer: RankOffer, rules: ConditionsRule, w: Weights, opts: RankOptions = {}): Promise<RankResult> {
  const { entries: pool } = await poolOf(tx, agencyId);
  const busyRows = await sql<{ household_id: string; reference: string }>`
    SELECT DISTINCT ON (c.household_id) c.household_id, o.reference
    FROM candidates c JOIN offers o ON o.id = c.offer_id
    WHERE c.agency_id = ${agencyId} AND c.status IN (${sql.join([...OPEN_CANDIDATE_STATES, 'allocated'])}) AND c.offer_id <> ${offer.id}
      AND o.status NOT IN ('let', 'withdrawn', 'declined')
    ORDER BY c.household_id, o.reference`.execute(tx);
  const busy = new Map(busyRows.rows.map((r) => [r.household_id, r.reference]));
  const result = rankEntries(pool, busy, offer, rules, w, opts);
  // Names of the few households shown; the pool in memory holds none.
  const shown = [...result.entries, ...result.exclusions];
  if (shown.length > 0) {
    const rows = await tx.selectFrom('households').select(['id', 'head_name']).where('agency_id', '=', agencyId).where('id', 'in', shown.map((x) => x.householdId)).execute();
    const names = new Map(rows.map((r) => [r.id, r.head_name]));
    for (const x of shown) x.name = names.get(x.householdId) ?? '';
  }
  return result;
}

/**
 * Ranks `pool` for `offer` (pure): `busy` maps households with an open candidacy elsewhere to that
 * offer's reference. Names are left empty for the caller to fill.
 */
export function rankEntries(pool: readonly PoolEntry[], busy: ReadonlyMap<string, string>, offer: RankOffer, rules: ConditionsRule, w: Weights, opts: RankOptions = {}): RankResult {
  const { limit = 100, excludedLimit = 200, today = new Date() } = opts;
  const sizes = Array.from({ length: MAX_PERSONS }, (_, i) => fitFor(rules, offer, i + 1));
  const stepFreeOk = offer.stepFree || offer.wheelchair;
  const todayIso = today.toISOString().slice(0, 10);
  const todayDay = dayNumber(todayIso);
  const seniorCutoff = dayNumber(`${today.getUTCFullYear() - 65}${todayIso.slice(4)}`.replace(/-02-29$/, '-02-28'));
  const hintTests = offer.preferred.map((p) => HINTS[p]).filter((x): x is HintTest => !!x);
  const bit = (code: (typeof EXCLUSION_CODES)[number]) => 1 << EXCLUSION_CODES.indexOf(code);
  const [SPACE, RENT, OCCUPANCY, WHEELCHAIR, STEP_FREE, PETS, AVOIDED, BUSY] = EXCLUSION_CODES.map(bit) as [number, number, number, number, number, number, number, number];

  // Points per criterion value, from the same function the explanation uses.
  const waitingPts = Array.from({ length: WAITING_CAP_MONTHS + 1 }, (_, m) => hundredths(m / WAITING_CAP_MONTHS, w.waiting));
  const childrenPts = Array.from({ length: CHILDREN_CAP + 1 }, (_, k) => hundredths(k / CHILDREN_CAP, w.children));
  const [healthPts, agePts, districtPts, hintPts] = [w.health, w.age, w.district, w.hints].map((x) => hundredths(1, x)) as [number, number, number, number];
  const monthsOf = (e: PoolEntry) => (e.since === null ? 0 : Math.min(600, Math.max(0, Math.floor((todayDay - e.since) / 30.4375))));
  // The explanation of one shown household, from the same facts the loop below scores.
  const factsOf = (e: PoolEntry): Facts => {
    const senior = e.eldest !== null && e.eldest <= seniorCutoff;
    let hint = false;
    for (const t of hintTests) if (t(e, senior)) hint = true;
    return {
      months: monthsOf(e),
      children: e.children,
      health: e.health,
      senior,
      prefers: e.prefer.includes(offer.district),
      hint_match: hint,
    };
  };

  // Typed arrays and positions: scoring a city's pool allocates next to nothing.
  const scores = new Int32Array(pool.length);
  const masks = new Uint16Array(pool.length);
  const eligible: number[] = [];
  const excluded: number[] = [];
  const counts = new Array<number>(EXCLUSION_CODES.length).fill(0);
  for (let i = 0; i < pool.length; i++) {
    const e = pool[i]!;
    const fit = sizes[e.persons - 1];
    let mask = 0;
    if (!fit?.spaceOk) mask |= SPACE;
    if (!fit?.rentOk) mask |= RENT;
    if (!fit?.occupancyOk) mask |= OCCUPANCY;
    if (e.wheelchair && !offer.wheelchair) mask |= WHEELCHAIR;
    if (e.stepFree && !e.wheelchair && !stepFreeOk) mask |= STEP_FREE;
    if (e.pets && !offer.petsAllowed) mask |= PETS;
    if (e.avoid.length > 0 && e.avoid.includes(offer.district)) mask |= AVOIDED;
    if (busy.size > 0 && busy.has(e.id)) mask |= BUSY;
    const senior = e.eldest !== null && e.eldest <= seniorCutoff;
    let hint = false;
    for (const t of hintTests) if (t(e, senior)) hint = true;
    scores[i] = waitingPts[Math.min(WAITING_CAP_MONTHS, monthsOf(e))]! + childrenPts[Math.min(CHILDREN_CAP, e.children)]!
      + (e.health ? healthPts : 0) + (senior ? agePts : 0) + (e.prefer.length > 0 && e.prefer.includes(offer.district) ? districtPts : 0) + (hint ? hintPts : 0);
    masks[i] = mask;
    if (mask === 0) eligible.push(i);
    else {
      excluded.push(i);
      for (let c = 0; c < counts.length; c++) if (mask & (1 << c)) counts[c]!++;
    }
  }
  const top = topK(eligible, limit, scores, pool);
  const shownExcluded = topK(excluded, excludedLimit, scores, pool);

  const entries = top.map((p, i) => {
    const e = pool[p]!;
    const facts = factsOf(e);
    const criteria = criteriaOf(facts, w, offer);
    const score = scores[p]! / 100;
    const tied = [top[i - 1], top[i + 1]].find((o) => o !== undefined && scores[o] === scores[p]);
    const tieBreak = tied !== undefined
      ? pool[tied]!.since !== e.since
        ? `Gleichstand bei ${de(score)} Punkten: wer länger wohnungslos ist, steht vorn`
        : `Gleichstand bei ${de(score)} Punkten und gleicher Dauer: Reihenfolge nach Aktenzeichen`
      : null;
    return { rank: i + 1, householdId: e.id, reference: e.reference, name: '', persons: e.persons, score, criteria, tieBreak };
  });
  const exclusions = shownExcluded.map((p) => {
    const e = pool[p]!;
    return {
      householdId: e.id,
      reference: e.reference,
      name: '',
      reasons: EXCLUSION_CODES.filter((_, i) => (masks[p]! & (1 << i)) !== 0).map((code) => ({ code, text: exclusionText(code, e.persons, offer, rules, busy.get(e.id) ?? null) })),
    };
  });
  return {
    poolSize: pool.length,
    eligibleCount: eligible.length,
    entries,
    exclusions,
    exclusionCounts: Object.fromEntries(EXCLUSION_CODES.map((c, i) => [c, counts[i]!])),
  };
}
