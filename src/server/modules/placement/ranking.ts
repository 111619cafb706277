import type { Tx } from '../../db/database.js';
import { fitFor, type ConditionsRule } from './conditions.js';
import { completedMonths, dayNumber, poolOf, type PoolEntry } from '../households/pool.service.js';
import {
  CHILDREN_CAP,
  EXCLUSION_CODES,
  factBits,
  hundredths,
  TIE,
  WAITING_CAP_MONTHS,
  type Facts,
  type RankOffer,
  type StoredEntry,
  type StoredExclusion,
  type Weights,
} from './ranking.explain.js';

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
 * Filtering and scoring run over the agency's pool held in memory (pool.ts: the households changed
 * since are read again first), so ranking a city's pool costs milliseconds. The result is the compact form
 * that is stored (ranking.explain.ts derives the explanations from it); the score is the sum of the
 * explained criteria's points, in hundredths, so the two agree by construction.
 */

export const MAX_PERSONS = 20;

type HintTest = (e: PoolEntry, senior: boolean) => boolean;

/** The housing company's wishes on the household, as tests on a pool entry. */
const HINTS: Record<string, HintTest> = {
  single: (e) => e.persons === 1,
  couple: (e) => e.persons === 2 && e.children === 0,
  family: (e) => e.children > 0 && e.persons - e.children >= 2,
  single_parent: (e) => e.children > 0 && e.persons - e.children === 1,
  senior: (_, senior) => senior,
};

export interface RankResult {
  poolSize: number;
  eligibleCount: number;
  entries: StoredEntry[];
  exclusions: StoredExclusion[];
  exclusionCounts: Record<string, number>;
}

export interface RankOptions {
  limit?: number;
  excludedLimit?: number;
  today?: Date;
}

/** Per pool (as cached, or as patched after a change), its facts as typed columns: the loop over a city's pool stays in machine code. */
interface Columns {
  persons: Uint8Array;
  children: Uint8Array;
  /** 1 health, 2 pets, 4 wheelchair, 8 step-free. */
  flags: Uint8Array;
  /** Day number homeless since; NO_DAY when unknown. */
  since: Int32Array;
  eldest: Int32Array;
  /** District → positions of the entries that avoid / wish it (no string comparisons per ranking). */
  avoidBy: Map<string, Int32Array>;
  preferBy: Map<string, Int32Array>;
  positionOf: Map<string, number>;
  /** The offer-independent part of the score, for one day and weights (see dailyOf). */
  daily: Daily | null;
  /** Scratch space of one ranking, reused (the ranking runs synchronously, so never by two at once). */
  scratch: {
    scores: Int32Array;
    masks: Uint8Array;
    key: Float64Array;
    eligibleAt: Int32Array;
    excludedAt: Int32Array;
    offerBits: Uint8Array;
    prefers: Uint8Array;
    hintMemo: Int8Array;
  };
}

/** Per entry, what depends only on the day and the weights: computed once a day, not per ranking. */
interface Daily {
  key: string;
  /** Points in hundredths for time homeless, children, health and age. */
  base: Int32Array;
  /** The tie-break on equal scores: an earlier date (unknown last) is larger. */
  tail: Float64Array;
  senior: Uint8Array;
}

const NO_DAY = -2_147_483_648;
const columnCache = new WeakMap<readonly PoolEntry[], Columns>();

function positionsBy(pool: readonly PoolEntry[], listOf: (e: PoolEntry) => readonly string[]): Map<string, Int32Array> {
  const by = new Map<string, number[]>();
  pool.forEach((e, i) => {
    for (const d of listOf(e)) {
      let list = by.get(d);
      if (!list) by.set(d, (list = []));
      if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return new Map([...by].map(([d, list]) => [d, Int32Array.from(list)]));
}

function columnsOf(pool: readonly PoolEntry[]): Columns {
  const hit = columnCache.get(pool);
  if (hit) return hit;
  const n = pool.length;
  const c: Columns = {
    persons: new Uint8Array(n),
    children: new Uint8Array(n),
    flags: new Uint8Array(n),
    since: new Int32Array(n),
    eldest: new Int32Array(n),
    avoidBy: positionsBy(pool, (e) => e.avoid),
    preferBy: positionsBy(pool, (e) => e.prefer),
    positionOf: new Map(pool.map((e, i) => [e.id, i])),
    daily: null,
    scratch: {
      scores: new Int32Array(n),
      masks: new Uint8Array(n),
      key: new Float64Array(n),
      eligibleAt: new Int32Array(n),
      excludedAt: new Int32Array(n),
      offerBits: new Uint8Array(n),
      prefers: new Uint8Array(n),
      hintMemo: new Int8Array(256 * 256 * 2),
    },
  };
  pool.forEach((e, i) => {
    c.persons[i] = Math.min(255, e.persons);
    c.children[i] = Math.min(255, e.children);
    c.flags[i] = (e.health ? 1 : 0) | (e.pets ? 2 : 0) | (e.wheelchair ? 4 : 0) | (e.stepFree ? 8 : 0);
    c.since[i] = e.since ?? NO_DAY;
    c.eldest[i] = e.eldest ?? NO_DAY;
  });
  columnCache.set(pool, c);
  return c;
}

/** The offer-independent score parts of every entry for `todayDay` and the weights, cached on the columns. */
function dailyOf(c: Columns, todayDay: number, seniorCutoff: number, w: Weights): Daily {
  const key = `${todayDay}|${seniorCutoff}|${w.waiting}|${w.children}|${w.health}|${w.age}`;
  if (c.daily?.key === key) return c.daily;
  const n = c.persons.length;
  const waitingPts = Array.from({ length: WAITING_CAP_MONTHS + 1 }, (_, m) => hundredths(m / WAITING_CAP_MONTHS, w.waiting));
  const childrenPts = Array.from({ length: CHILDREN_CAP + 1 }, (_, k) => hundredths(k / CHILDREN_CAP, w.children));
  const healthPts = hundredths(1, w.health);
  const agePts = hundredths(1, w.age);
  const d: Daily = { key, base: new Int32Array(n), tail: new Float64Array(n), senior: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const since = c.since[i]!;
    const eldest = c.eldest[i]!;
    const senior = eldest !== NO_DAY && eldest <= seniorCutoff;
    const months = since === NO_DAY ? 0 : Math.min(WAITING_CAP_MONTHS, completedMonths(since, todayDay));
    const kids = c.children[i]!;
    d.base[i] =
      waitingPts[months]! +
      childrenPts[kids < CHILDREN_CAP ? kids : CHILDREN_CAP]! +
      ((c.flags[i]! & 1) !== 0 ? healthPts : 0) +
      (senior ? agePts : 0);
    // Score first; among equal scores the earlier date (unknown last) — one exact number.
    d.tail[i] = since === NO_DAY ? 0 : 2 ** 21 - 1 - Math.min(2 ** 21 - 2, Math.max(0, since + 2 ** 20));
    d.senior[i] = senior ? 1 : 0;
  }
  c.daily = d;
  return d;
}

/**
 * The first `k` of the pool positions `items` in ranking order: score, then time homeless (longer
 * first, unknown last), then case reference. Score and date travel as one number, so only ties on
 * both compare references.
 */
function topK(items: Int32Array, k: number, key: Float64Array, pool: readonly PoolEntry[]): number[] {
  const size = Math.min(k, items.length);
  if (size === 0) return [];
  // The k-th largest key, through a min-heap of the k largest seen.
  const heap = new Float64Array(size);
  let filled = 0;
  for (let n = 0; n < items.length; n++) {
    const v = key[items[n]!]!;
    if (filled < size) {
      let j = filled++;
      heap[j] = v;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if (heap[parent]! <= heap[j]!) break;
        [heap[parent], heap[j]] = [heap[j]!, heap[parent]!];
        j = parent;
      }
    } else if (v > heap[0]!) {
      heap[0] = v;
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        const r = l + 1;
        let m = j;
        if (l < size && heap[l]! < heap[m]!) m = l;
        if (r < size && heap[r]! < heap[m]!) m = r;
        if (m === j) break;
        [heap[m], heap[j]] = [heap[j]!, heap[m]!];
        j = m;
      }
    }
  }
  const threshold = heap[0]!;
  const chosen: number[] = [];
  for (let n = 0; n < items.length; n++) if (key[items[n]!]! >= threshold) chosen.push(items[n]!);
  chosen.sort(
    (a, b) => key[b]! - key[a]! || (pool[a]!.reference < pool[b]!.reference ? -1 : pool[a]!.reference > pool[b]!.reference ? 1 : 0),
  );
  return chosen.slice(0, k);
}

/**
 * Ranks the agency's pool for `offer`: the top `limit` and up to `excludedLimit` exclusions, compact.
 * `busy` maps households with an open candidacy on another offer to that offer's reference.
 */
export async function rankPool(
  tx: Tx,
  agencyId: string,
  offer: RankOffer,
  rules: ConditionsRule,
  w: Weights,
  busy: ReadonlyMap<string, string>,
  opts: RankOptions = {},
): Promise<RankResult> {
  const { entries: pool } = await poolOf(tx, agencyId);
  return rankEntries(pool, busy, offer, rules, w, opts);
}

/**
 * Ranks `pool` for `offer` (pure): `busy` maps households with an open candidacy elsewhere to that
 * offer's reference.
 */
export function rankEntries(
  pool: readonly PoolEntry[],
  busy: ReadonlyMap<string, string>,
  offer: RankOffer,
  rules: ConditionsRule,
  w: Weights,
  opts: RankOptions = {},
): RankResult {
  const { limit = 100, excludedLimit = 200, today = new Date() } = opts;
  const sizes = Array.from({ length: MAX_PERSONS }, (_, i) => fitFor(rules, offer, i + 1));
  const stepFreeOk = offer.stepFree || offer.wheelchair;
  const todayIso = today.toISOString().slice(0, 10);
  const todayDay = dayNumber(todayIso);
  const seniorCutoff = dayNumber(`${today.getUTCFullYear() - 65}${todayIso.slice(4)}`.replace(/-02-29$/, '-02-28'));
  const hintTests = offer.preferred.map((p) => HINTS[p]).filter((x): x is HintTest => !!x);
  const bit = (code: (typeof EXCLUSION_CODES)[number]) => 1 << EXCLUSION_CODES.indexOf(code);
  const [SPACE, RENT, OCCUPANCY, WHEELCHAIR, STEP_FREE, PETS, AVOIDED, BUSY] = EXCLUSION_CODES.map(bit) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];

  const [districtPts, hintPts] = [w.district, w.hints].map((x) => hundredths(1, x)) as [number, number];
  const monthsOf = (e: PoolEntry) => (e.since === null ? 0 : Math.min(600, completedMonths(e.since, todayDay)));
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

  // Typed columns and per-offer tables: scoring a city's pool allocates next to nothing.
  const c = columnsOf(pool);
  const n = pool.length;
  const sizeMask = new Uint8Array(256);
  for (let p = 0; p < 256; p++) {
    const fit = p >= 1 ? sizes[p - 1] : undefined;
    sizeMask[p] = (fit?.spaceOk ? 0 : SPACE) | (fit?.rentOk ? 0 : RENT) | (fit?.occupancyOk ? 0 : OCCUPANCY);
  }
  // Needs against the flat, per combination of the flags (1 health, 2 pets, 4 wheelchair, 8 step-free).
  const flagMask = new Uint8Array(16);
  for (let f = 0; f < 16; f++) {
    const wheelchair = (f & 4) !== 0;
    flagMask[f] =
      (wheelchair && !offer.wheelchair ? WHEELCHAIR : 0) |
      ((f & 8) !== 0 && !wheelchair && !stepFreeOk ? STEP_FREE : 0) |
      ((f & 2) !== 0 && !offer.petsAllowed ? PETS : 0);
  }
  const { base, tail, senior } = dailyOf(c, todayDay, seniorCutoff, w);
  const { scores, masks, key, eligibleAt, excludedAt, offerBits, prefers, hintMemo } = c.scratch;
  offerBits.fill(0);
  prefers.fill(0);
  for (const i of c.avoidBy.get(offer.district) ?? []) offerBits[i] = AVOIDED;
  for (const i of c.preferBy.get(offer.district) ?? []) prefers[i] = 1;
  for (const id of busy.keys()) {
    const i = c.positionOf.get(id);
    if (i !== undefined) offerBits[i]! |= BUSY;
  }
  // The company's wish depends on size, children and age only: one answer per combination.
  const hasHints = hintTests.length > 0;
  hintMemo.fill(-1);
  const hintOf = (i: number): boolean => {
    const slot = (c.persons[i]! * 256 + c.children[i]!) * 2 + senior[i]!;
    let h = hintMemo[slot]!;
    if (h < 0) {
      h = hintTests.some((t) => t(pool[i]!, senior[i] === 1)) ? 1 : 0;
      hintMemo[slot] = h;
    }
    return h === 1;
  };

  let eligibleCount = 0;
  let excludedCount = 0;
  const byMask = new Int32Array(256);
  const { persons, flags } = c;
  for (let i = 0; i < n; i++) {
    const mask = sizeMask[persons[i]!]! | flagMask[flags[i]!]! | offerBits[i]!;
    let score = base[i]!;
    if (prefers[i] === 1) score += districtPts;
    if (hasHints && hintOf(i)) score += hintPts;
    scores[i] = score;
    masks[i] = mask;
    key[i] = score * 2 ** 21 + tail[i]!;
    if (mask === 0) eligibleAt[eligibleCount++] = i;
    else {
      excludedAt[excludedCount++] = i;
      byMask[mask]!++;
    }
  }
  const counts = EXCLUSION_CODES.map((_, b) => byMask.reduce((sum, k, mask) => ((mask & (1 << b)) !== 0 ? sum + k : sum), 0));
  const eligible = eligibleAt.subarray(0, eligibleCount);
  const top = topK(eligible, limit, key, pool);
  const shownExcluded = topK(excludedAt.subarray(0, excludedCount), excludedLimit, key, pool);

  const entries = top.map((p, i): StoredEntry => {
    const e = pool[p]!;
    const facts = factsOf(e);
    const tied = [top[i - 1], top[i + 1]].find((o) => o !== undefined && scores[o] === scores[p]);
    const tie = tied === undefined ? TIE.none : pool[tied]!.since !== e.since ? TIE.since : TIE.reference;
    return [e.id, e.reference, e.persons, scores[p]!, facts.months, facts.children, factBits(facts), tie];
  });
  const exclusions = shownExcluded.map((p): StoredExclusion => {
    const e = pool[p]!;
    return [e.id, e.reference, e.persons, masks[p]!, busy.get(e.id) ?? null];
  });
  return {
    poolSize: pool.length,
    eligibleCount: eligible.length,
    entries,
    exclusions,
    exclusionCounts: Object.fromEntries(EXCLUSION_CODES.map((c, i) => [c, counts[i]!])),
  };
}
