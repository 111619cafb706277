/**
 * Date helpers. Dates are always shown in German notation (TT.MM.JJJJ), also in the English UI,
 * because case files and letters use it.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2024-03-05' or an ISO timestamp → '05.03.2024'; empty / invalid → ''. */
export function formatDate(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`; // calendar date: no time-zone shift
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(d);
}

/** ISO timestamp → '05.03.2024, 14:07'. */
export function formatDateTime(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(d);
}

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
