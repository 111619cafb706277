import type { Cell } from './import.parse.js';

/**
 * Reading single values of a list as German offices and Excel write them. Each reader returns the
 * value, `null` for an empty cell, or an `Error` whose message is shown at the row.
 */

const blank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');
const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day number (1900 date system, with its phantom 29 Feb 1900) as an ISO date. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const dt = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return dt.toISOString().slice(0, 10);
}

const DATE_MSG = 'Kein gültiges Datum (TT.MM.JJJJ).';

/**
 * A date from TT.MM.JJJJ (also T.M.JJJJ and TT.MM.JJ), ISO (JJJJ-MM-TT, with or without time) or an
 * Excel serial number. Two-digit years: for birth dates the last century unless that is in the
 * future; otherwise this century.
 */
export function readDate(c: Cell, opts: { birth?: boolean; today?: string } = {}): string | null | Error {
  if (blank(c)) return null;
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  let iso: string | null = null;
  if (typeof c === 'number') iso = excelSerialDate(c);
  else {
    const s = c!.trim();
    let m: RegExpMatchArray | null;
    if ((m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/))) {
      let y = Number(m[3]);
      if (m[3]!.length === 2) {
        const yy = Number(today.slice(2, 4));
        y += opts.birth ? (y > yy ? 1900 : 2000) : 2000;
      }
      iso = isoOf(y, Number(m[2]), Number(m[1]));
    } else if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/))) {
      iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    } else if (/^\d{5}(?:[.,]\d+)?$/.test(s)) {
      iso = excelSerialDate(Number(s.replace(',', '.')));
    }
  }
  if (!iso) return new Error(DATE_MSG);
  if (iso < '1900-01-01' || iso > '2100-12-31') return new Error('Das Datum liegt außerhalb des möglichen Bereichs.');
  if (opts.birth && iso > today) return new Error('Das Geburtsdatum liegt in der Zukunft.');
  return iso;
}

const berlinParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant of a wall-clock time in Berlin (CET/CEST). */
export function berlinInstant(date: string, hour: number, minute: number): string {
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hour, minute);
  const offsetAt = (utc: number) => {
    const p = Object.fromEntries(berlinParts.formatToParts(new Date(utc)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - utc;
  };
  let utc = wall - offsetAt(wall);
  utc = wall - offsetAt(utc);
  return new Date(utc).toISOString();
}

/**
 * A date with an optional time ("10.12.2026 09:30", ISO, Excel serial with fraction) as an instant
 * in Berlin. Without a time the start of the day is taken: reminders then come early, never late.
 */
export function readDateTime(c: Cell, opts: { today?: string } = {}): string | null | Error {
  if (blank(c)) return null;
  let time: [number, number] = [0, 0];
  let datePart: Cell = c;
  if (typeof c === 'number') {
    const minutes = Math.round((c - Math.floor(c)) * 24 * 60);
    time = [Math.floor(minutes / 60) % 24, minutes % 60];
    datePart = Math.floor(c);
  } else {
    const m = c!.trim().match(/^(.+?)(?:[ T,]+(?:um\s+)?(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?(?:\s*Uhr)?(Z|[+-]\d{2}:?\d{2})?)$/i);
    if (m && !m[4]) {
      datePart = m[1]!;
      time = [Number(m[2]), Number(m[3])];
      if (time[0] > 23 || time[1] > 59) return new Error('Keine gültige Uhrzeit (HH:MM).');
    } else if (m && m[4]) {
      const d = new Date(c!.trim());
      return Number.isNaN(d.getTime()) ? new Error(DATE_MSG) : d.toISOString();
    }
  }
  const date = readDate(datePart, opts);
  if (date === null || date instanceof Error) return date;
  return berlinInstant(date, time[0], time[1]);
}

const AMOUNT_MSG = 'Kein gültiger Betrag (z. B. 1.234,56).';
const MAX_CENTS = 100_000_000_00;

/**
 * Euros to cents: "1.234,56", "1234,56", "1234", "1.234" (German thousands), "1234.56" and
 * "1,234.56" (English exports; "12,345" is ambiguous and refused), with optional "€"/"EUR"; numbers of XLSX cells as they are.
 */
export function readAmount(c: Cell): number | null | Error {
  if (blank(c)) return null;
  let euros: number;
  if (typeof c === 'number') euros = c;
  else {
    const s = c!.replace(/\s|\u00a0|€|eur(o)?/gi, '');
    const neg = s.startsWith('-');
    const body = neg ? s.slice(1) : s;
    let normal: string | null = null;
    if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(body) || /^\d+(,\d{1,2})?$/.test(body)) normal = body.replace(/\./g, '').replace(',', '.');
    else if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(body) || /^\d+\.\d{1,2}$/.test(body)) normal = body.replace(/,/g, '');
    if (normal === null) return new Error(AMOUNT_MSG);
    euros = Number(normal) * (neg ? -1 : 1);
  }
  if (!Number.isFinite(euros)) return new Error(AMOUNT_MSG);
  const cents = Math.round(euros * 100);
  if (cents < 0) return new Error('Der Betrag darf nicht negativ sein.');
  if (cents > MAX_CENTS) return new Error('Der Betrag ist unplausibel hoch.');
  return cents;
}

/** German postal code; Excel drops leading zeros of numeric cells ("1067" → "01067"). */
export function readPostalCode(c: Cell): string | null | Error {
  if (blank(c)) return null;
  const s = typeof c === 'number' ? String(c) : c!.trim();
  if (/^\d{4}$/.test(s)) return `0${s}`;
  if (/^\d{5}$/.test(s)) return s;
  return new Error('Keine gültige Postleitzahl (5 Ziffern).');
}

export function readText(c: Cell, max = 200): string | null | Error {
  if (blank(c)) return null;
  const s = (typeof c === 'number' ? String(c) : c!).replace(/\s+/g, ' ').trim();
  if (s.length > max) return new Error(`Der Text ist länger als ${max} Zeichen.`);
  return s;
}

export function readPersons(c: Cell): number | null | Error {
  if (blank(c)) return null;
  const n = typeof c === 'number' ? c : Number(c!.trim());
  if (!Number.isInteger(n) || n < 1 || n > 20) return new Error('Personenzahl zwischen 1 und 20 angeben.');
  return n;
}

export function readGender(c: Cell): 'female' | 'male' | 'diverse' | 'unspecified' | null | Error {
  if (blank(c)) return null;
  const s = String(c).trim().toLowerCase().replace(/\.$/, '');
  if (['w', 'weiblich', 'frau', 'f', 'female'].includes(s)) return 'female';
  if (['m', 'männlich', 'maennlich', 'herr', 'male'].includes(s)) return 'male';
  if (['d', 'divers', 'x', 'diverse'].includes(s)) return 'diverse';
  if (['k. a', 'ka', 'keine angabe', 'ohne angabe', 'u', 'unbekannt'].includes(s)) return 'unspecified';
  return new Error('Geschlecht: w, m, d oder keine Angabe.');
}

/** "Müller, Jürgen" or "Jürgen Müller" → last and first name. */
export function splitName(full: string): { lastName: string; firstName: string | null } {
  const comma = full.indexOf(',');
  if (comma >= 0) {
    const last = full.slice(0, comma).trim();
    const first = full.slice(comma + 1).trim();
    return { lastName: last || first, firstName: last && first ? first : null };
  }
  const parts = full.trim().split(/\s+/);
  if (parts.length === 1) return { lastName: parts[0]!, firstName: null };
  return { lastName: parts.at(-1)!, firstName: parts.slice(0, -1).join(' ') };
}
