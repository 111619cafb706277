import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';
import { ZFigureUnit } from './steering.js';

/*
 * City-wide steering (issue 17): a steering body's target agreements, its member agencies side by
 * side with the city total, and the city average a member agency sees beside its own figures. Only
 * aggregates, every one passed through the suppression rule (server: modules/steering/suppression.ts).
 */

const ZText = z.object({ de: z.string(), en: z.string() });

export const SUPPRESSIONS = ['small', 'secondary', 'no_base'] as const;

export const ZPublished = z.object({
  value: z.number().nullable().describe('Der gezeigte, gerundete Wert; null wenn unterdrückt oder nichts zu zeigen'),
  suppressed: z
    .enum(SUPPRESSIONS)
    .nullable()
    .describe('Warum nicht gezeigt: weniger als 5 Fälle, zum Schutz einer anderen kleinen Zelle, oder ohne bekannte Fallzahl'),
});
export type TPublished = z.infer<typeof ZPublished>;

export const ZCityQuery = z.object({
  agreementId: ZId.optional().describe('Die Zielvereinbarung (ohne Angabe: die zuletzt begonnene)'),
  from: ZDate.optional().describe('Beginn: ein Quartal oder ein Kalenderjahr (ohne Angabe: das laufende Quartal)'),
  to: ZDate.optional().describe('Ende (einschließlich)'),
});

export const ZAgreement = z.object({
  id: ZId,
  name: z.string(),
  validFrom: ZDate,
  validTo: ZDate.nullable(),
  figureIds: z.array(z.string()),
  members: z.number().int().describe('Zahl der beigetretenen Fachstellen'),
});
export type TAgreement = z.infer<typeof ZAgreement>;

const ZCityRow = z.object({
  cells: z.array(ZPublished).describe('Je Fachstelle, in der Reihenfolge von `agencies`'),
  total: ZPublished.describe('Stadt gesamt'),
});

export const ZCityFigure = ZCityRow.extend({
  id: z.string(),
  module: z.string(),
  title: ZText,
  definition: ZText,
  unit: ZFigureUnit,
  higherIsBetter: z.boolean(),
});
export type TCityFigure = z.infer<typeof ZCityFigure>;

export const ZCityComparison = z.object({
  body: z.object({ name: z.string() }).nullable().describe('Das Steuerungsgremium; null: das Konto gehört zu keinem'),
  agreements: z.array(ZAgreement),
  agreement: ZAgreement.nullable(),
  from: ZDate,
  to: ZDate,
  computedAt: ZTimestamp.describe('Stand der Daten'),
  agencies: z.array(z.object({ id: ZId, name: z.string() })),
  figures: z.array(ZCityFigure),
});
export type TCityComparison = z.infer<typeof ZCityComparison>;

export const ZCityAverageQuery = z.object({
  from: ZDate.optional().describe('Beginn: ein Quartal oder ein Kalenderjahr (ohne Angabe: das laufende Quartal)'),
  to: ZDate.optional().describe('Ende (einschließlich)'),
});

export const ZCityAverage = z.object({
  agreement: ZAgreement.nullable().describe('Die Zielvereinbarung der Fachstelle im Zeitraum; null: keine'),
  from: ZDate,
  to: ZDate,
  computedAt: ZTimestamp.describe('Stand der Daten'),
  figures: z.array(z.object({ id: z.string(), average: ZPublished })),
});
export type TCityAverage = z.infer<typeof ZCityAverage>;
