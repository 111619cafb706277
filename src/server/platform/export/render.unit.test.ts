import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../../test/export-helpers.js';
import { defineListExport } from './columns.js';
import { exportLang } from './export.js';
import { renderCsv, renderXlsx } from './render.js';

type Row = { ref: string; amount: number | null; due: string; at: string; ok: boolean; state: string };
const def = defineListExport<Row>({
  list: 'test',
  file: { de: 'probe', en: 'sample' },
  title: { de: 'Probe', en: 'Sample' },
  columns: [
    { de: 'Zeichen', en: 'Ref', value: (r) => r.ref },
    { de: 'Betrag', en: 'Amount', kind: 'euro', value: (r) => r.amount },
    { de: 'Fällig', en: 'Due', kind: 'date', value: (r) => r.due },
    { de: 'Zeit', en: 'Time', kind: 'datetime', value: (r) => r.at },
    { de: 'Ok', en: 'Ok', kind: 'bool', value: (r) => r.ok },
    { de: 'Stand', en: 'State', value: (r) => r.state, labels: { de: { open: 'offen' }, en: { open: 'open' } } },
  ],
});
const rows: Row[] = [
  { ref: 'A;1 "x"', amount: 123456, due: '2026-12-06', at: '2026-07-01T12:30:00.000Z', ok: true, state: 'open' },
  { ref: 'B\nzwei', amount: null, due: '2026-01-31', at: '2026-01-31T23:30:00.000Z', ok: false, state: 'other' },
];

describe('list export files', () => {
  it('CSV: BOM, ";" with quoting, German dates in Berlin time, decimal comma, labels', () => {
    const f = renderCsv(def, { items: rows, total: 2, lang: 'de', today: '2026-12-06' });
    expect(f.filename).toBe('probe-2026-12-06.csv');
    expect(f.content.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(parse(f.content, { bom: true, delimiter: ';' })).toEqual([
      ['Zeichen', 'Betrag', 'Fällig', 'Zeit', 'Ok', 'Stand'],
      ['A;1 "x"', '1234,56', '06.12.2026', '01.07.2026 14:30', 'ja', 'offen'],
      ['B\nzwei', '', '31.01.2026', '01.02.2026 00:30', 'nein', 'other'],
    ]);
  });

  it('says so in the file when the export was cut', async () => {
    const csv = renderCsv(def, { items: rows, total: 12345, lang: 'de', today: '2026-12-06' });
    const records = parse(csv.content, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
    expect(records.at(-1)).toEqual(['Hinweis: Export auf die ersten 2 von 12.345 Zeilen gekürzt. Bitte die Filter eingrenzen.']);
    const xlsx = await renderXlsx(def, { items: rows, total: 12345, lang: 'en', today: '2026-12-06' });
    expect(xlsx.filename).toBe('sample-2026-12-06.xlsx');
    const book = await readWorkbook(xlsx.content);
    expect(book.header).toEqual(['Ref', 'Amount', 'Due', 'Time', 'Ok', 'State']);
    expect(book.rows[0]).toEqual([
      'A;1 "x"',
      1234.56,
      new Date(Date.UTC(2026, 11, 6)),
      new Date(Date.UTC(2026, 6, 1, 14, 30)),
      'yes',
      'open',
    ]);
    expect(book.rows.at(-1)).toEqual(['Note: export cut to the first 2 of 12,345 rows. Please narrow the filters.']);
  });

  it('takes the language from lang, else Accept-Language by weight, else German', () => {
    expect(exportLang('en', 'de')).toBe('en');
    expect(exportLang(undefined, 'fr, en;q=0.8, de;q=0.9')).toBe('de');
    expect(exportLang(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(exportLang(undefined, undefined)).toBe('de');
  });
});
