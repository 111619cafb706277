import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';

/*
 * Data protection (issue 18): access requests of data subjects (Art. 15 DSGVO, § 83 SGB X) as a
 * tracked process, and the data-protection officer's read-only logs.
 */

export const PRIVACY_REQUEST_STATES = ['received', 'in_progress', 'produced', 'handed_over', 'refused'] as const;
export const ZPrivacyRequestState = z
  .enum(PRIVACY_REQUEST_STATES)
  .describe('eingegangen, in Bearbeitung, Auskunft erstellt, ausgehändigt, abgelehnt');
export type TPrivacyRequestState = z.infer<typeof ZPrivacyRequestState>;

export const REQUEST_CHANNELS = ['letter', 'email', 'in_person', 'phone', 'other'] as const;
export const HANDOVER_CHANNELS = ['letter', 'email', 'in_person', 'other'] as const;

const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZPrivacyRequestCreate = z.object({
  householdId: ZId,
  memberId: ZId.nullable().default(null).describe('Eine Person des Haushalts; ohne Angabe der ganze Haushalt'),
  channel: z.enum(REQUEST_CHANNELS).describe('Wie der Antrag einging'),
  receivedOn: ZDate.describe('Eingang des Antrags; die Monatsfrist (Art. 12 Abs. 3 DSGVO) läuft ab hier'),
  requestedBy: ZText(200).describe('Wer den Antrag stellte (die Person selbst, eine Vertretung)'),
  note: ZText(2000).nullable().default(null),
});
export type TPrivacyRequestCreate = z.input<typeof ZPrivacyRequestCreate>;

export const ZVersion = z.object({ version: z.number().int().positive() });
export const ZPrivacyRefuse = ZVersion.extend({
  reason: ZText(2000).describe('Begründung der Ablehnung (Art. 12 Abs. 4 DSGVO: mit Hinweis auf Beschwerde und Rechtsbehelf)'),
});
export const ZPrivacyHandOver = ZVersion.extend({
  handedOverOn: ZDate,
  channel: z.enum(HANDOVER_CHANNELS),
});

export const PRIVACY_ACTIONS = ['start', 'produce', 'handOver', 'refuse'] as const;

export const ZPrivacyRequest = z.object({
  id: ZId,
  reference: z.string(),
  state: ZPrivacyRequestState,
  household: z.object({ id: ZId, reference: z.string() }),
  member: z.object({ id: ZId, name: z.string() }).nullable(),
  channel: z.enum(REQUEST_CHANNELS),
  receivedOn: ZDate,
  dueOn: ZDate.describe('Ende der Monatsfrist'),
  overdue: z.boolean(),
  requestedBy: z.string(),
  note: z.string().nullable(),
  refusalReason: z.string().nullable(),
  producedAt: ZTimestamp.nullable(),
  producedBy: z.string().nullable(),
  handedOverOn: ZDate.nullable(),
  handoverChannel: z.enum(HANDOVER_CHANNELS).nullable(),
  /** Records per table in the produced export (null before it is produced). */
  summary: z.array(z.object({ module: z.string(), table: z.string(), count: z.number().int() })).nullable(),
  createdAt: ZTimestamp,
  version: z.number().int(),
  actions: z.array(z.enum(PRIVACY_ACTIONS)).describe('Schritte, die die angemeldete Person jetzt gehen kann'),
});
export type TPrivacyRequest = z.infer<typeof ZPrivacyRequest>;

export const ZPrivacyRequestQuery = z.object({
  state: ZPrivacyRequestState.optional(),
  householdId: ZId.optional(),
});
export const ZPrivacyRequestList = z.object({ items: z.array(ZPrivacyRequest.omit({ summary: true })), total: z.number().int() });

export const ZExportLangQuery = z.object({ lang: z.enum(['de', 'en']).optional() });

export const ZTransferLog = z.object({
  items: z.array(
    z.object({
      at: ZTimestamp,
      module: z.string(),
      householdReference: z.string(),
      recipient: z.string(),
      fields: z.array(z.string()),
      basis: z.string(),
    }),
  ),
  limit: z.number().int(),
});
export type TTransferLog = z.infer<typeof ZTransferLog>;

export const ZConsentLog = z.object({
  items: z.array(
    z.object({
      module: z.string(),
      householdId: ZId,
      householdReference: z.string(),
      recipient: z.string(),
      purpose: z.string(),
      givenOn: ZDate,
      validUntil: ZDate.nullable(),
      withdrawnOn: ZDate.nullable(),
    }),
  ),
  limit: z.number().int(),
});
export type TConsentLog = z.infer<typeof ZConsentLog>;
