import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';

/*
 * Steering (issue 17), the reports beside the key figures: who each programme reached in a period
 * (breakdowns by gender, age band, household type, children, nationality group; the share of women
 * over time, seed 003), the lead's workload view, and the exports (XLSX, PDF, annual report).
 * Counts only: no record, no name of a household.
 */

const ZText = z.object({ de: z.string(), en: z.string() });

/** The dimensions of a breakdown, in display order. */
export const BREAKDOWN_DIMENSIONS = ['gender', 'age', 'household', 'children', 'nationality'] as const;
export const ZBreakdownDimension = z.enum(BREAKDOWN_DIMENSIONS);
export type TBreakdownDimension = z.infer<typeof ZBreakdownDimension>;

export const ZBreakdownsQuery = z.object({
  from: ZDate.optional().describe('Beginn des Zeitraums (ohne Angabe: das laufende Quartal)'),
  to: ZDate.optional().describe('Ende des Zeitraums (einschließlich)'),
});

export const ZBreakdownDimensionView = z.object({
  dimension: ZBreakdownDimension,
  title: ZText,
  definition: ZText,
  rows: z.array(z.object({ key: z.string(), label: ZText, count: z.number().int() })),
});

export const ZWomenShare = z.object({
  period: z.string().describe('Monat (YYYY-MM) oder Quartal (YYYY-Qn)'),
  women: z.number().int().describe('Erreichte Haushalte mit einer Frau als Hauptperson'),
  total: z.number().int().describe('Alle erreichten Haushalte'),
  share: z.number().nullable().describe('Anteil in %, null ohne erreichte Haushalte'),
});
export type TWomenShare = z.infer<typeof ZWomenShare>;

export const ZProgrammeBreakdown = z.object({
  module: z.string().describe('Das Programm'),
  reached: ZText.describe('Wer als erreicht zählt (Definition des Programms)'),
  total: z.number().int().describe('Erreichte Haushalte im Zeitraum'),
  dimensions: z.array(ZBreakdownDimensionView),
  womenByMonth: z.array(ZWomenShare),
  womenByQuarter: z.array(ZWomenShare),
});
export type TProgrammeBreakdown = z.infer<typeof ZProgrammeBreakdown>;

export const ZBreakdowns = z.object({
  from: ZDate,
  to: ZDate,
  computedAt: ZTimestamp.describe('Stand der Daten'),
  womenShareDefinition: ZText,
  programmes: z.array(ZProgrammeBreakdown),
});
export type TBreakdowns = z.infer<typeof ZBreakdowns>;

/** The lead's view: per person and programme the open cases and the overdue deadlines, today. */
export const ZWorkload = z.object({
  computedAt: ZTimestamp.describe('Stand der Daten'),
  modules: z.array(z.object({ module: z.string(), openCases: ZText.describe('Was als offener Fall zählt') })),
  overdueDefinition: ZText,
  people: z.array(
    z.object({
      userId: ZId.nullable().describe('null: niemandem zugeordnet'),
      name: z.string().nullable(),
      perModule: z.array(z.object({ module: z.string(), openCases: z.number().int(), overdue: z.number().int() })),
      openCases: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
});
export type TWorkload = z.infer<typeof ZWorkload>;

export const ZExportQuery = ZBreakdownsQuery.extend({
  lang: z.enum(['de', 'en']).default('de').describe('Sprache der Datei'),
});
export const ZAnnualReportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Berichtsjahr (ohne Angabe: das Vorjahr)'),
  lang: z.enum(['de', 'en']).default('de').describe('Sprache der Datei'),
});
