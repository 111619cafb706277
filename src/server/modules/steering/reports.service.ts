import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TFigures } from '../../../contracts/steering.js';
import {
  BREAKDOWN_DIMENSIONS,
  type TBreakdowns,
  type TProgrammeBreakdown,
  type TWomenShare,
  type TWorkload,
  type ZAnnualReportQuery,
  type ZBreakdownsQuery,
  type ZExportQuery,
} from '../../../contracts/steeringReports.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { overdueByAssigneeAndSubject } from '../../platform/deadlines/deadlines.service.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { share, type FigureContribution, type FigurePeriod } from '../../platform/steering/figure.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { reachedProfile, type ProfileRow } from '../households/figures.service.js';
import { userFacts } from '../users/users.service.js';
import { DIMENSIONS, OVERDUE_DEFINITION, WOMEN_SHARE_DEFINITION } from './breakdowns.labels.js';
import { dashboardPdf, dashboardXlsx, type ExportData } from './reports.export.js';
import type { SteeringService } from './steering.service.js';
import { quarterOf } from './steering.status.js';

/** The months of a period (YYYY-MM), first to last. */
export function monthsOf(p: FigurePeriod): string[] {
  const out: string[] = [];
  let [y, m] = p.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

/** Per month of the period the women's share (months without anyone reached: total 0, share null), and per quarter. */
export function womenShares(p: FigurePeriod, rows: ProfileRow[]): { months: TWomenShare[]; quarters: TWomenShare[] } {
  const byMonth = new Map(rows.filter((r) => r.dim === 'month').map((r) => [r.key, r]));
  const months = monthsOf(p).map((period) => {
    const r = byMonth.get(period);
    const women = r?.women ?? 0;
    const total = r?.n ?? 0;
    return { period, women, total, share: share(women, total) };
  });
  const q = new Map<string, { women: number; total: number }>();
  for (const m of months) {
    const key = `${m.period.slice(0, 4)}-Q${Math.ceil(Number(m.period.slice(5, 7)) / 3)}`;
    const acc = q.get(key) ?? { women: 0, total: 0 };
    q.set(key, { women: acc.women + m.women, total: acc.total + m.total });
  }
  const quarters = [...q].map(([period, v]) => ({ period, ...v, share: share(v.women, v.total) }));
  return { months, quarters };
}

/** The period of a query: both ends or neither (the current quarter), at most a year. */
function periodOf(q: { from?: string | undefined; to?: string | undefined }): FigurePeriod {
  if (!q.from && !q.to) return quarterOf(berlinDate(new Date()));
  if (!q.from) throw fieldError('from', 'Bitte den Beginn des Zeitraums angeben.', 'required');
  if (!q.to) throw fieldError('to', 'Bitte das Ende des Zeitraums angeben.', 'required');
  if (q.from > q.to) throw fieldError('to', 'Das Ende des Zeitraums liegt vor seinem Beginn.', 'range');
  if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 > 366)
    throw fieldError('to', 'Der Zeitraum ist länger als ein Jahr.', 'range');
  return { from: q.from, to: q.to };
}

/**
 * The steering reports beside the key figures: who each programme reached (breakdowns and the
 * women's share over time), the lead's workload view, and the exports. Knows no module: it reads the
 * contributions' `reached` and `workload` declarations; the members are the households module's.
 */
export function steeringReportsService(db: Kysely<DB>, contributions: readonly FigureContribution[], figures: SteeringService) {
  async function breakdownsIn(tx: Tx, agencyId: string, p: FigurePeriod): Promise<TBreakdowns> {
    const { state } = await agencyFacts(tx, agencyId);
    const programmes: TProgrammeBreakdown[] = [];
    for (const c of contributions) {
      if (!c.reached) continue;
      const rows = await reachedProfile(tx, agencyId, c.reached.households(tx, { agencyId, period: p, state }));
      const counts = new Map(rows.filter((r) => r.dim !== 'month').map((r) => [`${r.dim}:${r.key}`, r.n]));
      const { months, quarters } = womenShares(p, rows);
      programmes.push({
        module: c.module,
        reached: c.reached.definition,
        total: months.reduce((s, m) => s + m.total, 0),
        dimensions: BREAKDOWN_DIMENSIONS.map((dimension) => ({
          dimension,
          title: DIMENSIONS[dimension].title,
          definition: DIMENSIONS[dimension].definition,
          rows: DIMENSIONS[dimension].keys.map((k) => ({ ...k, count: counts.get(`${dimension}:${k.key}`) ?? 0 })),
        })),
        womenByMonth: months,
        womenByQuarter: quarters,
      });
    }
    return { from: p.from, to: p.to, computedAt: new Date().toISOString(), womenShareDefinition: WOMEN_SHARE_DEFINITION, programmes };
  }

  /**
   * The breakdowns and the agency's letterhead beside the dashboard's figures, for an export. The
   * figures come from the dashboard service (its own transaction and audit event, and its permission
   * check: a role without `steering.figures` is refused there, one without `steering.export` here).
   */
  async function exportData(ctx: Ctx, p: FigurePeriod, tx: Tx, dash: TFigures, annual: boolean): Promise<ExportData> {
    const agency = await agencyFacts(tx, ctx.actor.agencyId);
    return {
      agencyName: agency.name,
      footer: agency.settings.letterhead.footer ?? undefined,
      figures: dash,
      breakdowns: await breakdownsIn(tx, ctx.actor.agencyId, p),
      annual,
    };
  }

  const fileDate = () => berlinDate(new Date());

  return {
    breakdowns: (ctx: Ctx, q: z.output<typeof ZBreakdownsQuery>) =>
      actorTx(db, ctx, async (tx): Promise<TBreakdowns> => {
        access.require(ctx.actor, 'steering.figures');
        const p = periodOf(q);
        const out = await breakdownsIn(tx, ctx.actor.agencyId, p);
        audit(tx, ctx, { action: 'steering.breakdowns', details: { from: p.from, to: p.to } });
        return out;
      }),

    workload: (ctx: Ctx) =>
      actorTx(db, ctx, async (tx): Promise<TWorkload> => {
        access.require(ctx.actor, 'steering.workload');
        const agencyId = ctx.actor.agencyId;
        const now = new Date();
        const withWork = contributions.filter((c) => c.workload);
        const people = new Map<string | null, Map<string, { openCases: number; overdue: number }>>();
        const cell = (user: string | null, module: string) => {
          const m = people.get(user) ?? new Map<string, { openCases: number; overdue: number }>();
          people.set(user, m);
          const c = m.get(module) ?? { openCases: 0, overdue: 0 };
          m.set(module, c);
          return c;
        };
        for (const c of withWork) for (const r of await c.workload!.open(tx, agencyId)) cell(r.user_id, c.module).openCases += r.n;
        const subjectModule = new Map(withWork.flatMap((c) => c.workload!.deadlineSubjects.map((s) => [s, c.module] as const)));
        for (const r of await overdueByAssigneeAndSubject(tx, agencyId, now))
          cell(r.assignee_id, subjectModule.get(r.subject_type) ?? 'other').overdue += r.n;
        const names = new Map((await userFacts(tx, agencyId, [...people.keys()])).map((u) => [u.id, u.display_name]));
        const modules = [...withWork.map((c) => c.module), ...([...people.values()].some((m) => m.has('other')) ? ['other'] : [])];
        const list = [...people].map(([userId, m]) => {
          const perModule = modules.map((module) => ({ module, ...(m.get(module) ?? { openCases: 0, overdue: 0 }) }));
          return {
            userId,
            name: userId ? (names.get(userId) ?? null) : null,
            perModule,
            openCases: perModule.reduce((s, x) => s + x.openCases, 0),
            overdue: perModule.reduce((s, x) => s + x.overdue, 0),
          };
        });
        list.sort((a, b) => (a.userId === null ? 1 : b.userId === null ? -1 : (a.name ?? '').localeCompare(b.name ?? '', 'de')));
        audit(tx, ctx, { action: 'steering.workload', details: { people: list.length } });
        return {
          computedAt: now.toISOString(),
          modules: withWork.map((c) => ({ module: c.module, openCases: c.workload!.openCases })),
          overdueDefinition: OVERDUE_DEFINITION,
          people: list,
        };
      }),

    /** The dashboard of a period as XLSX (one sheet per programme, a definitions sheet) or PDF. */
    dashboardExport: async (ctx: Ctx, q: z.output<typeof ZExportQuery>, format: 'xlsx' | 'pdf') => {
      const p = periodOf(q);
      const dash = await figures.figures(ctx, p);
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'steering.export');
        const data = await exportData(ctx, p, tx, dash, false);
        const content = format === 'xlsx' ? await dashboardXlsx(data, q.lang) : await dashboardPdf(data, q.lang);
        audit(tx, ctx, { action: 'steering.export', details: { from: p.from, to: p.to, format, kind: 'dashboard' } });
        return {
          filename: `kennzahlen-${p.from}-${p.to}.${format}`,
          contentType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
          content,
        };
      });
    },

    /** The agency's anonymised annual report (figures, definitions, charts with their tables; counts only). */
    annualReport: async (ctx: Ctx, q: z.output<typeof ZAnnualReportQuery>) => {
      const year = q.year ?? Number(berlinDate(new Date()).slice(0, 4)) - 1;
      const p = { from: `${year}-01-01`, to: `${year}-12-31` };
      const dash = await figures.figures(ctx, p);
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'steering.export');
        const data = await exportData(ctx, p, tx, dash, true);
        const content = await dashboardPdf(data, q.lang);
        audit(tx, ctx, { action: 'steering.export', details: { from: p.from, to: p.to, format: 'pdf', kind: 'annual' } });
        return { filename: `jahresbericht-${year}-${fileDate()}.pdf`, contentType: 'application/pdf', content };
      });
    },
  };
}
export type SteeringReportsService = ReturnType<typeof steeringReportsService>;
