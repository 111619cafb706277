import { sql } from 'kysely';
import type { TEndReason, TTargetGroup } from '../../../contracts/aftercare.js';
import type { TAgeBand, THouseholdType } from '../../../contracts/aftercareReports.js';
import type { TGender } from '../../../contracts/common.js';
import type { Tx } from '../../db/database.js';

/* The reporting statements: running figures per quarter and the annual report's case rows. */

export function reportRepository(tx: Tx, agencyId: string) {
  return {
    /** Counts per dimension and key for one period in one statement; `carrierId` null = all carriers. */
    quarter: (from: string, to: string, carrierId: string | null) =>
      sql<{ dim: string; key: string; n: number }>`
        WITH c AS (
          SELECT * FROM aftercare_cases
          WHERE agency_id = ${agencyId} AND (${carrierId}::uuid IS NULL OR carrier_id = ${carrierId}::uuid))
        SELECT 'target_group' AS dim, target_group AS key, count(*)::int AS n FROM c
          WHERE referred_on BETWEEN ${from}::date AND ${to}::date GROUP BY target_group
        UNION ALL
        SELECT 'source', source, count(*)::int FROM c WHERE referred_on BETWEEN ${from}::date AND ${to}::date GROUP BY source
        UNION ALL
        SELECT 'visit', v.status, count(*)::int FROM aftercare_visits v JOIN c ON c.id = v.case_id
          WHERE v.agency_id = ${agencyId} AND v.visited_on BETWEEN ${from}::date AND ${to}::date GROUP BY v.status
        UNION ALL
        SELECT 'referral', r.kind, count(*)::int FROM aftercare_referrals r JOIN c ON c.id = r.case_id
          WHERE r.agency_id = ${agencyId} AND r.created_at::date BETWEEN ${from}::date AND ${to}::date GROUP BY r.kind
        UNION ALL
        SELECT 'end', end_reason, count(*)::int FROM c WHERE ended_on BETWEEN ${from}::date AND ${to}::date GROUP BY end_reason
        UNION ALL
        SELECT 'follow_up', CASE WHEN f.home_kept THEN 'kept' ELSE 'lost' END, count(*)::int
          FROM aftercare_follow_ups f JOIN c ON c.id = f.case_id
          WHERE f.agency_id = ${agencyId} AND f.checked_on BETWEEN ${from}::date AND ${to}::date GROUP BY 2
        UNION ALL
        SELECT 'median_days', 'all', (percentile_cont(0.5) WITHIN GROUP (ORDER BY ended_on - granted_from))::int FROM c
          WHERE ended_on BETWEEN ${from}::date AND ${to}::date AND granted_from IS NOT NULL`
        .execute(tx)
        .then((r) => r.rows),

    /** One row per case that ran in the year, without names or birth dates (codes: age band of the first member at the year's end, household type). */
    annualRows: (year: number, carrierId: string | null) => {
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      return sql<{
        pseudonym: string;
        age_band: TAgeBand;
        household_type: THouseholdType;
        gender: TGender;
        target_group: TTargetGroup;
        duration_days: number | null;
        visits_held: number;
        referrals: number;
        end_reason: TEndReason | null;
        follow_up: 'kept' | 'lost' | 'open' | null;
      }>`
        SELECT 'WIH-' || ${String(year)} || '-' || lpad((row_number() OVER (ORDER BY ac.granted_from, ac.id))::text, 4, '0') AS pseudonym,
          CASE WHEN hm.birth_date IS NULL THEN 'unknown'
               WHEN age(${to}::date, hm.birth_date) < interval '25 years' THEN 'under_25'
               WHEN age(${to}::date, hm.birth_date) < interval '35 years' THEN '25_34'
               WHEN age(${to}::date, hm.birth_date) < interval '50 years' THEN '35_49'
               WHEN age(${to}::date, hm.birth_date) < interval '65 years' THEN '50_64'
               ELSE '65_plus' END AS age_band,
          CASE WHEN h.persons = 1 THEN 'single'
               WHEN h.children > 0 AND h.persons - h.children = 1 THEN 'single_parent'
               WHEN h.children > 0 THEN 'couple_children'
               ELSE 'multi_no_children' END AS household_type,
          COALESCE(hm.gender, 'unspecified') AS gender,
          ac.target_group,
          (LEAST(COALESCE(ac.ended_on, ${to}::date), ${to}::date) - ac.granted_from) AS duration_days,
          (SELECT count(*)::int FROM aftercare_visits v WHERE v.agency_id = ac.agency_id AND v.case_id = ac.id AND v.status = 'held'
             AND v.visited_on BETWEEN ${from}::date AND ${to}::date) AS visits_held,
          (SELECT count(*)::int FROM aftercare_referrals r WHERE r.agency_id = ac.agency_id AND r.case_id = ac.id) AS referrals,
          ac.end_reason,
          (SELECT CASE WHEN f.checked_on IS NULL THEN 'open' WHEN f.home_kept THEN 'kept' ELSE 'lost' END
             FROM aftercare_follow_ups f WHERE f.agency_id = ac.agency_id AND f.case_id = ac.id
             ORDER BY f.checked_on DESC NULLS LAST, f.due_on DESC LIMIT 1) AS follow_up
        FROM aftercare_cases ac
        JOIN households h ON h.id = ac.household_id AND h.agency_id = ac.agency_id
        LEFT JOIN LATERAL (SELECT m.birth_date, m.gender FROM household_members m
                           WHERE m.agency_id = ac.agency_id AND m.household_id = ac.household_id ORDER BY m.position LIMIT 1) hm ON true
        WHERE ac.agency_id = ${agencyId} AND ac.granted_from IS NOT NULL AND ac.granted_from <= ${to}::date
          AND (ac.ended_on IS NULL OR ac.ended_on >= ${from}::date)
          AND (${carrierId}::uuid IS NULL OR ac.carrier_id = ${carrierId}::uuid)
        ORDER BY 1`
        .execute(tx)
        .then((r) => r.rows);
    },
  };
}
