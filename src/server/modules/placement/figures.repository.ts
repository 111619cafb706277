import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/* The placement key figures as aggregate statements on the offers' own event history. */

const inPeriod = (d: RawBuilder<unknown>, p: FigurePeriod) => sql`${d} BETWEEN ${p.from}::date AND ${p.to}::date`;

/** Per offer the first day (Berlin) of an event kind. */
const firstDay = (agencyId: string, kind: string) => sql`
  SELECT offer_id AS id, min((at AT TIME ZONE 'Europe/Berlin')::date) AS day FROM offer_events
  WHERE agency_id = ${agencyId} AND kind = ${kind} AND candidate_id IS NULL GROUP BY offer_id`;

/**
 * Declines in the period by side: the household's refusals (per reason), the provider's vetoes
 * and the agency's declines of an offer as not eligible. `id` is the offer.
 */
function declines(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT e.offer_id AS id, (e.at AT TIME ZONE 'Europe/Berlin')::date AS day, c.household_id,
      CASE e.kind WHEN 'refused' THEN 'household_' || coalesce(c.refusal_reason, 'other') WHEN 'vetoed' THEN 'provider' ELSE 'agency' END AS side
    FROM offer_events e LEFT JOIN candidates c ON c.agency_id = e.agency_id AND c.id = e.candidate_id
    WHERE e.agency_id = ${agencyId} AND e.kind IN ('refused', 'vetoed', 'declined')
      AND ${inPeriod(sql`(e.at AT TIME ZONE 'Europe/Berlin')::date`, p)}`;
}

/**
 * Households placed in the period (the offer's lease recorded, Berlin date) with the months the
 * household had been homeless at the offer's ranking (null: picked without a ranking entry).
 */
function placed(agencyId: string, p: FigurePeriod) {
  return sql`
    SELECT l.id, l.day, c.household_id,
      (SELECT (x ->> 4)::int FROM rankings r, jsonb_array_elements(r.entries) x
       WHERE r.agency_id = ${agencyId} AND r.id = c.ranking_id AND x ->> 0 = c.household_id::text LIMIT 1) AS months
    FROM (${firstDay(agencyId, 'contracts')}) l
    JOIN candidates c ON c.agency_id = ${agencyId} AND c.offer_id = l.id AND c.status = 'allocated'
    WHERE ${inPeriod(sql`l.day`, p)}`;
}

export function figuresRepository(tx: Tx, agencyId: string) {
  return {
    /**
     * Offers received in the period (first submission, Berlin date), leases concluded in the period
     * (the contracts step) and the median calendar days from an offer's first submission to its lease.
     */
    offers: (p: FigurePeriod) =>
      sql<{ received: number; let: number; timed: number; median: string | null; eligible: number }>`
        WITH e AS (
          SELECT offer_id,
            min((at AT TIME ZONE 'Europe/Berlin')::date) FILTER (WHERE kind = 'submitted') AS received_on,
            max((at AT TIME ZONE 'Europe/Berlin')::date) FILTER (WHERE kind = 'contracts') AS let_on,
            min((at AT TIME ZONE 'Europe/Berlin')::date) FILTER (WHERE kind = 'approved') AS eligible_on
          FROM offer_events
          WHERE agency_id = ${agencyId} AND kind IN ('submitted', 'contracts', 'approved')
          GROUP BY offer_id)
        SELECT count(*) FILTER (WHERE received_on BETWEEN ${p.from}::date AND ${p.to}::date)::int AS received,
               count(*) FILTER (WHERE let_on BETWEEN ${p.from}::date AND ${p.to}::date)::int AS let,
               count(*) FILTER (WHERE let_on BETWEEN ${p.from}::date AND ${p.to}::date AND received_on IS NOT NULL)::int AS timed,
               count(*) FILTER (WHERE eligible_on BETWEEN ${p.from}::date AND ${p.to}::date)::int AS eligible,
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

    declines: (p: FigurePeriod) =>
      sql<{ side: string; n: number }>`SELECT side, count(*)::int AS n FROM (${declines(agencyId, p)}) d GROUP BY side`
        .execute(tx)
        .then((r) => r.rows),

    /** Households placed in the period per band of months homeless (bands: upper bounds in months, exclusive). */
    placedByMonths: (p: FigurePeriod) =>
      sql<{ months: number | null; n: number }>`SELECT months, count(*)::int AS n FROM (${placed(agencyId, p)}) x GROUP BY months`
        .execute(tx)
        .then((r) => r.rows),

    /** A page of the offers behind a figure (`base`: id, day), with the household placed where there is one. */
    drill: (base: RawBuilder<unknown>, limit: number, offset: number) =>
      sql<{ id: string; reference: string; household_id: string | null; day: string; total: number }>`
        SELECT o.id, o.reference, b.household_id, b.day::text AS day, count(*) OVER ()::int AS total
        FROM (SELECT id, min(day) AS day, min(household_id::text)::uuid AS household_id FROM (${base}) b0 GROUP BY id) b
        JOIN offers o ON o.agency_id = ${agencyId} AND o.id = b.id
        ORDER BY b.day, o.reference LIMIT ${limit} OFFSET ${offset}`
        .execute(tx)
        .then((r) => r.rows),
  };
}

/** The base (id, day, household_id) of each placement figure. */
export function drillBase(agencyId: string, figureId: string, p: FigurePeriod): RawBuilder<unknown> | null {
  const byKind = (kind: string) =>
    sql`SELECT id, day, NULL::uuid AS household_id FROM (${firstDay(agencyId, kind)}) f WHERE ${inPeriod(sql`f.day`, p)}`;
  switch (figureId) {
    case 'placement.offers_received':
      return byKind('submitted');
    case 'placement.offers_eligible':
      return byKind('approved');
    case 'placement.offers_let':
    case 'placement.offer_to_lease_days':
    case 'placement.placed_by_months_homeless':
      return sql`SELECT id, day, household_id FROM (${placed(agencyId, p)}) x
        UNION ALL SELECT id, day, NULL FROM (${firstDay(agencyId, 'contracts')}) f WHERE ${inPeriod(sql`f.day`, p)}`;
    case 'placement.declines':
      return sql`SELECT id, day, household_id FROM (${declines(agencyId, p)}) d`;
    default:
      return null;
  }
}
