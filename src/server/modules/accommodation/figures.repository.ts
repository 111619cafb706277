import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/*
 * Accommodation's key figures as aggregate statements on the assignments and stays. Nights: a stay
 * (one person in one place) holds its place from `from_date` (inclusive) to `until_date` (exclusive,
 * open: running), so the nights of a stay in a period are the overlap of the two ranges.
 */

/** The first day after the period (ranges of nights end exclusively). */
const end = (p: FigurePeriod) => sql`(${p.to}::date + 1)`;
const overlapsPeriod = (p: FigurePeriod) => sql`daterange(s.from_date, s.until_date, '[)') && daterange(${p.from}::date, ${end(p)}, '[)')`;
/** The nights of stay `s` inside the period. */
const nightsIn = (p: FigurePeriod) =>
  sql`(least(coalesce(s.until_date, 'infinity'::date), ${end(p)}) - greatest(s.from_date, ${p.from}::date))`;

/** The household type from persons and children (as in the aftercare reports and the breakdowns). */
const householdType = sql`CASE WHEN hh.persons = 1 THEN 'single'
  WHEN hh.children > 0 AND hh.persons - hh.children = 1 THEN 'single_parent'
  WHEN hh.children > 0 THEN 'couple_children' ELSE 'multi_no_children' END`;

/**
 * Stay histories (transfers are one stay; cancelled assignments do not count) that ended in the
 * period: the last assignment (`id`), the household, its type, the day of the last move-out and the
 * days from the first move-in (or assignment day) to it.
 */
function endedStays(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT h.id, h.household_id, h.ended AS day, h.ended - h.started AS days, ${householdType} AS household_type
    FROM (
      SELECT (array_agg(a.id ORDER BY a.from_date DESC, a.created_at DESC))[1] AS id,
        min(a.household_id::text)::uuid AS household_id,
        min(coalesce(a.moved_in_on, a.from_date)) AS started,
        CASE WHEN bool_or(a.state IN ('assigned', 'moved_in')) THEN NULL ELSE max(a.moved_out_on) END AS ended
      FROM accommodation_assignments a
      WHERE a.agency_id = ${agencyId} AND a.state <> 'cancelled'
        AND a.history_id IN (SELECT history_id FROM accommodation_assignments
                             WHERE agency_id = ${agencyId} AND moved_out_on BETWEEN ${p.from}::date AND ${p.to}::date)
      GROUP BY a.history_id) h
    JOIN households hh ON hh.agency_id = ${agencyId} AND hh.id = h.household_id
    WHERE h.ended BETWEEN ${p.from}::date AND ${p.to}::date`;
}

/** Households moved into accommodation in the period for the first time in a stay history (not a transfer). */
function newlyPlaced(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT a.id, a.household_id, a.moved_in_on AS day FROM accommodation_assignments a
    WHERE a.agency_id = ${agencyId} AND a.previous_id IS NULL AND a.moved_in_on BETWEEN ${p.from}::date AND ${p.to}::date`;
}

/** Assignments moved out in the period with the reason. */
function ends(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT a.id, a.household_id, a.moved_out_on AS day, a.move_out_reason AS reason FROM accommodation_assignments a
    WHERE a.agency_id = ${agencyId} AND a.moved_out_on BETWEEN ${p.from}::date AND ${p.to}::date`;
}

/** Assignments with nights in the period (the first such night). */
function withNights(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT s.assignment_id AS id, s.household_id, greatest(min(s.from_date), ${p.from}::date) AS day
    FROM accommodation_stays s
    WHERE s.agency_id = ${agencyId} AND ${overlapsPeriod(p)} AND ${nightsIn(p)} > 0
    GROUP BY s.assignment_id, s.household_id`;
}

export function figuresRepository(tx: Tx, agencyId: string) {
  return {
    /** Occupied place-nights in the period and the agency's places. */
    occupancy: (p: FigurePeriod) =>
      sql<{ nights: number; places: number }>`
        SELECT (SELECT coalesce(sum(${nightsIn(p)}), 0)::int FROM accommodation_stays s
                WHERE s.agency_id = ${agencyId} AND ${overlapsPeriod(p)}) AS nights,
               (SELECT count(*)::int FROM accommodation_places WHERE agency_id = ${agencyId}) AS places`
        .execute(tx)
        .then((r) => r.rows[0]!),

    /** Households newly placed (count of distinct households) and the ends of assignments by reason. */
    movements: (p: FigurePeriod) =>
      sql<{ dim: 'placed' | 'end'; key: string | null; n: number }>`
        SELECT 'placed' AS dim, NULL AS key, count(DISTINCT household_id)::int AS n FROM (${newlyPlaced(agencyId, p)}) x
        UNION ALL
        SELECT 'end', reason, count(*)::int FROM (${ends(agencyId, p)}) e GROUP BY reason`
        .execute(tx)
        .then((r) => r.rows),

    /** The median days of the stays ended in the period, per household type, with how many ended. */
    stayLengths: (p: FigurePeriod) =>
      sql<{ household_type: string; n: number; median: number | null }>`
        SELECT household_type, count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median
        FROM (${endedStays(agencyId, p)}) x GROUP BY household_type`
        .execute(tx)
        .then((r) => r.rows),

    /**
     * The nights of the period priced at the rate in force on each night (the latest rate of the
     * facility's contract dated on or before it), their cost in cents and the households priced.
     * Nights without a contract or before its first rate are not priced.
     */
    cost: (p: FigurePeriod) =>
      sql<{ nights: number; cents: string | null; households: number }>`
        WITH r AS (
          SELECT contract_id, valid_from, cents_per_day,
            coalesce(lead(valid_from) OVER (PARTITION BY contract_id ORDER BY valid_from), 'infinity'::date) AS valid_to
          FROM accommodation_rates WHERE agency_id = ${agencyId}),
        s AS (
          SELECT s.household_id, f.contract_id, greatest(s.from_date, ${p.from}::date) AS n_from,
            least(coalesce(s.until_date, 'infinity'::date), ${end(p)}) AS n_to
          FROM accommodation_stays s
          JOIN accommodation_facilities f ON f.agency_id = s.agency_id AND f.id = s.facility_id
          WHERE s.agency_id = ${agencyId} AND f.contract_id IS NOT NULL AND ${overlapsPeriod(p)}),
        priced AS (
          SELECT s.household_id, r.cents_per_day, least(s.n_to, r.valid_to) - greatest(s.n_from, r.valid_from) AS nights
          FROM s JOIN r ON r.contract_id = s.contract_id AND r.valid_from < s.n_to AND r.valid_to > s.n_from)
        SELECT coalesce(sum(nights), 0)::int AS nights, sum(nights::bigint * cents_per_day)::text AS cents,
          count(DISTINCT household_id)::int AS households
        FROM priced WHERE nights > 0`
        .execute(tx)
        .then((r) => r.rows[0]!),

    /** Households moved in in the period (any assignment); reached on the first move-in. */
    reached: (p: FigurePeriod) =>
      sql<{ household_id: string; reached_on: string }>`
        SELECT household_id, min(moved_in_on) AS reached_on FROM accommodation_assignments
        WHERE agency_id = ${agencyId} AND moved_in_on BETWEEN ${p.from}::date AND ${p.to}::date
        GROUP BY household_id`,

    /** A page of the assignments behind a figure (`base`: id, household_id, day), with the household's reference. */
    drill: (base: RawBuilder<unknown>, limit: number, offset: number) =>
      sql<{ id: string; reference: string; household_id: string; day: string; total: number }>`
        SELECT b.id, hh.reference, b.household_id, b.day::text AS day, count(*) OVER ()::int AS total
        FROM (${base}) b JOIN households hh ON hh.agency_id = ${agencyId} AND hh.id = b.household_id
        ORDER BY b.day, hh.reference, b.id LIMIT ${limit} OFFSET ${offset}`
        .execute(tx)
        .then((r) => r.rows),
  };
}

/** The base (id, household_id, day) of each accommodation figure: the assignments it counted. */
export function drillBase(agencyId: string, figureId: string, p: FigurePeriod): RawBuilder<unknown> | null {
  if (figureId === 'accommodation.occupancy' || figureId === 'accommodation.cost_per_night') return withNights(agencyId, p);
  if (figureId === 'accommodation.newly_placed') return newlyPlaced(agencyId, p);
  if (figureId === 'accommodation.ends') return sql`SELECT id, household_id, day FROM (${ends(agencyId, p)}) e`;
  const type = /^accommodation\.stay_days_(\w+)$/.exec(figureId)?.[1];
  if (type) return sql`SELECT id, household_id, day FROM (${endedStays(agencyId, p)}) x WHERE household_type = ${type}`;
  return null;
}
