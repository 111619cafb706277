import type { TImportField } from '../../../../contracts/preventionImport.js';
import type { Cell } from './import.parse.js';
import { displayOf } from './import.present.js';

/**
 * The import report as CSV for German Excel: UTF-8 with BOM, semicolons, CRLF. One line per row of
 * the file with what became of it (case created with a new or a linked household, or skipped and
 * why).
 */

const field = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote when needed; a leading =, +, -, @ would be run as a formula by Excel.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export interface ReportRow {
  row_no: number;
  status: string;
  record: unknown;
  cells: unknown;
  errors: { column: string | null; message: string }[] | null;
  duplicate_of: number | null;
  new_household: boolean | null;
  case_reference: string | null;
  household_reference: string | null;
}

export function outcomeText(r: ReportRow): string {
  if (r.case_reference) return r.new_household ? 'Fall angelegt, neuer Haushalt' : 'Fall angelegt, mit vorhandenem Haushalt verknüpft';
  if (r.status === 'invalid') return 'übersprungen: fehlerhaft';
  if (r.duplicate_of !== null) return `übersprungen: doppelt in der Datei (wie Zeile ${r.duplicate_of})`;
  return 'nicht importiert';
}

export function reportCsv(rows: ReportRow[], mapping: (TImportField | null)[]): string {
  const lines = [['Zeile', 'Ergebnis', 'Name', 'Anschrift', 'Fall', 'Haushalt', 'Fehler'].join(';')];
  for (const r of rows) {
    const { name, address } = displayOf({ record: r.record, cells: r.cells as Cell[] }, mapping);
    const errors = (r.errors ?? []).map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join(' | ');
    lines.push([r.row_no, outcomeText(r), name, address, r.case_reference, r.household_reference, errors].map(field).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
