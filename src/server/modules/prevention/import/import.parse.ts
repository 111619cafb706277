import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors/app-error.js';

/**
 * Reading uploaded lists: CSV (German Excel exports: `;` or `,`, UTF-8 with or without BOM, or
 * Windows-1252) and XLSX (first worksheet, streamed). Rows arrive in batches so the caller can store
 * them while the file is still being read. Cell values stay raw: text, or a number for numeric XLSX
 * cells, or an ISO date for XLSX date cells; validation interprets them per mapped field.
 */

export type Cell = string | number | null;
export interface ParsedRow {
  /** The row's number as the user sees it in the file (header = 1). */
  rowNo: number;
  cells: Cell[];
}
export interface SheetInfo {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1252' | null;
  delimiter: ';' | ',' | '\t' | null;
  columns: string[];
  rows: number;
}

export const MAX_COLUMNS = 100;
export const MAX_ROWS = 250_000;
/** Characters of a CSV text handed to the parser at a time. */
export const TEXT_SLICE = 64 * 1024;

const fail = (message: string) =>
  new AppError('validation_failed', message, { errors: [{ field: 'file', code: 'invalid_format', message }] });

/** UTF-8 if the bytes are valid UTF-8 (BOM or not), otherwise Windows-1252 as German Excel writes it. */
export function decodeText(content: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(content), encoding: 'windows-1252' };
  }
}

/** The delimiter that splits the header line most often, counting only outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  return counts['\t'] > counts[','] ? '\t' : ',';
}

/** Header names: trimmed, blanks named by position, repeated names numbered. */
export function headerNames(cells: Cell[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = (c === null ? '' : String(c)).replace(/\s+/g, ' ').trim() || `Spalte ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

type OnBatch = (rows: ParsedRow[]) => Promise<void>;

/** Collects rows into batches, calling `onBatch` for each full one and once at the end. */
function batcher(onBatch: OnBatch, size: number) {
  let batch: ParsedRow[] = [];
  let total = 0;
  return {
    async push(row: ParsedRow) {
      if (++total > MAX_ROWS) throw fail(`Die Datei hat mehr als ${MAX_ROWS.toLocaleString('de-DE')} Zeilen.`);
      batch.push(row);
      if (batch.length >= size) {
        const b = batch;
        batch = [];
        await onBatch(b);
      }
    },
    async end() {
      if (batch.length) await onBatch(batch);
      return total;
    },
  };
}

async function parseCsv(content: Buffer, onBatch: OnBatch, batchSize: number): Promise<SheetInfo> {
  const { text, encoding } = decodeText(content);
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
  // Fed in slices: given the whole text as one chunk, the parser would turn every row into a record
  // at once and hold them all (hundreds of MB for a large list) before the first batch is stored.
  // A slice never ends between the two halves of a surrogate pair (an emoji in a name).
  const slices = function* () {
    for (let i = 0; i < text.length;) {
      let end = Math.min(text.length, i + TEXT_SLICE);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
      yield text.slice(i, end);
      i = end;
    }
  };
  const parser = Readable.from(slices()).pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }),
  );
  let columns: string[] | null = null;
  const rows = batcher(onBatch, batchSize);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        if (record.length > MAX_COLUMNS) throw fail(`Die Datei hat mehr als ${MAX_COLUMNS} Spalten.`);
        columns = headerNames(record);
        continue;
      }
      if (isBlank(record)) continue;
      await rows.push({ rowNo: info.lines, cells: record.slice(0, MAX_COLUMNS).map((c) => (c === '' ? null : c)) });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fail(`Die CSV-Datei ist nicht lesbar: ${(e as Error).message}`);
  }
  if (!columns) throw fail('Die Datei enthält keine Kopfzeile.');
  return { format: 'csv', encoding, delimiter, columns, rows: await rows.end() };
}

/** An ISO date for a date cell, the number for numeric cells, text for everything else. */
export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'object') {
    if ('richText' in v)
      return (
        v.richText
          .map((t) => t.text)
          .join('')
          .trim() || null
      );
    if ('result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return cellValue((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return null;
  }
  return String(v);
}

async function parseXlsx(content: Buffer, onBatch: OnBatch, batchSize: number): Promise<SheetInfo> {
  // Styles are read so that date-formatted cells arrive as dates, not as serial numbers.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let columns: string[] | null = null;
  const rows = batcher(onBatch, batchSize);
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1, MAX_COLUMNS + 1);
        const cells = Array.from({ length: values.length }, (_, i) => cellValue(values[i] ?? null));
        if (isBlank(cells)) continue;
        if (!columns) {
          columns = headerNames(cells);
          continue;
        }
        await rows.push({ rowNo: row.number, cells });
      }
      break; // only the first worksheet
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fail('Die Excel-Datei (XLSX) ist nicht lesbar.');
  }
  if (!columns) throw fail('Die Datei enthält keine Kopfzeile.');
  return { format: 'xlsx', encoding: null, delimiter: null, columns, rows: await rows.end() };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads a CSV or XLSX upload (decided by content, not by name), handing rows over in batches. */
export async function parseUpload(content: Buffer, onBatch: OnBatch, batchSize = 5000): Promise<SheetInfo> {
  if (content.length === 0) throw fail('Die Datei ist leer.');
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return parseXlsx(content, onBatch, batchSize);
  if (content.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw fail('Das alte Excel-Format (XLS) wird nicht unterstützt. Bitte als XLSX oder CSV speichern.');
  }
  return parseCsv(content, onBatch, batchSize);
}

/** Batches of an upload stored at once while the file is still read. */
const UPLOAD_IN_FLIGHT = 2;

/**
 * Parses an upload, storing each batch while the next is read: up to UPLOAD_IN_FLIGHT batches go
 * to the database at once (each its own transaction, on its own connection), so parsing in Node
 * and inserting in PostgreSQL overlap. Returns once every batch is stored; the first failure is
 * thrown after the others have settled (the caller then deletes what was stored).
 */
export async function storeWhileParsing(content: Buffer, store: (rows: Parameters<Parameters<typeof parseUpload>[1]>[0]) => Promise<void>) {
  const inFlight = new Set<Promise<void>>();
  let failure: { e: unknown } | null = null;
  try {
    return await parseUpload(content, async (rows) => {
      while (inFlight.size >= UPLOAD_IN_FLIGHT) await Promise.race(inFlight);
      if (failure) throw failure.e;
      const p: Promise<void> = store(rows)
        .catch((e: unknown) => {
          failure ??= { e };
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    });
  } finally {
    await Promise.allSettled([...inFlight]);
    // A failed store is the cause to report, also over an error of the parser it made stop.
    // eslint-disable-next-line no-unsafe-finally
    if (failure) throw (failure as { e: unknown }).e;
  }
}
