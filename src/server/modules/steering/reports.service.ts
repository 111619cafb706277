import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TFigures } from '../../../contracts/steering.js';
import type { TBreakdowns, TWorkload, ZAnnualReportQuery, ZBreakdownsQuery, ZExportQuery } from '../../../contracts/steeringReports.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { overdueByAssigneeAndSubject } from '../../platform/deadlines/deadlines.service.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { FigureContribution, FigurePeriod } from '../../platform/steering/figure.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { userFacts } from '../users/users.service.js';
import { OVERDUE_DEFINITION } from './breakdowns.labels.js';
import { dashboardPdf, dashboardXlsx, type ExportData } from './reports.export.js';
import type { SnapshotStore } from './snapshots.service.js';
import type { SteeringService } from './steering.service.js';
import { quarterOf } from './steering.status.js';

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
export function steeringReportsService(
  db: Kysely<DB>,
  contributions: readonly FigureContribution[],
  figures: SteeringService,
  store: SnapshotStore,
) {
  async function breakdownsIn(tx: Tx, agencyId: string, p: FigurePeriod): Promise<TBreakdowns> {
    const { state } = await agencyFacts(tx, agencyId);
    const { data, asOf } = await store.breakdowns(tx, agencyId, state, p);
    return { ...data, computedAt: asOf.toISOString() };
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
