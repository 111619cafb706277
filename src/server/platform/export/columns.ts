/*
 * The columns of a list export: a header in German and English and how a list item's value is
 * written. One definition serves CSV and XLSX, so both files show the same thing.
 */

export type ExportLang = 'de' | 'en';
/** text: as is; date: "YYYY-MM-DD"; datetime: an ISO timestamp (shown in Berlin time); euro: cents; bool: ja/nein. */
export type ColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'euro' | 'bool';
export type CellValue = string | number | boolean | null | undefined;

export interface ExportColumn<Item> {
  de: string;
  en: string;
  kind?: ColumnKind;
  value: (item: Item) => CellValue;
  /** Codes shown as words (e.g. a status), per language; an unknown code is shown as is. */
  labels?: Record<ExportLang, Record<string, string>>;
  /** Column width in XLSX (characters). */
  width?: number;
}

export interface ListExportDefinition<Item> {
  /** Identifies the list in the audit trail, e.g. "households". */
  list: string;
  /** File name stem per language, e.g. haushalte / households. */
  file: Record<ExportLang, string>;
  /** Sheet and document title per language. */
  title: Record<ExportLang, string>;
  columns: ExportColumn<Item>[];
}

/** Defines a list export (typed by the list's item). */
export const defineListExport = <Item>(d: ListExportDefinition<Item>): ListExportDefinition<Item> => d;

const BERLIN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Berlin wall-clock parts of an instant. */
export function berlinParts(iso: string): { y: number; m: number; d: number; hh: number; mm: number } {
  const parts = Object.fromEntries(BERLIN.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), hh: Number(parts.hour), mm: Number(parts.minute) };
}

const pad = (n: number) => String(n).padStart(2, '0');
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The cell as text, the way German (or English) Excel reads it from a CSV: 06.12.2026, 06.12.2026 14:30, 1234,56. */
export function cellText(col: ExportColumn<never>, raw: CellValue, lang: ExportLang): string {
  if (raw === null || raw === undefined || raw === '') return '';
  const kind = col.kind ?? 'text';
  if (kind === 'bool') return raw ? (lang === 'de' ? 'ja' : 'yes') : lang === 'de' ? 'nein' : 'no';
  if (kind === 'date') {
    const m = DATE.exec(String(raw));
    return m ? `${m[3]}.${m[2]}.${m[1]}` : String(raw);
  }
  if (kind === 'datetime') {
    const p = berlinParts(String(raw));
    return `${pad(p.d)}.${pad(p.m)}.${p.y} ${pad(p.hh)}:${pad(p.mm)}`;
  }
  if (kind === 'euro') {
    const euros = (Number(raw) / 100).toFixed(2);
    return lang === 'de' ? euros.replace('.', ',') : euros;
  }
  if (kind === 'number') return lang === 'de' ? String(raw).replace('.', ',') : String(raw);
  const s = String(raw);
  return col.labels?.[lang][s] ?? s;
}

/** The note written into a file that holds only the first `rows` of `total` matching rows. */
export function truncationNote(lang: ExportLang, rows: number, total: number): string {
  const n = (v: number) => v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');
  return lang === 'de'
    ? `Hinweis: Export auf die ersten ${n(rows)} von ${n(total)} Zeilen gekürzt. Bitte die Filter eingrenzen.`
    : `Note: export cut to the first ${n(rows)} of ${n(total)} rows. Please narrow the filters.`;
}
