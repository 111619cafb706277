import { BREAKDOWN_DIMENSIONS, type TBreakdowns, type TProgrammeBreakdown, type TWomenShare } from '../../../contracts/steeringReports.js';
import type { Tx } from '../../db/database.js';
import {
  share,
  type FigureContribution,
  type FigurePeriod,
  type FigureRequest,
  type FigureResult,
} from '../../platform/steering/figure.contribution.js';
import { reachedProfile, type ProfileRow } from '../households/figures.service.js';
import { DIMENSIONS, WOMEN_SHARE_DEFINITION } from './breakdowns.labels.js';

/*
 * What the steering dashboard computes from the modules' own aggregate statements: the key figures
 * of every contribution and who each programme reached. The snapshot store (snapshots.service.ts)
 * keeps the results per agency and period; nothing else calls these.
 */

/** Every contributed figure of an agency for a period. */
export async function computeFigures(
  tx: Tx,
  contributions: readonly FigureContribution[],
  req: FigureRequest,
): Promise<Record<string, FigureResult>> {
  const out: Record<string, FigureResult> = {};
  for (const c of contributions)
    for (const family of c.families) {
      const values = await family.compute(tx, req);
      for (const f of family.figures) out[f.id] = values[f.id] ?? { value: null };
    }
  return out;
}

/** The breakdowns as stored: everything but the time of the data. */
export type BreakdownsData = Omit<TBreakdowns, 'computedAt'>;

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

/** Who each programme reached in a period, by gender, age band, household type … and the women's share over time. */
export async function computeBreakdowns(tx: Tx, contributions: readonly FigureContribution[], req: FigureRequest): Promise<BreakdownsData> {
  const { agencyId, period: p } = req;
  const programmes: TProgrammeBreakdown[] = [];
  for (const c of contributions) {
    if (!c.reached) continue;
    const rows = await reachedProfile(tx, agencyId, c.reached.households(tx, req));
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
  return { from: p.from, to: p.to, womenShareDefinition: WOMEN_SHARE_DEFINITION, programmes };
}
