import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/* The sustainment key figures in one aggregate statement on the module's own tables. */

export function figuresRepository(tx: Tx, agencyId: string) {
  return {
    /** Incidents reported in the period per kind, and the tenancies running at the period's end (kind '_running'). */
    incidentsAndTenancies: (p: FigurePeriod) =>
      sql<{ kind: string; n: number }>`
        SELECT kind, count(*)::int AS n FROM incidents
        WHERE agency_id = ${agencyId} AND (reported_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN ${p.from}::date AND ${p.to}::date
        GROUP BY kind
        UNION ALL
        SELECT '_running', count(*)::int FROM tenancies
        WHERE agency_id = ${agencyId} AND lease_start <= ${p.to}::date AND (ended_on IS NULL OR ended_on > ${p.to}::date)`
        .execute(tx)
        .then((r) => r.rows),

    /** Households whose guaranteed tenancy began in the period or had an incident reported in it; reached on the first. */
    reached: (p: FigurePeriod) =>
      sql<{ household_id: string; reached_on: string }>`
        SELECT household_id, min(d) AS reached_on FROM (
          SELECT household_id, lease_start AS d FROM tenancies
          WHERE agency_id = ${agencyId} AND lease_start BETWEEN ${p.from}::date AND ${p.to}::date
          UNION ALL
          SELECT t.household_id, (i.reported_at AT TIME ZONE 'Europe/Berlin')::date FROM incidents i
          JOIN tenancies t ON t.id = i.tenancy_id AND t.agency_id = i.agency_id
          WHERE i.agency_id = ${agencyId}
            AND (i.reported_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN ${p.from}::date AND ${p.to}::date) r
        GROUP BY household_id`,

    /** Running (active) tenancies per social worker. */
    openByPerson: () =>
      sql<{ user_id: string | null; n: number }>`
        SELECT social_worker_id AS user_id, count(*)::int AS n FROM tenancies
        WHERE agency_id = ${agencyId} AND status = 'active'
        GROUP BY social_worker_id`
        .execute(tx)
        .then((r) => r.rows),
  };
}
