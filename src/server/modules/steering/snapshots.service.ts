import type { Kysely } from 'kysely';
import { inAgency, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { berlinDate, type FederalState } from '../../platform/deadlines/workdays.js';
import { eachAgency } from '../../platform/jobs/job.js';
import type { FigureContribution, FigurePeriod, FigureResult } from '../../platform/steering/figure.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { computeBreakdowns, computeFigures, type BreakdownsData } from './figures.compute.js';
import { snapshotsRepository, steeringAgencies, type SnapshotKind } from './snapshots.repository.js';
import { previousPeriod } from './steering.status.js';

/*
 * Materialised steering figures (issue 17: "computed in PostgreSQL, materialised where needed,
 * always stating the time of the data"). A year of an agency's figures reads every case of the year
 * through the modules' aggregate statements — seconds on a city's data, too slow for a page. So the
 * results are kept per agency, kind and period with the time of their data, and served while young
 * enough: a period still running for `maxAgeMinutes`, a closed one 24 times as long (late entries
 * and "home still kept 12 months later" still change it). The hourly job refreshes the quarters and
 * years the dashboard offers before they age out; any other period, or a missing or old snapshot, is
 * computed on request and stored. "Neu berechnen" (POST /steering/refresh) computes at once.
 */

export interface SnapshotOptions {
  /** How old the data of a period still running may be; 0: always compute (tests). */
  maxAgeMinutes: number;
}

export interface Materialised<T> {
  data: T;
  /** The time of the data (the computing transaction's start). */
  asOf: Date;
}

const CLOSED_FACTOR = 24;

export function snapshotStore(contributions: readonly FigureContribution[], opts: SnapshotOptions) {
  const openMs = opts.maxAgeMinutes * 60_000;

  async function materialise<T>(
    tx: Tx,
    agencyId: string,
    kind: SnapshotKind,
    p: FigurePeriod,
    compute: () => Promise<T>,
    force: boolean,
  ): Promise<Materialised<T>> {
    const repo = snapshotsRepository(tx, agencyId);
    if (!force && openMs > 0) {
      const row = await repo.get(kind, p);
      const maxAge = p.to >= berlinDate(new Date()) ? openMs : openMs * CLOSED_FACTOR;
      if (row && Date.now() - row.data_as_of.getTime() <= maxAge) return { data: row.data as T, asOf: row.data_as_of };
    }
    const t0 = performance.now();
    const data = await compute();
    return { data, asOf: await repo.put(kind, p, data, Math.round(performance.now() - t0)) };
  }

  return {
    /** Every contributed figure of the agency for the period. */
    figures: (tx: Tx, agencyId: string, state: FederalState, period: FigurePeriod, force = false) =>
      materialise<Record<string, FigureResult>>(
        tx,
        agencyId,
        'figures',
        period,
        () => computeFigures(tx, contributions, { agencyId, period, state }),
        force,
      ),

    /** Who each programme reached in the period. */
    breakdowns: (tx: Tx, agencyId: string, state: FederalState, period: FigurePeriod, force = false) =>
      materialise<BreakdownsData>(
        tx,
        agencyId,
        'breakdowns',
        period,
        () => computeBreakdowns(tx, contributions, { agencyId, period, state }),
        force,
      ),
  };
}
export type SnapshotStore = ReturnType<typeof snapshotStore>;

const pad = (n: number) => String(n).padStart(2, '0');
const quarter = (y: number, q: number): FigurePeriod => {
  const last = new Date(Date.UTC(y, q * 3, 0)).getUTCDate();
  return { from: `${y}-${pad(q * 3 - 2)}-01`, to: `${y}-${pad(q * 3)}-${pad(last)}` };
};

/**
 * The periods the dashboard and the city comparison offer by default, with the periods before them:
 * the calendar years from two years back to this one, and the quarters from the last of two years
 * back to the current one.
 */
export function standardPeriods(today: string): FigurePeriod[] {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: FigurePeriod[] = [y - 2, y - 1, y].map((year) => ({ from: `${year}-01-01`, to: `${year}-12-31` }));
  out.push(previousPeriod(quarter(y - 1, 1).from, quarter(y - 1, 1).to));
  for (let k = 1; k <= 4; k++) out.push(quarter(y - 1, k));
  for (let k = 1; k <= q; k++) out.push(quarter(y, k));
  return out;
}

/** When the hourly job recomputes a stored snapshot: a running period after 50 minutes, a closed one after 20 hours. */
export const REFRESH_AFTER_MS = { open: 50 * 60_000, closed: 20 * 3_600_000 };

/**
 * The hourly refresh: per agency with case data, each standard period whose figures or breakdowns
 * are missing or due is computed in one transaction of its own (one snapshot of the data for both).
 */
export async function refreshSnapshots(
  db: Kysely<DB>,
  contributions: readonly FigureContribution[],
  now = new Date(),
  only?: readonly string[],
) {
  const today = berlinDate(now);
  const store = snapshotStore(contributions, { maxAgeMinutes: 0 });
  const agencies = (await steeringAgencies(db)).filter((id) => !only || only.includes(id));
  const done = await eachAgency(agencies, async (agencyId) => {
    const { state, ages } = await inAgency(db, agencyId, async (tx) => ({
      state: (await agencyFacts(tx, agencyId)).state,
      ages: await snapshotsRepository(tx, agencyId).ages(),
    }));
    const asOf = new Map(ages.map((a) => [`${a.kind}|${a.period_from}|${a.period_to}`, a.data_as_of.getTime()]));
    const due = (kind: SnapshotKind, p: FigurePeriod) => {
      const at = asOf.get(`${kind}|${p.from}|${p.to}`);
      return at === undefined || now.getTime() - at > (p.to >= today ? REFRESH_AFTER_MS.open : REFRESH_AFTER_MS.closed);
    };
    let computed = 0;
    for (const p of standardPeriods(today)) {
      const kinds = (['figures', 'breakdowns'] as const).filter((k) => due(k, p));
      if (kinds.length === 0) continue;
      await inAgency(
        db,
        agencyId,
        async (tx) => {
          for (const kind of kinds) await store[kind](tx, agencyId, state, p, true);
        },
        { isolation: 'repeatable read' },
      );
      computed += kinds.length;
    }
    return computed;
  });
  return { agencies: agencies.length, computed: done.reduce((a, b) => a + b, 0) };
}
