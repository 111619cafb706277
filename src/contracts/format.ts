/**
 * Display formats shared by the server (letters, PDFs, mails) and the web UI. Dates are always
 * German (TT.MM.JJJJ), also in the English UI, because case files and letters use them.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Building an Intl formatter costs far more than using one: keep one per locale, options and zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** '2024-03-05' or an ISO timestamp → '05.03.2024'; empty / invalid → ''. */
export function formatDate(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`; // calendar date: no time-zone shift
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return dateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(d);
}

/** ISO timestamp → '05.03.2024, 14:07'. */
export function formatDateTime(value: string | null | undefined, timeZone?: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return dateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(d);
}

/** No-break space: the amount and its € sign never end up on two lines. */
export const NBSP = '\u00a0';

/**
 * Integer cents → '1.234,56 €' (thousands dots, decimal comma, no-break space before €), computed
 * in integers so no float rounding can creep in. Not an integer → ''.
 */
export function formatEuro(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isSafeInteger(cents)) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}${NBSP}€`;
}

/** The date of an instant in a zone as 'YYYY-MM-DD' (e.g. "today" in Europe/Berlin). */
export function isoDateIn(instant: Date, timeZone = 'Europe/Berlin'): string {
  return dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant);
}

/** '2026-12-01' or an instant → '01.12.2026' (instants in Europe/Berlin); nothing → '—'. */
export function formatGermanDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  return formatDate(typeof value === 'string' ? value : value.toISOString(), 'Europe/Berlin') || '—';
}

/** An instant → '05.03.2026, 14:07 Uhr' in Europe/Berlin. */
export function formatGermanDateTime(value: string | Date): string {
  return `${formatDateTime(typeof value === 'string' ? value : value.toISOString(), 'Europe/Berlin')} Uhr`;
}
