import type { TTargetStatus } from '../../../contracts/steering.js';

/*
 * The status of a figure against the minimum and target value in force, as pure functions. The
 * direction matters: for a duration or a count of incidents lower is better, so "reaching" a value
 * means being at or below it. Reaching exactly the value counts as reached.
 */

export interface Targets {
  minimum: number | null;
  target: number | null;
}

const atLeastAsGood = (value: number, bound: number, higherIsBetter: boolean) => (higherIsBetter ? value >= bound : value <= bound);

export function targetStatus(value: number | null, t: Targets | null, higherIsBetter: boolean): TTargetStatus {
  if (!t || (t.minimum === null && t.target === null)) return 'not_set';
  if (value === null) return 'no_data';
  if (t.target !== null && atLeastAsGood(value, t.target, higherIsBetter)) return 'target_reached';
  if (t.minimum === null) return 'below_minimum';
  return atLeastAsGood(value, t.minimum, higherIsBetter) ? 'minimum_reached' : 'below_minimum';
}

/** The input rule: the target is at least as good as the minimum (above it when higher is better). */
export function targetsConsistent(minimum: number, target: number, higherIsBetter: boolean): boolean {
  return atLeastAsGood(target, minimum, higherIsBetter);
}

/** The period before `from`–`to` of the same shape: whole months shift by their count, else by days. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const f = new Date(`${from}T00:00:00Z`);
  const t = new Date(`${to}T00:00:00Z`);
  const nextDay = new Date(t);
  nextDay.setUTCDate(nextDay.getUTCDate() + 1);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  if (f.getUTCDate() === 1 && nextDay.getUTCDate() === 1) {
    const months = (nextDay.getUTCFullYear() - f.getUTCFullYear()) * 12 + nextDay.getUTCMonth() - f.getUTCMonth();
    const pf = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() - months, 1));
    const pt = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth(), 0));
    return { from: iso(pf), to: iso(pt) };
  }
  const days = Math.round((t.getTime() - f.getTime()) / 86_400_000) + 1;
  const pt = new Date(f);
  pt.setUTCDate(pt.getUTCDate() - 1);
  const pf = new Date(f);
  pf.setUTCDate(pf.getUTCDate() - days);
  return { from: iso(pf), to: iso(pt) };
}

/** The calendar quarter containing `day` (YYYY-MM-DD). */
export function quarterOf(day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const end = new Date(Date.UTC(y, q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { from: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: end };
}
