import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/* Aftercare's statements for the steering reports (who was reached, open cases per worker) and the
   cases behind its figures (drill-down); the values come from the reports' quarter statement. */

export function figuresRepository(tx: Tx, agencyId: string) {
  return {
    /** Households referred to aftercare in the period (day of referral); reached on the first referral. */
    reached: (p: FigurePeriod) =>
      sql<{ household_id: string; reached_on: string }>`
        SELECT household_id, min(referred_on) AS reached_on FROM aftercare_cases
        WHERE agency_id = ${agencyId} AND referred_on BETWEEN ${p.from}::date AND ${p.to}::date
        GROUP BY household_id`,

    /** Cases not yet ended or refused, per carrier worker (unassigned: null). */
    openByPerson: () =>
      sql<{ user_id: string | null; n: number }>`
        SELECT carrier_worker_id AS user_id, count(*)::int AS n FROM aftercare_cases
        WHERE agency_id = ${agencyId} AND state NOT IN ('ended', 'refused')
        GROUP BY carrier_worker_id`
        .execute(tx)
        .then((r) => r.rows),

    /**
     * A page of the cases behind a figure: for the visits the cases with a documented visit dated
     * in the period (the day of the first), for the ends the cases ended in the period.
     */
    drill: (figureId: 'aftercare.visits_held' | 'aftercare.ends_goals_reached', p: FigurePeriod, limit: number, offset: number) =>
      sql<{ id: string; reference: string; household_id: string; day: string; total: number }>`
        SELECT ac.id, ac.reference, ac.household_id, b.day::text AS day, count(*) OVER ()::int AS total
        FROM (${
          figureId === 'aftercare.visits_held'
            ? sql`SELECT case_id AS id, min(visited_on) AS day FROM aftercare_visits
                  WHERE agency_id = ${agencyId} AND status IN ('held', 'not_met', 'refused')
                    AND visited_on BETWEEN ${p.from}::date AND ${p.to}::date GROUP BY case_id`
            : sql`SELECT id, ended_on AS day FROM aftercare_cases
                  WHERE agency_id = ${agencyId} AND end_reason IS NOT NULL AND ended_on BETWEEN ${p.from}::date AND ${p.to}::date`
        }) b
        JOIN aftercare_cases ac ON ac.agency_id = ${agencyId} AND ac.id = b.id
        ORDER BY b.day, ac.reference LIMIT ${limit} OFFSET ${offset}`
        .execute(tx)
        .then((r) => r.rows),
  };
}
