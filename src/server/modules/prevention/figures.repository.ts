import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/* The prevention key figures as aggregate statements (one per family), on the module's own tables. */

export function figuresRepository(tx: Tx, agencyId: string) {
  return {
    /** Notices received in the period, per source: each case's first notice and the further ones joined to it. */
    noticesBySource: (p: FigurePeriod) =>
      sql<{ source: string; n: number }>`
        SELECT source, count(*)::int AS n FROM (
          SELECT source FROM prevention_cases
          WHERE agency_id = ${agencyId} AND received_on BETWEEN ${p.from}::date AND ${p.to}::date
          UNION ALL
          SELECT source FROM prevention_notices
          WHERE agency_id = ${agencyId} AND received_on BETWEEN ${p.from}::date AND ${p.to}::date) n
        GROUP BY source`
        .execute(tx)
        .then((r) => r.rows),

    /**
     * Notices received in the period: the median calendar days from receipt to the first contact
     * attempt (those with one), and how many were attempted within `standard` working days (days
     * after receipt that are neither weekend nor one of `holidays`) out of those whose standard has
     * run out or that had an attempt. `today` bounds "has run out".
     */
    contactClock: (
      p: FigurePeriod,
      standard: number,
      holidays: string[],
      today: string,
      clock: 'first_attempt_at' | 'first_contact_at' = 'first_attempt_at',
    ) =>
      sql<{ median: string | null; attempted: number; within: number; due: number }>`
        WITH c AS (
          SELECT received_on, (${sql.ref(clock)} AT TIME ZONE 'Europe/Berlin')::date AS attempt_on,
            (SELECT d::date FROM generate_series(received_on + 1, received_on + 60, interval '1 day') d
             WHERE extract(isodow FROM d) < 6 AND NOT (d::date = ANY (${holidays}::date[]))
             ORDER BY d OFFSET ${standard - 1} LIMIT 1) AS standard_end
          FROM prevention_cases
          WHERE agency_id = ${agencyId} AND received_on BETWEEN ${p.from}::date AND ${p.to}::date)
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY attempt_on - received_on)
                 FILTER (WHERE attempt_on IS NOT NULL) AS median,
               count(attempt_on)::int AS attempted,
               count(*) FILTER (WHERE attempt_on <= standard_end)::int AS within,
               count(*) FILTER (WHERE attempt_on IS NOT NULL OR standard_end < ${today}::date)::int AS due
        FROM c`
        .execute(tx)
        .then((r) => r.rows[0]!),

    /** Cases closed in the period (Berlin date of closing), per outcome. */
    outcomes: (p: FigurePeriod) =>
      sql<{ outcome: string; n: number }>`
        SELECT outcome, count(*)::int AS n FROM prevention_cases
        WHERE agency_id = ${agencyId} AND outcome IS NOT NULL
          AND (closed_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN ${p.from}::date AND ${p.to}::date
        GROUP BY outcome`
        .execute(tx)
        .then((r) => r.rows),

    /** Households with a prevention case whose first notice was received in the period; reached on the earliest. */
    reached: (p: FigurePeriod) =>
      sql<{ household_id: string; reached_on: string }>`
        SELECT household_id, min(received_on) AS reached_on FROM prevention_cases
        WHERE agency_id = ${agencyId} AND received_on BETWEEN ${p.from}::date AND ${p.to}::date
        GROUP BY household_id`,

    /** Open (not closed) cases per person: the case manager and the social worker each count the case once. */
    openByPerson: () =>
      sql<{ user_id: string | null; n: number }>`
        SELECT u.user_id, count(DISTINCT c.id)::int AS n
        FROM prevention_cases c
        CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[c.case_manager_id, c.social_worker_id]) x) u(user_id)
        WHERE c.agency_id = ${agencyId} AND c.status <> 'closed'
          AND (u.user_id IS NOT NULL OR (c.case_manager_id IS NULL AND c.social_worker_id IS NULL))
        GROUP BY u.user_id`
        .execute(tx)
        .then((r) => r.rows),

    /**
     * Cases received in the period with an unanswered letter (a letter attempt, and no real contact
     * before it nor afterwards other than at a home visit) and how many of them had a home visit
     * attempt after the letter.
     */
    letterThenVisit: (p: FigurePeriod) =>
      sql<{ unanswered: number; visited: number }>`
        WITH l AS (${unansweredLetters(agencyId, p)})
        SELECT count(*)::int AS unanswered, count(*) FILTER (WHERE visited)::int AS visited FROM l`
        .execute(tx)
        .then((r) => r.rows[0]!),

    /**
     * Clearings completed in the period (the case's first transition to "measures" in the domain
     * event log, Berlin date) and the median calendar days from the notice's receipt to it.
     */
    clearings: (p: FigurePeriod) =>
      sql<{ n: number; median: string | null }>`
        WITH d AS (${clearingsDone(agencyId, p)})
        SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY d.day - c.received_on) AS median
        FROM d JOIN prevention_cases c ON c.agency_id = ${agencyId} AND c.id = d.id`
        .execute(tx)
        .then((r) => r.rows[0]!),

    /** Rent-debt assumptions decided in the period as loan or grant: count and granted sum per decision. */
    assumptions: (p: FigurePeriod) =>
      sql<{ decision: string; n: number; cents: string }>`
        SELECT m.data ->> 'decision' AS decision, count(*)::int AS n,
               coalesce(sum(coalesce((m.data ->> 'grantedCents')::bigint, (m.data ->> 'amountCents')::bigint, 0)), 0)::text AS cents
        FROM (${assumptionsDecided(agencyId, p)}) a JOIN prevention_measures m ON m.agency_id = ${agencyId} AND m.id = a.measure_id
        GROUP BY 1`
        .execute(tx)
        .then((r) => r.rows),

    /**
     * Homes kept after 3, 6 and 12 months: cases closed "home kept" whose mark (day of closing plus
     * the months) falls in the period and has passed by `today`, and how many of them had no later
     * prevention case of the same household closed "home lost" on or before the mark.
     */
    keptAfter: (p: FigurePeriod, today: string) =>
      sql<{ months: number; due: number; kept: number }>`
        SELECT k.months, count(*)::int AS due, count(*) FILTER (WHERE k.kept)::int AS kept
        FROM (${keptMarks(agencyId, p, today)}) k
        GROUP BY k.months`
        .execute(tx)
        .then((r) => r.rows),

    /** A page of the cases behind a figure (`base` from `drillBase`), with the case's reference and household. */
    drill: (base: RawBuilder<unknown>, limit: number, offset: number) =>
      sql<{ id: string; reference: string; household_id: string; day: string; total: number }>`
        SELECT c.id, c.reference, c.household_id, b.day::text AS day, count(*) OVER ()::int AS total
        FROM (SELECT id, min(b0.day) AS day FROM (${base}) b0 GROUP BY id) b
        JOIN prevention_cases c ON c.agency_id = ${agencyId} AND c.id = b.id
        ORDER BY b.day, c.reference LIMIT ${limit} OFFSET ${offset}`
        .execute(tx)
        .then((r) => r.rows),
  };
}

// ------------------------------------------------------------------------------------------------
// The bases (id, on): the cases a figure counts and the day that made each count. The figures and
// the drill-down read the same fragment, so the list behind a figure is exactly what it counted.

const inPeriod = (d: RawBuilder<unknown>, p: FigurePeriod) => sql`${d} BETWEEN ${p.from}::date AND ${p.to}::date`;
const berlinDay = (col: string) => sql`(${sql.ref(col)} AT TIME ZONE 'Europe/Berlin')::date`;

function unansweredLetters(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT l.id, l.letter_on AS day,
      EXISTS (SELECT 1 FROM prevention_contact_attempts v
              WHERE v.agency_id = ${agencyId} AND v.case_id = l.id AND v.channel = 'home_visit' AND v.at > l.letter_at) AS visited
    FROM (SELECT c.id, min(a.at) AS letter_at, (min(a.at) AT TIME ZONE 'Europe/Berlin')::date AS letter_on
          FROM prevention_cases c JOIN prevention_contact_attempts a ON a.agency_id = c.agency_id AND a.case_id = c.id AND a.channel = 'letter'
          WHERE c.agency_id = ${agencyId} AND ${inPeriod(sql`c.received_on`, p)}
          GROUP BY c.id) l
    WHERE NOT EXISTS (SELECT 1 FROM prevention_contact_attempts r
                      WHERE r.agency_id = ${agencyId} AND r.case_id = l.id AND r.result IN ('reached', 'declined')
                        AND (r.at < l.letter_at OR r.channel <> 'home_visit'))`;
}

function clearingsDone(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT case_id AS id, min(${berlinDay('at')}) AS day FROM domain_events
    WHERE agency_id = ${agencyId} AND case_kind = 'prevention_case' AND to_state = 'measures'
    GROUP BY case_id HAVING ${inPeriod(sql`min(${berlinDay('at')})`, p)}`;
}

function assumptionsDecided(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT id AS measure_id, case_id AS id, (data ->> 'decidedOn')::date AS day FROM prevention_measures
    WHERE agency_id = ${agencyId} AND kind = 'rent_debt_assumption' AND data ->> 'decision' IN ('loan', 'grant')
      AND status <> 'cancelled' AND ${inPeriod(sql`(data ->> 'decidedOn')::date`, p)}`;
}

function keptMarks(agencyId: string, p: FigurePeriod, today: string) {
  return sql`
    SELECT m.id, m.months, m.mark AS day,
      NOT EXISTS (SELECT 1 FROM prevention_cases l
                  WHERE l.agency_id = ${agencyId} AND l.household_id = m.household_id AND l.id <> m.id AND l.outcome = 'home_lost'
                    AND l.created_at > m.closed_at AND ${berlinDay('l.closed_at')} <= m.mark) AS kept
    FROM (SELECT c.id, c.household_id, c.closed_at, n.months, (${berlinDay('c.closed_at')} + make_interval(months => n.months))::date AS mark
          FROM prevention_cases c CROSS JOIN (VALUES (3), (6), (12)) n(months)
          WHERE c.agency_id = ${agencyId} AND c.outcome = 'home_kept' AND c.closed_at IS NOT NULL) m
    WHERE ${inPeriod(sql`m.mark`, p)} AND m.mark <= ${today}::date`;
}

function receivedBase(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT id, received_on AS day FROM prevention_cases WHERE agency_id = ${agencyId} AND ${inPeriod(sql`received_on`, p)}
    UNION ALL
    SELECT case_id, received_on FROM prevention_notices WHERE agency_id = ${agencyId} AND ${inPeriod(sql`received_on`, p)}`;
}

/** The base of each prevention figure: the cases it counted and the day that counted. */
export function drillBase(agencyId: string, figureId: string, p: FigurePeriod, today: string): RawBuilder<unknown> | null {
  switch (figureId) {
    case 'prevention.notices':
      return receivedBase(agencyId, p);
    case 'prevention.first_attempt_days':
    case 'prevention.first_attempt_within_standard':
    case 'prevention.first_contact_days':
    case 'prevention.first_contact_within_standard':
      return sql`SELECT id, received_on AS day FROM prevention_cases WHERE agency_id = ${agencyId} AND ${inPeriod(sql`received_on`, p)}`;
    case 'prevention.visit_after_letter':
      return sql`SELECT id, day FROM (${unansweredLetters(agencyId, p)}) u`;
    case 'prevention.clearings_completed':
    case 'prevention.clearing_days':
      return clearingsDone(agencyId, p);
    case 'prevention.assumptions':
    case 'prevention.assumptions_sum':
      return sql`SELECT id, day FROM (${assumptionsDecided(agencyId, p)}) a`;
    case 'prevention.home_kept':
      return sql`
        SELECT id, ${berlinDay('closed_at')} AS day FROM prevention_cases
        WHERE agency_id = ${agencyId} AND outcome IS NOT NULL AND ${inPeriod(berlinDay('closed_at'), p)}`;
    case 'prevention.kept_after_3':
    case 'prevention.kept_after_6':
    case 'prevention.kept_after_12':
      return sql`SELECT id, day FROM (${keptMarks(agencyId, p, today)}) k WHERE k.months = ${Number(figureId.split('_').pop())}`;
    default:
      return null;
  }
}
