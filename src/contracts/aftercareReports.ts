import { z } from 'zod';
import { GENDERS, ZDate, ZExpectedVersion, ZId, ZTimestamp } from './common.js';
import {
  type END_REASONS,
  type HELP_REFERRAL_KINDS,
  type REFERRAL_SOURCES,
  type TARGET_GROUPS,
  ZCount,
  ZEndReason,
  ZTargetGroup,
} from './aftercare.js';

/*
 * The carrier's annual report (seed § 10) as a tracked object, shared by server and web.
 *
 * Model: one report per (agency, carrier, year). The carrier opens it as a draft and writes its
 * narrative (focus, goals, local developments); the carrier lead submits it, which freezes the
 * anonymised case rows and the suppressed aggregates together with the narrative as submission
 * no. N. The Fachstelle may return a submitted report with a reason: it is a draft again, the
 * returned submission stays in the history (marked returned), and the next submission is no. N+1.
 * So every version the city ever received stays readable; the latest one not returned is the report.
 *
 *   draft ─submit (carrier lead; snapshot frozen)→ submitted ─return (Fachstelle, reason)→ draft
 */

export const AGE_BANDS = ['under_25', '25_34', '35_49', '50_64', '65_plus', 'unknown'] as const;
export const ZAgeBand = z.enum(AGE_BANDS).describe('Altersgruppe der ersten Person im Haushalt am Jahresende (unknown: ohne Geburtsdatum)');
export type TAgeBand = z.infer<typeof ZAgeBand>;
export const HOUSEHOLD_TYPES = ['single', 'single_parent', 'couple_children', 'multi_no_children'] as const;
export const ZHouseholdType = z
  .enum(HOUSEHOLD_TYPES)
  .describe('alleinlebend, alleinerziehend, Paar/Familie mit Kindern, Mehrpersonenhaushalt ohne Kinder');
export type THouseholdType = z.infer<typeof ZHouseholdType>;
export const FOLLOW_UP_RESULTS = ['kept', 'lost', 'open'] as const;

/**
 * German labels of every code a report shows, for the PDF and XLSX for the city (German documents).
 * The German UI texts (src/web/i18n/de/aftercare.ts) use the same words; a test keeps them equal
 * (the UI does not import these, so the language chunks stay free of contract code).
 */
export const REPORT_LABELS_DE = {
  targetGroup: {
    precarious_housing: '(a) prekäre Wohnsituation',
    secured_tenancy: '(b) gesichertes Mietverhältnis mit Wiederholungsgefahr',
  } as Record<(typeof TARGET_GROUPS)[number], string>,
  source: {
    self: 'Selbstmeldung',
    carrier: 'freier Träger',
    housing_company: 'Wohnungsunternehmen/Vermieter',
    job_centre: 'Jobcenter',
    social_office: 'Amt für Soziales',
    senior_counselling: 'Seniorenberatung',
    youth_office: 'ASD (Jugendamt)',
    fachstelle: 'Fachstelle Wohnen',
    social_space_coordination: 'Sozialraumkoordination',
    parish: 'Pfarrgemeinde',
    other: 'sonstige',
  } as Record<(typeof REFERRAL_SOURCES)[number], string>,
  endReason: {
    goals_reached: 'Ziele erreicht',
    lease_signed: 'Mietvertrag abgeschlossen',
    declined_withdrawn: 'abgelehnt / Einwilligung widerrufen',
    moved_away: 'verzogen',
    no_contact: 'kein Kontakt',
    other_help_installed: 'andere Hilfe installiert',
    time_limit: 'Befristung abgelaufen',
    running: 'läuft noch',
  } as Record<(typeof END_REASONS)[number] | 'running', string>,
  visitStatus: { planned: 'geplant', held: 'durchgeführt', not_met: 'niemand angetroffen', refused: 'vom Haushalt abgelehnt' } as Record<
    'planned' | 'held' | 'not_met' | 'refused',
    string
  >,
  referralKind: {
    debt_counselling: 'Schuldnerberatung',
    addiction_help: 'Suchthilfe',
    family_help: 'Familienhilfe',
    senior_counselling: 'Seniorenberatung',
    sgb12_67: 'Hilfen nach §§ 67 ff. SGB XII',
    other: 'sonstige Hilfe',
  } as Record<(typeof HELP_REFERRAL_KINDS)[number], string>,
  followUpResult: { kept: 'Wohnung gehalten', lost: 'Wohnung verloren', open: 'offen' } as Record<
    (typeof FOLLOW_UP_RESULTS)[number],
    string
  >,
  ageBand: {
    under_25: 'unter 25',
    '25_34': '25–34',
    '35_49': '35–49',
    '50_64': '50–64',
    '65_plus': '65 und älter',
    unknown: 'ohne Angabe',
  } as Record<(typeof AGE_BANDS)[number], string>,
  householdType: {
    single: 'alleinlebend',
    single_parent: 'alleinerziehend',
    couple_children: 'Paar/Familie mit Kindern',
    multi_no_children: 'Mehrpersonenhaushalt ohne Kinder',
  } as Record<(typeof HOUSEHOLD_TYPES)[number], string>,
  gender: { female: 'weiblich', male: 'männlich', diverse: 'divers', unspecified: 'ohne Angabe' } as Record<
    (typeof GENDERS)[number],
    string
  >,
};

// ---------------------------------------------------------------------------------------------
// The report data (computed live for the JSON endpoint and a draft preview; frozen at submission)
export const ZAnnualRow = z.object({
  pseudonym: z.string().describe('Pseudonyme Fallnummer (ohne Namen oder Geburtsdaten)'),
  ageBand: ZAgeBand,
  householdType: ZHouseholdType,
  gender: z.enum(GENDERS),
  targetGroup: ZTargetGroup,
  durationDays: z.number().int().nullable(),
  visitsHeld: z.number().int(),
  referrals: z.number().int(),
  endReason: ZEndReason.nullable(),
  followUp: z.enum(FOLLOW_UP_RESULTS).nullable(),
});
export const ZAnnualReport = z.object({
  year: z.number().int(),
  dueOn: ZDate,
  rows: z.array(ZAnnualRow),
  aggregates: z.object({
    byTargetGroup: z.array(ZCount),
    byGender: z.array(ZCount),
    byAgeBand: z.array(ZCount),
    byHouseholdType: z.array(ZCount),
    byEndReason: z.array(ZCount).describe('Schlüssel `running`: läuft noch'),
  }),
  suppression: z.string().describe('Kleine Zellen (< 5) sind unterdrückt (null)'),
});
export type TAnnualReport = z.infer<typeof ZAnnualReport>;

// ---------------------------------------------------------------------------------------------
// The tracked report
export const CARRIER_REPORT_STATES = ['draft', 'submitted'] as const;
export const ZCarrierReportState = z.enum(CARRIER_REPORT_STATES).describe('in Bearbeitung beim Träger, eingereicht');
export type TCarrierReportState = z.infer<typeof ZCarrierReportState>;

/** Upper bound of each narrative field (characters). */
export const NARRATIVE_MAX = 8000;
const narrative = z
  .string()
  .trim()
  .max(NARRATIVE_MAX)
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

export const ZCarrierReportOpen = z.object({
  year: z.number().int().min(2000).max(2100).describe('Berichtsjahr (abgelaufenes oder laufendes Jahr)'),
});
export const ZCarrierReportNarrative = z.object({
  focus: narrative.describe('Arbeitsschwerpunkte'),
  goals: narrative.describe('Ziele und ihre Erreichung'),
  developments: narrative.describe('Entwicklungen vor Ort'),
  version: ZExpectedVersion,
});
export const ZCarrierReportSubmit = z.object({ version: ZExpectedVersion });
export const ZCarrierReportReturn = z.object({
  reason: z.string().trim().min(1).max(2000).describe('Warum der Bericht zurückgegeben wird (sieht der Träger)'),
  version: ZExpectedVersion,
});
const ZRef = z.object({ id: ZId, name: z.string() });
export const ZCarrierReportSubmission = z.object({
  no: z.number().int().describe('Fassung 1, 2, …'),
  submittedAt: ZTimestamp,
  submittedBy: z.string().nullable(),
  cases: z.number().int().describe('Zahl der Fallzeilen im eingefrorenen Stand'),
  returnedAt: ZTimestamp.nullable(),
  returnedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export const ZCarrierReport = z.object({
  id: ZId,
  carrier: ZRef,
  year: z.number().int(),
  dueOn: ZDate,
  state: ZCarrierReportState,
  focus: z.string().nullable(),
  goals: z.string().nullable(),
  developments: z.string().nullable(),
  submissions: z.array(ZCarrierReportSubmission).describe('Eingereichte Fassungen, neueste zuerst'),
  actions: z.array(z.enum(['edit', 'submit', 'return'])).describe('Schritte, die die aktuelle Person jetzt gehen darf'),
  version: z.number().int(),
  updatedAt: ZTimestamp,
});
export type TCarrierReport = z.infer<typeof ZCarrierReport>;
export const ZCarrierReportListQuery = z.object({
  carrierId: ZId.optional().describe('nur die Fachstelle; ein Träger sieht seine eigenen'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const ZCarrierReportListItem = ZCarrierReport.pick({ id: true, carrier: true, year: true, dueOn: true, state: true }).extend({
  submissions: z.number().int(),
  lastSubmittedAt: ZTimestamp.nullable(),
  returned: z.boolean().describe('Die letzte Fassung wurde zurückgegeben'),
});
export const ZCarrierReportList = z.object({ items: z.array(ZCarrierReportListItem) });
export const ZExportFormat = z.enum(['pdf', 'xlsx']);
export const ZCarrierReportExportQuery = z.object({
  format: ZExportFormat.default('pdf'),
  submission: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Eingereichte Fassung; leer: die aktuelle (Entwurf: Vorschau mit den heutigen Zahlen, nur für den Träger)'),
});
