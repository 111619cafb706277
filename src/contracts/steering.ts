import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';

/*
 * Steering (issue 17): the agency's key figures per period, each with its written definition, the
 * previous period's value, the minimum and target value in force and a status against both.
 */

export const FIGURE_UNITS = ['count', 'share', 'days', 'euros'] as const;
export const ZFigureUnit = z.enum(FIGURE_UNITS).describe('Anzahl, Anteil in %, Tage (Median), Euro');
export type TFigureUnit = z.infer<typeof ZFigureUnit>;

/** Status against the values in force; `no_data`: nothing to count in the period. */
export const TARGET_STATUSES = ['below_minimum', 'minimum_reached', 'target_reached', 'not_set', 'no_data'] as const;
export const ZTargetStatus = z
  .enum(TARGET_STATUSES)
  .describe('unter Mindestwert, Mindestwert erreicht, Zielwert erreicht, kein Wert festgelegt, keine Daten im Zeitraum');
export type TTargetStatus = z.infer<typeof ZTargetStatus>;

const ZText = z.object({ de: z.string(), en: z.string() });
export type TText = z.infer<typeof ZText>;

export const ZFiguresQuery = z.object({
  from: ZDate.optional().describe('Beginn des Zeitraums (ohne Angabe: das laufende Quartal)'),
  to: ZDate.optional().describe('Ende des Zeitraums (einschließlich)'),
});

export const ZFigure = z.object({
  id: z.string(),
  module: z.string().describe('Das Programm, das die Kennzahl liefert'),
  title: ZText,
  definition: ZText.describe('Was zählt, von wann bis wann'),
  unit: ZFigureUnit,
  higherIsBetter: z.boolean(),
  value: z.number().nullable().describe('null: im Zeitraum nichts zu zählen'),
  previous: z.number().nullable().describe('Wert des vorigen, gleich langen Zeitraums'),
  breakdown: z.array(z.object({ key: z.string(), label: ZText, count: z.number().int() })).nullable(),
  minimum: z.number().nullable(),
  target: z.number().nullable(),
  targetsFrom: ZDate.nullable().describe('Gültig ab (die Fassung, die am Ende des Zeitraums galt)'),
  status: ZTargetStatus,
});
export type TFigure = z.infer<typeof ZFigure>;

export const ZFigures = z.object({
  from: ZDate,
  to: ZDate,
  previousFrom: ZDate,
  previousTo: ZDate,
  computedAt: ZTimestamp.describe('Stand der Daten'),
  figures: z.array(ZFigure),
});
export type TFigures = z.infer<typeof ZFigures>;

export const ZRefreshed = z.object({
  from: ZDate,
  to: ZDate,
  computedAt: ZTimestamp.describe('Stand der neu berechneten Daten'),
});
export type TRefreshed = z.infer<typeof ZRefreshed>;

export const ZFigureCasesQuery = ZFiguresQuery.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZFigureCase = z.object({
  caseId: ZId,
  reference: z.string().describe('Aktenzeichen des Falls (Angebot, Mietverhältnis …)'),
  householdId: ZId.nullable(),
  fileNumber: z.string().nullable().describe('Aktenzeichen des Haushalts'),
  link: z.string().describe('Pfad des Falls in der Anwendung'),
  on: ZDate.describe('Der Tag, der für den Zeitraum zählte (Eingang, Abschluss, Vermietung …)'),
});
export type TFigureCase = z.infer<typeof ZFigureCase>;

export const ZFigureCases = z.object({
  figureId: z.string(),
  title: ZText,
  from: ZDate,
  to: ZDate,
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  items: z.array(ZFigureCase),
});
export type TFigureCases = z.infer<typeof ZFigureCases>;

export const ZTargetInput = z.object({
  figureId: z.string().min(1).max(80),
  minimum: z.number().min(0).max(1e9),
  target: z.number().min(0).max(1e9),
  validFrom: ZDate.describe('Gilt ab diesem Tag (für jeden Zeitraum, der an oder nach diesem Tag endet)'),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type TTargetInput = z.infer<typeof ZTargetInput>;

export const ZTargetVersion = z.object({
  id: ZId,
  figureId: z.string(),
  minimum: z.number().nullable(),
  target: z.number().nullable(),
  validFrom: ZDate,
  note: z.string().nullable(),
  createdBy: z.string().nullable().describe('Name der Person, die die Fassung angelegt hat'),
  createdAt: ZTimestamp,
});
export type TTargetVersion = z.infer<typeof ZTargetVersion>;

export const ZTargetsQuery = z.object({ figureId: z.string().max(80).optional() });
export const ZTargets = z.object({ items: z.array(ZTargetVersion).describe('Alle Fassungen, je Kennzahl die neueste zuerst') });
export type TTargets = z.infer<typeof ZTargets>;
