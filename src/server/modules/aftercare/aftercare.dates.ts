/* Calendar arithmetic on ISO dates (YYYY-MM-DD, no time zone): grant periods, visit rhythm, follow-ups. */

const utc = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const d = utc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return iso(d);
}

/** A grant of `months` from `from` ends the day before the same day `months` later. */
export const grantEnd = (from: string, months: number): string => addDays(addMonths(from, months), -1);

/** The Sunday ending the ISO week of `date`. */
export function weekEnd(date: string): string {
  const dow = utc(date).getUTCDay(); // 0 = Sunday
  return addDays(date, dow === 0 ? 0 : 7 - dow);
}

export const daysBetween = (from: string, to: string): number => Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
