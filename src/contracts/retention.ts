import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';

/**
 * Retention periods per programme, in years after the household's last case in that programme
 * closed. Default 10 years: § 84 Abs. 2 SGB X (erase when no longer needed for the task) read with
 * the usual municipal file-keeping period for social-assistance files (Aktenordnung / Aufbewahrungs-
 * bestimmungen: 10 years after the case closed, the limitation period for recovery claims of
 * § 50 SGB X plus the years of the guarantee contract). An agency may set each between 1 and 30 years.
 *
 * The audit trail has periods of its own, after which its events are pseudonymised (actor, subject,
 * IDs and free text of the details replaced by keyed pseudonyms; the hash chain keeps verifying —
 * platform/audit/pseudonymise.ts). Changes (`auditYears`, default 10): they show who wrote what into
 * a file and are needed as long as the file itself may be (the same 10 years; § 67c Abs. 5 SGB X,
 * Art. 5 Abs. 2 DSGVO accountability). Reads and sign-ins (`auditReadYears`, default 2): a log of
 * access serves data-protection control only (Art. 32 DSGVO, § 78a SGB X with its annex); the
 * end of the year after the access, as § 76 Abs. 4 BDSG sets for such logs, is reached within two
 * years, leaving a data subject's Art. 15 request and the DPO's yearly review the whole period.
 * Pseudonymised events are kept, not deleted: the chain and the counts of access stay complete.
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
  auditYears: z
    .number()
    .int()
    .min(1)
    .max(30)
    .default(10)
    .describe('Aufbewahrung des Protokolls: Änderungen (Jahre, danach pseudonymisiert)'),
  auditReadYears: z
    .number()
    .int()
    .min(1)
    .max(30)
    .default(2)
    .describe('Aufbewahrung des Protokolls: Lesezugriffe und Anmeldungen (Jahre, danach pseudonymisiert)'),
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

/** A household a retention run listed and what became of it (by file number only: after anonymisation it names nobody). */
export const ZRetentionRunReview = z.object({
  id: ZId,
  householdId: ZId,
  reference: z.string(),
  dueOn: ZDate,
  status: z.enum(['due', 'anonymised', 'kept']),
  decidedAt: ZTimestamp.nullable(),
  decidedBy: z.string().nullable().describe('Wer entschieden hat (Anzeigename)'),
  keepUntil: ZDate.nullable(),
  documentsDeleted: z.number().int().nullable(),
});
/** One agency's daily retention pass. */
export const ZRetentionRun = z.object({
  id: ZId,
  ranOn: ZDate,
  ranAt: ZTimestamp,
  listed: z.number().int(),
  anonymised: z.number().int(),
  kept: z.number().int(),
  open: z.number().int(),
  documentsDeleted: z.number().int(),
  auditPseudonymised: z.number().int().describe('Protokolleinträge, die in diesem Lauf pseudonymisiert wurden'),
  auditReadsBefore: ZTimestamp.nullable(),
  auditOthersBefore: ZTimestamp.nullable(),
  reviews: z.array(ZRetentionRunReview),
});
export const ZRetentionRuns = z.object({ items: z.array(ZRetentionRun), limit: z.number().int() });
export type TRetentionRuns = z.infer<typeof ZRetentionRuns>;

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
