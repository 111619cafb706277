import { z } from 'zod';
import { ZDate, ZExpectedVersion, ZId, ZPage, ZTimestamp } from './common.js';

/*
 * Aftercare (Wohnintegrationshilfe, Cologne concept): the Fachstelle grants time-limited help that an
 * NGO carrier performs under a cooperation agreement — home visits, a help plan in the household's
 * own words, mediation and referrals — with the household's consent to the data transfer (§ 67b SGB X).
 * Shared by server and web.
 */

// ---------------------------------------------------------------------------------------------
// Enums
export const AFTERCARE_STATES = ['referred', 'checked', 'granted', 'refused', 'active', 'ended'] as const;
export const ZAftercareState = z
  .enum(AFTERCARE_STATES)
  .describe('gemeldet, geprüft, bewilligt, abgelehnt, laufend (Einwilligung liegt vor), beendet');
export type TAftercareState = z.infer<typeof ZAftercareState>;

export const TARGET_GROUPS = ['precarious_housing', 'secured_tenancy'] as const;
export const ZTargetGroup = z
  .enum(TARGET_GROUPS)
  .describe(
    'Zielgruppe: (a) prekäre Wohnsituation (Wiedereinweisung, Einweisung in leerstehenden/beschlagnahmten Wohnraum); (b) durch Prävention gesichertes Mietverhältnis mit Wiederholungsgefahr',
  );
export type TTargetGroup = z.infer<typeof ZTargetGroup>;

export const REFERRAL_SOURCES = [
  'self',
  'carrier',
  'housing_company',
  'job_centre',
  'social_office',
  'senior_counselling',
  'youth_office',
  'fachstelle',
  'social_space_coordination',
  'parish',
  'other',
] as const;
export const ZReferralSource = z
  .enum(REFERRAL_SOURCES)
  .describe(
    'Zugang: Selbstmelder, freier Träger, Wohnungsunternehmen/Vermieter, Jobcenter, Amt für Soziales, Seniorenberatung, ASD (Jugendamt), Fachstelle Wohnen, Sozialraumkoordination, Pfarrgemeinde, sonstige',
  );

export const COMPARABLE_HELP = ['sgb12_67', 'sgb9_integration', 'sgb8'] as const;
export const ZComparableHelp = z
  .enum(COMPARABLE_HELP)
  .describe('Vergleichbare Hilfe: § 67 SGB XII, Eingliederungshilfe SGB IX (früher § 53 SGB XII), Hilfe nach SGB VIII');

export const END_REASONS = [
  'goals_reached',
  'lease_signed',
  'declined_withdrawn',
  'moved_away',
  'no_contact',
  'other_help_installed',
  'time_limit',
] as const;
export const ZEndReason = z
  .enum(END_REASONS)
  .describe(
    'Ziele erreicht, Mietvertrag abgeschlossen, abgelehnt/Einwilligung widerrufen, verzogen, kein Kontakt, andere Hilfe installiert, Befristung abgelaufen',
  );
export type TEndReason = z.infer<typeof ZEndReason>;

export const CONSENT_FORMS = ['written', 'electronic', 'oral_documented'] as const;
export const ZConsentForm = z.enum(CONSENT_FORMS).describe('Form der Einwilligung: schriftlich, elektronisch, mündlich (dokumentiert)');

export const VISIT_STATUSES = ['planned', 'held', 'not_met', 'refused'] as const;
export const ZVisitStatus = z.enum(VISIT_STATUSES).describe('geplant, durchgeführt, niemand angetroffen, vom Haushalt abgelehnt');
export const DOCUMENTED_VISIT_STATUSES = ['held', 'not_met', 'refused'] as const;

export const VISIT_TOPICS = ['rent_paid', 'arrears', 'income', 'family', 'health', 'landlord_contact', 'job_centre'] as const;
export const ZVisitTopic = z
  .enum(VISIT_TOPICS)
  .describe('Miete gezahlt, Rückstände, Einkommen, Familie, Gesundheit, Kontakt zum Vermieter, Jobcenter');

export const RISK_SIGNS = ['new_arrears', 'notice', 'termination', 'debts', 'conflict', 'neglect', 'health_crisis', 'other'] as const;
export const ZRiskSign = z
  .enum(RISK_SIGNS)
  .describe(
    'Neue Mietrückstände, Mahnung/Kündigungsandrohung, Kündigung, Schulden, Konflikt, Verwahrlosung, gesundheitliche Krise, sonstiges',
  );
/** Risk signs that put the home at risk again: documenting one sends a notice back to prevention. */
export const EARLY_WARNING_SIGNS: readonly (typeof RISK_SIGNS)[number][] = ['new_arrears', 'notice', 'termination'];

export const HELP_REFERRAL_KINDS = [
  'debt_counselling',
  'addiction_help',
  'family_help',
  'senior_counselling',
  'sgb12_67',
  'other',
] as const;
export const ZHelpReferralKind = z
  .enum(HELP_REFERRAL_KINDS)
  .describe('Schuldnerberatung, Suchthilfe, Familienhilfe, Seniorenberatung, Hilfen nach §§ 67 ff. SGB XII, sonstiges');
export const HELP_REFERRAL_STATES = ['suggested', 'made', 'taken_up', 'declined'] as const;
export const ZHelpReferralState = z.enum(HELP_REFERRAL_STATES).describe('vorgeschlagen, vermittelt, angenommen, abgelehnt');

export const CONTACT_COUNTERPARTS = ['landlord', 'potential_landlord', 'job_centre', 'other_institution'] as const;
export const ZContactCounterpart = z
  .enum(CONTACT_COUNTERPARTS)
  .describe('Vermieter, potenzieller Vermieter (Verhandlung über einen regulären Mietvertrag), Jobcenter, andere Institution');
export const CONTACT_OUTCOMES = ['none', 'agreement', 'lease_signed'] as const;
export const ZContactOutcome = z.enum(CONTACT_OUTCOMES).describe('kein Ergebnis, Vereinbarung getroffen, Mietvertrag abgeschlossen');

export const GOAL_PROGRESS = ['none', 'some', 'much', 'reached'] as const;
export const ZGoalProgress = z.enum(GOAL_PROGRESS).describe('Fortschritt: keiner, etwas, deutlich, erreicht');
export const GOAL_STATES = ['open', 'reached', 'dropped'] as const;
export const ZGoalState = z.enum(GOAL_STATES).describe('offen, erreicht, aufgegeben');

// ---------------------------------------------------------------------------------------------
// Helpers
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const ZRef = z.object({ id: ZId, name: z.string() });

// ---------------------------------------------------------------------------------------------
// Settings (stored in the agency settings under `aftercare`)
export const ZAftercareSettings = z.object({
  grantMonths: z.number().int().min(1).max(36).default(6).describe('Regeldauer einer Bewilligung (Monate)'),
  maxTotalMonths: z.number().int().min(1).max(60).default(18).describe('Höchstdauer einschließlich aller Verlängerungen (Monate)'),
  visitEveryWeeks: z.number().int().min(1).max(26).default(4).describe('Standard-Rhythmus der Hausbesuche (alle N Wochen)'),
  endReminderDays: z.number().int().min(1).max(90).default(28).describe('Erinnerung vor Ende der Bewilligung (Kalendertage)'),
  followUpMonths: z
    .array(z.number().int().min(1).max(60))
    .min(1)
    .max(6)
    .default([6, 12])
    .describe('Nachprüfungen nach Ende der Hilfe, ob die Wohnung noch gehalten wird (Monate nach dem Ende)'),
  reportDueMonthDay: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Format MM-TT')
    .default('04-30')
    .describe('Fälligkeit des Jahresberichts des Trägers im Folgejahr (MM-TT; das Konzept nennt den nicht existierenden 31.04.)'),
});
export type TAftercareSettings = z.infer<typeof ZAftercareSettings>;

// ---------------------------------------------------------------------------------------------
// Cooperation agreements
export const ZAgreementInput = z.object({
  carrierId: ZId.describe('Freier Träger'),
  validFrom: ZDate.describe('Gültig ab'),
  validTo: ZDate.nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Gültig bis (leer: unbefristet)'),
  capacityCases: z.number().int().min(1).max(10_000).describe('Vereinbarte Kapazität (gleichzeitig laufende Fälle)'),
  visitEveryWeeks: z.number().int().min(1).max(26).describe('Besuchsstandard: Hausbesuch alle N Wochen'),
  reportingDuties: text(4000).describe('Berichtspflichten des Trägers (laufende Zahlen, Jahresbericht)'),
  note: optText(4000),
});
export const ZAgreementUpdate = ZAgreementInput.omit({ carrierId: true }).extend({ version: ZExpectedVersion });
export const ZAgreement = z.object({
  id: ZId,
  carrier: ZRef,
  validFrom: ZDate,
  validTo: ZDate.nullable(),
  capacityCases: z.number().int(),
  activeCases: z.number().int().describe('Derzeit laufende Fälle des Trägers (bewilligt oder laufend)'),
  visitEveryWeeks: z.number().int(),
  reportingDuties: z.string(),
  note: z.string().nullable(),
  documents: z.array(z.object({ id: ZId, filename: z.string(), createdAt: ZTimestamp })).describe('Hochgeladene Vereinbarung(en)'),
  version: z.number().int(),
});
export type TAgreement = z.infer<typeof ZAgreement>;
export const ZAgreementList = z.object({ items: z.array(ZAgreement) });

// ---------------------------------------------------------------------------------------------
// Cases: referral, check, grant/refuse, extension, assignment
export const ZReferralInput = z.object({
  householdId: ZId.describe('Haushalt'),
  carrierId: ZId.describe('Vorgesehener freier Träger'),
  targetGroup: ZTargetGroup,
  source: ZReferralSource,
  sourceDetail: optText(200).describe('Meldende Stelle, z. B. Name der Pfarrgemeinde'),
  referredOn: ZDate.describe('Eingang der Meldung'),
  street: text(200).describe('Straße und Hausnummer der Wohnung (Ort der Hausbesuche)'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Fünfstellige Postleitzahl'),
  city: text(100),
  phone: optText(40).describe('Telefon des Haushalts für die Terminabsprache'),
  note: optText(4000),
});
export type TReferralInput = z.input<typeof ZReferralInput>;

export const ZCheckInput = z.object({
  comparableHelp: z.array(ZComparableHelp).max(3).default([]).describe('Bereits installierte vergleichbare Hilfen (leer: keine)'),
  note: optText(2000).describe('Wie geprüft wurde (z. B. Rückfrage beim Sozialamt)'),
  version: ZExpectedVersion,
});
export const ZGrantInput = z.object({
  grantedFrom: ZDate.describe('Beginn der Hilfe'),
  months: z.number().int().min(1).max(36).optional().describe('Dauer in Monaten (leer: Regeldauer aus den Einstellungen)'),
  visitEveryWeeks: z
    .number()
    .int()
    .min(1)
    .max(26)
    .optional()
    .describe('Besuchsrhythmus (leer: Besuchsstandard der Kooperationsvereinbarung)'),
  version: ZExpectedVersion,
});
export const ZRefuseInput = z.object({
  existingHelp: ZComparableHelp.describe('Die bereits installierte Hilfe, die der Bewilligung entgegensteht'),
  existingHelpDetail: optText(300).describe('Träger oder Stelle der bestehenden Hilfe'),
  reason: optText(2000),
  version: ZExpectedVersion,
});
export const ZExtendInput = z.object({
  months: z.number().int().min(1).max(24).describe('Verlängerung um N Monate'),
  reason: text(2000).describe('Begründung der Verlängerung'),
  version: ZExpectedVersion,
});
export const ZAssignInput = z.object({
  carrierWorkerId: ZId.nullable().describe('Zuständige Fachkraft des Trägers (leer: niemand)'),
  visitEveryWeeks: z.number().int().min(1).max(26).optional().describe('Besuchsrhythmus ändern'),
  version: ZExpectedVersion,
});
export const ZEndInput = z.object({
  reason: ZEndReason,
  endedOn: ZDate.describe('Ende der Hilfe'),
  note: optText(2000),
  version: ZExpectedVersion,
});

// Consent (§ 67b SGB X)
export const ZConsentInput = z.object({
  purpose: text(1000).describe('Zweck: Durchführung der Wohnintegrationshilfe (Hausbesuche, Hilfeplan, Vermittlung)'),
  form: ZConsentForm,
  givenOn: ZDate.describe('Datum der Einwilligung'),
});
export const ZConsentWithdraw = z.object({
  withdrawnOn: ZDate.describe('Datum des Widerrufs'),
  note: optText(1000),
  version: ZExpectedVersion,
});
export const ZConsent = z.object({
  id: ZId,
  recipient: ZRef.describe('Empfangender Träger'),
  purpose: z.string(),
  form: ZConsentForm,
  givenOn: ZDate,
  withdrawnOn: ZDate.nullable(),
});

// Help plan
export const ZGoalInput = z.object({
  goal: text(1000).describe('Ziel in den Worten des Haushalts'),
  measures: optText(2000).describe('Maßnahmen'),
  responsible: optText(300).describe('Wer macht was'),
  reviewOn: ZDate.describe('Nächste Überprüfung'),
});
export const ZGoalUpdate = ZGoalInput.extend({ state: ZGoalState });
export const ZGoalReviewInput = z.object({
  reviewedOn: ZDate,
  progress: ZGoalProgress,
  note: optText(2000).describe('Einschätzung, auch die des Haushalts'),
  nextReviewOn: ZDate.nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Nächste Überprüfung (leer: keine weitere)'),
});
export const ZGoal = z.object({
  id: ZId,
  goal: z.string(),
  measures: z.string().nullable(),
  responsible: z.string().nullable(),
  reviewOn: ZDate.nullable(),
  state: ZGoalState,
  reviews: z.array(z.object({ id: ZId, reviewedOn: ZDate, progress: ZGoalProgress, note: z.string().nullable() })),
});

// Visits
export const ZVisitInput = z.object({
  status: z.enum(DOCUMENTED_VISIT_STATUSES).describe('durchgeführt, niemand angetroffen, vom Haushalt abgelehnt'),
  visitedOn: ZDate.describe('Tag des (versuchten) Besuchs'),
  topics: z.array(ZVisitTopic).max(VISIT_TOPICS.length).default([]),
  riskSigns: z.array(ZRiskSign).max(RISK_SIGNS.length).default([]),
  arrearsCents: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Festgestellter Mietrückstand in Cent'),
  householdView: optText(2000).describe('Sicht des Haushalts (Partizipation)'),
  note: optText(4000),
});
export const ZVisit = z.object({
  id: ZId,
  status: ZVisitStatus,
  plannedOn: ZDate.nullable(),
  visitedOn: ZDate.nullable(),
  topics: z.array(ZVisitTopic),
  riskSigns: z.array(ZRiskSign),
  arrearsCents: z.number().int().nullable(),
  householdView: z.string().nullable(),
  note: z.string().nullable(),
  preventionNotified: z
    .boolean()
    .describe('Frühwarnung an die Fachstelle (Prävention) ging ein; der Präventionsfall selbst bleibt dem Träger verborgen'),
  documentedBy: z.string().nullable(),
});

// Referrals to other help, mediation contacts
export const ZHelpReferralInput = z.object({
  kind: ZHelpReferralKind,
  status: ZHelpReferralState.default('suggested'),
  provider: optText(200).describe('Stelle, an die vermittelt wird'),
  note: optText(2000),
});
export const ZHelpReferralUpdate = z.object({ status: ZHelpReferralState, note: optText(2000) });
export const ZHelpReferral = z.object({
  id: ZId,
  kind: ZHelpReferralKind,
  status: ZHelpReferralState,
  provider: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: ZTimestamp,
});
export const ZContactInput = z.object({
  occurredOn: ZDate,
  counterpart: ZContactCounterpart,
  counterpartName: optText(200),
  outcome: ZContactOutcome.default('none'),
  note: optText(4000),
});
export const ZContact = z.object({
  id: ZId,
  occurredOn: ZDate,
  counterpart: ZContactCounterpart,
  counterpartName: z.string().nullable(),
  outcome: ZContactOutcome,
  note: z.string().nullable(),
});

// Follow-up checks after the end
export const ZFollowUpInput = z.object({
  homeKept: z.boolean().describe('Wohnung wird noch gehalten'),
  checkedOn: ZDate,
  note: optText(2000),
});
export const ZFollowUp = z.object({
  id: ZId,
  months: z.number().int().describe('Monate nach dem Ende'),
  dueOn: ZDate,
  checkedOn: ZDate.nullable(),
  homeKept: z.boolean().nullable(),
  note: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------------
// Case as presented. Carrier staff get the allow-listed view (`view: 'carrier'`): no check, no
// refusal, no consents' history beyond the current one, no prevention link, no transfers.
export const ZAftercareHousehold = z.object({
  id: ZId.nullable().describe('nur für die Fachstelle'),
  reference: z.string().nullable().describe('nur für die Fachstelle'),
  name: z.string(),
  address: z.string().nullable().describe('Anschrift für den Hausbesuch'),
  phone: z.string().nullable(),
  persons: z.number().int(),
  children: z.number().int(),
});
export const ZAftercareCase = z.object({
  id: ZId,
  reference: z.string(),
  view: z.enum(['office', 'carrier']).describe('Sicht: Fachstelle (alles) oder Träger (nur freigegebene Felder)'),
  state: ZAftercareState,
  household: ZAftercareHousehold,
  carrier: ZRef,
  carrierWorker: ZRef.nullable(),
  targetGroup: ZTargetGroup,
  source: ZReferralSource.nullable().describe('nur für die Fachstelle'),
  sourceDetail: z.string().nullable(),
  referredOn: ZDate,
  fromPrevention: z.boolean().describe('Aus einem Präventionsfall übergeben'),
  check: z
    .object({
      comparableHelp: z.array(ZComparableHelp),
      note: z.string().nullable(),
      checkedOn: ZDate,
      checkedBy: z.string().nullable(),
    })
    .nullable()
    .describe('Prüfung vergleichbarer Hilfen (nur Fachstelle)'),
  refusal: z
    .object({
      existingHelp: ZComparableHelp,
      existingHelpDetail: z.string().nullable(),
      reason: z.string().nullable(),
      documentId: ZId.nullable(),
    })
    .nullable(),
  grantedFrom: ZDate.nullable(),
  grantedUntil: ZDate.nullable(),
  maxUntil: ZDate.nullable().describe('Spätestes mögliches Ende nach der Höchstdauer'),
  extensions: z.array(z.object({ fromUntil: ZDate, toUntil: ZDate, reason: z.string(), createdAt: ZTimestamp })),
  visitEveryWeeks: z.number().int().nullable(),
  nextVisitDueOn: ZDate.nullable(),
  missedInRow: z.number().int().describe('Nicht zustande gekommene Besuche in Folge'),
  consent: ZConsent.nullable().describe('Aktuelle Einwilligung'),
  endReason: ZEndReason.nullable(),
  endedOn: ZDate.nullable(),
  endNote: z.string().nullable(),
  goals: z.array(ZGoal),
  visits: z.array(ZVisit).describe('Besuchsverlauf, neueste zuerst'),
  referrals: z.array(ZHelpReferral),
  contacts: z.array(ZContact),
  followUps: z.array(ZFollowUp).describe('Nachprüfungen (nur Fachstelle)'),
  actions: z.array(z.string()).describe('Schritte, die die aktuelle Person jetzt gehen darf'),
  version: z.number().int(),
});
export type TAftercareCase = z.infer<typeof ZAftercareCase>;

export const ZAftercareListQuery = z.object({
  carrierId: ZId.optional(),
  state: ZAftercareState.optional(),
  targetGroup: ZTargetGroup.optional(),
  q: z.string().trim().max(100).optional().describe('Aktenzeichen oder Name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZAftercareListItem = z.object({
  id: ZId,
  reference: z.string(),
  state: ZAftercareState,
  name: z.string(),
  carrier: ZRef,
  carrierWorker: ZRef.nullable(),
  targetGroup: ZTargetGroup,
  referredOn: ZDate,
  grantedUntil: ZDate.nullable(),
  nextVisitDueOn: ZDate.nullable(),
  consentGiven: z.boolean(),
});
export const ZAftercarePage = ZPage(ZAftercareListItem);

export const ZQueueItem = z.object({
  caseId: ZId,
  reference: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  carrierWorker: ZRef.nullable(),
  nextVisitDueOn: ZDate.nullable(),
  grantedUntil: ZDate.nullable(),
  missedInRow: z.number().int(),
});
export const ZCarrierQueue = z.object({
  today: ZDate,
  dueThisWeek: z.array(ZQueueItem).describe('Besuche fällig bis Sonntag dieser Woche (nicht überfällig)'),
  overdue: z.array(ZQueueItem).describe('Besuche überfällig'),
  endingSoon: z.array(ZQueueItem).describe('Bewilligung endet in den nächsten 28 Tagen'),
  counts: z
    .object({ dueThisWeek: z.number().int(), overdue: z.number().int(), endingSoon: z.number().int() })
    .describe('Anzahl je Liste (die Listen zeigen höchstens 100 Fälle, die dringendsten zuerst)'),
});

export const ZTransfer = z.object({
  id: ZId,
  at: ZTimestamp,
  user: ZRef.nullable(),
  carrier: ZRef,
  kind: z.enum(['case_read', 'case_list', 'queue']).describe('Fallansicht, Liste, Arbeitsliste'),
  fields: z.array(z.string()).describe('Übermittelte Felder (Freigabeliste)'),
});
export const ZTransferList = z.object({ items: z.array(ZTransfer) });

/** The carrier's active workers who may take a case (assignment picker). */
export const ZCarrierWorkerList = z.object({
  items: z.array(z.object({ id: ZId, name: z.string(), lead: z.boolean().describe('Leitung des Trägers') })),
});

// ---------------------------------------------------------------------------------------------
// Reporting
export const ZQuarterQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('leer: laufendes Jahr'),
  quarter: z.coerce.number().int().min(1).max(4).optional().describe('leer: laufendes Quartal'),
  carrierId: ZId.optional(),
});
export const ZCount = z.object({ key: z.string(), count: z.number().int().nullable().describe('null: unterdrückt (< 5)') });
export const ZQuarterReport = z.object({
  from: ZDate,
  to: ZDate,
  casesByTargetGroup: z.array(ZCount),
  casesBySource: z.array(ZCount),
  visits: z.array(ZCount).describe('held / not_met / refused'),
  referralsByKind: z.array(ZCount),
  endsByReason: z.array(ZCount),
  followUps: z.array(ZCount).describe('kept / lost'),
  medianDurationDays: z.number().int().nullable(),
});
/** The annual report data and the tracked report object: src/contracts/aftercareReports.ts. */
export const ZAnnualQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('leer: Vorjahr (der fällige Jahresbericht)'),
  carrierId: ZId.optional(),
});
