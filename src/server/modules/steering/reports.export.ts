import type ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces.js';
import type { TFigure, TFigures, TText } from '../../../contracts/steering.js';
import type { TBreakdowns, TWomenShare } from '../../../contracts/steeringReports.js';
import { framedDefinition, renderDefinition, winAnsi } from '../../platform/documents/render.js';
import { bold, workbook } from '../../platform/export/workbook.js';

/*
 * The steering exports, pure (the service loads): the dashboard as XLSX (one sheet per programme and
 * a definitions sheet) and as PDF, and the anonymised annual report as PDF with a simple bar chart
 * (pdfmake canvas rectangles) and the table of its numbers for each count by category. Counts only.
 */

export type Lang = 'de' | 'en';

export interface ExportData {
  agencyName: string;
  footer?: string | undefined;
  figures: TFigures;
  breakdowns: TBreakdowns;
  /** The annual report: charts beside the tables and the title "Jahresbericht". */
  annual: boolean;
}

const W = {
  de: {
    modules: {
      prevention: 'Prävention',
      placement: 'Vermittlung (WohnenPlus)',
      sustainment: 'Wohnungssicherung',
      aftercare: 'Nachsorge',
      accommodation: 'Unterbringung',
    },
    status: {
      below_minimum: 'unter Mindestwert',
      minimum_reached: 'Mindestwert erreicht',
      target_reached: 'Zielwert erreicht',
      not_set: 'kein Wert festgelegt',
      no_data: 'keine Daten im Zeitraum',
    },
    units: { count: 'Anzahl', share: '%', days: 'Tage (Median)', euros: 'Euro' },
    figure: 'Kennzahl',
    value: 'Wert',
    previous: 'Vorperiode',
    minimum: 'Mindestwert',
    target: 'Zielwert',
    status_: 'Stand',
    unit: 'Einheit',
    definition: 'Definition',
    category: 'Kategorie',
    count: 'Anzahl',
    definitions: 'Definitionen',
    reached: 'Erreichte Haushalte',
    womenShare: 'Anteil Frauen (Hauptperson) an den erreichten Haushalten',
    period: 'Zeitraum',
    women: 'Frauen',
    total: 'Haushalte',
    share: 'Anteil %',
    title: (from: string, to: string) => `Kennzahlen ${from} bis ${to}`,
    annualTitle: (year: string) => `Jahresbericht ${year} (anonymisiert)`,
    asOf: (at: string) => `Stand der Daten: ${at}. Nur Anzahlen, keine Namen oder Fälle.`,
    page: (c: number, n: number) => `Seite ${c} von ${n}`,
    breakdowns: 'Wer wurde erreicht?',
  },
  en: {
    modules: {
      prevention: 'Prevention',
      placement: 'Placement (WohnenPlus)',
      sustainment: 'Tenancy sustainment',
      aftercare: 'Aftercare',
      accommodation: 'Accommodation',
    },
    status: {
      below_minimum: 'below minimum',
      minimum_reached: 'minimum reached',
      target_reached: 'target reached',
      not_set: 'no value set',
      no_data: 'no data in the period',
    },
    units: { count: 'count', share: '%', days: 'days (median)', euros: 'euros' },
    figure: 'Figure',
    value: 'Value',
    previous: 'Previous period',
    minimum: 'Minimum',
    target: 'Target',
    status_: 'Status',
    unit: 'Unit',
    definition: 'Definition',
    category: 'Category',
    count: 'Count',
    definitions: 'Definitions',
    reached: 'Households reached',
    womenShare: 'Share of women (main person) among the households reached',
    period: 'Period',
    women: 'Women',
    total: 'Households',
    share: 'Share %',
    title: (from: string, to: string) => `Key figures ${from} to ${to}`,
    annualTitle: (year: string) => `Annual report ${year} (anonymised)`,
    asOf: (at: string) => `Data as of ${at}. Counts only, no names or cases.`,
    page: (c: number, n: number) => `Page ${c} of ${n}`,
    breakdowns: 'Who was reached?',
  },
} as const;

const text = (t: TText, lang: Lang) => t[lang];
const moduleName = (m: string, lang: Lang) => (W[lang].modules as Record<string, string>)[m] ?? m;
const dateOf = (d: string, lang: Lang) => (lang === 'de' ? `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}` : d);
const stamp = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });
const modulesOf = (d: ExportData) => [
  ...new Set([...d.figures.figures.map((f) => f.module), ...d.breakdowns.programmes.map((p) => p.module)]),
];

// ---------------------------------------------------------------------------------------------
// XLSX

function figureRows(ws: ExcelJS.Worksheet, figures: TFigure[], lang: Lang) {
  const w = W[lang];
  bold(ws.addRow([w.figure, w.value, w.previous, w.minimum, w.target, w.status_, w.unit]));
  for (const f of figures) {
    ws.addRow([text(f.title, lang), f.value, f.previous, f.minimum, f.target, w.status[f.status], w.units[f.unit]]);
    for (const b of f.breakdown ?? []) ws.addRow([`  ${text(b.label, lang)}`, b.count]);
  }
}

export async function dashboardXlsx(d: ExportData, lang: Lang): Promise<Buffer> {
  const w = W[lang];
  const wb = workbook();
  for (const module of modulesOf(d)) {
    const ws = wb.addWorksheet(moduleName(module, lang).slice(0, 31));
    ws.columns = [{ width: 52 }, { width: 12 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 24 }, { width: 14 }];
    ws.addRow([w.title(dateOf(d.figures.from, lang), dateOf(d.figures.to, lang))]).font = { bold: true, size: 13 };
    ws.addRow([w.asOf(stamp(d.figures.computedAt, lang))]);
    ws.addRow([]);
    figureRows(
      ws,
      d.figures.figures.filter((f) => f.module === module),
      lang,
    );
    const p = d.breakdowns.programmes.find((x) => x.module === module);
    if (p) {
      ws.addRow([]);
      bold(ws.addRow([w.reached, p.total]));
      for (const dim of p.dimensions) {
        bold(ws.addRow([text(dim.title, lang), w.count]));
        for (const r of dim.rows) ws.addRow([`  ${text(r.label, lang)}`, r.count]);
      }
      bold(ws.addRow([w.womenShare]));
      bold(ws.addRow([w.period, w.women, w.total, w.share]));
      for (const m of [...p.womenByMonth, ...p.womenByQuarter]) ws.addRow([m.period, m.women, m.total, m.share]);
    }
  }
  const defs = wb.addWorksheet(w.definitions);
  defs.columns = [{ width: 24 }, { width: 52 }, { width: 110 }];
  bold(defs.addRow([w.category, w.figure, w.definition]));
  for (const f of d.figures.figures) defs.addRow([moduleName(f.module, lang), text(f.title, lang), text(f.definition, lang)]);
  for (const p of d.breakdowns.programmes) defs.addRow([moduleName(p.module, lang), w.reached, text(p.reached, lang)]);
  for (const dim of d.breakdowns.programmes[0]?.dimensions ?? []) defs.addRow(['', text(dim.title, lang), text(dim.definition, lang)]);
  defs.addRow(['', w.womenShare, text(d.breakdowns.womenShareDefinition, lang)]);
  defs.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// PDF

const CHART_WIDTH = 300;
const BAR = 12;

/**
 * A horizontal bar chart: one borderless table row per category, its label beside a rectangle
 * (pdfmake canvas) whose length is the value's share of the largest (or of `max`); the numbers stand
 * in the table after it. Kept on one page.
 */
function barChart(rows: { label: string; value: number }[], max?: number): Content {
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 1);
  return {
    table: {
      widths: [150, CHART_WIDTH],
      body: rows.map((r) => [
        { text: winAnsi(r.label), fontSize: 8 },
        {
          canvas: [
            { type: 'rect' as const, x: 0, y: 1, w: Math.max(0.5, (r.value / top) * (CHART_WIDTH - 10)), h: BAR - 4, color: '#0b4f8a' },
          ],
        },
      ]),
    },
    layout: 'noBorders',
    unbreakable: true,
    margin: [0, 2, 0, 6],
  };
}

function table(head: string[], rows: (string | number | null)[][], widths: (number | string)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [head.map((h) => ({ text: winAnsi(h), bold: true })), ...rows.map((r) => r.map((c) => winAnsi(c === null ? '–' : String(c))))],
    },
    layout: 'lightHorizontalLines',
    style: 'table',
  };
}

function figureBlock(f: TFigure, d: ExportData, lang: Lang): Content[] {
  const w = W[lang];
  const out: Content[] = [
    { text: winAnsi(text(f.title, lang)), style: 'h3', headlineLevel: 3 },
    table(
      [w.value, w.previous, w.minimum, w.target, w.status_, w.unit],
      [[f.value, f.previous, f.minimum, f.target, w.status[f.status], w.units[f.unit]]],
      [50, 60, 55, 50, '*', 70],
    ),
    { text: winAnsi(`${w.definition}: ${text(f.definition, lang)}`), style: 'def' },
  ];
  if (f.breakdown?.length) {
    if (d.annual) out.push(barChart(f.breakdown.map((b) => ({ label: text(b.label, lang), value: b.count }))));
    out.push(
      table(
        [w.category, w.count],
        f.breakdown.map((b) => [text(b.label, lang), b.count]),
        ['*', 60],
      ),
    );
  }
  return out;
}

function womenBlock(rows: TWomenShare[], d: ExportData, lang: Lang): Content[] {
  const w = W[lang];
  return [
    { text: winAnsi(w.womenShare), style: 'h3', headlineLevel: 3 },
    ...(d.annual
      ? [
          barChart(
            rows.map((r) => ({ label: r.period, value: r.share ?? 0 })),
            100,
          ),
        ]
      : []),
    table(
      [w.period, w.women, w.total, w.share],
      rows.map((r) => [r.period, r.women, r.total, r.share]),
      ['*', 60, 60, 60],
    ),
  ];
}

export function dashboardPdf(d: ExportData, lang: Lang): Promise<Buffer> {
  const w = W[lang];
  const title = d.annual ? w.annualTitle(d.figures.from.slice(0, 4)) : w.title(dateOf(d.figures.from, lang), dateOf(d.figures.to, lang));
  const content: Content[] = [
    { text: winAnsi(title), style: 'h1', headlineLevel: 1 },
    { text: winAnsi(w.asOf(stamp(d.figures.computedAt, lang))), style: 'p' },
  ];
  for (const module of modulesOf(d)) {
    content.push({ text: winAnsi(moduleName(module, lang)), style: 'h2', headlineLevel: 2 });
    for (const f of d.figures.figures.filter((x) => x.module === module)) content.push(...figureBlock(f, d, lang));
    const p = d.breakdowns.programmes.find((x) => x.module === module);
    if (!p) continue;
    content.push(
      { text: winAnsi(`${w.breakdowns} ${w.reached}: ${p.total}`), style: 'h3', headlineLevel: 3 },
      { text: winAnsi(`${w.definition}: ${text(p.reached, lang)}`), style: 'def' },
    );
    for (const dim of p.dimensions) {
      // The heading stays with its chart.
      const heading: Content = { text: winAnsi(text(dim.title, lang)), style: 'h4' };
      const chart = barChart(dim.rows.map((r) => ({ label: text(r.label, lang), value: r.count })));
      content.push(d.annual ? { stack: [heading, chart], unbreakable: true } : heading);
      content.push(
        table(
          [w.category, w.count],
          dim.rows.map((r) => [text(r.label, lang), r.count]),
          ['*', 60],
        ),
      );
    }
    content.push(...womenBlock(d.annual ? p.womenByQuarter.concat(p.womenByMonth) : p.womenByMonth, d, lang));
  }
  content.push({ text: winAnsi(w.definitions), style: 'h2', headlineLevel: 2, pageBreak: 'before' });
  for (const dim of d.breakdowns.programmes[0]?.dimensions ?? [])
    content.push({ text: winAnsi(`${text(dim.title, lang)}: ${text(dim.definition, lang)}`), style: 'def' });
  content.push({ text: winAnsi(`${w.womenShare}: ${text(d.breakdowns.womenShareDefinition, lang)}`), style: 'def' });
  return renderDefinition(
    framedDefinition(
      title,
      { agencyName: d.agencyName, footer: d.footer },
      content,
      {
        h3: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
        h4: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 2] },
        table: { fontSize: 8.5, margin: [0, 0, 0, 6] },
        def: { fontSize: 8, color: '#444444', margin: [0, 0, 0, 6] },
      },
      { language: lang === 'de' ? 'de-DE' : 'en-GB', page: w.page },
    ),
  );
}
