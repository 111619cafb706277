import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';

/*
 * Accommodation (issue 16), the federal statistics of accommodated homeless persons (Wohnungslosen-
 * berichterstattungsgesetz, WoBerichtsG): on the reference day 31 January (the night to 1 February)
 * one record per person in accommodation with the § 4 attributes; a check of missing attributes
 * before the export; the due date (30 working days after the reference day) as the lead's deadline;
 * the records as CSV (column layout below and in the README) and XLSX, and the aggregate table as
 * published (counts rounded to multiples of 5).
 */

export const STAT_SEXES = ['male', 'female', 'diverse', 'unspecified'] as const;
export const STAT_NATIONALITIES = ['german', 'eu', 'non_eu', 'unknown'] as const;
export const STAT_HOUSEHOLD_TYPES = ['single', 'couple_children', 'single_parent', 'couple', 'other'] as const;
/** Age bands of the published table (completed years on the reference day). */
export const STAT_AGE_BANDS = ['u18', '18_24', '25_29', '30_39', '40_49', '50_64', '65plus', 'unknown'] as const;
/** Attributes the check looks for (the municipality key is a required agency field, never missing). */
export const STAT_MISSING = ['sex', 'birthDate', 'nationality'] as const;
export type TStatMissing = (typeof STAT_MISSING)[number];

/**
 * The CSV column layout (one line per person, `;`-separated, UTF-8 with BOM, CRLF, dates YYYY-MM-DD,
 * codes in lower case without umlauts): column name → description. Order is the file's order.
 */
export const STAT_CSV_COLUMNS = [
  ['lfd_nr', 'Laufende Nummer des Datensatzes (1 … n), keine Kennung der Person'],
  ['stichtag', 'Stichtag: 31. Januar des Berichtsjahres (Nacht zum 1. Februar), JJJJ-MM-TT'],
  ['ags', 'Amtlicher Gemeindeschlüssel der Kommune (8 Ziffern, Einstellung der Stelle)'],
  ['geschlecht', 'maennlich | weiblich | divers | ohne_angabe'],
  ['alter', 'Alter in vollendeten Jahren am Stichtag; leer ohne Geburtsdatum'],
  ['staatsangehoerigkeit', 'deutsch | eu (anderer EU-Staat) | drittstaat (auch staatenlos) | ohne_angabe'],
  ['haushaltstyp', 'alleinstehend | paar_mit_kindern | alleinerziehend | paar_ohne_kinder | sonstiger_mehrpersonenhaushalt'],
  ['haushaltsgroesse', 'Personen des Haushalts, die in der Stichtagsnacht untergebracht sind'],
  ['art_der_unterbringung', 'kurzfristig | teilstationaer | stationaer | sonstige (Einstufung der Unterkunft)'],
  ['traeger', 'kommune | freigemeinnuetzig | gewerblich | sonstige (Art des Betreibers)'],
  ['beginn_unterbringung', 'Erster Tag der ununterbrochenen Unterbringung (auch über Verlegungen), JJJJ-MM-TT'],
] as const;

/** The codes written into the CSV per attribute. */
export const STAT_CSV_CODES = {
  sex: { male: 'maennlich', female: 'weiblich', diverse: 'divers', unspecified: 'ohne_angabe' },
  nationality: { german: 'deutsch', eu: 'eu', non_eu: 'drittstaat', unknown: 'ohne_angabe' },
  householdType: {
    single: 'alleinstehend',
    couple_children: 'paar_mit_kindern',
    single_parent: 'alleinerziehend',
    couple: 'paar_ohne_kinder',
    other: 'sonstiger_mehrpersonenhaushalt',
  },
  provision: { short_term: 'kurzfristig', partly_residential: 'teilstationaer', residential: 'stationaer', other: 'sonstige' },
  provider: { municipality: 'kommune', welfare: 'freigemeinnuetzig', commercial: 'gewerblich', other: 'sonstige' },
} as const;

export const ZStatisticsYearQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('Berichtsjahr (Stichtag 31.01.); ohne Angabe das letzte Jahr, dessen Stichtagsnacht vorbei ist'),
});
export const ZStatisticsYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ZStatisticsExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv').describe('csv: nur die Datensätze; xlsx: Datensätze und Tabelle'),
});

/** A published count: rounded to a multiple of 5; null = "< 5" (0 to 4, not told apart). */
const ZPublished = z.number().int().nullable();

export const ZStatisticsTable = z.object({
  total: ZPublished,
  sexAge: z.array(
    z.object({
      age: z.enum(STAT_AGE_BANDS),
      male: ZPublished,
      female: ZPublished,
      diverse: ZPublished,
      unspecified: ZPublished,
      total: ZPublished,
    }),
  ),
  householdTypes: z.array(z.object({ key: z.enum(STAT_HOUSEHOLD_TYPES), count: ZPublished })),
  provisions: z.array(z.object({ key: z.enum(['short_term', 'partly_residential', 'residential', 'other']), count: ZPublished })),
});
export type TStatisticsTable = z.infer<typeof ZStatisticsTable>;

export const ZStatisticsMissingItem = z.object({
  householdId: ZId,
  reference: z.string().describe('Aktenzeichen des Haushalts'),
  memberId: ZId,
  name: z.string(),
  missing: z.array(z.enum(STAT_MISSING)),
});

export const ZStatisticsOverview = z.object({
  year: z.number().int(),
  referenceDay: ZDate.describe('Stichtag 31.01. (gezählt wird die Nacht zum 01.02.)'),
  dueOn: ZDate.describe('Meldefrist: 30 Arbeitstage nach dem Stichtag (Feiertage des Landes zählen nicht)'),
  ags: z.string().describe('Amtlicher Gemeindeschlüssel der Stelle (Stammdaten der Stelle)'),
  persons: z.number().int().describe('Untergebrachte Personen in der Stichtagsnacht (exakt, nur intern)'),
  missingTotal: z.number().int().describe('Personen mit fehlendem Merkmal'),
  missing: z.array(ZStatisticsMissingItem).describe('Die ersten 500 Personen mit fehlendem Merkmal'),
  table: ZStatisticsTable,
  submittedAt: ZTimestamp.nullable(),
  submittedBy: z.string().nullable(),
  submittedPersons: z.number().int().nullable(),
  note: z.string().nullable(),
  canSubmit: z.boolean(),
});
export type TStatisticsOverview = z.infer<typeof ZStatisticsOverview>;

export const ZStatisticsSubmit = z.object({
  note: z.string().trim().max(500).nullable().optional().describe('z. B. Übermittlungsweg oder Eingangsbestätigung'),
});
