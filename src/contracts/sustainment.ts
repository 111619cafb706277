import { z } from 'zod';
import { ZTextParams } from './notify.js';
import { ZMoney, ZPastDate, ZPastTimestamp, endNotBeforeStart } from './plausible.js';
import { ZDate, ZId, ZPage, ZTimestamp, ZExpectedVersion } from './common.js';
import { ZDeadlineRef, ZDocumentRef, ZGuaranteeItem, ZTenancy } from './placement.js';

/*
 * Sustainment (the five guarantee years): tenancies, rent default and conflict incidents, guarantee
 * payouts, recovery of the assigned claim, the end of a tenancy and its closing review. Shared by
 * server and web. All money is integer cents. See notes/sustainment-api.md for the routes.
 */

const money = (label: string) => ZMoney(label);
const positiveMoney = (label: string) => ZMoney(label, { min: 1 });
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const ZRef = z.object({ id: ZId, displayName: z.string() });
/** A month as `YYYY-MM`. */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Monat im Format JJJJ-MM');

// ---------------------------------------------------------------------------------------------
// States and steps

export const TENANCY_STATUSES = ['active', 'ended'] as const;
export const ZTenancyStatus = z.enum(TENANCY_STATUSES);
export const END_REASONS = ['moved_out', 'terminated_by_provider', 'terminated_by_tenant', 'guarantee_ended'] as const;
export const ZEndReason = z
  .enum(END_REASONS)
  .describe('Ausgezogen, Kündigung durch Vermieter, Kündigung durch Mieter, Garantie beendet (lebt selbstständig)');
export const CLOSING_OUTCOMES = ['independent', 'further_support', 'lost'] as const;
export const ZClosingOutcome = z.enum(CLOSING_OUTCOMES).describe('lebt selbstständig, weitere Unterstützung, Wohnung verloren');

export const INCIDENT_KINDS = ['rent_default', 'conflict'] as const;
export const ZIncidentKind = z.enum(INCIDENT_KINDS);
export type TIncidentKind = z.infer<typeof ZIncidentKind>;

export const RENT_DEFAULT_STATES = [
  'reported',
  'clarifying',
  'reasons_recorded',
  'awaiting_decision',
  'waiting',
  'payout_due',
  'assignment_pending',
  'secured',
  'resolved',
  'cancelled',
] as const;
export const CONFLICT_STATES = ['reported', 'in_progress', 'solved', 'secured', 'terminated', 'cancelled'] as const;
export const INCIDENT_STATES = [
  'reported',
  'clarifying',
  'reasons_recorded',
  'awaiting_decision',
  'waiting',
  'payout_due',
  'assignment_pending',
  'in_progress',
  'solved',
  'secured',
  'resolved',
  'terminated',
  'cancelled',
] as const;
export const ZIncidentState = z.enum(INCIDENT_STATES);
export type TRentDefaultState = (typeof RENT_DEFAULT_STATES)[number];
export type TConflictState = (typeof CONFLICT_STATES)[number];
export type TIncidentState = z.infer<typeof ZIncidentState>;
/** States in which an incident needs no more work (the queue hides them). */
export const CLOSED_INCIDENT_STATES = ['secured', 'resolved', 'terminated', 'cancelled'] as const satisfies readonly TIncidentState[];

export const RENT_DEFAULT_STEPS = [
  'report',
  'forward',
  'recordReasons',
  'informProvider',
  'wait',
  'demandPayment',
  'recheckUnpaid',
  'markPaid',
  'payout',
  'confirmAssignment',
  'cancel',
] as const;
export const CONFLICT_STEPS = ['report', 'forward', 'recordContact', 'warning', 'solve', 'informProvider', 'terminate', 'cancel'] as const;
export type TRentDefaultStep = (typeof RENT_DEFAULT_STEPS)[number];
export type TConflictStep = (typeof CONFLICT_STEPS)[number];
export type TIncidentStep = TRentDefaultStep | TConflictStep;

export const CONFLICT_CATEGORIES = ['noise', 'hygiene', 'damage', 'threats', 'neighbours', 'other'] as const;
export const ZConflictCategory = z.enum(CONFLICT_CATEGORIES).describe('Lärm, Hygiene, Schäden, Bedrohung, Nachbarschaft, Sonstiges');
export const CONTACT_CHANNELS = ['phone', 'home_visit', 'office', 'letter', 'email', 'other'] as const;
export const ZContactChannel = z.enum(CONTACT_CHANNELS);
export const RECOVERY_INTERVALS = [1, 3] as const;

// ---------------------------------------------------------------------------------------------
// Tenancies

const tenancyFields = {
  street: text(200).describe('Straße und Hausnummer'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Fünfstellige Postleitzahl'),
  city: text(100),
  district: optText(80),
  leaseStart: ZDate,
  leaseSignedOn: ZDate.nullable().optional(),
  coldRentCents: money('Kaltmiete'),
  serviceChargesCents: money('Nebenkosten'),
  heatingCents: money('Heizkosten'),
  guaranteeStart: ZDate.optional().describe('Fehlt: Mietbeginn'),
  guaranteeEnd: ZDate.optional().describe('Fehlt: Beginn + Garantiejahre der Einstellungen, minus ein Tag'),
  guaranteeMaxCents: money('Höchstbetrag der Garantie').optional().describe('Fehlt: aus den Einstellungen'),
  guaranteeItems: z.array(ZGuaranteeItem).min(1).optional(),
  guaranteeSignedOn: ZDate.nullable().optional(),
  contactPersonId: ZId.nullable().optional().describe('Feste Ansprechperson (Sachbearbeitung); fehlt: wer anlegt'),
  socialWorkerId: ZId.nullable().optional().describe('Fehlt: die Sozialarbeit des Haushalts'),
};

/** Direct entry of a tenancy that began before wohnhilfe (placement creates its own). */
export const ZTenancyCreate = z
  .object({ householdId: ZId, providerId: ZId, ...tenancyFields })
  .superRefine(endNotBeforeStart('guaranteeStart', 'guaranteeEnd'));
export type TTenancyCreate = z.input<typeof ZTenancyCreate>;
export const ZTenancyUpdate = z
  .object({
    ...tenancyFields,
    providerId: ZId.optional().describe('Fehlt: unverändert'),
    version: ZExpectedVersion,
  })
  .superRefine(endNotBeforeStart('guaranteeStart', 'guaranteeEnd'));

export const ZTenancyEnd = z.object({
  reason: ZEndReason,
  endedOn: ZDate,
  note: optText(2000),
  version: ZExpectedVersion.optional(),
});
export const ZClosingReviewInput = z.object({
  outcome: ZClosingOutcome,
  reviewedOn: ZDate.optional().describe('Fehlt: heute'),
  note: optText(4000),
  version: ZExpectedVersion.optional(),
});

export const ZTenancyListQuery = z.object({
  status: ZTenancyStatus.optional(),
  providerId: ZId.optional(),
  guaranteeEndsWithinMonths: z.coerce
    .number()
    .int()
    .min(0)
    .max(120)
    .optional()
    .describe('Garantie endet innerhalb von N Monaten (und ist noch nicht beendet)'),
  q: z.string().trim().max(100).optional().describe('Aktenzeichen, Anschrift, Haushalt (Name oder Aktenzeichen)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const ZGuaranteeState = z.object({
  active: z.boolean().describe('Die Garantie gilt heute (beginnt ≤ heute ≤ Ende, und nicht mit dem Mietverhältnis erloschen)'),
  remainingDays: z.number().int().describe('Tage bis zum Garantieende (0 wenn vorbei)'),
  remainingMonths: z.number().int().describe('Volle Monate bis zum Garantieende'),
  maxCents: z.number().int(),
  paidOutCents: z.number().int(),
  remainingCents: z.number().int().describe('Höchstbetrag − Auszahlungen'),
  recoveredCents: z.number().int().nullable().describe('Zurückgezahlt auf die abgetretene Forderung; null im Portal'),
  openClaimCents: z.number().int().nullable().describe('Auszahlungen − Rückzahlungen; null im Portal'),
});

/** A tenancy in lists: the placement shape plus guarantee figures and open incidents. */
export const ZTenancyListItem = ZTenancy.extend({
  status: ZTenancyStatus,
  endReason: ZEndReason.nullable(),
  endedOn: ZDate.nullable(),
  guarantee: ZGuaranteeState,
  openIncidents: z.number().int().describe('Offene Vorfälle, die der Benutzer sehen darf'),
  nextDeadline: ZDeadlineRef.nullable(),
  tenant: z
    .string()
    .describe(
      'Name der Mieterin/des Mieters (Haushaltsvorstand); auch im Portal: das Unternehmen ist Vermieter und kennt ihn aus dem Mietvertrag',
    ),
});
export const ZTenancyPage = ZPage(ZTenancyListItem);

export const ZPayout = z.object({
  id: ZId,
  incidentId: ZId.nullable(),
  amountCents: z.number().int(),
  paidOn: ZDate,
  months: z.array(ZMonth),
  assignmentDocumentId: ZId.nullable(),
  assignmentReceivedOn: ZDate.nullable(),
  createdAt: ZTimestamp,
});
export const ZRecoveryAgreement = z.object({
  id: ZId,
  incidentId: ZId.nullable(),
  instalmentCents: z.number().int(),
  startsOn: ZDate,
  intervalMonths: z.number().int(),
  nextDueOn: ZDate.nullable().describe('Nächste Rate (null, wenn die Forderung beglichen ist)'),
  note: z.string().nullable(),
  createdBy: ZRef.nullable(),
  createdAt: ZTimestamp,
});
export const ZRecoveryPayment = z.object({
  id: ZId,
  agreementId: ZId.nullable(),
  amountCents: z.number().int(),
  paidOn: ZDate,
  note: z.string().nullable(),
  createdBy: ZRef.nullable(),
  createdAt: ZTimestamp,
});
export const ZClosingReview = z.object({
  outcome: ZClosingOutcome,
  reviewedOn: ZDate,
  note: z.string().nullable(),
  reviewedBy: ZRef.nullable(),
});

export const TIMELINE_TYPES = [
  'tenancy_created',
  'incident_step',
  'contact',
  'payout',
  'assignment_received',
  'recovery_agreement',
  'recovery_payment',
  'document',
  'tenancy_ended',
  'closing_review',
] as const;
export const ZTimelineEntry = z.object({
  at: ZTimestamp,
  type: z.enum(TIMELINE_TYPES),
  title: z.string().describe('Deutsch, eine Zeile'),
  titleKey: z.string().describe('Übersetzungsschlüssel des Titels (tenancyTimeline.…)'),
  titleParams: ZTextParams,
  actor: ZRef.nullable(),
  incidentId: ZId.nullable(),
  step: z.string().nullable().describe('Bei incident_step: der Schritt (report, forward, …)'),
  amountCents: z.number().int().nullable(),
  refId: z.string().nullable().describe('Id des Eintrags (Auszahlung, Dokument, Kontakt …)'),
});

export const ZIncidentSummary = z.object({
  id: ZId,
  reference: z.string(),
  kind: ZIncidentKind,
  state: ZIncidentState,
  reportedAt: ZTimestamp,
  amountCents: z.number().int().nullable(),
  category: ZConflictCategory.nullable(),
  nextDeadline: ZDeadlineRef.nullable(),
});

export const ZTenancyDetail = ZTenancyListItem.extend({
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  district: z.string().nullable(),
  leaseSignedOn: ZDate.nullable(),
  serviceChargesCents: z.number().int(),
  heatingCents: z.number().int(),
  warmRentCents: z.number().int(),
  guaranteeSignedOn: ZDate.nullable(),
  guaranteeContinues: z.boolean().nullable().describe('Nach Kündigung: Garantie läuft weiter (true), erlischt (false); sonst null'),
  endNote: z.string().nullable(),
  closingReview: ZClosingReview.nullable(),
  incidents: z.array(ZIncidentSummary),
  payouts: z.array(ZPayout),
  agreements: z.array(ZRecoveryAgreement).describe('Im Portal leer'),
  payments: z.array(ZRecoveryPayment).describe('Im Portal leer'),
  documents: z.array(ZDocumentRef),
  deadlines: z.array(ZDeadlineRef).describe('Offene Fristen des Mietverhältnisses und seiner sichtbaren Vorfälle; im Portal leer'),
  timeline: z.array(ZTimelineEntry).describe('Chronologisch, älteste zuerst'),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: z.array(z.string()).describe('Schritte, die der aktuelle Benutzer jetzt ausführen darf'),
});
export type TTenancyDetail = z.infer<typeof ZTenancyDetail>;

export const ZRecoveryAgreementInput = z.object({
  incidentId: ZId.nullable().optional(),
  instalmentCents: positiveMoney('Rate'),
  startsOn: ZDate,
  intervalMonths: z
    .union([z.literal(1), z.literal(3)])
    .default(1)
    .describe('1 = monatlich, 3 = vierteljährlich'),
  note: optText(2000),
});
export const ZRecoveryPaymentInput = z.object({
  agreementId: ZId.nullable().optional(),
  amountCents: positiveMoney('Betrag'),
  paidOn: ZDate,
  note: optText(2000),
});

// ---------------------------------------------------------------------------------------------
// Incidents

export const ZRentDefaultReport = z.object({
  kind: z.literal('rent_default'),
  months: z.array(ZMonth).min(1).max(24).describe('Monate ohne Mietzahlung'),
  amountCents: positiveMoney('Offene Miete'),
  note: optText(2000),
});
export const ZConflictReport = z.object({
  kind: z.literal('conflict'),
  category: ZConflictCategory,
  description: text(4000),
  occurredOn: ZPastDate.describe('Wann es vorgefallen ist (nicht nach heute)'),
});
export const ZIncidentReport = z.discriminatedUnion('kind', [ZRentDefaultReport, ZConflictReport]);
export type TIncidentReport = z.input<typeof ZIncidentReport>;

const version = { version: ZExpectedVersion.optional() };
export const ZStepNote = z.object({ note: optText(2000), ...version });
export const ZReasonsInput = z.object({ reasons: text(4000).describe('Gründe, intern (nur Fachstelle)'), ...version });
export const ZInformProviderInput = z.object({ message: text(2000).describe('Was das Wohnungsunternehmen erfährt'), ...version });
export const ZWaitInput = z.object({
  recheckOn: ZDate.describe('Wiedervorlage: an diesem Tag wird die Zahlung geprüft'),
  note: optText(2000),
  ...version,
});
export const ZRecheckUnpaidInput = z.object({
  months: z.array(ZMonth).min(1).max(24).optional().describe('Fehlt: unverändert'),
  amountCents: positiveMoney('Offene Miete').optional(),
  note: optText(2000),
  ...version,
});
export const ZPayoutInput = z.object({
  amountCents: positiveMoney('Garantieleistung'),
  paidOn: ZDate.optional().describe('Fehlt: heute'),
  note: optText(2000),
  ...version,
});
export const ZAssignmentReceipt = z.object({ receivedOn: ZDate, note: optText(2000), ...version });
export const ZContactInput = z.object({
  occurredAt: ZPastTimestamp.describe('Zeitpunkt des Kontakts (nicht nach heute)'),
  channel: ZContactChannel,
  reached: z.boolean(),
  note: text(4000).describe('Intern (nur Fachstelle)'),
  ...version,
});
export const ZWarningInput = z.object({ issuedOn: ZDate, note: optText(2000), ...version });
export const ZSolveInput = z.object({ resolution: text(4000).describe('Wie das Problem gelöst wurde, intern'), ...version });
export const ZTerminateInput = z
  .object({
    terminatedOn: ZDate.describe('Datum der Kündigung'),
    leaseEndsOn: ZDate.describe('Ende des Mietverhältnisses laut Kündigung'),
    guaranteeContinues: z.boolean().describe('Garantie bleibt nach dem Garantievertrag bestehen'),
    note: optText(2000),
    ...version,
  })
  .superRefine(endNotBeforeStart('terminatedOn', 'leaseEndsOn'));
export const ZCancelInput = z.object({ reason: text(2000), ...version });

export const ZIncidentContact = z.object({
  id: ZId,
  occurredAt: ZTimestamp,
  channel: ZContactChannel,
  reached: z.boolean(),
  note: z.string(),
  recordedBy: ZRef.nullable(),
});
export const ZIncidentWarning = z.object({ issuedOn: ZDate, note: z.string().nullable(), recordedAt: ZTimestamp });
export const ZIncidentStepEntry = z.object({
  id: z.string(),
  step: z.string(),
  fromState: ZIncidentState.nullable(),
  toState: ZIncidentState,
  at: ZTimestamp,
  actor: ZRef.nullable(),
  round: z.number().int(),
  details: z
    .record(z.string(), z.unknown())
    .describe('Was der Schritt festhielt; im Portal nur die für das Unternehmen bestimmten Angaben'),
});

export const ZIncident = z.object({
  id: ZId,
  reference: z.string(),
  kind: ZIncidentKind,
  state: ZIncidentState,
  tenancy: z.object({
    id: ZId,
    reference: z.string(),
    address: z.string(),
    provider: z.object({ id: ZId, name: z.string() }),
    household: z.object({ id: ZId, reference: z.string(), name: z.string() }).nullable().describe('null im Portal'),
  }),
  contactPerson: ZRef.nullable(),
  socialWorker: ZRef.nullable(),
  reportedAt: ZTimestamp,
  reportedBy: ZRef.nullable(),
  reportedVia: z.enum(['portal', 'office']),
  round: z.number().int().describe('Mietausfall: Durchlauf der Klärung (1, 2, …)'),
  // rent default
  months: z.array(ZMonth),
  amountCents: z.number().int().nullable(),
  recheckOn: ZDate.nullable(),
  decision: z.enum(['wait', 'demand_payment']).nullable(),
  // conflict
  category: ZConflictCategory.nullable(),
  description: z.string().nullable(),
  occurredOn: ZDate.nullable(),
  warnings: z.array(ZIncidentWarning),
  contacts: z.array(ZIncidentContact).describe('Im Portal leer'),
  terminatedOn: ZDate.nullable(),
  leaseEndsOn: ZDate.nullable(),
  guaranteeContinues: z.boolean().nullable(),
  // what was recorded along the way
  reasons: z.string().nullable().describe('Gründe der Sozialarbeit; im Portal null'),
  resolution: z.string().nullable().describe('Lösung des Konflikts; im Portal null'),
  providerMessage: z.string().nullable().describe('Was die Ansprechperson dem Unternehmen mitgeteilt hat'),
  payouts: z.array(ZPayout),
  documents: z.array(ZDocumentRef),
  steps: z.array(ZIncidentStepEntry),
  deadlines: z.array(ZDeadlineRef).describe('Offene Fristen; im Portal leer'),
  nextDeadline: ZDeadlineRef.nullable(),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: z.array(z.string()).describe('Schritte, die der aktuelle Benutzer jetzt ausführen darf'),
});
export type TIncident = z.infer<typeof ZIncident>;

export const ZIncidentListItem = z.object({
  id: ZId,
  reference: z.string(),
  kind: ZIncidentKind,
  state: ZIncidentState,
  tenancy: ZIncident.shape.tenancy,
  contactPerson: ZRef.nullable(),
  socialWorker: ZRef.nullable(),
  reportedAt: ZTimestamp,
  amountCents: z.number().int().nullable(),
  category: ZConflictCategory.nullable(),
  nextDeadline: ZDeadlineRef.nullable().describe('Im Portal null'),
  updatedAt: ZTimestamp,
});
export const ZIncidentPage = ZPage(ZIncidentListItem);
export const ZIncidentListQuery = z.object({
  kind: ZIncidentKind.optional(),
  state: z
    .union([ZIncidentState, z.enum(['open', 'all'])])
    .default('open')
    .describe('open = alle laufenden (Standard)'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('nur meine (als Ansprechperson oder Sozialarbeit)'),
  tenancyId: ZId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
