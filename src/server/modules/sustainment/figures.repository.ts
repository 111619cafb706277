import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FigurePeriod } from '../../platform/steering/figure.contribution.js';

/* The sustainment key figures as aggregate statements on the module's own tables. */

const inPeriod = (d: RawBuilder<unknown>, p: FigurePeriod) => sql`${d} BETWEEN ${p.from}::date AND ${p.to}::date`;
const reportedDay = sql`(reported_at AT TIME ZONE 'Europe/Berlin')::date`;

/** Tenancies' anniversaries 1–5 years after the lease began that lie in the period and have passed by `today`. */
function anniversaries(agencyId: string, p: FigurePeriod, today: string) {
  return sql`
    SELECT a.id, a.years, a.day, (a.ended_on IS NULL OR a.ended_on >= a.day) AS running
    FROM (SELECT t.id, t.ended_on, y.years, (t.lease_start + make_interval(years => y.years))::date AS day
          FROM tenancies t CROSS JOIN generate_series(1, 5) y(years) WHERE t.agency_id = ${agencyId}) a
    WHERE ${inPeriod(sql`a.day`, p)} AND a.day <= ${today}::date`;
}

export function figuresRepository(tx: Tx, agencyId: string) {
  return {
    /** Incidents reported in the period per kind, and the tenancies running at the period's end (kind '_running'). */
    incidentsAndTenancies: (p: FigurePeriod) =>
      sql<{ kind: string; n: number }>`
        SELECT kind, count(*)::int AS n FROM incidents
        WHERE agency_id = ${agencyId} AND ${inPeriod(reportedDay, p)}
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

    /**
     * Guarantee payouts in the period (day paid), and up to the period's end all payouts and all
     * recovery payments (the base of the recovery rate).
     */
    money: (p: FigurePeriod) =>
      sql<{ paid: string; paid_total: string; recovered_total: string }>`
        SELECT
          (SELECT coalesce(sum(amount_cents), 0) FROM guarantee_payouts WHERE agency_id = ${agencyId} AND ${inPeriod(sql`paid_on`, p)})::text AS paid,
          (SELECT coalesce(sum(amount_cents), 0) FROM guarantee_payouts WHERE agency_id = ${agencyId} AND paid_on <= ${p.to}::date)::text AS paid_total,
          (SELECT coalesce(sum(amount_cents), 0) FROM recovery_payments WHERE agency_id = ${agencyId} AND paid_on <= ${p.to}::date)::text AS recovered_total`
        .execute(tx)
        .then((r) => r.rows[0]!),

    /** Per number of years (1–5): the anniversaries in the period and how many tenancies still ran then. */
    runningAfter: (p: FigurePeriod, today: string) =>
      sql<{ years: number; due: number; running: number }>`
        SELECT years, count(*)::int AS due, count(*) FILTER (WHERE running)::int AS running
        FROM (${anniversaries(agencyId, p, today)}) a GROUP BY years`
        .execute(tx)
        .then((r) => r.rows),

    /** Closing reviews recorded for the period (day of the review) per outcome. */
    closingReviews: (p: FigurePeriod) =>
      sql<{ outcome: string; n: number }>`
        SELECT closing_outcome AS outcome, count(*)::int AS n FROM tenancies
        WHERE agency_id = ${agencyId} AND closing_outcome IS NOT NULL AND ${inPeriod(sql`closing_reviewed_on`, p)}
        GROUP BY closing_outcome`
        .execute(tx)
        .then((r) => r.rows),

    /** A page of the tenancies behind a figure (`base`: id, day). */
    drillTenancies: (base: RawBuilder<unknown>, limit: number, offset: number) =>
      sql<{ id: string; reference: string; household_id: string; day: string; total: number }>`
        SELECT t.id, t.reference, t.household_id, b.day::text AS day, count(*) OVER ()::int AS total
        FROM (SELECT id, max(day) AS day FROM (${base}) b0 GROUP BY id) b
        JOIN tenancies t ON t.agency_id = ${agencyId} AND t.id = b.id
        ORDER BY b.day, t.reference LIMIT ${limit} OFFSET ${offset}`
        .execute(tx)
        .then((r) => r.rows),

    /** A page of the incidents reported in the period. */
    drillIncidents: (p: FigurePeriod, limit: number, offset: number) =>
      sql<{ id: string; reference: string; household_id: string; day: string; total: number }>`
        SELECT i.id, i.reference, t.household_id, (i.reported_at AT TIME ZONE 'Europe/Berlin')::date::text AS day, count(*) OVER ()::int AS total
        FROM incidents i JOIN tenancies t ON t.agency_id = i.agency_id AND t.id = i.tenancy_id
        WHERE i.agency_id = ${agencyId} AND ${inPeriod(sql`(i.reported_at AT TIME ZONE 'Europe/Berlin')::date`, p)}
        ORDER BY i.reported_at, i.reference LIMIT ${limit} OFFSET ${offset}`
        .execute(tx)
        .then((r) => r.rows),
  };
}

/** The base (id, day) of each tenancy figure. */
export function tenancyBase(agencyId: string, figureId: string, p: FigurePeriod, today: string): RawBuilder<unknown> | null {
  if (figureId.startsWith('sustainment.running_after_'))
    return sql`SELECT id, day FROM (${anniversaries(agencyId, p, today)}) a WHERE a.years = ${Number(figureId.slice(-2, -1))}`;
  switch (figureId) {
    case 'sustainment.tenancies_running':
      return sql`SELECT id, lease_start AS day FROM tenancies
        WHERE agency_id = ${agencyId} AND lease_start <= ${p.to}::date AND (ended_on IS NULL OR ended_on > ${p.to}::date)`;
    case 'sustainment.payouts':
      return sql`SELECT tenancy_id AS id, paid_on AS day FROM guarantee_payouts WHERE agency_id = ${agencyId} AND ${inPeriod(sql`paid_on`, p)}`;
    case 'sustainment.recovery_rate':
      return sql`SELECT tenancy_id AS id, paid_on AS day FROM guarantee_payouts WHERE agency_id = ${agencyId} AND paid_on <= ${p.to}::date`;
    case 'sustainment.closing_reviews':
      return sql`SELECT id, closing_reviewed_on AS day FROM tenancies
        WHERE agency_id = ${agencyId} AND closing_outcome IS NOT NULL AND ${inPeriod(sql`closing_reviewed_on`, p)}`;
    default:
      return null;
  }
}
