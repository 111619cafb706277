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
  };
}
