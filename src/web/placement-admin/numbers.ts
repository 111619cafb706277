/**
 * Number inputs the German way: "1.234,56" or "1234,56" or "1234.5". Money is entered in euros
 * and sent as integer cents; invalid input becomes NaN so the form can flag the field.
 */

const THOUSANDS_ONLY = /^\d{1,3}(\.\d{3})+$/;

/** "45,5" → 45.5; "1.234,5" → 1234.5; "" or garbage → NaN. */
export function parseDecimal(input: string): number {
  let s = input.replace(/[\s\u00a0€]/g, '');
  if (s === '') return Number.NaN;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (THOUSANDS_ONLY.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** Euro input → integer cents; more than two decimals, negatives or garbage → NaN. */
export function parseEuroToCents(input: string): number {
  const value = parseDecimal(input);
  if (Number.isNaN(value) || value < 0) return Number.NaN;
  const cents = value * 100;
  if (Math.abs(cents - Math.round(cents)) > 1e-6) return Number.NaN;
  return Math.round(cents);
}

/** Integer cents → value for an input field: 61250 → "612,50", 100000 → "1000". */
export function centsToInput(cents: number): string {
  if (!Number.isFinite(cents)) return '';
  const euros = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

/** A number for an input field with a German decimal comma: 45.5 → "45,5". */
export function decimalToInput(value: number): string {
  return Number.isFinite(value) ? String(value).replace('.', ',') : '';
}

/** Square metres shown German: 60 → "60", 52.5 → "52,5". */
export function formatSqm(value: number): string {
  return new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(value);
}

/** Today's calendar date (YYYY-MM-DD) in Europe/Berlin, as the server counts validity. */
export function berlinToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
