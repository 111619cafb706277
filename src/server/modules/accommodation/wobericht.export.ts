import { stringify } from 'csv-stringify/sync';
import {
  STAT_AGE_BANDS,
  STAT_CSV_CODES,
  STAT_CSV_COLUMNS,
  STAT_HOUSEHOLD_TYPES,
  STAT_SEXES,
  type TStatisticsTable,
} from '../../../contracts/accommodationStatistics.js';
import { PROVISIONS } from '../../../contracts/accommodation.js';
import { bold, workbook } from '../../platform/export/workbook.js';
import { publishCount } from '../steering/suppression.js';
import type { RecordRow } from './wobericht.repository.js';

/*
 * The federal statistics as files: the records as CSV (layout STAT_CSV_COLUMNS, documented in the
 * README and the API) and XLSX (sheet "Datensätze" the same columns, sheet "Tabelle" the published
 * table). Counts in the table pass through the steering disclosure rule (publishCount): 0–4 "< 5",
 * otherwise rounded to the nearest multiple of 5; margins are rounded from the exact counts.
 */

const code = <T extends Record<string, string>>(table: T, key: string): string => table[key as keyof T] ?? key;

/** One record as the CSV columns' values, in their order. */
export function recordCells(r: RecordRow, i: number, referenceDay: string, ags: string): (string | number)[] {
  return [
    i + 1,
    referenceDay,
    ags,
    code(STAT_CSV_CODES.sex, r.gender),
    r.age ?? '',
    code(STAT_CSV_CODES.nationality, r.nationality),
    code(STAT_CSV_CODES.householdType, r.household_type),
    r.household_size,
    code(STAT_CSV_CODES.provision, r.provision),
    code(STAT_CSV_CODES.provider, r.provider),
    r.since,
  ];
}

export function recordsCsv(rows: RecordRow[], referenceDay: string, ags: string): Buffer {
  const text = stringify(
    rows.map((r, i) => recordCells(r, i, referenceDay, ags)),
    { bom: true, delimiter: ';', record_delimiter: '\r\n', header: true, columns: STAT_CSV_COLUMNS.map(([name]) => name) },
  );
  return Buffer.from(text, 'utf8');
}

/** The published table from the exact counts (rows of wobericht.repository `table`). */
export function publishedTable(counts: { dim: string; sex: string | null; key: string | null; n: number }[]): TStatisticsTable {
  const n = (dim: string, sex: string | null, key: string | null) =>
    counts.find((c) => c.dim === dim && c.sex === sex && c.key === key)?.n ?? 0;
  const pub = (v: number) => publishCount(v).value;
  const sexAge = STAT_AGE_BANDS.map((age) => ({
    age,
    male: pub(n('sex_age', 'male', age)),
    female: pub(n('sex_age', 'female', age)),
    diverse: pub(n('sex_age', 'diverse', age)),
    unspecified: pub(n('sex_age', 'unspecified', age)),
    total: pub(n('sex_age', null, age)),
  }));
  return {
    total: pub(n('sex_age', null, null)),
    sexAge,
    householdTypes: STAT_HOUSEHOLD_TYPES.map((key) => ({ key, count: pub(n('household', null, key)) })),
    provisions: PROVISIONS.map((key) => ({ key, count: pub(n('provision', null, key)) })),
  };
}

const SEX_DE: Record<(typeof STAT_SEXES)[number], string> = {
  male: 'männlich',
  female: 'weiblich',
  diverse: 'divers',
  unspecified: 'ohne Angabe',
};
const shown = (v: number | null) => (v === null ? '< 5' : v);

export async function recordsXlsx(rows: RecordRow[], table: TStatisticsTable, referenceDay: string, ags: string, year: number) {
  const wb = workbook();
  wb.title = `Statistik untergebrachter wohnungsloser Personen ${year}`;
  const ws = wb.addWorksheet('Datensätze');
  ws.columns = STAT_CSV_COLUMNS.map(([name]) => ({ header: name, width: Math.max(12, name.length + 4) }));
  bold(ws.getRow(1));
  rows.forEach((r, i) => ws.addRow(recordCells(r, i, referenceDay, ags)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];

  const t = wb.addWorksheet('Tabelle');
  bold(
    t.addRow([`Untergebrachte wohnungslose Personen am ${referenceDay} (AGS ${ags}); Werte auf Vielfache von 5 gerundet, 0–4 als „< 5“`]),
  );
  t.addRow([]);
  bold(t.addRow(['Alter', ...STAT_SEXES.map((s) => SEX_DE[s]), 'insgesamt']));
  for (const r of table.sexAge) t.addRow([r.age, ...STAT_SEXES.map((s) => shown(r[s])), shown(r.total)]);
  bold(t.addRow(['insgesamt', '', '', '', '', shown(table.total)]));
  t.addRow([]);
  bold(t.addRow(['Haushaltstyp', 'Personen']));
  for (const r of table.householdTypes) t.addRow([code(STAT_CSV_CODES.householdType, r.key), shown(r.count)]);
  t.addRow([]);
  bold(t.addRow(['Art der Unterbringung', 'Personen']));
  for (const r of table.provisions) t.addRow([code(STAT_CSV_CODES.provision, r.key), shown(r.count)]);
  t.getColumn(1).width = 34;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
