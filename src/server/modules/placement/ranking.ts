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
  reasons: string[];
  score: string;
  eligible: boolean;
  rn: string;
  pool_size: string;
  eligible_count: string;
  counts: Record<string, string>;
}

const HINT_SQL: Record<string, RawBuilder<boolean>> = {
  single: sql`h.persons = 1`,
  couple: sql`(h.persons = 2 AND h.children = 0)`,
  family: sql`(h.children > 0 AND h.persons - h.children >= 2)`,
  single_parent: sql`(h.children > 0 AND h.persons - h.children = 1)`,
  senior: sql`(h.eldest_birth_date <= current_date - interval '65 years')`,
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const pts = (fraction: number, weight: number) => round2(fraction * weight);

/** The score parts of one household, as the statement computes them (and rounds them). */
export function criteriaOf(r: Pick<RawRow, 'months' | 'children' | 'health' | 'senior' | 'prefers' | 'hint_match'>, w: Weights, offer: RankOffer) {
  const months = Math.min(WAITING_CAP_MONTHS, r.months);
  const kids = Math.min(CHILDREN_CAP, r.children);
  return [
    { code: 'waiting', label: 'Dauer der Wohnungslosigkeit', value: `${r.months} Monate${r.months > WAITING_CAP_MONTHS ? ` (gezählt: ${WAITING_CAP_MONTHS})` : ''}`, weight: w.waiting, points: pts(months / WAITING_CAP_MONTHS, w.waiting) },
    { code: 'children', label: 'Kinder im Haushalt', value: `${r.children}${r.children > CHILDREN_CAP ? ` (gezählt: ${CHILDREN_CAP})` : ''}`, weight: w.children, points: pts(kids / CHILDREN_CAP, w.children) },
    { code: 'health', label: 'Gesundheitliche Einschränkung', value: r.health ? 'ja' : 'nein', weight: w.health, points: r.health ? w.health : 0 },
    { code: 'age', label: 'Person ab 65 Jahren', value: r.senior ? 'ja' : 'nein', weight: w.age, points: r.senior ? w.age : 0 },
    { code: 'district', label: `Wunschbezirk ${offer.district}`, value: r.prefers ? 'ja' : 'nein', weight: w.district, points: r.prefers ? w.district : 0 },
    { code: 'hints', label: 'Wunsch des Wohnungsunternehmens', value: offer.preferred.length === 0 ? 'keine Vorgabe' : r.hint_match ? 'passt' : 'passt nicht', weight: w.hints, points: r.hint_match ? w.hints : 0 },
  ];
}

export function exclusionText(code: string, persons: number, offer: RankOffer, rules: ConditionsRule, busyRef: string | null): string {
  const fit = fitFor(rules, offer, persons);
  const p = `${persons} ${persons === 1 ? 'Person' : 'Personen'}`;
  switch (code) {
    case 'space': return `Wohnfläche ${offer.livingSpace} m² über dem Richtwert für ${p} (${fit.spaceLimitSqm} m²)`;
    case 'rent': return `Kaltmiete ${formatEuro(offer.coldRentCents)} über der Obergrenze für ${p} (${formatEuro(fit.rentCapCents)})`;
    case 'occupancy': return `${offer.rooms} Zimmer reichen für höchstens ${maxOccupancy(offer.rooms)} Personen, der Haushalt hat ${persons}`;
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
export async function rankPool(tx: Tx, offer: RankOffer, rules: ConditionsRule, w: Weights, limit = 100, excludedLimit = 200): Promise<RankResult> {
  const sizes = Array.from({ length: MAX_PERSONS }, (_, i) => fitFor(rules, offer, i + 1));
  const spaceOk = sizes.map((s) => s.spaceOk);
  const rentOk = sizes.map((s) => s.rentOk);
  const occOk = sizes.map((s) => s.occupancyOk);
  const stepFreeOk = offer.stepFree || offer.wheelchair;
  const hints = offer.preferred.map((p) => HINT_SQL[p]).filter((x): x is RawBuilder<boolean> => !!x);
  const hintExpr = hints.length ? sql.join(hints, sql` OR `) : sql`false`;
  const num = (n: number) => sql`${String(n)}::numeric`;
  const counts = sql.join(EXCLUSION_CODES.map((c) => sql`${c}::text, count(*) FILTER (WHERE ${c} = ANY(reasons)) OVER ()`));

  const { rows } = await sql<RawRow>`
    WITH busy AS (
      SELECT DISTINCT ON (c.household_id) c.household_id, o.reference
      FROM candidates c JOIN offers o ON o.id = c.offer_id
      WHERE c.status IN (${sql.join([...OPEN_CANDIDATE_STATES, 'allocated'])}) AND c.offer_id <> ${offer.id}
        AND o.status NOT IN ('let', 'withdrawn', 'declined')
    ), pool AS (
      SELECT h.id, h.reference, h.head_name, h.persons, h.situation_since, h.children, h.health,
        least(greatest(floor((current_date - coalesce(h.situation_since, current_date)) / 30.4375), 0), 600)::int AS months,
        coalesce(h.eldest_birth_date <= current_date - interval '65 years', false) AS senior,
        (${offer.district} = ANY(h.districts_prefer)) AS prefers,
        coalesce(${hintExpr}, false) AS hint_match,
        b.reference AS busy_ref,
        array_remove(ARRAY[
          CASE WHEN NOT coalesce((${spaceOk}::boolean[])[h.persons], false) THEN 'space' END,
          CASE WHEN NOT coalesce((${rentOk}::boolean[])[h.persons], false) THEN 'rent' END,
          CASE WHEN NOT coalesce((${occOk}::boolean[])[h.persons], false) THEN 'occupancy' END,
          CASE WHEN h.wheelchair AND NOT ${offer.wheelchair} THEN 'wheelchair' END,
          CASE WHEN h.step_free AND NOT h.wheelchair AND NOT ${stepFreeOk} THEN 'step_free' END,
          CASE WHEN h.pets AND NOT ${offer.petsAllowed} THEN 'pets' END,
          CASE WHEN ${offer.district} = ANY(h.districts_avoid) THEN 'district_avoided' END,
          CASE WHEN b.household_id IS NOT NULL THEN 'active_candidacy' END
        ], NULL) AS reasons
      FROM households h LEFT JOIN busy b ON b.household_id = h.id
      WHERE h.seeking_housing AND h.status = 'active' AND h.situation IN ('in_accommodation', 'hidden_homeless', 'rough_sleeping')
    ), scored AS (
      SELECT *, cardinality(reasons) = 0 AS eligible,
        round(least(months, ${WAITING_CAP_MONTHS}) / ${num(WAITING_CAP_MONTHS)} * ${num(w.waiting)}, 2)
        + round(least(children, ${CHILDREN_CAP}) / ${num(CHILDREN_CAP)} * ${num(w.children)}, 2)
        + CASE WHEN health THEN ${num(w.health)} ELSE 0 END
        + CASE WHEN senior THEN ${num(w.age)} ELSE 0 END
        + CASE WHEN prefers THEN ${num(w.district)} ELSE 0 END
        + CASE WHEN hint_match THEN ${num(w.hints)} ELSE 0 END AS score
      FROM pool
    ), numbered AS (
      SELECT *, row_number() OVER (PARTITION BY eligible ORDER BY score DESC, situation_since ASC NULLS LAST, reference) AS rn,
        count(*) OVER () AS pool_size,
        count(*) FILTER (WHERE eligible) OVER () AS eligible_count,
        json_build_object(${counts}) AS counts
      FROM scored
    )
    SELECT id, reference, head_name, persons, situation_since, months, children, health, senior, prefers, hint_match,
      busy_ref, reasons, score, eligible, rn, pool_size, eligible_count, counts
    FROM numbered
    WHERE (eligible AND rn <= ${limit}) OR (NOT eligible AND rn <= ${excludedLimit})
    ORDER BY eligible DESC, rn
  `.execute(tx);

  const first = rows[0];
  const entriesRaw = rows.filter((r) => r.eligible);
  const entries = entriesRaw.map((r, i) => {
    const criteria = criteriaOf(r, w, offer);
    const score = Number(r.score);
    const tied = [entriesRaw[i - 1], entriesRaw[i + 1]].find((o) => o && Number(o.score) === score);
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
    reasons: r.reasons.map((code) => ({ code, text: exclusionText(code, r.persons, offer, rules, r.busy_ref) })),
  }));
  const exclusionCounts = Object.fromEntries(EXCLUSION_CODES.map((c) => [c, Number(first?.counts[c] ?? 0)]));
  return {
    poolSize: Number(first?.pool_size ?? 0),
    eligibleCount: Number(first?.eligible_count ?? 0),
    entries,
    exclusions,
    exclusionCounts,
  };
}
