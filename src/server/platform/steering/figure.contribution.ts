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
 * exports read the same declarations and values.
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

/** Figures computed together (one statement): the compute function answers every declared id. */
export interface FigureFamily {
  figures: readonly FigureDeclaration[];
  compute(tx: Tx, req: FigureRequest): Promise<Record<string, FigureResult>>;
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
