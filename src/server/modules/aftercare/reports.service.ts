import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZAnnualQuery, ZQuarterQuery } from '../../../contracts/aftercare.js';
import type { TAnnualReport } from '../../../contracts/aftercareReports.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { organisationName } from '../providers/providers.service.js';
import { quarterXlsx, type QuarterData } from './reports.export.js';
import { reportRepository } from './reports.repository.js';

/** Cells below this count are suppressed (null) in every aggregate, so no household can be singled out. */
export const SMALL_CELL = 5;

/** Counts per key with small cells suppressed. */
export function suppress(counts: Iterable<[string, number]>): { key: string; count: number | null }[] {
  return [...counts].map(([key, n]) => ({ key, count: n < SMALL_CELL ? null : n })).sort((a, b) => a.key.localeCompare(b.key));
}

const tally = <T>(rows: T[], key: (r: T) => string) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};

/**
 * The annual report's data for one year and one carrier (null: all): anonymised case rows (codes,
 * no names or birth dates) and aggregates with small cells suppressed. The same for the JSON
 * endpoint, a draft's preview and the snapshot frozen at submission.
 */
export async function annualData(tx: Tx, agencyId: string, year: number, carrierId: string | null): Promise<TAnnualReport> {
  const rows = await reportRepository(tx, agencyId).annualRows(year, carrierId);
  const { settings } = await agencyFacts(tx, agencyId);
  return {
    year,
    dueOn: annualDueOn(year, settings.aftercare.reportDueMonthDay),
    rows: rows.map((r) => ({
      pseudonym: r.pseudonym,
      ageBand: r.age_band,
      householdType: r.household_type,
      gender: r.gender,
      targetGroup: r.target_group,
      durationDays: r.duration_days,
      visitsHeld: r.visits_held,
      referrals: r.referrals,
      endReason: r.end_reason,
      followUp: r.follow_up,
    })),
    aggregates: {
      byTargetGroup: suppress(tally(rows, (r) => r.target_group)),
      byGender: suppress(tally(rows, (r) => r.gender)),
      byAgeBand: suppress(tally(rows, (r) => r.age_band)),
      byHouseholdType: suppress(tally(rows, (r) => r.household_type)),
      byEndReason: suppress(tally(rows, (r) => r.end_reason ?? 'running')),
    },
    suppression: `Zellen mit weniger als ${SMALL_CELL} Fällen sind unterdrückt (null).`,
  };
}

/** The due date of the report for `year`: the agency's month and day in the following year. */
export const annualDueOn = (year: number, monthDay: string) => `${year + 1}-${monthDay}`;

/** A carrier reports on its own cases only; the Fachstelle on one carrier or all. */
const carrierOf = (ctx: Ctx, asked: string | undefined) =>
  access.isCarrierView(ctx.actor) ? (ctx.actor.carrierId ?? '00000000-0000-0000-0000-000000000000') : (asked ?? null);

/** The running figures of one quarter (default: the current one), small cells suppressed. */
async function quarterData(tx: Tx, ctx: Ctx, q: z.output<typeof ZQuarterQuery>) {
  const now = berlinDate(new Date());
  const year = q.year ?? Number(now.slice(0, 4));
  const quarter = q.quarter ?? Math.ceil(Number(now.slice(5, 7)) / 3);
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const to = new Date(Date.UTC(year, startMonth + 2, 0)).toISOString().slice(0, 10);
  const carrierId = carrierOf(ctx, q.carrierId);
  const rows = await reportRepository(tx, ctx.actor.agencyId).quarter(from, to, carrierId);
  const dim = (d: string) => suppress(rows.filter((r) => r.dim === d).map((r) => [r.key, r.n] as [string, number]));
  const data: QuarterData = {
    from,
    to,
    casesByTargetGroup: dim('target_group'),
    casesBySource: dim('source'),
    visits: dim('visit'),
    referralsByKind: dim('referral'),
    endsByReason: dim('end'),
    followUps: dim('follow_up'),
    medianDurationDays: rows.find((r) => r.dim === 'median_days')?.n ?? null,
  };
  return { data, year, quarter, carrierId };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Running figures per quarter for the city and the annual report data of the carrier (seed § 10), as JSON. */
export function reportService(db: Kysely<DB>) {
  return {
    quarter: (ctx: Ctx, q: z.output<typeof ZQuarterQuery>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.report');
        const { data, ...period } = await quarterData(tx, ctx, q);
        audit(tx, ctx, { action: 'aftercare.report', details: { kind: 'quarter', ...period } });
        return data;
      }),

    /** The quarter's figures as an XLSX download (audited as a download). */
    quarterXlsx: (ctx: Ctx, q: z.output<typeof ZQuarterQuery>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.report');
        const { data, ...period } = await quarterData(tx, ctx, q);
        const carrierName = period.carrierId ? await organisationName(tx, ctx.actor.agencyId, 'carrier', period.carrierId) : null;
        const content = await quarterXlsx(data, carrierName);
        audit(tx, ctx, { action: 'aftercare.report_download', details: { kind: 'quarter', format: 'xlsx', ...period } });
        return {
          filename: `nachsorge-quartal-${period.year}-q${period.quarter}.xlsx`,
          contentType: XLSX_TYPE,
          content,
        };
      }),

    annual: (ctx: Ctx, q: z.output<typeof ZAnnualQuery>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.report');
        const carrierId = carrierOf(ctx, q.carrierId);
        const year = q.year ?? Number(berlinDate(new Date()).slice(0, 4)) - 1;
        const data = await annualData(tx, ctx.actor.agencyId, year, carrierId);
        audit(tx, ctx, { action: 'aftercare.report', details: { kind: 'annual', year, carrierId, rows: data.rows.length } });
        return data;
      }),
  };
}
