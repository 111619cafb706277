import { z } from 'zod';
import { ZTextParams } from './notify.js';
import { ZBirthDate, ZMoney, endNotBeforeStart } from './plausible.js';
import { ZDate, ZGender, ZId, ZPage, ZTimestamp, ZExpectedVersion } from './common.js';

/*
 * Prevention (keeping the home): notices and cases, the contact procedure, the legal clock,
 * clearing, measures, referrals, walk-in visits and the outcome. Shared by server and web; the list
 * import (prevention/import) creates cases from rows shaped like `ZNoticeInput`.
 */

// ---------------------------------------------------------------------------------------------
// Enums
export const PREVENTION_SOURCES = ['court_notice', 'landlord', 'job_centre', 'self_referral', 'other_service'] as const;
export const ZPreventionSource = z
  .enum(PREVENTION_SOURCES)
  .describe('Quelle: Mitteilung in Zivilsachen, Vermieter, Jobcenter, Selbstmelder, andere Dienste');
export type TPreventionSource = z.infer<typeof ZPreventionSource>;

export const THREAT_STAGES = ['reminder', 'termination', 'lawsuit', 'judgment', 'eviction_date'] as const;
export const ZThreatStage = z
  .enum(THREAT_STAGES)
  .describe('Gefährdungsstand: Mahnung, Kündigung, Räumungsklage, Räumungsurteil, Räumungstermin');
export type TThreatStage = z.infer<typeof ZThreatStage>;

export const CASE_STATES = ['contacting', 'clearing', 'measures', 'closed'] as const;
export const ZCaseState = z.enum(CASE_STATES).describe('Kontaktaufnahme, Clearing, Maßnahmen, abgeschlossen');
export type TCaseState = z.infer<typeof ZCaseState>;

export const OUTCOMES = ['home_kept', 'alternative_housing', 'home_lost', 'no_contact', 'help_declined'] as const;
export const ZOutcome = z.enum(OUTCOMES).describe('Wohnung erhalten, anderer Wohnraum, Wohnung verloren, kein Kontakt, Hilfe abgelehnt');
export type TOutcome = z.infer<typeof ZOutcome>;

export const CONTACT_CHANNELS = ['letter', 'phone', 'home_visit', 'email', 'office', 'other'] as const;
export const ZContactChannel = z
  .enum(CONTACT_CHANNELS)
  .describe('Brief, Telefon, unangekündigter Hausbesuch, E-Mail, in der Dienststelle, sonstiges');
export type TContactChannel = z.infer<typeof ZContactChannel>;

export const CONTACT_RESULTS = ['reached', 'declined', 'letter_sent', 'message_left', 'not_reached', 'not_home', 'wrong_address'] as const;
export const ZContactResult = z
  .enum(CONTACT_RESULTS)
  .describe(
    'erreicht, erreicht aber Hilfe abgelehnt, Brief versandt, Nachricht hinterlassen, nicht erreicht, niemand angetroffen, Anschrift falsch',
  );
export type TContactResult = z.infer<typeof ZContactResult>;
/** Results that count as real contact with the household (the clock "first real contact" stops). */
export const REAL_CONTACT_RESULTS: readonly TContactResult[] = ['reached', 'declined'];

export const MEASURE_KINDS = ['rent_debt_assumption', 'commitment', 'clearance', 'socio_pedagogical', 'other'] as const;
export const ZMeasureKind = z
  .enum(MEASURE_KINDS)
  .describe('Mietschuldenübernahme, Verpflichtungserklärung, Entrümpelung/Reinigung, sozialpädagogische Hilfe, sonstiges');
export const MEASURE_STATES = ['planned', 'applied', 'approved', 'rejected', 'done', 'cancelled'] as const;
export const ZMeasureState = z.enum(MEASURE_STATES);

export const LEGAL_BASES = ['sgb2_22_8', 'sgb12_36'] as const;
export const ZLegalBasis = z.enum(LEGAL_BASES).describe('§ 22 Abs. 8 SGB II oder § 36 SGB XII');
export const ASSUMPTION_DECISIONS = ['loan', 'grant', 'rejected'] as const;
export const ZAssumptionDecision = z.enum(ASSUMPTION_DECISIONS).describe('Darlehen, Beihilfe, abgelehnt');

export const REFERRAL_KINDS = ['debt_counselling', 'addiction_help', 'family_help', 'senior_counselling', 'sgb12_67', 'other'] as const;
export const ZReferralKind = z
  .enum(REFERRAL_KINDS)
  .describe('Schuldnerberatung, Suchthilfe, Familienhilfe, Seniorenberatung, Hilfe nach § 67 SGB XII, sonstiges');
export const REFERRAL_STATES = ['suggested', 'referred', 'accepted', 'completed', 'declined'] as const;
export const ZReferralState = z.enum(REFERRAL_STATES).describe('vorgeschlagen, vermittelt, angenommen, abgeschlossen, abgelehnt');

export const VISIT_KINDS = ['walk_in', 'appointment'] as const;
export const ZVisitKind = z.enum(VISIT_KINDS).describe('offene Sprechstunde oder Termin');
export const VISIT_OUTCOMES = ['advice_given', 'case_opened', 'referred', 'appointment_made', 'other'] as const;
export const ZVisitOutcome = z.enum(VISIT_OUTCOMES);

// ---------------------------------------------------------------------------------------------
// Helpers
const money = (label: string) => ZMoney(label);
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const optDate = ZDate.nullable()
  .optional()
  .transform((v) => v ?? null);
const optBirthDate = ZBirthDate.nullable()
  .optional()
  .transform((v) => v ?? null);
const optTimestamp = ZTimestamp.nullable()
  .optional()
  .transform((v) => v ?? null);
const optMoney = (label: string) =>
  money(label)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const ZUserRef = z.object({ id: ZId, displayName: z.string() });
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

// ---------------------------------------------------------------------------------------------
// Notices / case creation
export const ZTenant = z.object({
  firstName: text(100),
  lastName: text(100),
  birthDate: optBirthDate,
  gender: ZGender.default('unspecified'),
  phone: optText(40),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email()
    .max(200)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
});
export type TTenant = z.output<typeof ZTenant>;

export const ZParty = z.object({
  role: z.enum(['plaintiff', 'defendant', 'other']).describe('Kläger, Beklagte, sonstige Beteiligte'),
  name: text(200),
  address: optText(300),
});

/**
 * What one notice (one case) carries: the household's people, the threatened home, the landlord,
 * money, the court notice and the legal facts. Entered by form, or one row of an imported list.
 */
export const ZNoticeInput = z.object({
  source: ZPreventionSource,
  sourceDetail: optText(200).describe('Absender, z. B. Amtsgericht, Wohnungsunternehmen, Jobcenter-Standort, Dienst'),
  selfReferralVia: z
    .enum(['walk_in', 'appointment'])
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  receivedOn: ZDate.describe('Eingang der Mitteilung (Beginn des Kontaktverfahrens)'),
  tenants: z.array(ZTenant).min(1).max(10).describe('Mieterinnen und Mieter; die erste Person ist die Bezugsperson'),
  street: text(200).describe('Straße und Hausnummer der gefährdeten Wohnung'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Fünfstellige Postleitzahl'),
  city: text(100),
  landlordName: optText(200),
  landlordAddress: optText(300),
  monthlyRentCents: optMoney('Monatsmiete'),
  arrearsCents: optMoney('Mietrückstand'),
  compensationCents: optMoney('Nutzungsentschädigung / weitere Forderungen'),
  courtName: optText(200).describe('Amtsgericht'),
  courtFileNumber: optText(60).describe('Aktenzeichen des Gerichts'),
  parties: z.array(ZParty).max(20).default([]),
  threatStage: ZThreatStage.nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('leer: aus der Quelle abgeleitet'),
  terminationOn: optDate.describe('Datum der Kündigung'),
  ordinaryTermination: z.boolean().default(false).describe('Zusätzlich ordentlich gekündigt'),
  previousCureOn: optDate.describe('Datum einer früheren, durch Zahlung unwirksam gewordenen Kündigung'),
  lawsuitServedOn: optDate.describe('Zustellung der Räumungsklage (Rechtshängigkeit)'),
  hearingAt: optTimestamp.describe('Termin zur mündlichen Verhandlung'),
  writtenProceedingsServedOn: optDate.describe('Zustellung der Anordnung des schriftlichen Vorverfahrens'),
  evictionAt: optTimestamp.describe('Räumungstermin'),
  note: optText(4000),
});
export type TNoticeInput = z.input<typeof ZNoticeInput>;
export type TNotice = z.output<typeof ZNoticeInput>;

export const ZCaseCreate = ZNoticeInput.extend({
  householdId: ZId.optional().describe('Bestehenden Haushalt verknüpfen'),
  createHousehold: z.boolean().optional().describe('Ausdrücklich neuen Haushalt anlegen, obwohl Treffer bestehen'),
  newCase: z
    .boolean()
    .optional()
    .describe(
      'Ausdrücklich einen weiteren Fall eröffnen, obwohl der Haushalt einen offenen Fall hat (sonst kommt die Mitteilung zu diesem Fall)',
    ),
  visitId: ZId.optional().describe('Aus einem Besuch der Sprechstunde eröffnet'),
  caseManagerId: ZId.nullable().optional(),
  socialWorkerId: ZId.nullable().optional(),
});
export type TCaseCreate = z.input<typeof ZCaseCreate>;

export const ZCaseUpdate = ZNoticeInput.omit({ tenants: true }).extend({ version: ZExpectedVersion });
export type TCaseUpdate = z.input<typeof ZCaseUpdate>;

export const ZAssign = z.object({ caseManagerId: ZId.nullable(), socialWorkerId: ZId.nullable(), version: ZExpectedVersion });

// ---------------------------------------------------------------------------------------------
// Household matching
export const ZMatchQuery = z.object({
  tenants: z
    .array(ZTenant.pick({ firstName: true, lastName: true, birthDate: true }))
    .min(1)
    .max(10),
  street: z.string().trim().max(200).nullable().optional(),
  postalCode: z.string().trim().max(10).nullable().optional(),
});
export const ZHouseholdMatch = z.object({
  householdId: ZId,
  reference: z.string(),
  name: z.string(),
  persons: z.number().int(),
  situation: z.string(),
  reasons: z.array(z.enum(['person', 'address'])).describe('Gleiche Person (Name + Geburtsdatum) oder gleiche Anschrift'),
  openCaseId: ZId.nullable().describe('Offener Präventionsfall dieses Haushalts'),
});
export type THouseholdMatch = z.infer<typeof ZHouseholdMatch>;
export const ZMatchList = z.object({ items: z.array(ZHouseholdMatch) });

// ---------------------------------------------------------------------------------------------
// Legal clock and contact procedure (computed; see server legal.ts and contact.ts)
export const ZLegalClock = z.object({
  cureEnd: ZDate.nullable().describe('Ende der Schonfrist (§ 569 Abs. 3 Nr. 2 BGB), ggf. nach § 193 BGB verschoben'),
  cureEndUnshifted: ZDate.nullable().describe('Rechnerisches Fristende vor Verschiebung auf den nächsten Werktag'),
  cureAvailable: z.boolean().describe('Schonfrist steht zur Verfügung (keine Heilung innerhalb der letzten zwei Jahre)'),
  cureUnavailableReason: z.string().nullable(),
  ordinaryTermination: z.boolean(),
  paymentAloneSaves: z
    .boolean()
    .describe('Zahlung des Rückstands allein rettet das Mietverhältnis nicht, wenn auch ordentlich gekündigt wurde'),
  defenceEnd: ZDate.nullable().describe('Ende der Zwei-Wochen-Frist zur Verteidigungsanzeige (§ 276 ZPO)'),
  hearingAt: ZTimestamp.nullable(),
  evictionAt: ZTimestamp.nullable(),
  warnings: z.array(z.string()).describe('Hinweise in deutscher Sprache'),
});
export type TLegalClock = z.infer<typeof ZLegalClock>;

export const ZContactStepSetting = z.object({
  channel: ZContactChannel,
  dayOffset: z.number().int().min(0).max(60).describe('Arbeitstage nach Eingang der Mitteilung'),
  label: z.string().trim().min(1).max(80),
});
export const ZContactStepStatus = ZContactStepSetting.extend({
  index: z.number().int(),
  dueOn: ZDate,
  doneAt: ZTimestamp.nullable(),
  attemptId: ZId.nullable(),
});
export const ZContactProcedure = z.object({
  steps: z.array(ZContactStepStatus),
  next: ZContactStepStatus.nullable().describe('Nächster fälliger Schritt; null wenn erreicht oder alle Schritte erledigt'),
  reached: z.boolean(),
  exhausted: z.boolean().describe('Alle Schritte erledigt, niemand erreicht'),
  firstAttemptAt: ZTimestamp.nullable(),
  firstContactAt: ZTimestamp.nullable(),
  hoursToFirstAttempt: z.number().nullable().describe('Stunden vom Eingang bis zum ersten Kontaktversuch'),
  hoursToFirstContact: z.number().nullable().describe('Stunden vom Eingang bis zum ersten echten Kontakt'),
});

export const ZAttemptInput = z.object({
  channel: ZContactChannel,
  at: ZTimestamp.describe('Zeitpunkt des Versuchs'),
  result: ZContactResult,
  stepIndex: z
    .number()
    .int()
    .min(0)
    .max(20)
    .nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Schritt des Verfahrens; leer: nach Kanal zugeordnet'),
  note: optText(4000),
});
export const ZAttempt = z.object({
  id: ZId,
  channel: ZContactChannel,
  at: ZTimestamp,
  result: ZContactResult,
  stepIndex: z.number().int().nullable(),
  note: z.string().nullable(),
  by: ZUserRef.nullable(),
});

// ---------------------------------------------------------------------------------------------
// Clearing
export const ZClearing = z.object({
  threatStage: ZThreatStage.nullable().default(null),
  threatConfirmed: z.boolean().default(false).describe('Gefährdung anhand der Unterlagen geprüft'),
  triedSoFar: z
    .array(z.enum(['instalment_agreement', 'landlord_talk', 'job_centre_application', 'own_payment', 'legal_advice', 'other']))
    .default([]),
  triedNote: optText(4000),
  income: z
    .array(
      z.enum([
        'employment',
        'pension',
        'citizens_income',
        'social_assistance',
        'housing_benefit',
        'child_benefit',
        'maintenance',
        'other',
        'none',
      ]),
    )
    .default([]),
  monthlyIncomeCents: optMoney('Monatliches Einkommen'),
  resourcesNote: optText(4000).describe('Vermögen, Unterstützung durch Familie, eigene Zahlungsfähigkeit'),
  unclaimedBenefits: z
    .array(z.enum(['housing_benefit', 'citizens_income', 'social_assistance', 'child_supplement', 'child_benefit', 'other']))
    .default([]),
  unclaimedNote: optText(4000),
  wishes: z.enum(['keep_home', 'move', 'undecided']).nullable().default(null).describe('Wunsch des Haushalts'),
  wishesNote: optText(4000),
  complete: z.boolean().default(false).describe('Clearing abgeschlossen'),
});
export type TClearing = z.output<typeof ZClearing>;
/** The clearing as responses carry it (no input transforms: response schemas must encode). */
const nullableText = z.string().nullable();
export const ZClearingOut = z.object({
  threatStage: ZThreatStage.nullable(),
  threatConfirmed: z.boolean(),
  triedSoFar: z.array(z.string()),
  triedNote: nullableText,
  income: z.array(z.string()),
  monthlyIncomeCents: z.number().int().nullable(),
  resourcesNote: nullableText,
  unclaimedBenefits: z.array(z.string()),
  unclaimedNote: nullableText,
  wishes: z.enum(['keep_home', 'move', 'undecided']).nullable(),
  wishesNote: nullableText,
  complete: z.boolean(),
});
export const ZClearingUpdate = z.object({ clearing: ZClearing, version: ZExpectedVersion });

// ---------------------------------------------------------------------------------------------
// Measures and referrals
export const ZAssumptionData = z.object({
  applicationOn: optDate.describe('Antragsdatum'),
  amountCents: optMoney('Beantragter Betrag'),
  legalBasis: ZLegalBasis.nullable()
    .optional()
    .transform((v) => v ?? null),
  decision: ZAssumptionDecision.nullable()
    .optional()
    .transform((v) => v ?? null),
  decidedOn: optDate,
  grantedCents: optMoney('Bewilligter Betrag'),
  repaymentMonthlyCents: optMoney('Monatliche Tilgungsrate (Darlehen)'),
  repaymentStartsOn: optDate,
  repaymentNote: optText(2000),
  paidToLandlordOn: optDate.describe('Zahlung an den Vermieter am'),
});
export const ZCommitmentData = z.object({
  recipient: z.enum(['landlord', 'court']),
  recipientName: optText(200),
  recipientAddress: optText(300),
  recipientReference: optText(100),
  amountCents: optMoney('Übernommener Betrag'),
  items: z.array(text(200)).max(20).default([]),
  legalBasis: ZLegalBasis.nullable()
    .optional()
    .transform((v) => v ?? null),
  validUntil: optDate,
  sentOn: optDate,
});
export const ZGenericMeasureData = z
  .object({
    provider: optText(200).describe('Träger oder Dienst'),
    startsOn: optDate,
    endsOn: optDate,
    amountCents: optMoney('Kosten'),
  })
  .superRefine(endNotBeforeStart('startsOn', 'endsOn'));

export const ZMeasureInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rent_debt_assumption'),
    status: ZMeasureState.default('planned'),
    note: optText(4000),
    data: ZAssumptionData,
  }),
  z.object({ kind: z.literal('commitment'), status: ZMeasureState.default('planned'), note: optText(4000), data: ZCommitmentData }),
  z.object({
    kind: z.enum(['clearance', 'socio_pedagogical', 'other']),
    status: ZMeasureState.default('planned'),
    note: optText(4000),
    data: ZGenericMeasureData,
  }),
]);
export type TMeasureInput = z.input<typeof ZMeasureInput>;
export const ZMeasureUpdate = z.intersection(ZMeasureInput, z.object({ version: ZExpectedVersion }));

export const ZMeasure = z.object({
  id: ZId,
  kind: ZMeasureKind,
  status: ZMeasureState,
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).describe('Felder je Art, wie in der Eingabe'),
  documents: z.array(ZDocumentRef),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

export const ZReferralInput = z.object({
  kind: ZReferralKind,
  status: ZReferralState.default('suggested'),
  service: optText(200).describe('Stelle, an die vermittelt wird'),
  referredOn: optDate,
  note: optText(2000),
});
export const ZReferralUpdate = ZReferralInput.extend({ version: ZExpectedVersion });
export const ZReferral = z.object({
  id: ZId,
  kind: ZReferralKind,
  status: ZReferralState,
  service: z.string().nullable(),
  referredOn: ZDate.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: ZTimestamp,
});

// ---------------------------------------------------------------------------------------------
// Closing, aftercare, letters
export const ZCloseInput = z.object({
  outcome: ZOutcome,
  note: optText(4000),
  /** home_lost: put the household into the placement pool (seeking housing) with this situation. */
  newSituation: z
    .enum(['in_accommodation', 'hidden_homeless', 'rough_sleeping'])
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  version: ZExpectedVersion,
});
export const ZAftercareHandover = z.object({
  carrierId: ZId,
  handedOverOn: ZDate,
  note: optText(2000),
  version: ZExpectedVersion,
});
export const ZReopen = z.object({ reason: text(2000), version: ZExpectedVersion });
export const ZContactLetterInput = z.object({
  appointmentDate: ZDate.nullable()
    .optional()
    .transform((v) => v ?? null),
  appointmentTime: optText(40),
  appointmentPlace: optText(200),
});

// ---------------------------------------------------------------------------------------------
// Case
export const ZCaseHousehold = z.object({
  id: ZId,
  reference: z.string(),
  name: z.string(),
  persons: z.number().int(),
  situation: z.string(),
  seekingHousing: z.boolean(),
});

/** A further notice of a case (a second notice for a household whose case is open). */
export const ZCaseNotice = z.object({
  id: ZId,
  source: ZPreventionSource,
  receivedOn: ZDate,
  arrearsCents: z.number().int().nullable(),
  courtFileNumber: z.string().nullable(),
  evictionAt: ZTimestamp.nullable(),
  note: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TCaseNotice = z.infer<typeof ZCaseNotice>;

export const ZPreventionCase = z.object({
  id: ZId,
  reference: z.string(),
  status: ZCaseState,
  household: ZCaseHousehold,
  source: ZPreventionSource,
  sourceDetail: z.string().nullable(),
  selfReferralVia: z.enum(['walk_in', 'appointment']).nullable(),
  receivedOn: ZDate,
  tenants: z.array(z.object({ firstName: z.string(), lastName: z.string(), birthDate: ZDate.nullable() })),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  landlordName: z.string().nullable(),
  landlordAddress: z.string().nullable(),
  monthlyRentCents: z.number().int().nullable(),
  arrearsCents: z.number().int().nullable(),
  compensationCents: z.number().int().nullable(),
  courtName: z.string().nullable(),
  courtFileNumber: z.string().nullable(),
  parties: z.array(z.object({ role: z.enum(['plaintiff', 'defendant', 'other']), name: z.string(), address: z.string().nullable() })),
  threatStage: ZThreatStage,
  terminationOn: ZDate.nullable(),
  ordinaryTermination: z.boolean(),
  previousCureOn: ZDate.nullable(),
  lawsuitServedOn: ZDate.nullable(),
  hearingAt: ZTimestamp.nullable(),
  writtenProceedingsServedOn: ZDate.nullable(),
  evictionAt: ZTimestamp.nullable(),
  note: z.string().nullable(),
  legal: ZLegalClock,
  contact: ZContactProcedure,
  attempts: z.array(ZAttempt),
  clearing: ZClearingOut.extend({ version: z.number().int().describe('Version des Clearings (eigene Version neben der des Falls)') }),
  measures: z.array(ZMeasure),
  referrals: z.array(ZReferral),
  notices: z.array(ZCaseNotice).describe('Weitere Mitteilungen zu diesem Fall (die erste steht im Fall selbst)'),
  outcome: ZOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  closedAt: ZTimestamp.nullable(),
  aftercare: z.object({ carrier: z.object({ id: ZId, name: z.string() }), handedOverOn: ZDate, note: z.string().nullable() }).nullable(),
  caseManager: ZUserRef.nullable(),
  socialWorker: ZUserRef.nullable(),
  documents: z.array(ZDocumentRef),
  deadlines: z.array(ZDeadlineRef),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: z.array(z.string()).describe('Schritte, die der aktuelle Benutzer jetzt ausführen darf'),
});
export type TPreventionCase = z.infer<typeof ZPreventionCase>;

export const ZCaseListItem = z.object({
  id: ZId,
  reference: z.string(),
  status: ZCaseState,
  householdId: ZId,
  name: z.string().describe('Bezugsperson'),
  address: z.string(),
  source: ZPreventionSource,
  threatStage: ZThreatStage,
  arrearsCents: z.number().int().nullable(),
  receivedOn: ZDate,
  ageDays: z.number().int().describe('Tage seit Eingang'),
  evictionAt: ZTimestamp.nullable(),
  cureEnd: ZDate.nullable(),
  cureAvailable: z.boolean(),
  hearingAt: ZTimestamp.nullable(),
  nextContactDueOn: ZDate.nullable(),
  nextContactLabel: z.string().nullable(),
  firstAttemptAt: ZTimestamp.nullable(),
  firstContactAt: ZTimestamp.nullable(),
  urgentAt: ZTimestamp.nullable().describe('Frühester dringender Termin (Räumung, Schonfrist, nächster Kontaktschritt)'),
  outcome: ZOutcome.nullable(),
  caseManager: ZUserRef.nullable(),
  socialWorker: ZUserRef.nullable(),
});
export const ZCasePage = ZPage(ZCaseListItem);
const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZCaseListQuery = z.object({
  status: z
    .union([ZCaseState, z.literal('open')])
    .default('open')
    .describe('open = alle nicht abgeschlossenen'),
  source: ZPreventionSource.optional(),
  threatStage: ZThreatStage.optional(),
  outcome: ZOutcome.optional(),
  mine: boolParam.optional().describe('Nur mir zugewiesene Fälle'),
  caseManagerId: ZId.optional(),
  evictionScheduled: boolParam.optional().describe('Nur Fälle mit Räumungstermin'),
  overdue: boolParam.optional().describe('Nur Fälle mit einer überfälligen offenen Frist'),
  q: z.string().trim().max(100).optional().describe('Name, Aktenzeichen, Gerichtsaktenzeichen oder Straße'),
  sort: z
    .enum(['urgency', 'receivedOn', 'reference'])
    .default('urgency')
    .describe('urgency: Räumungstermin, dann Schonfristende, dann nächster Kontaktschritt, dann Eingang'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

// ---------------------------------------------------------------------------------------------
// Walk-in consultation hours and appointments
export const ZVisitInput = z.object({
  kind: ZVisitKind,
  visitedAt: ZTimestamp,
  name: text(200).describe('Name der vorsprechenden Person'),
  birthDate: optBirthDate,
  concern: text(2000).describe('Anliegen'),
  outcome: ZVisitOutcome.default('advice_given'),
  note: optText(4000),
  householdId: ZId.nullable()
    .optional()
    .transform((v) => v ?? null),
});
export const ZVisitUpdate = ZVisitInput.extend({ version: ZExpectedVersion });
export const ZVisit = z.object({
  id: ZId,
  kind: ZVisitKind,
  visitedAt: ZTimestamp,
  name: z.string(),
  birthDate: ZDate.nullable(),
  concern: z.string(),
  outcome: ZVisitOutcome,
  note: z.string().nullable(),
  householdId: ZId.nullable(),
  caseId: ZId.nullable(),
  duringWalkInHours: z.boolean(),
  by: ZUserRef.nullable(),
  version: z.number().int(),
  createdAt: ZTimestamp,
});
export const ZVisitPage = ZPage(ZVisit);
export const ZVisitListQuery = z
  .object({
    from: ZDate.optional(),
    to: ZDate.optional(),
    kind: ZVisitKind.optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .superRefine(endNotBeforeStart('from', 'to'));
