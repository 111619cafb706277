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

/** The score in hundredths of a point: exactly the sum of the criteria shown. */
export function scoreOf(r: Facts, w: Weights): number {
  let sum = 0;
  for (const h of hundredthsOf(r, w)) sum += h;
  return sum;
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

const de = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 2 });

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

/** Orders by score, then time homeless (longer first, unknown last), then case reference. */
function before(a: Scored, b: Scored): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const as = a.e.since ?? Number.MAX_SAFE_INTEGER;
  const bs = b.e.since ?? Number.MAX_SAFE_INTEGER;
  if (as !== bs) return as < bs;
  return a.e.reference < b.e.reference;
}

interface Scored {
  e: PoolEntry;
  score: number;
  mask: number;
  facts: Facts;
}

/** The first `k` of `items` in ranking order, without sorting all of them. */
function topK(items: Scored[], k: number): Scored[] {
  const top: Scored[] = [];
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
  const { limit = 100, excludedLimit = 200, today = new Date() } = opts;
  const { entries: pool } = await poolOf(tx, agencyId);
  const busyRows = await sql<{ household_id: string; reference: string }>`
    SELECT DISTINCT ON (c.household_id) c.household_id, o.reference
    FROM candidates c JOIN offers o ON o.id = c.offer_id
    WHERE c.agency_id = ${agencyId} AND c.status IN (${sql.join([...OPEN_CANDIDATE_STATES, 'allocated'])}) AND c.offer_id <> ${offer.id}
      AND o.status NOT IN ('let', 'withdrawn', 'declined')
    ORDER BY c.household_id, o.reference`.execute(tx);
  const busy = new Map(busyRows.rows.map((r) => [r.household_id, r.reference]));

  const sizes = Array.from({ length: MAX_PERSONS }, (_, i) => fitFor(rules, offer, i + 1));
  const stepFreeOk = offer.stepFree || offer.wheelchair;
  const todayIso = today.toISOString().slice(0, 10);
  const todayDay = dayNumber(todayIso);
  const seniorCutoff = dayNumber(`${today.getUTCFullYear() - 65}${todayIso.slice(4)}`.replace(/-02-29$/, '-02-28'));
  const hintTests = offer.preferred.map((p) => HINTS[p]).filter((x): x is HintTest => !!x);
  const bit = (code: (typeof EXCLUSION_CODES)[number]) => 1 << EXCLUSION_CODES.indexOf(code);
  const [SPACE, RENT, OCCUPANCY, WHEELCHAIR, STEP_FREE, PETS, AVOIDED, BUSY] = EXCLUSION_CODES.map(bit) as [number, number, number, number, number, number, number, number];

  const eligible: Scored[] = [];
  const excluded: Scored[] = [];
  const counts = new Array<number>(EXCLUSION_CODES.length).fill(0);
  for (const e of pool) {
    const fit = sizes[e.persons - 1];
    let mask = 0;
    if (!fit?.spaceOk) mask |= SPACE;
    if (!fit?.rentOk) mask |= RENT;
    if (!fit?.occupancyOk) mask |= OCCUPANCY;
    if (e.wheelchair && !offer.wheelchair) mask |= WHEELCHAIR;
    if (e.stepFree && !e.wheelchair && !stepFreeOk) mask |= STEP_FREE;
    if (e.pets && !offer.petsAllowed) mask |= PETS;
    if (e.avoid.includes(offer.district)) mask |= AVOIDED;
    if (busy.has(e.id)) mask |= BUSY;
    const senior = e.eldest !== null && e.eldest <= seniorCutoff;
    const facts: Facts = {
      months: e.since === null ? 0 : Math.min(600, Math.max(0, Math.floor((todayDay - e.since) / 30.4375))),
      children: e.children,
      health: e.health,
      senior,
      prefers: e.prefer.includes(offer.district),
      hint_match: hintTests.some((t) => t(e, senior)),
    };
    const s: Scored = { e, score: scoreOf(facts, w), mask, facts };
    if (mask === 0) eligible.push(s);
    else {
      excluded.push(s);
      for (let i = 0; i < counts.length; i++) if (mask & (1 << i)) counts[i]!++;
    }
  }
  const top = topK(eligible, limit);
  const shownExcluded = topK(excluded, excludedLimit);
  const names = await namesOf(tx, agencyId, [...top, ...shownExcluded].map((s) => s.e.id));

  const entries = top.map((r, i) => {
    const criteria = criteriaOf(r.facts, w, offer);
    const score = r.score / 100;
    const tied = [top[i - 1], top[i + 1]].find((o) => o && o.score === r.score);
    const tieBreak = tied
      ? tied.e.since !== r.e.since
        ? `Gleichstand bei ${score.toLocaleString('de-DE')} Punkten: wer länger wohnungslos ist, steht vorn`
        : `Gleichstand bei ${score.toLocaleString('de-DE')} Punkten und gleicher Dauer: Reihenfolge nach Aktenzeichen`
      : null;
    return { rank: i + 1, householdId: r.e.id, reference: r.e.reference, name: names.get(r.e.id) ?? '', persons: r.e.persons, score, criteria, tieBreak };
  });
  const exclusions = shownExcluded.map((r) => ({
    householdId: r.e.id,
    reference: r.e.reference,
    name: names.get(r.e.id) ?? '',
    reasons: EXCLUSION_CODES.filter((_, i) => (r.mask & (1 << i)) !== 0).map((code) => ({ code, text: exclusionText(code, r.e.persons, offer, rules, busy.get(r.e.id) ?? null) })),
  }));
  return {
    poolSize: pool.length,
    eligibleCount: eligible.length,
    entries,
    exclusions,
    exclusionCounts: Object.fromEntries(EXCLUSION_CODES.map((c, i) => [c, counts[i]!])),
  };
}

/** Names of the few households shown; the pool in memory holds none. */
async function namesOf(tx: Tx, agencyId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('households').select(['id', 'head_name']).where('agency_id', '=', agencyId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.head_name]));
}
