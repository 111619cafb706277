import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/* Aftercare's statements for the steering reports (who was reached, open cases per worker). */

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
  };
}
