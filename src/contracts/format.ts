/**
 * German formatting shared by server (letters, explanations, e-mails) and web: money is integer
 * cents, dates are shown TT.MM.JJJJ, times in Europe/Berlin.
 */

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** 123456 → "1.234,56 €" */
export function formatEuro(cents: number): string {
  return euro.format(cents / 100).replace(/\u00a0/g, ' ');
}

/** '2026-12-01' or an ISO timestamp → '01.12.2026' (timestamps in Europe/Berlin). */
export function formatGermanDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' }).format(d);
}

/** ISO timestamp → '05.03.2026, 14:07 Uhr' in Europe/Berlin. */
export function formatGermanDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(d)} Uhr`;
}
