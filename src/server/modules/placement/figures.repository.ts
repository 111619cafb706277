import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/* The placement key figures in one aggregate statement on the offers' own event history. */

export function figuresRepository(tx: Tx, agencyId: string) {
  return {
    /**
     * Offers received in the period (first submission, Berlin date), leases concluded in the period
     * (the contracts step) and the median calendar days from an offer's first submission to its lease.
     */
    offers: (p: FigurePeriod) =>
      sql<{ received: number; let: number; timed: number; median: string | null }>`
        WITH e AS (
          SELECT offer_id,
            min((at AT TIME ZONE 'Europe/Berlin')::date) FILTER (WHERE kind = 'submitted') AS received_on,
            max((at AT TIME ZONE 'Europe/Berlin')::date) FILTER (WHERE kind = 'contracts') AS let_on
          FROM offer_events
          WHERE agency_id = ${agencyId} AND kind IN ('submitted', 'contracts')
          GROUP BY offer_id)
        SELECT count(*) FILTER (WHERE received_on BETWEEN ${p.from}::date AND ${p.to}::date)::int AS received,
               count(*) FILTER (WHERE let_on BETWEEN ${p.from}::date AND ${p.to}::date)::int AS let,
               count(*) FILTER (WHERE let_on BETWEEN ${p.from}::date AND ${p.to}::date AND received_on IS NOT NULL)::int AS timed,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY let_on - received_on)
                 FILTER (WHERE let_on BETWEEN ${p.from}::date AND ${p.to}::date AND received_on IS NOT NULL) AS median
        FROM e`
        .execute(tx)
        .then((r) => r.rows[0]!),

    /** Households that became a candidate for a flat offer in the period (shortlisted); reached on the first day. */
    reached: (p: FigurePeriod) =>
      sql<{ household_id: string; reached_on: string }>`
        SELECT household_id, min((created_at AT TIME ZONE 'Europe/Berlin')::date) AS reached_on FROM candidates
        WHERE agency_id = ${agencyId}
          AND (created_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN ${p.from}::date AND ${p.to}::date
        GROUP BY household_id`,

    /** Offers in progress (submitted, not yet let, withdrawn or declined) per responsible case manager. */
    openByPerson: () =>
      sql<{ user_id: string | null; n: number }>`
        SELECT case_manager_id AS user_id, count(*)::int AS n FROM offers
        WHERE agency_id = ${agencyId} AND status IN ('submitted', 'shortlisting', 'round_table', 'allocated')
        GROUP BY case_manager_id`
        .execute(tx)
        .then((r) => r.rows),
  };
}
