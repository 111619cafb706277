import { sql } from 'kysely';
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
    contactClock: (p: FigurePeriod, standard: number, holidays: string[], today: string) =>
      sql<{ median: string | null; attempted: number; within: number; due: number }>`
        WITH c AS (
          SELECT received_on, (first_attempt_at AT TIME ZONE 'Europe/Berlin')::date AS attempt_on,
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
  };
}
