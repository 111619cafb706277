import { z } from 'zod';
import { ZDate, ZExpectedVersion, ZId } from './common.js';
import { ZText } from './plausible.js';

/*
 * Accommodation minimum standards and inspections (Begehungen): the agency's versioned checklist,
 * inspections of a facility with a result per item, findings with severity and remedy deadline.
 */
export const INSPECTION_KINDS = ['admission', 'routine', 'incident'] as const;
export const INSPECTION_STATES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export const ITEM_RESULTS = ['passed', 'failed', 'not_applicable'] as const;
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export const FINDING_STATES = ['open', 'closed'] as const;

export type TInspectionKind = (typeof INSPECTION_KINDS)[number];
export type TInspectionState = (typeof INSPECTION_STATES)[number];
export type TSeverity = (typeof SEVERITIES)[number];

const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: höchstens ${max} Zeichen.`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const ZChecklistItemInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,60}$/, 'Der Schlüssel besteht aus Kleinbuchstaben, Ziffern und _ (höchstens 60 Zeichen).'),
  title: ZText(200, 'Bezeichnung'),
  category: ZText(100, 'Bereich'),
  norm: optText(300, 'Maßstab'),
});

export const ZChecklistInput = z
  .object({
    items: z.array(ZChecklistItemInput).min(1, 'Die Checkliste braucht mindestens einen Punkt.').max(200),
    routineMonths: z
      .number({ message: 'Bitte eine Zahl von Monaten angeben.' })
      .int()
      .min(1, 'Mindestens 1 Monat.')
      .max(60, 'Höchstens 60 Monate.')
      .describe('Abstand der Regelbegehungen in Monaten'),
    note: optText(2000, 'Bemerkung'),
    version: z.number().int().min(0).describe('Die Version, die bearbeitet wurde (0: noch keine); veraltet → 412'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((it, i) => {
      if (seen.has(it.key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], message: 'Dieser Schlüssel kommt schon vor.' });
      seen.add(it.key);
    });
  });

export const ZChecklistItem = z.object({
  id: ZId,
  key: z.string(),
  title: z.string(),
  category: z.string(),
  norm: z.string().nullable(),
});
export const ZChecklist = z.object({
  id: ZId.nullable(),
  version: z.number().int(),
  routineMonths: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string().nullable(),
  items: z.array(ZChecklistItem),
});

export const ZInspectionPlanInput = z
  .object({
    kind: z.enum(INSPECTION_KINDS).describe('Anlass: vor der Zulassung, Regelbegehung, Vorfall oder Beschwerde'),
    plannedOn: ZDate,
    reason: optText(2000, 'Anlass'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'incident' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Bitte den Vorfall oder die Beschwerde beschreiben.' });
  });

export const ZResultInput = z
  .object({
    result: z.enum(ITEM_RESULTS),
    note: optText(2000, 'Notiz'),
    severity: z
      .enum(SEVERITIES)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    remedyDue: ZDate.nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.result !== 'failed') return;
    if (!v.severity) ctx.addIssue({ code: 'custom', path: ['severity'], message: 'Bitte die Schwere des Mangels angeben.' });
    if (!v.remedyDue) ctx.addIssue({ code: 'custom', path: ['remedyDue'], message: 'Bitte die Frist zur Behebung angeben.' });
    if (!v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Bitte den Mangel beschreiben.' });
  });

export const ZCompleteInput = z.object({
  summary: optText(4000, 'Ergebnis'),
  blockFacility: z.boolean().default(false).describe('Bei einem kritischen Mangel die Unterkunft für Neubelegung sperren'),
  version: ZExpectedVersion,
});
export const ZInspectionCancelInput = z.object({ reason: ZText(2000, 'Grund'), version: ZExpectedVersion });
export const ZInspectionVersionInput = z.object({ version: ZExpectedVersion });
export const ZRemedyInput = z.object({ note: ZText(2000, 'Nachweis'), checkedOn: ZDate });

export const ZFinding = z.object({
  id: ZId,
  inspectionId: ZId,
  itemKey: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  note: z.string().nullable(),
  remedyDue: ZDate,
  state: z.enum(FINDING_STATES),
  closedOn: ZDate.nullable(),
  closedByInspectionId: ZId.nullable(),
  closedNote: z.string().nullable(),
});

export const ZInspectionSummary = z.object({
  id: ZId,
  facilityId: ZId,
  facilityName: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  state: z.enum(INSPECTION_STATES),
  plannedOn: ZDate,
  completedOn: ZDate.nullable(),
  inspector: z.string().nullable(),
  checklistVersion: z.number().int(),
  failed: z.number().int(),
  openFindings: z.number().int(),
});
export const ZInspectionList = z.object({
  items: z.array(ZInspectionSummary),
  findings: z.array(ZFinding).describe('Offene Mängel der Unterkunft'),
  nextRoutineDue: ZDate.nullable(),
});

export const ZInspectionDetail = ZInspectionSummary.extend({
  reason: z.string().nullable(),
  summary: z.string().nullable(),
  startedOn: ZDate.nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
  items: z.array(
    ZChecklistItem.extend({
      resultId: ZId.nullable(),
      result: z.enum(ITEM_RESULTS).nullable(),
      note: z.string().nullable(),
      severity: z.enum(SEVERITIES).nullable(),
      remedyDue: ZDate.nullable(),
      photos: z.array(z.object({ id: ZId, filename: z.string() })),
    }),
  ),
  findings: z.array(ZFinding),
});

export type TChecklist = z.infer<typeof ZChecklist>;
export type TChecklistInput = z.input<typeof ZChecklistInput>;
export type TInspectionDetail = z.infer<typeof ZInspectionDetail>;
export type TInspectionSummary = z.infer<typeof ZInspectionSummary>;
export type TFinding = z.infer<typeof ZFinding>;
