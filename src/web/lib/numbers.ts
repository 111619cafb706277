/**
 * Numbers entered the German way: "1.234,56", "1234,56" or "1234.5". Money is typed in euros and
 * sent as integer cents; unreadable input becomes NaN so the form can mark the field.
 */

const THOUSANDS_ONLY = /^\d{1,3}(\.\d{3})+$/;

/** "45,5" → 45.5; "1.234,5" → 1234.5; "1.000" → 1000; "" or garbage → NaN. */
export function parseDecimal(input: string): number {
  let s = input.replace(/[\s\u00a0€]/g, '');
  if (s === '') return Number.NaN;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (THOUSANDS_ONLY.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** Euro input → integer cents; negative, more than two decimals or garbage → NaN. */
export function euroToCents(input: string): number {
  const value = parseDecimal(input);
  if (Number.isNaN(value) || value < 0) return Number.NaN;
  const cents = value * 100;
  if (Math.abs(cents - Math.round(cents)) > 1e-6) return Number.NaN;
  return Math.round(cents);
}

/** Integer cents → input value: 61250 → "612,50", 100000 → "1000". */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '';
  const euros = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

/** A number for an input with a German decimal comma: 62.5 → "62,5". */
export function decimalToInput(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value).replace('.', ',');
}

/** 62.5 → "62,5"; 2 → "2" (rooms, m², scores). */
export function formatNumber(value: number, maxDigits = 2): string {
  return new Intl.NumberFormat('de-DE', { maximumFractionDigits: maxDigits }).format(value);
}

/** Today's calendar date (YYYY-MM-DD) in Europe/Berlin, as the server counts validity. */
export function berlinToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
