import type { TFigureUnit } from '../../../contracts/steering.js';

/*
 * The one disclosure rule of city-wide steering (issue 17), as pure functions: whatever leaves an
 * agency for the steering body or for the other member agencies passes through here.
 *
 * 1. Counts (a figure's value and every category of its breakdown): 0–4 is shown as "< 5" (zero
 *    included, so a zero is not told apart from one person); 5 and more is rounded to the nearest
 *    multiple of 5. Every published count thus stands for at least four possible true values.
 * 2. The city total of a count is computed from the published cells only: their shown values, each
 *    "< 5" counted as 2 (the middle of 0–4), the sum passed through rule 1. It thus tells nothing
 *    the cells do not, so no suppressed cell can be derived from the total and the others (a total
 *    rounded from the true sum would: two cells "< 5" under a total of 10 must both be 4; the unit
 *    test tries every small table to show neither this nor any other derivation works).
 * 3. Shares, medians (days) and amounts are shown only when the number of cases they were computed
 *    from (their base, `FigureResult.base`) is at least 5; a figure whose module gives no base is
 *    withheld. Shares are rounded to whole percent, days to one decimal, euros to whole hundreds.
 * 4. Secondary suppression for those: when exactly one agency is suppressed in a row and the city
 *    value is shown, the shown agency with the smallest base is suppressed too, so the one small
 *    cell cannot be derived from the city value and the others.
 * 5. The city total of a share, median or amount is the mean of the agencies' values weighted by
 *    their bases, shown under rule 3 with the total base.
 * 6. The city average beside a member agency's own figures: for counts the city total of rule 2
 *    divided by the number of member agencies (again only published values, so the agency learns
 *    nothing beyond the cells the steering body sees), for the others the city value of rule 5,
 *    shown only when the other member agencies together have a base of at least 5 (the agency
 *    knows its own exact value). With a single member there is no average.
 * 7. Periods are calendar quarters and calendar years only: with sliding periods, a rounded value
 *    flipping between two exports a day apart would tell when a single case came.
 */

export const MIN_CELL = 5;

/** Why a value is not shown: too few cases, hidden to protect another small cell, or no base known. */
export type Suppression = 'small' | 'secondary' | 'no_base';

export interface Published {
  /** The value as shown (rounded); null when suppressed or nothing to show. */
  value: number | null;
  suppressed: Suppression | null;
}

/** An agency's computed value of one figure with the number of cases behind it (for counts: the count). */
export interface Cell {
  value: number | null;
  base?: number;
}

const small = (): Published => ({ value: null, suppressed: 'small' });

/** Rule 1. */
export function publishCount(n: number): Published {
  if (n < MIN_CELL) return small();
  return { value: Math.round(n / MIN_CELL) * MIN_CELL, suppressed: null };
}

/** The rounding of rule 3 by unit. */
export function roundMeasure(unit: TFigureUnit, v: number): number {
  if (unit === 'share') return Math.round(v);
  if (unit === 'euros') return Math.round(v / 100) * 100;
  return Math.round(v * 10) / 10;
}

/** Rule 3 for one value of a share, median or amount. */
export function publishMeasure(unit: TFigureUnit, cell: Cell): Published {
  if (cell.base === undefined) return { value: null, suppressed: 'no_base' };
  if (cell.base < MIN_CELL || cell.value === null) return small();
  return { value: roundMeasure(unit, cell.value), suppressed: null };
}

const countOf = (c: Cell) => c.value ?? 0;

/** The middle of 0–4, for a "< 5" in a total of rule 2. */
const SMALL_AS = 2;
const sumOfPublished = (shown: readonly Published[]) => shown.reduce((s, p) => s + (p.value ?? SMALL_AS), 0);

/** Rule 5: the base-weighted mean and the total base (null base: some agency gave none). */
function weighted(cells: readonly Cell[]): Cell {
  if (cells.some((c) => c.base === undefined)) return { value: null };
  const counted = cells.filter((c) => c.value !== null && c.base! > 0);
  const base = counted.reduce((s, c) => s + c.base!, 0);
  return { value: base > 0 ? counted.reduce((s, c) => s + c.value! * c.base!, 0) / base : null, base };
}

/** One figure (or one breakdown category, as a count) across the member agencies: each agency's cell and the city total. */
export function publishRow(unit: TFigureUnit, cells: readonly Cell[]): { cells: Published[]; total: Published } {
  if (unit === 'count') {
    const shown = cells.map((c) => publishCount(countOf(c)));
    return { cells: shown, total: publishCount(sumOfPublished(shown)) };
  }
  const shown = cells.map((c) => publishMeasure(unit, c));
  const total = publishMeasure(unit, weighted(cells));
  const primary = shown.filter((p) => p.suppressed === 'small').length;
  if (primary === 1 && total.suppressed === null) {
    let pick = -1;
    shown.forEach((p, i) => {
      if (p.suppressed === null && (pick < 0 || cells[i]!.base! < cells[pick]!.base!)) pick = i;
    });
    if (pick >= 0) shown[pick] = { value: null, suppressed: 'secondary' };
  }
  return { cells: shown, total };
}

/** Rule 6: the city average of the member agencies as the agency at `own` may see it beside its exact value. */
export function publishAverage(unit: TFigureUnit, cells: readonly Cell[], own: number): Published {
  const others = cells.filter((_, i) => i !== own);
  if (others.length === 0) return small();
  if (unit === 'count') {
    const total = sumOfPublished(cells.map((c) => publishCount(countOf(c))));
    return { value: Math.round(total / cells.length), suppressed: null };
  }
  const rest = weighted(others);
  if (rest.base === undefined) return { value: null, suppressed: 'no_base' };
  if (rest.base < MIN_CELL) return small();
  return publishMeasure(unit, weighted(cells));
}

/** Rule 7: a calendar quarter or a calendar year. */
export function isReportingPeriod(from: string, to: string): boolean {
  const m = /^(\d{4})-(\d{2})-01$/.exec(from);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const end = (months: number) => new Date(Date.UTC(year, month - 1 + months, 0)).toISOString().slice(0, 10);
  if (month === 1 && to === end(12)) return true;
  return (month - 1) % 3 === 0 && to === end(3);
}
