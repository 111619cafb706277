import type ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { z } from 'zod';
import type { ZQuarterReport } from '../../../contracts/aftercare.js';
import { REPORT_LABELS_DE as L, type TAnnualReport } from '../../../contracts/aftercareReports.js';
import { germanDate } from '../../platform/deadlines/workdays.js';
import { framedDefinition, renderDefinition, winAnsi, type Letterhead } from '../../platform/documents/render.js';
import { bold, workbook } from '../../platform/export/workbook.js';

/*
 * The annual report and the quarter figures as files for the city: PDF (pdfmake, the documents
 * frame) and XLSX (exceljs). German documents: every code is shown with its German label, a
 * suppressed cell (fewer than 5 cases) reads "< 5".
 */

export const SUPPRESSED = '< 5';
type Count = { key: string; count: number | null };
type Labels = Record<string, string>;
export type QuarterData = z.infer<typeof ZQuarterReport>;

export interface AnnualExport {
  data: TAnnualReport;
  carrierName: string;
  agencyName: string;
  footer?: string;
  narrative: { focus: string | null; goals: string | null; developments: string | null };
  /** e.g. "Eingereicht am 12.03.2027 von …, Fassung 2" or "Entwurf: Vorschau mit den Zahlen vom …". */
  status: string;
}

const label = (labels: Labels, key: string) => labels[key] ?? key;
const shown = (c: number | null) => (c === null ? SUPPRESSED : c);

/** The aggregate tables of the annual report: title, labels, counts. */
const annualAggregates = (d: TAnnualReport): [string, Labels, Count[]][] => [
  ['Fälle nach Zielgruppe', L.targetGroup, d.aggregates.byTargetGroup],
  ['Fälle nach Geschlecht', L.gender, d.aggregates.byGender],
  ['Fälle nach Altersgruppe', L.ageBand, d.aggregates.byAgeBand],
  ['Fälle nach Haushaltstyp', L.householdType, d.aggregates.byHouseholdType],
  ['Fälle nach Beendigungsgrund', L.endReason, d.aggregates.byEndReason],
];

/** The quarter's figure tables: title, labels, counts. */
const quarterTables = (q: QuarterData): [string, Labels, Count[]][] => [
  ['Fälle nach Zielgruppe', L.targetGroup, q.casesByTargetGroup],
  ['Fälle nach Zugang', L.source, q.casesBySource],
  ['Hausbesuche', L.visitStatus, q.visits],
  ['Vermittlungen nach Art', L.referralKind, q.referralsByKind],
  ['Beendigungen nach Grund', L.endReason, q.endsByReason],
  ['Nachprüfungen', L.followUpResult, q.followUps],
];

const CASE_COLUMNS = [
  'Fallnummer',
  'Altersgruppe',
  'Haushaltstyp',
  'Geschlecht',
  'Zielgruppe',
  'Dauer (Tage)',
  'Besuche',
  'Vermittlungen',
  'Ende',
  'Nachprüfung',
];

const caseCells = (r: TAnnualReport['rows'][number]): (string | number)[] => [
  r.pseudonym,
  label(L.ageBand, r.ageBand),
  label(L.householdType, r.householdType),
  label(L.gender, r.gender),
  label(L.targetGroup, r.targetGroup),
  r.durationDays ?? '',
  r.visitsHeld,
  r.referrals,
  r.endReason ? label(L.endReason, r.endReason) : label(L.endReason, 'running'),
  r.followUp ? label(L.followUpResult, r.followUp) : '',
];

const title = (e: AnnualExport) => `Jahresbericht ${e.data.year} – Wohnintegrationshilfe – ${e.carrierName}`;
const SUPPRESSION_NOTE =
  'Zur Wahrung der Anonymität sind Zellen mit weniger als 5 Fällen nicht ausgewiesen („< 5“). Die Fallzeilen sind pseudonymisiert: keine Namen, keine Geburtsdaten.';

// ---------------------------------------------------------------------------------------------
// PDF
const headerRow = (cells: string[]): TableCell[] => cells.map((c) => ({ text: winAnsi(c), style: 'th' }));

function countTable(heading: string, labels: Labels, rows: Count[]): Content {
  return {
    stack: [
      { text: winAnsi(heading), style: 'h3' },
      {
        table: {
          headerRows: 1,
          widths: ['*', 60],
          body: [
            headerRow(['Merkmal', 'Anzahl']),
            ...(rows.length
              ? rows.map((c) => [winAnsi(label(labels, c.key)), { text: String(shown(c.count)), alignment: 'right' as const }])
              : [[{ text: 'keine Fälle', colSpan: 2, italics: true }, '']]),
          ],
        },
        layout: 'lightHorizontalLines',
        style: 'table',
      },
    ],
    unbreakable: true,
  };
}

/** The annual report as a PDF: narrative, aggregates, the anonymised case rows. */
export function annualPdf(e: AnnualExport): Promise<Buffer> {
  const letterhead: Letterhead = { agencyName: e.carrierName, address: `Bericht an: ${e.agencyName}`, footer: e.footer };
  const narrative: [string, string | null][] = [
    ['Arbeitsschwerpunkte', e.narrative.focus],
    ['Ziele und ihre Erreichung', e.narrative.goals],
    ['Entwicklungen vor Ort', e.narrative.developments],
  ];
  const content: Content[] = [
    { text: winAnsi(`Jahresbericht ${e.data.year}`), style: 'h1', headlineLevel: 1 },
    {
      text: winAnsi(
        `Wohnintegrationshilfe (Nachsorge) · Träger: ${e.carrierName} · Berichtsjahr ${e.data.year} · fällig am ${germanDate(e.data.dueOn)}`,
      ),
      style: 'p',
    },
    { text: winAnsi(e.status), style: ['p', 'status'] },
    ...narrative.flatMap(([h, text]): Content[] => [
      { text: winAnsi(h), style: 'h2', headlineLevel: 2 },
      { text: winAnsi(text ?? '—'), style: 'p' },
    ]),
    { text: 'Summen', style: 'h2', headlineLevel: 2 },
    { text: winAnsi(`${e.data.rows.length} Fälle im Berichtsjahr.`), style: 'p' },
    ...annualAggregates(e.data).map(([h, labels, rows]) => countTable(h, labels, rows)),
    { text: winAnsi(SUPPRESSION_NOTE), style: ['p', 'note'] },
    { text: 'Fälle (pseudonymisiert)', style: 'h2', headlineLevel: 2, pageBreak: 'before' },
    {
      table: {
        headerRows: 1,
        widths: [52, 38, 52, 36, 60, 30, 28, 34, '*', 40],
        body: [headerRow(CASE_COLUMNS), ...e.data.rows.map((r) => caseCells(r).map((c) => winAnsi(String(c))))],
      },
      layout: 'lightHorizontalLines',
      style: 'cases',
    },
    ...(e.data.rows.length ? [] : [{ text: 'Keine Fälle im Berichtsjahr.', style: 'p' } as Content]),
  ];
  return renderDefinition(
    framedDefinition(title(e), letterhead, content, {
      h3: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
      th: { bold: true },
      table: { margin: [0, 0, 0, 8] },
      cases: { fontSize: 7, lineHeight: 1.1 },
      status: { italics: true },
      note: { fontSize: 9 },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// XLSX
/** Rows "Bereich | Merkmal | Anzahl" for figure tables; a suppressed count is the text "< 5". */
function countSheet(ws: ExcelJS.Worksheet, tables: [string, Labels, Count[]][]) {
  ws.columns = [{ width: 32 }, { width: 48 }, { width: 10 }];
  bold(ws.addRow(['Bereich', 'Merkmal', 'Anzahl']));
  for (const [h, labels, rows] of tables) {
    for (const c of rows) ws.addRow([h, label(labels, c.key), shown(c.count)]);
    if (!rows.length) ws.addRow([h, 'keine Fälle', 0]);
  }
  ws.getColumn(3).alignment = { horizontal: 'right' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The annual report as a workbook: "Bericht" (status and narrative), "Fälle" (the rows), "Summen". */
export async function annualXlsx(e: AnnualExport): Promise<Buffer> {
  const wb = workbook();
  wb.title = title(e);
  const info = wb.addWorksheet('Bericht');
  info.columns = [{ width: 28 }, { width: 100 }];
  bold(info.addRow([`Jahresbericht ${e.data.year}`]));
  info.addRow(['Träger', e.carrierName]);
  info.addRow(['Bericht an', e.agencyName]);
  info.addRow(['Berichtsjahr', e.data.year]);
  info.addRow(['Fällig am', germanDate(e.data.dueOn)]);
  info.addRow(['Stand', e.status]);
  info.addRow(['Arbeitsschwerpunkte', e.narrative.focus ?? '']);
  info.addRow(['Ziele und ihre Erreichung', e.narrative.goals ?? '']);
  info.addRow(['Entwicklungen vor Ort', e.narrative.developments ?? '']);
  info.addRow(['Hinweis', SUPPRESSION_NOTE]);
  info.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const cases = wb.addWorksheet('Fälle');
  cases.columns = CASE_COLUMNS.map((h) => ({ header: h, width: Math.max(12, h.length + 4) }));
  bold(cases.getRow(1));
  for (const r of e.data.rows) cases.addRow(caseCells(r).map((c) => (c === '' ? null : c)));
  cases.views = [{ state: 'frozen', ySplit: 1 }];

  countSheet(wb.addWorksheet('Summen'), annualAggregates(e.data));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The quarter's running figures as a workbook: one sheet "Quartal" with every figure table. */
export async function quarterXlsx(q: QuarterData, carrierName: string | null): Promise<Buffer> {
  const wb = workbook();
  wb.title = `Nachsorge: Quartalszahlen ${germanDate(q.from)} bis ${germanDate(q.to)}`;
  const ws = wb.addWorksheet('Quartal');
  countSheet(ws, quarterTables(q));
  ws.addRow([]);
  ws.addRow(['Zeitraum', `${germanDate(q.from)} bis ${germanDate(q.to)}`]);
  ws.addRow(['Träger', carrierName ?? 'alle Träger']);
  ws.addRow(['Mittlere Falldauer (Median, Tage)', q.medianDurationDays ?? 'keine beendeten Fälle']);
  ws.addRow(['Hinweis', SUPPRESSION_NOTE]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
