/**
 * Date helpers. Dates are always shown in German notation (TT.MM.JJJJ), also in the English UI,
 * because case files and letters use it.
 */

export { formatDate, formatDateTime, formatEuro } from '../../contracts/format';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Value for <input type="datetime-local"> from a Date, in local time ('2024-03-05T14:07'). */
export function toDateTimeLocal(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** <input type="datetime-local"> value (local time) → ISO timestamp with offset, or null. */
export function dateTimeLocalToIso(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** <input type="date"> value → ISO timestamp at local start (or end) of that day, or undefined. */
export function dayBoundaryIso(day: string, end = false): string | undefined {
  if (!DATE_ONLY.test(day)) return undefined;
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Splits "Nord, Süd ,, Ost" into ['Nord', 'Süd', 'Ost']. */
export function splitList(value: string, separator: RegExp = /[,\n]/): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
