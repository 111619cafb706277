import { z } from 'zod';
import { ZTextParams } from './notify.js';
import { ZMoney } from './plausible.js';
import { ZDate, ZId, ZPage, ZTimestamp, ZExpectedVersion } from './common.js';

/*
 * Placement (WohnenPlus): offers, programme conditions, rankings, candidates, consents, round
 * tables, viewings, decisions, allocation and contracts. Shared by server and web.
 */

export const EQUIPMENT = [
  'kitchen_fitted',
  'balcony',
  'cellar',
  'bathtub',
  'shower',
  'washing_machine_connection',
  'floor_covering',
  'garden',
  'parking',
] as const;
export const ZEquipment = z.enum(EQUIPMENT);
/** What a housing company may say it wishes for; used by the ranking as a soft preference. */
export const PREFERRED_HOUSEHOLDS = ['single', 'couple', 'family', 'single_parent', 'senior'] as const;
export const ZPreferred = z.enum(PREFERRED_HOUSEHOLDS);

export const OFFER_STATES = ['draft', 'submitted', 'declined', 'shortlisting', 'round_table', 'allocated', 'let', 'withdrawn'] as const;
export const ZOfferState = z.enum(OFFER_STATES);
export type TOfferState = z.infer<typeof ZOfferState>;

export const CANDIDATE_STATES = [
  'shortlisted',
  'presented',
  'viewing_scheduled',
  'viewed',
  'accepted',
  'refused',
  'vetoed',
  'allocated',
  'not_selected',
  'withdrawn',
] as const;
export const ZCandidateState = z.enum(CANDIDATE_STATES);
export type TCandidateState = z.infer<typeof ZCandidateState>;

export const REFUSAL_REASONS = ['location', 'size', 'rent', 'condition', 'neighbourhood', 'health', 'family', 'other'] as const;
export const ZRefusalReason = z.enum(REFUSAL_REASONS);

export const GUARANTEE_ITEMS = ['rent_arrears', 'service_charge_arrears', 'damage', 'clearance', 'legal_costs'] as const;
export const ZGuaranteeItem = z.enum(GUARANTEE_ITEMS);

const money = (label: string) => ZMoney(label, { maxCents: 10_000_000 });
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

// ---------------------------------------------------------------------------------------------
// Offers
export const ZOfferInput = z.object({
  providerId: ZId.optional().describe('Wohnungsunternehmen; für Portalnutzer immer das eigene'),
  street: text(200).describe('Straße und Hausnummer'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Fünfstellige Postleitzahl'),
  city: text(100),
  district: text(80).describe('Stadtbezirk'),
  floor: z.number().int().min(-1).max(40).describe('Geschoss (0 = Erdgeschoss)'),
  lift: z.boolean(),
  livingSpace: z.number().min(10).max(400).multipleOf(0.01).describe('Wohnfläche in m²'),
  rooms: z.number().min(1).max(12).multipleOf(0.5).describe('Zimmer (halbe Zimmer erlaubt)'),
  coldRentCents: money('Kaltmiete').refine((v) => v > 0, 'Kaltmiete fehlt'),
  serviceChargesCents: money('Nebenkosten'),
  heatingCents: money('Heizkosten'),
  heatingType: optText(80),
  depositCents: money('Kaution'),
  equipment: z.array(ZEquipment).max(EQUIPMENT.length).default([]),
  stepFree: z.boolean().describe('Stufenlos erreichbar'),
  wheelchair: z.boolean().describe('Rollstuhlgerecht'),
  availableFrom: ZDate.describe('Bezugsfrei ab'),
  petsAllowed: z.boolean(),
  preferred: z.array(ZPreferred).max(PREFERRED_HOUSEHOLDS.length).default([]).describe('Gewünschte Haushalte'),
  hints: optText(2000).describe('Hinweise zum gewünschten Haushalt'),
});
export type TOfferInput = z.input<typeof ZOfferInput>;
export const ZOfferUpdate = ZOfferInput.extend({ version: ZExpectedVersion });

export const ZCheckItem = z.object({
  code: z.string(),
  met: z.boolean(),
  text: z.string().describe('Erläuterung mit den Werten'),
});
export const ZSizeFit = z.object({
  persons: z.number().int(),
  spaceLimitSqm: z.number(),
  spaceOk: z.boolean(),
  rentCapCents: z.number().int(),
  rentOk: z.boolean(),
  occupancyOk: z.boolean(),
  fits: z.boolean(),
});
export const ZOfferCheck = z.object({
  conditionsId: ZId,
  validFrom: ZDate,
  eligible: z.boolean(),
  suitablePersons: z.array(z.number().int()).describe('Haushaltsgrößen, für die die Wohnung alle Bedingungen erfüllt'),
  items: z.array(ZCheckItem),
  bySize: z.array(ZSizeFit),
  checkedAt: ZTimestamp,
});
export type TOfferCheck = z.infer<typeof ZOfferCheck>;

const ZRef = z.object({ id: ZId, displayName: z.string() });
export const ZAttachment = z.object({
  id: ZId,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: ZTimestamp,
});
export const ZDeadlineRef = z.object({
  id: ZId,
  kind: z.string(),
  title: z.string(),
  titleKey: z.string().nullable().optional().describe('Übersetzungsschlüssel des Titels (deadlineTitle.…); null bei alten Fristen'),
  titleParams: ZTextParams.nullable().optional(),
  dueAt: ZTimestamp,
  overdue: z.boolean(),
});
export const ZDocumentRef = z.object({ id: ZId, kind: z.string(), filename: z.string(), createdAt: ZTimestamp });

export const ZOffer = z.object({
  id: ZId,
  reference: z.string(),
  provider: z.object({ id: ZId, name: z.string() }),
  status: ZOfferState,
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  district: z.string(),
  floor: z.number().int(),
  lift: z.boolean(),
  livingSpace: z.number(),
  rooms: z.number(),
  coldRentCents: z.number().int(),
  serviceChargesCents: z.number().int(),
  heatingCents: z.number().int(),
  warmRentCents: z.number().int(),
  heatingType: z.string().nullable(),
  depositCents: z.number().int(),
  equipment: z.array(ZEquipment),
  stepFree: z.boolean(),
  wheelchair: z.boolean(),
  availableFrom: ZDate,
  petsAllowed: z.boolean(),
  preferred: z.array(ZPreferred),
  hints: z.string().nullable(),
  check: ZOfferCheck.nullable(),
  declineReason: z.string().nullable(),
  round: z.number().int(),
  caseManager: ZRef.nullable(),
  attachments: z.array(ZAttachment),
  documents: z.array(ZDocumentRef),
  deadlines: z.array(ZDeadlineRef),
  tenancyId: ZId.nullable(),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: z.array(z.string()).describe('Schritte, die der aktuelle Benutzer jetzt ausführen darf'),
});
export type TOffer = z.infer<typeof ZOffer>;

export const ZOfferListItem = z.object({
  id: ZId,
  reference: z.string(),
  provider: z.object({ id: ZId, name: z.string() }),
  status: ZOfferState,
  address: z.string(),
  district: z.string(),
  rooms: z.number(),
  livingSpace: z.number(),
  coldRentCents: z.number().int(),
  availableFrom: ZDate,
  caseManager: ZRef.nullable(),
  candidates: z.number().int(),
  nextDeadline: ZDeadlineRef.nullable(),
  updatedAt: ZTimestamp,
});
export const ZOfferPage = ZPage(ZOfferListItem);
export const ZOfferListQuery = z.object({
  status: z
    .union([ZOfferState, z.literal('open')])
    .optional()
    .describe('open = alle laufenden'),
  scope: z.enum(['mine', 'all']).default('all'),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['nextDeadline', 'updatedAt', 'reference']).default('nextDeadline'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ZReason = z.object({ reason: text(2000) });

export const ZOfferEvent = z.object({
  id: z.string(),
  at: ZTimestamp,
  kind: z.string(),
  text: z.string(),
  actor: ZRef.nullable(),
  candidateId: ZId.nullable(),
});
export const ZOfferEvents = z.object({ items: z.array(ZOfferEvent) });

// ---------------------------------------------------------------------------------------------
// Programme conditions
export const ZRentCap = z.object({ persons: z.number().int().min(1).max(12), maxColdRentCents: money('Mietobergrenze') });
export const ZConditionsInput = z.object({
  validFrom: ZDate.describe('Gilt für Prüfungen ab diesem Tag'),
  rentCaps: z.array(ZRentCap).min(1).max(12).describe('Kaltmiete-Obergrenzen nach Haushaltsgröße'),
  extraPersonCents: money('Zuschlag je weitere Person'),
  spaceBaseSqm: z.number().min(10).max(200).describe('Wohnflächen-Richtwert für eine Person in m²'),
  spacePerPersonSqm: z.number().min(0).max(100).describe('Zuschlag je weitere Person in m²'),
  requiredEquipment: z.array(ZEquipment).max(EQUIPMENT.length).default([]),
  note: optText(2000).describe('Grundlage, z. B. Gemeinderatsbeschluss'),
});
export type TConditionsInput = z.input<typeof ZConditionsInput>;
export const ZConditions = z.object({
  id: ZId,
  validFrom: ZDate,
  rentCaps: z.array(ZRentCap),
  extraPersonCents: z.number().int(),
  spaceBaseSqm: z.number(),
  spacePerPersonSqm: z.number(),
  requiredEquipment: z.array(ZEquipment),
  note: z.string().nullable(),
  createdAt: ZTimestamp,
  createdBy: ZRef.nullable(),
  current: z.boolean().describe('Heute gültige Fassung'),
});
export type TConditions = z.infer<typeof ZConditions>;
export const ZConditionsList = z.object({ items: z.array(ZConditions) });
export const ZConditionsImpact = z.object({
  openOffers: z.number().int(),
  offersChanging: z.array(z.object({ id: ZId, reference: z.string(), eligibleBefore: z.boolean(), eligibleAfter: z.boolean() })),
  poolHouseholds: z.number().int(),
  poolAffected: z.number().int().describe('Haushalte im Pool, deren Obergrenze oder Richtwert sich ändert'),
  bySize: z.array(
    z.object({
      persons: z.number().int(),
      households: z.number().int(),
      capBeforeCents: z.number().int(),
      capAfterCents: z.number().int(),
      spaceBeforeSqm: z.number(),
      spaceAfterSqm: z.number(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Ranking
export const ZRankingWeights = z.object({
  waiting: z.number().min(0).max(100).describe('Dauer der Wohnungslosigkeit (bis 36 Monate)'),
  children: z.number().min(0).max(100).describe('Kinder im Haushalt (bis 3)'),
  health: z.number().min(0).max(100).describe('Gesundheitliche Einschränkung'),
  age: z.number().min(0).max(100).describe('Person ab 65 Jahren'),
  district: z.number().min(0).max(100).describe('Wunschbezirk'),
  hints: z.number().min(0).max(100).describe('Wunsch des Wohnungsunternehmens'),
});
export type TRankingWeights = z.infer<typeof ZRankingWeights>;

export const ZCriterion = z.object({ code: z.string(), label: z.string(), value: z.string(), weight: z.number(), points: z.number() });
export const ZRankingEntry = z.object({
  rank: z.number().int(),
  householdId: ZId,
  reference: z.string(),
  name: z.string(),
  persons: z.number().int(),
  score: z.number(),
  criteria: z.array(ZCriterion),
  tieBreak: z.string().nullable(),
});
export const ZExclusion = z.object({
  householdId: ZId,
  reference: z.string(),
  name: z.string(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
});
export const ZRanking = z.object({
  id: ZId,
  offerId: ZId,
  round: z.number().int(),
  createdAt: ZTimestamp,
  createdBy: ZRef.nullable(),
  weights: ZRankingWeights,
  poolSize: z.number().int(),
  eligibleCount: z.number().int(),
  entries: z.array(ZRankingEntry).describe('Eine Seite der Rangfolge (entriesPage)'),
  exclusions: z.array(ZExclusion).describe('Eine Seite der ausgeschlossenen Haushalte (exclusionsPage)'),
  exclusionCounts: z.record(z.string(), z.number().int()),
  entriesTotal: z.number().int().describe('Gespeicherte Einträge der Rangfolge'),
  exclusionsTotal: z.number().int().describe('Gespeicherte ausgeschlossene Haushalte mit Gründen (die Anzahlen je Grund zählen alle)'),
  entriesPage: z.number().int(),
  exclusionsPage: z.number().int(),
  pageSize: z.number().int(),
});
export type TRanking = z.infer<typeof ZRanking>;
/** Entries and exclusions of a ranking are shown a page at a time; creating one answers with the first pages. */
export const RANKING_PAGE_SIZE = 25;
export const ZRankingPageQuery = z.object({
  entriesPage: z.coerce.number().int().min(1).max(1000).default(1),
  exclusionsPage: z.coerce.number().int().min(1).max(1000).default(1),
});
export const ZRankingList = z.object({
  items: z.array(
    ZRanking.omit({
      entries: true,
      exclusions: true,
      entriesTotal: true,
      exclusionsTotal: true,
      entriesPage: true,
      exclusionsPage: true,
      pageSize: true,
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Consent (§ 67b SGB X)
export const CONSENT_TEXT_VERSION = 'WohnenPlus-Einwilligung 2026-01';
export const ZConsentInput = z
  .object({
    recipientProviderId: ZId.describe('Empfänger: das Wohnungsunternehmen'),
    givenBy: text(200).describe('Wer hat eingewilligt'),
    givenOn: ZDate,
    form: z.enum(['written', 'electronic', 'oral']),
    minute: optText(4000).describe('Vermerk (Pflicht bei mündlicher Einwilligung)'),
    textVersion: text(100).default(CONSENT_TEXT_VERSION),
    validUntil: ZDate.nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.form === 'oral' && !c.minute)
      ctx.addIssue({ code: 'custom', path: ['minute'], message: 'Bei mündlicher Einwilligung ist ein Vermerk Pflicht.' });
    if (c.validUntil && c.validUntil < c.givenOn)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Ende liegt vor der Einwilligung.' });
  });
export const ZConsent = z.object({
  id: ZId,
  householdId: ZId,
  purpose: z.string(),
  recipient: z.object({ id: ZId, name: z.string() }),
  givenBy: z.string(),
  givenOn: ZDate,
  form: z.enum(['written', 'electronic', 'oral']),
  minute: z.string().nullable(),
  textVersion: z.string(),
  validUntil: ZDate.nullable(),
  recordedBy: ZRef.nullable(),
  recordedAt: ZTimestamp,
  withdrawnAt: ZTimestamp.nullable(),
  withdrawalNote: z.string().nullable(),
  valid: z.boolean(),
});
export const ZConsentList = z.object({ items: z.array(ZConsent) });
export const ZWithdrawConsent = z.object({ note: optText(2000) });

// ---------------------------------------------------------------------------------------------
// Candidates, meetings, decisions
export const ZCandidatePick = z.object({
  householdId: ZId,
  comment: text(2000).describe('Warum dieser Haushalt'),
  rankingId: ZId.optional(),
  moveInFrom: ZDate.nullable().optional().describe('Einzugsbereit ab'),
});

export const ZViewing = z.object({
  id: ZId,
  candidateId: ZId,
  startsAt: ZTimestamp,
  endsAt: ZTimestamp,
  place: z.string(),
  attendees: z.array(ZRef),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  outcome: z.string().nullable(),
  version: z.number().int(),
});
export const ZCandidate = z.object({
  id: ZId,
  offerId: ZId,
  round: z.number().int(),
  household: z.object({ id: ZId, reference: z.string(), name: z.string(), persons: z.number().int() }),
  pseudonym: z.string(),
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
  status: ZCandidateState,
  comment: z.string(),
  moveInFrom: ZDate.nullable(),
  pickedBy: ZRef.nullable(),
  consent: z
    .object({ id: ZId, form: z.string(), givenOn: ZDate, validUntil: ZDate.nullable() })
    .nullable()
    .describe('Gültige Einwilligung für dieses Wohnungsunternehmen'),
  refusalReason: ZRefusalReason.nullable(),
  refusalText: z.string().nullable(),
  vetoReason: z.string().nullable(),
  decisionDueAt: ZTimestamp.nullable(),
  viewings: z.array(ZViewing),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type TCandidate = z.infer<typeof ZCandidate>;

/** What a housing company sees of a presented candidate: an allow-list, nothing else. */
export const ZPortalCandidate = z.object({
  id: ZId,
  pseudonym: z.string(),
  firstName: z.string().describe('Vorname der Bezugsperson'),
  persons: z.number().int(),
  adults: z.number().int(),
  children: z.number().int(),
  pets: z.boolean(),
  moveInFrom: ZDate.nullable(),
  status: ZCandidateState,
  viewings: z.array(ZViewing.pick({ id: true, startsAt: true, endsAt: true, place: true, status: true })),
  actions: z.array(z.string()),
});
export const PORTAL_FIELDS = ['pseudonym', 'firstName', 'persons', 'adults', 'children', 'pets', 'moveInFrom'] as const;
export const SGB_X_78_NOTICE =
  'Hinweis nach § 78 SGB X: Die übermittelten Daten dürfen nur für die Vermietung dieser Wohnung verwendet werden, zu deren Zweck sie übermittelt wurden. Eine Weitergabe oder andere Nutzung ist nicht zulässig.';
export const ZCandidateList = z.object({
  items: z.array(z.union([ZCandidate, ZPortalCandidate])),
  notice: z.string().nullable().describe('Hinweis nach § 78 SGB X (Portal)'),
});

export const ZRoundTableInput = z.object({
  startsAt: ZTimestamp,
  durationMinutes: z.number().int().min(15).max(480).default(60),
  participantIds: z
    .array(ZId)
    .min(1)
    .max(30)
    .describe('Beteiligte Benutzer (Wohnungsunternehmen, Sachbearbeitung, Sozialarbeit, Unterkunft)'),
});
export const ZRoundTableUpdate = ZRoundTableInput.extend({ version: ZExpectedVersion });
export const ZMinutes = z.object({ minutes: text(20000), version: ZExpectedVersion });
export const ZRoundTable = z.object({
  id: ZId,
  offerId: ZId,
  round: z.number().int(),
  startsAt: ZTimestamp,
  endsAt: ZTimestamp,
  participants: z.array(ZRef),
  videoUrl: z.string().nullable(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  minutes: z.string().nullable(),
  sequence: z.number().int(),
  version: z.number().int(),
});
export const ZRoundTableList = z.object({ items: z.array(ZRoundTable) });

export const ZViewingInput = z.object({
  startsAt: ZTimestamp,
  durationMinutes: z.number().int().min(15).max(240).default(30),
  place: text(300),
  attendeeIds: z.array(ZId).min(1).max(20),
});
export const ZViewingUpdate = ZViewingInput.extend({ version: ZExpectedVersion });
export const ZViewingOutcome = z.object({ outcome: text(4000), version: ZExpectedVersion });

export const ZDecision = z
  .object({
    decision: z.enum(['accept', 'refuse']),
    reason: ZRefusalReason.optional(),
    text: optText(2000),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'refuse' && !d.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Bitte einen Grund auswählen.' });
    if (d.reason === 'other' && !d.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Bitte den Grund beschreiben.' });
  });
export const ZTalk = z.object({
  occurredAt: ZTimestamp,
  text: text(8000),
  participation: z.boolean().default(true),
});
export const ZAllocate = z.object({ note: optText(2000) });

export const ZContractsInput = z.object({
  leaseStart: ZDate,
  leaseSignedOn: ZDate.nullable().optional(),
  coldRentCents: money('Kaltmiete').optional(),
  serviceChargesCents: money('Nebenkosten').optional(),
  heatingCents: money('Heizkosten').optional(),
  guaranteeMaxCents: money('Höchstbetrag der Garantie').optional(),
  guaranteeItems: z.array(ZGuaranteeItem).min(1).optional(),
  guaranteeSignedOn: ZDate.nullable().optional(),
});

export const ZTenancy = z.object({
  id: ZId,
  reference: z.string(),
  household: z.object({ id: ZId, reference: z.string(), name: z.string() }).nullable(),
  provider: z.object({ id: ZId, name: z.string() }),
  offerId: ZId.nullable(),
  address: z.string(),
  leaseStart: ZDate,
  coldRentCents: z.number().int(),
  guaranteeStart: ZDate,
  guaranteeEnd: ZDate,
  guaranteeMaxCents: z.number().int(),
  guaranteeItems: z.array(ZGuaranteeItem),
  contactPerson: ZRef.nullable(),
  socialWorker: ZRef.nullable(),
  status: z.string(),
  version: z.number().int(),
});
