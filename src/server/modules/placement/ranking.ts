import { sql, type RawBuilder } from 'kysely';
import type { TPlacementSettings } from '../../../contracts/admin.js';
import type { TRanking } from '../../../contracts/placement.js';
import { formatEuro } from '../../../contracts/format.js';
import type { Tx } from '../../db/database.js';
import { fitFor, maxOccupancy, type ConditionsRule } from './conditions.js';
import { OPEN_CANDIDATE_STATES } from './placement.machine.js';

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
 * Filtering and scoring run in one SQL statement over the whole pool, so only the top entries and
 * a sample of exclusions travel to the app; the explanation is rebuilt here from the raw values
 * the statement returns, and the two sums are the same by construction (see ranking tests).
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

interface RawRow {
  id: string;
  reference: string;
  head_name: string;
  persons: number;
  situation_since: string | null;
  months: number;
  children: number;
  health: boolean;
  senior: boolean;
  prefers: boolean;
  hint_match: boolean;
  busy_ref: string | null;
  mask: number;
  score_c: number;
  eligible: boolean;
  rn: string;
  pool_size: string;
  eligible_count: string;
  [count: `c_${string}`]: string;
}

const HINT_SQL: Record<string, RawBuilder<boolean>> = {
  single: sql`h.persons = 1`,
  couple: sql`(h.persons = 2 AND h.children = 0)`,
  family: sql`(h.children > 0 AND h.persons - h.children >= 2)`,
  single_parent: sql`(h.children > 0 AND h.persons - h.children = 1)`,
  senior: sql`(h.eldest_birth_date <= ${'$SENIOR'})`,
};

/**
 * Points are kept in hundredths as whole numbers, rounded half up, in SQL and here alike, so the
 * sum shown is exactly the score the order was made by.
 */
const hundredths = (fraction: number, weight: number) => Math.floor(fraction * weight * 100 + 0.5);

/** The score parts of one household, as the statement computes them. */
export function criteriaOf(r: Pick<RawRow, 'months' | 'children' | 'health' | 'senior' | 'prefers' | 'hint_match'>, w: Weights, offer: RankOffer) {
  const months = Math.min(WAITING_CAP_MONTHS, r.months);
  const kids = Math.min(CHILDREN_CAP, r.children);
  const p = (fraction: number, weight: number) => hundredths(fraction, weight) / 100;
  return [
    { code: 'waiting', label: 'Dauer der Wohnungslosigkeit', value: `${r.months} Monate${r.months > WAITING_CAP_MONTHS ? ` (gezählt: ${WAITING_CAP_MONTHS})` : ''}`, weight: w.waiting, points: p(months / WAITING_CAP_MONTHS, w.waiting) },
    { code: 'children', label: 'Kinder im Haushalt', value: `${r.children}${r.children > CHILDREN_CAP ? ` (gezählt: ${CHILDREN_CAP})` : ''}`, weight: w.children, points: p(kids / CHILDREN_CAP, w.children) },
    { code: 'health', label: 'Gesundheitliche Einschränkung', value: r.health ? 'ja' : 'nein', weight: w.health, points: p(r.health ? 1 : 0, w.health) },
    { code: 'age', label: 'Person ab 65 Jahren', value: r.senior ? 'ja' : 'nein', weight: w.age, points: p(r.senior ? 1 : 0, w.age) },
    { code: 'district', label: `Wunschbezirk ${offer.district}`, value: r.prefers ? 'ja' : 'nein', weight: w.district, points: p(r.prefers ? 1 : 0, w.district) },
    { code: 'hints', label: 'Wunsch des Wohnungsunternehmens', value: offer.preferred.length === 0 ? 'keine Vorgabe' : r.hint_match ? 'passt' : 'passt nicht', weight: w.hints, points: p(r.hint_match ? 1 : 0, w.hints) },
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

/** Ranks the pool for `offer` in one statement; returns the top `limit` and up to `excludedLimit` exclusions. */
export async function rankPool(tx: Tx, offer: RankOffer, rules: ConditionsRule, w: Weights, limit = 100, excludedLimit = 200, today = new Date()): Promise<RankResult> {
  const sizes = Array.from({ length: MAX_PERSONS }, (_, i) => fitFor(rules, offer, i + 1));
  const stepFreeOk = offer.stepFree || offer.wheelchair;
  const seniorCutoff = `${today.getUTCFullYear() - 65}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(today.getUTCDate()).padStart(2, '0')}`;
  const hints = offer.preferred.map((p) => (p === 'senior' ? sql<boolean>`(h.eldest_birth_date <= ${seniorCutoff}::date)` : HINT_SQL[p])).filter((x): x is RawBuilder<boolean> => !!x);
  const hintExpr = hints.length ? sql.join(hints, sql` OR `) : sql`false`;
  const f = (n: number) => sql.raw(String(Number(n)));
  // Each exclusion is one bit, so the whole pool is filtered and counted without building arrays.
  const bit = (code: (typeof EXCLUSION_CODES)[number]) => sql.raw(String(1 << EXCLUSION_CODES.indexOf(code)));
  const counts = sql.join(EXCLUSION_CODES.map((c) => sql`count(*) FILTER (WHERE mask & ${bit(c)} <> 0) AS ${sql.ref(`c_${c}`)}`));
  const order = sql`score_c DESC, situation_since ASC NULLS LAST, reference`;

  // Per-household facts, written once and used both to score the whole pool and to explain the few shown.
  // Today as a literal: current_date would be computed again for every household of the pool.
  const todayIso = today.toISOString().slice(0, 10);
  const months = sql`coalesce(least(greatest(floor((${todayIso}::date - h.situation_since)::float8 / 30.4375), 0), 600)::int, 0)`;
  const senior = sql`coalesce(h.eldest_birth_date <= ${seniorCutoff}::date, false)`;
  const prefers = sql`(${offer.district}::text = ANY(h.districts_prefer))`;
  const hint = sql`coalesce(${hintExpr}, false)`;
  const mask = sql`(CASE WHEN coalesce((${sizes.map((x) => x.spaceOk)}::boolean[])[h.persons], false) THEN 0 ELSE ${bit('space')} END)
        | (CASE WHEN coalesce((${sizes.map((x) => x.rentOk)}::boolean[])[h.persons], false) THEN 0 ELSE ${bit('rent')} END)
        | (CASE WHEN coalesce((${sizes.map((x) => x.occupancyOk)}::boolean[])[h.persons], false) THEN 0 ELSE ${bit('occupancy')} END)
        | (CASE WHEN h.wheelchair AND NOT ${sql.lit(offer.wheelchair)} THEN ${bit('wheelchair')} ELSE 0 END)
        | (CASE WHEN h.step_free AND NOT h.wheelchair AND NOT ${sql.lit(stepFreeOk)} THEN ${bit('step_free')} ELSE 0 END)
        | (CASE WHEN h.pets AND NOT ${sql.lit(offer.petsAllowed)} THEN ${bit('pets')} ELSE 0 END)
        | (CASE WHEN ${offer.district}::text = ANY(h.districts_avoid) THEN ${bit('district_avoided')} ELSE 0 END)
        | (CASE WHEN b.household_id IS NOT NULL THEN ${bit('active_candidacy')} ELSE 0 END)`;
  const score = sql`(floor(least(${months}, ${f(WAITING_CAP_MONTHS)})::float8 / ${f(WAITING_CAP_MONTHS)} * ${f(w.waiting * 100)} + 0.5)
        + floor(least(h.children, ${f(CHILDREN_CAP)})::float8 / ${f(CHILDREN_CAP)} * ${f(w.children * 100)} + 0.5)
        + CASE WHEN h.health THEN floor(${f(w.health * 100)} + 0.5) ELSE 0 END
        + CASE WHEN ${senior} THEN floor(${f(w.age * 100)} + 0.5) ELSE 0 END
        + CASE WHEN ${prefers} THEN floor(${f(w.district * 100)} + 0.5) ELSE 0 END
        + CASE WHEN ${hint} THEN floor(${f(w.hints * 100)} + 0.5) ELSE 0 END)::int`;

  // The pool of a city fits in memory: the narrow materialised scores stay off the disk.
  await sql`SELECT set_config('work_mem', '32MB', true)`.execute(tx);
  const { rows } = await sql<RawRow>`
    WITH busy AS (
      SELECT DISTINCT ON (c.household_id) c.household_id, o.reference
      FROM candidates c JOIN offers o ON o.id = c.offer_id
      WHERE c.status IN (${sql.join([...OPEN_CANDIDATE_STATES, 'allocated'])}) AND c.offer_id <> ${offer.id}
        AND o.status NOT IN ('let', 'withdrawn', 'declined')
    ), scored AS MATERIALIZED (
      SELECT h.id, h.reference, h.situation_since, ${mask} AS mask, ${score} AS score_c
      FROM households h LEFT JOIN busy b ON b.household_id = h.id
      WHERE h.seeking_housing AND h.status = 'active' AND h.situation IN ('in_accommodation', 'hidden_homeless', 'rough_sleeping')
    ), top AS (
      SELECT *, true AS eligible, row_number() OVER (ORDER BY ${order}) AS rn FROM (SELECT * FROM scored WHERE mask = 0 ORDER BY ${order} LIMIT ${limit}) t
    ), excl AS (
      SELECT *, false AS eligible, row_number() OVER (ORDER BY ${order}) AS rn FROM (SELECT * FROM scored WHERE mask <> 0 ORDER BY ${order} LIMIT ${excludedLimit}) t
    ), agg AS (
      SELECT count(*) AS pool_size, count(*) FILTER (WHERE mask = 0) AS eligible_count, ${counts} FROM scored
    )
    SELECT t.*, h.head_name, h.persons, h.children, h.health, ${months} AS months, ${senior} AS senior, ${prefers} AS prefers, ${hint} AS hint_match,
      b.reference AS busy_ref, agg.*
    FROM (SELECT * FROM top UNION ALL SELECT * FROM excl) t
    JOIN households h ON h.id = t.id
    LEFT JOIN busy b ON b.household_id = h.id
    CROSS JOIN agg
    ORDER BY t.eligible DESC, t.rn
  `.execute(tx);

  const first = rows[0];
  const entriesRaw = rows.filter((r) => r.eligible);
  const entries = entriesRaw.map((r, i) => {
    const criteria = criteriaOf(r, w, offer);
    const score = Number(r.score_c) / 100;
    const tied = [entriesRaw[i - 1], entriesRaw[i + 1]].find((o) => o && Number(o.score_c) === Number(r.score_c));
    const tieBreak = tied
      ? tied.situation_since !== r.situation_since
        ? `Gleichstand bei ${score.toLocaleString('de-DE')} Punkten: wer länger wohnungslos ist, steht vorn`
        : `Gleichstand bei ${score.toLocaleString('de-DE')} Punkten und gleicher Dauer: Reihenfolge nach Aktenzeichen`
      : null;
    return { rank: Number(r.rn), householdId: r.id, reference: r.reference, name: r.head_name, persons: r.persons, score, criteria, tieBreak };
  });
  const exclusions = rows.filter((r) => !r.eligible).map((r) => ({
    householdId: r.id,
    reference: r.reference,
    name: r.head_name,
    reasons: EXCLUSION_CODES.filter((c, i) => (r.mask & (1 << i)) !== 0).map((code) => ({ code, text: exclusionText(code, r.persons, offer, rules, r.busy_ref) })),
  }));
  const exclusionCounts = Object.fromEntries(EXCLUSION_CODES.map((c) => [c, Number(first?.[`c_${c}`] ?? 0)]));
  return {
    poolSize: Number(first?.pool_size ?? 0),
    eligibleCount: Number(first?.eligible_count ?? 0),
    entries,
    exclusions,
    exclusionCounts,
  };
}
