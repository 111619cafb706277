import type { TFigureUnit, TText } from '../../../contracts/steering.js';
import type { RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import { isPublicHoliday, type FederalState } from '../deadlines/workdays.js';

/*
 * The one interface through which a module puts its key figures on the steering dashboard ("Berichte").
 * A module declares its figures (id, title, written definition, unit, direction) and computes them
 * from its own tables in its own repository, one aggregate statement per family of figures. The
 * steering module knows no module: it reads this list (modules/steering/contributions.ts), attaches
 * the agency's minimum and target values and the status, and later the city-wide comparison and the
 * exports read the same declarations and values. Each family may answer a drill-down (`drill`): the
 * cases its figures counted, from the same SQL fragment as the value, for the agency's own staff.
 * "How long until" questions the state columns cannot answer read the domain event log
 * (`domain_events`, written by a trigger on each machine's state column; migration 2026-12-09T11-00).
 */

/** A period of calendar days, both ends included (YYYY-MM-DD). */
export interface FigurePeriod {
  from: string;
  to: string;
}

export interface FigureDeclaration {
  /** Stable id `<module>.<name>`: targets are stored under it, so never rename one. */
  id: string;
  title: TText;
  /** What counts and from when to when — shown beside the figure and in every export. */
  definition: TText;
  unit: TFigureUnit;
  /** false for durations and incidents: a lower value is better. */
  higherIsBetter: boolean;
  /** For a count by category: the categories (keys) with their names, in display order. */
  categories?: readonly { key: string; label: TText }[];
}

/** A computed figure: the value (null: nothing to count) and for a count by category the counts per key. */
export interface FigureResult {
  value: number | null;
  breakdown?: Record<string, number>;
  /**
   * For a share, median or amount: how many cases (or events) the value was computed from. The
   * city-wide comparison shows such a value only with a base of at least 5 and withholds it when the
   * base is not given (modules/steering/suppression.ts); a count is its own base.
   */
  base?: number;
}

/** What a family's computation gets besides the transaction. */
export interface FigureRequest {
  agencyId: string;
  period: FigurePeriod;
  /** The agency's federal state, for working-day counts over holidays. */
  state: FederalState;
}

/**
 * One case behind a figure (drill-down, for the agency's own staff only): what was counted, the
 * household it belongs to, where it opens in the app and the day that made it count for the period.
 */
export interface FigureCase {
  caseId: string;
  /** The case's own reference (file number of the case, offer or tenancy). */
  reference: string;
  householdId: string | null;
  /** The app route of the case, e.g. `/prevention/cases/<id>`. */
  link: string;
  /** The day that counted (YYYY-MM-DD): received, closed, let, reviewed … */
  on: string;
}

/** A drill-down request: the figure, the period and the page. */
export interface FigureDrillRequest extends FigureRequest {
  figureId: string;
  limit: number;
  offset: number;
}

/** A page of the cases behind a figure, ordered by the day that counted, and how many there are. */
export interface FigureCases {
  items: FigureCase[];
  total: number;
}

/** Figures computed together (one statement): the compute function answers every declared id. */
export interface FigureFamily {
  figures: readonly FigureDeclaration[];
  compute(tx: Tx, req: FigureRequest): Promise<Record<string, FigureResult>>;
  /**
   * The cases behind any figure of the family (its base: the cases the value was computed over),
   * in the module's own repository. Optional for a family whose figures count no cases.
   */
  drill?(tx: Tx, req: FigureDrillRequest): Promise<FigureCases>;
}

export interface FigureContribution {
  /** The module's id (the dashboard groups by it: `steering.modules.<module>`). */
  module: string;
  families: readonly FigureFamily[];
  /** Who the programme reached in a period (breakdowns by gender, age, household type …). */
  reached?: ReachedDeclaration;
  /** Open cases per person (the lead's workload view). */
  workload?: WorkloadDeclaration;
}

/** Public holidays of the state between two dates (inclusive), for SQL working-day counts as a bound array. */
export function holidaysBetween(from: string, to: string, state: FederalState): string[] {
  const out: string[] = [];
  const end = new Date(`${to}T00:00:00Z`);
  for (let d = new Date(`${from}T00:00:00Z`); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (isPublicHoliday(day, state)) out.push(day);
  }
  return out;
}

/** A drill-down statement's rows (with `total` = count(*) OVER ()) as a page of cases, linked by `link`. */
export function casePage(
  rows: readonly { id: string; reference: string; household_id: string | null; day: string; total: number }[],
  link: (id: string) => string,
): FigureCases {
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({ caseId: r.id, reference: r.reference, householdId: r.household_id, link: link(r.id), on: r.day })),
  };
}

/** A percentage with one decimal, null when the base is empty. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** A number from PostgreSQL (numeric arrives as a string) with one decimal, null stays null. */
export const oneDecimal = (v: number | string | null): number | null => (v === null ? null : Math.round(Number(v) * 10) / 10);

/**
 * Who a programme reached in a period (for the breakdowns): an SQL fragment, written in the module's
 * own figures repository, that yields one row per reached household `(household_id uuid, reached_on
 * date)` — the day it was first reached in the period. The households module joins its members to it.
 */
export interface ReachedDeclaration {
  /** What counts as reached, shown beside the breakdowns and in every export. */
  definition: TText;
  households(tx: Tx, req: FigureRequest): RawBuilder<{ household_id: string; reached_on: string }>;
}

/** A module's open cases per person (case manager, social worker, carrier worker …) today. */
export interface WorkloadDeclaration {
  /** What counts as an open case and whose it is. */
  openCases: TText;
  /** Deadline subject types (platform deadlines) that belong to this programme. */
  deadlineSubjects: readonly string[];
  open(tx: Tx, agencyId: string): Promise<{ user_id: string | null; n: number }[]>;
}
