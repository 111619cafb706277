import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';

/**
 * Retention periods per programme, in years after the household's last case in that programme
 * closed. Default 10 years: § 84 Abs. 2 SGB X (erase when no longer needed for the task) read with
 * the usual municipal file-keeping period for social-assistance files (Aktenordnung / Aufbewahrungs-
 * bestimmungen: 10 years after the case closed, the limitation period for recovery claims of
 * § 50 SGB X plus the years of the guarantee contract). An agency may set each between 1 and 30 years.
 */
export const RETENTION_PROGRAMMES = ['prevention', 'placement', 'sustainment', 'aftercare'] as const;
export type TRetentionProgramme = (typeof RETENTION_PROGRAMMES)[number];

const years = z.number().int().min(1).max(30).default(10);
export const ZRetentionSettings = z.object({
  prevention: years.describe('Aufbewahrung nach Abschluss des Präventionsfalls (Jahre)'),
  placement: years.describe('Aufbewahrung nach Abschluss der Vermittlung (Jahre)'),
  sustainment: years.describe('Aufbewahrung nach Ende des Mietverhältnisses (Jahre)'),
  aftercare: years.describe('Aufbewahrung nach Ende der Nachsorge (Jahre)'),
  confirmDays: z.number().int().min(1).max(90).default(30).describe('Frist der Leitung zur Bestätigung (Tage)'),
  auditYears: z.number().int().min(1).max(30).default(10).describe('Aufbewahrung des Protokolls (Jahre)'),
});
export type TRetentionSettings = z.infer<typeof ZRetentionSettings>;

export const ZRetentionReview = z.object({
  id: ZId,
  householdId: ZId,
  reference: z.string(),
  headName: z.string(),
  closedOn: ZDate,
  dueOn: ZDate,
  programmes: z.array(z.enum(RETENTION_PROGRAMMES)),
  status: z.enum(['due', 'anonymised', 'kept']),
  listedAt: ZTimestamp,
  decidedAt: ZTimestamp.nullable(),
  keepReason: z.string().nullable(),
  keepUntil: ZDate.nullable(),
});
export const ZRetentionList = z.object({ items: z.array(ZRetentionReview) });
export const ZRetentionListQuery = z.object({ status: z.enum(['due', 'anonymised', 'kept']).default('due') });
export const ZRetentionDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('anonymise') }),
  z.object({
    decision: z.literal('keep'),
    reason: z.string().trim().min(3).max(1000).describe('Grund der weiteren Aufbewahrung (z. B. laufendes Verfahren)'),
    keepUntil: ZDate.describe('Bis wann weiter aufbewahrt wird'),
  }),
]);

export const RESTRICTION_REASONS = ['accuracy_contested', 'unlawful_processing', 'legal_claims', 'objection_pending', 'other'] as const;
export const ZRestriction = z.object({
  id: ZId,
  reason: z.enum(RESTRICTION_REASONS),
  note: z.string().nullable(),
  restrictedBy: z.string().nullable(),
  restrictedAt: ZTimestamp,
  liftedAt: ZTimestamp.nullable(),
  liftNote: z.string().nullable(),
});
export const ZRestrictionState = z.object({ active: ZRestriction.nullable(), history: z.array(ZRestriction) });
export const ZRestrictionCreate = z.object({
  reason: z.enum(RESTRICTION_REASONS).describe('Grund der Einschränkung (Art. 18 Abs. 1 DSGVO)'),
  note: z.string().trim().max(1000).nullable().default(null),
});
export const ZRestrictionLift = z.object({ note: z.string().trim().min(3).max(1000).describe('Warum die Einschränkung endet') });

export const ZConsentReportItem = z.object({
  kind: z.enum(['expiring', 'withdrawn', 'refused']),
  programme: z.enum(['placement', 'aftercare']),
  householdId: ZId,
  reference: z.string(),
  headName: z.string(),
  consentId: ZId.nullable(),
  recipient: z.string(),
  /** expiring: the expiry date; withdrawn: the withdrawal day; refused: the attempt's time. */
  on: z.string(),
  reason: z.enum(['withdrawn', 'expired', 'missing']).nullable(),
});
export const ZConsentReport = z.object({ days: z.number().int(), items: z.array(ZConsentReportItem) });
export const ZConsentReportQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30).describe('Einwilligungen, die in so vielen Tagen ablaufen'),
});
