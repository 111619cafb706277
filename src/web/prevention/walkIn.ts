import type { PreventionSettings } from './queries';

type Hours = PreventionSettings['walkInHours'];

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** The consultation hours of one day, in order. */
export function hoursOn(hours: Hours, day: string): Hours {
  const wd = isoWeekday(day);
  return hours.filter((h) => h.weekday === wd).sort((a, b) => a.from.localeCompare(b.from));
}

/** Berlin wall-clock time "HH:MM" of an instant. */
export function berlinTime(instant: Date): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);
}

/** Are the walk-in hours open at this instant (on `day`, which is today)? */
export function isOpenNow(hours: Hours, day: string, now: Date): boolean {
  const time = berlinTime(now);
  return hoursOn(hours, day).some((h) => h.from <= time && time < h.to);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
