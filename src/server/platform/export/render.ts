import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { berlinParts, cellText, truncationNote, type ExportColumn, type ExportLang, type ListExportDefinition } from './columns.js';
import { bold, workbook } from './workbook.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ExportData<Item> {
  items: Item[];
  /** All rows matching the filters (more than `items` when the export was cut). */
  total: number;
  lang: ExportLang;
  /** The day of the export (YYYY-MM-DD, Berlin), for the file name. */
  today: string;
}

const header = (c: ExportColumn<never>, lang: ExportLang) => c[lang];
const cut = (d: ExportData<unknown>) => d.total > d.items.length;
const cols = <Item>(def: ListExportDefinition<Item>) => def.columns as unknown as ExportColumn<never>[];

/**
 * CSV as German Excel opens it: UTF-8 with BOM, `;` between fields, CRLF, dates as 06.12.2026,
 * decimal comma. A cut export ends with a note row.
 */
export function renderCsv<Item>(def: ListExportDefinition<Item>, d: ExportData<Item>): ExportFile {
  const columns = cols(def);
  const rows = d.items.map((item) => columns.map((c) => cellText(c, c.value(item as never), d.lang)));
  if (cut(d)) rows.push([truncationNote(d.lang, d.items.length, d.total)]);
  const text = stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: '\r\n',
    header: true,
    columns: columns.map((c) => header(c, d.lang)),
  });
  return { filename: `${def.file[d.lang]}-${d.today}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(text, 'utf8') };
}

const FORMATS: Partial<Record<string, string>> = { date: 'dd.mm.yyyy', datetime: 'dd.mm.yyyy hh:mm', euro: '#,##0.00 "€"' };

/** A cell as a typed XLSX value: dates as Excel dates (Berlin wall clock), amounts as euros. */
function xlsxValue(c: ExportColumn<never>, raw: unknown, lang: ExportLang): ExcelJS.CellValue {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (c.kind ?? 'text') {
    case 'date': {
      const [y, m, day] = String(raw).slice(0, 10).split('-').map(Number);
      return new Date(Date.UTC(y!, m! - 1, day!));
    }
    case 'datetime': {
      const p = berlinParts(String(raw));
      return new Date(Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm));
    }
    case 'euro':
      return Number(raw) / 100;
    case 'number':
      return Number(raw);
    default:
      return cellText(c, raw as never, lang);
  }
}

/** XLSX: one sheet with the rows (bold frozen header, typed cells, filter), a cut export ends with a note row. */
export async function renderXlsx<Item>(def: ListExportDefinition<Item>, d: ExportData<Item>): Promise<ExportFile> {
  const columns = cols(def);
  const wb = workbook();
  wb.title = def.title[d.lang];
  const ws = wb.addWorksheet(def.title[d.lang].slice(0, 31));
  ws.columns = columns.map((c) => ({
    header: header(c, d.lang),
    width: c.width ?? Math.max(12, header(c, d.lang).length + 4),
    style: FORMATS[c.kind ?? 'text'] ? { numFmt: FORMATS[c.kind ?? 'text'] } : {},
  }));
  bold(ws.getRow(1));
  for (const item of d.items) ws.addRow(columns.map((c) => xlsxValue(c, c.value(item as never), d.lang)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  if (cut(d)) {
    ws.addRow([]);
    bold(ws.addRow([truncationNote(d.lang, d.items.length, d.total)]));
  }
  return {
    filename: `${def.file[d.lang]}-${d.today}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

export const renderExport = <Item>(format: ExportFormat, def: ListExportDefinition<Item>, d: ExportData<Item>) =>
  format === 'csv' ? Promise.resolve(renderCsv(def, d)) : renderXlsx(def, d);
