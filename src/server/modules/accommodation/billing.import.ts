import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FieldError } from '../../platform/errors/app-error.js';
import { AppError } from '../../platform/errors/app-error.js';

/*
 * An operator's invoice as a file: CSV (`;` or `,`, UTF-8 or Windows-1252 as German Excel writes it)
 * or XLSX (first worksheet), one line per person and run of nights. Columns (header names, any
 * case, in any order): Aktenzeichen (the household's file number, as on the cost-coverage note),
 * Person (first and last name), Von (first night), Bis (last night, included), Nächte, Betrag
 * (euro, decimal comma or point). Dates as 01.11.2026 or 2026-11-01 (or XLSX date cells).
 * A bad row is named with its line number and column; nothing is stored until every row is good.
 */

export const IMPORT_COLUMNS = ['aktenzeichen', 'person', 'von', 'bis', 'naechte', 'betrag'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const ALIASES: Record<string, Column> = { nächte: 'naechte', nachte: 'naechte', 'betrag (eur)': 'betrag', betrag_euro: 'betrag' };

export interface ImportRow {
  lineNo: number;
  reference: string;
  person: string;
  firstNight: string;
  lastNight: string;
  nights: number;
  amountCents: number;
}

type Cell = string | number | Date | null;
const MAX_ROWS = 5000;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const fileError = (message: string) =>
  new AppError('validation_failed', message, { errors: [{ field: 'file', code: 'invalid_format', message }] });

function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** Rows of cells with the line number the user sees (header = line 1). */
async function readRows(content: Buffer): Promise<{ format: 'csv' | 'xlsx'; rows: { lineNo: number; cells: Cell[] }[] }> {
  if (content.length === 0) throw fileError('Die Datei ist leer.');
  if (content.subarray(0, 4).equals(ZIP)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw fileError('Die Excel-Datei (XLSX) ist nicht lesbar.');
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw fileError('Die Excel-Datei enthält kein Tabellenblatt.');
    const rows: { lineNo: number; cells: Cell[] }[] = [];
    sheet.eachRow((row, lineNo) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      rows.push({ lineNo, cells: values.map(xlsxCell) });
    });
    return { format: 'xlsx', rows };
  }
  const text = decode(content).replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { format: 'csv', rows: records.map((r) => ({ lineNo: r.info.lines, cells: r.record.map((c) => (c === '' ? null : c)) })) };
  } catch (e) {
    throw fileError(`Die CSV-Datei ist nicht lesbar: ${(e as Error).message}`);
  }
}

function xlsxCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'object' && 'result' in v) return xlsxCell((v as { result?: ExcelJS.CellValue }).result ?? null);
  if (typeof v === 'object' && 'richText' in v)
    return (
      v.richText
        .map((t) => t.text)
        .join('')
        .trim() || null
    );
  return String(v as unknown as string);
}

function isoDate(c: Cell): string | null {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  if (typeof c !== 'string') return null;
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(c);
  const iso = de ? `${de[3]}-${de[2]!.padStart(2, '0')}-${de[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(c) ? c : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

function cents(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) && c >= 0 ? Math.round(c * 100) : null;
  if (typeof c !== 'string') return null;
  const s = c.replace(/\s|€/g, '');
  // 1.234,56 (German) or 1234.56; a single comma or point before two digits is the decimal mark.
  const normal = /,\d{1,2}$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  return Math.round(Number(normal) * 100);
}

/** The invoice rows of a file; every bad cell is a field error `file.<line>.<column>` naming line and column. */
export async function parseInvoiceFile(content: Buffer): Promise<{ format: 'csv' | 'xlsx'; rows: ImportRow[] }> {
  const { format, rows } = await readRows(content);
  const [head, ...body] = rows;
  if (!head) throw fileError('Die Datei enthält keine Kopfzeile.');
  if (body.length > MAX_ROWS) throw fileError(`Die Datei hat mehr als ${MAX_ROWS} Zeilen.`);
  const names = head.cells.map((c) => {
    const n = String(c ?? '')
      .trim()
      .toLowerCase();
    return ALIASES[n] ?? n;
  });
  const index = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
  const absent = IMPORT_COLUMNS.filter((c) => index[c] < 0);
  if (absent.length) throw fileError(`Es fehlen Spalten: ${absent.join(', ')} (erwartet: ${IMPORT_COLUMNS.join(';')}).`);

  const errors: FieldError[] = [];
  const out: ImportRow[] = [];
  for (const { lineNo, cells } of body) {
    if (cells.every((c) => c === null)) continue;
    const cell = (c: Column) => cells[index[c]] ?? null;
    const bad = (c: Column, message: string) =>
      errors.push({ field: `file.${lineNo}.${c}`, code: 'invalid_format', message: `Zeile ${lineNo}, Spalte „${c}“: ${message}` });
    const text = (c: Column) => (cell(c) === null ? '' : String(cell(c)).trim());
    const reference = text('aktenzeichen');
    const person = text('person');
    if (!reference) bad('aktenzeichen', 'bitte das Aktenzeichen angeben.');
    if (!person) bad('person', 'bitte Vor- und Nachnamen angeben.');
    const firstNight = isoDate(cell('von'));
    const lastNight = isoDate(cell('bis'));
    if (!firstNight) bad('von', 'kein gültiges Datum (TT.MM.JJJJ).');
    if (!lastNight) bad('bis', 'kein gültiges Datum (TT.MM.JJJJ).');
    const rawNights = cell('naechte');
    const nights = typeof rawNights === 'number' ? rawNights : Number(String(rawNights ?? '').trim() || Number.NaN);
    if (!Number.isInteger(nights) || nights < 1 || nights > 31) bad('naechte', 'bitte eine ganze Zahl von 1 bis 31.');
    const amountCents = cents(cell('betrag'));
    if (amountCents === null) bad('betrag', 'kein gültiger Betrag in Euro (z. B. 1.234,56).');
    if (firstNight && lastNight && lastNight < firstNight) bad('bis', 'liegt vor „von“.');
    out.push({
      lineNo,
      reference,
      person,
      firstNight: firstNight ?? '',
      lastNight: lastNight ?? '',
      nights,
      amountCents: amountCents ?? 0,
    });
  }
  if (errors.length) throw new AppError('validation_failed', 'Die Datei enthält fehlerhafte Zeilen.', { errors: errors.slice(0, 200) });
  if (out.length === 0) throw fileError('Die Datei enthält keine Rechnungszeilen.');
  return { format, rows: out };
}
