import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';

/** Fields a column of an imported list can be mapped to (amounts in cents, dates ISO). */
export const IMPORT_FIELDS = [
  'fullName',
  'lastName',
  'firstName',
  'birthDate',
  'gender',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'phone',
  'persons',
  'arrearsCents',
  'monthlyRentCents',
  'compensationCents',
  'fileNumber',
  'court',
  'receivedOn',
  'servedOn',
  'hearingDate',
  'evictionDate',
  'terminationDate',
  'landlord',
  'externalReference',
  'notes',
] as const;
export const ZImportField = z.enum(IMPORT_FIELDS);
export type TImportField = z.infer<typeof ZImportField>;

/** Uploaded → mapped (preview) → importing → done; failed when reading or importing broke off. */
export const IMPORT_STATES = ['parsing', 'uploaded', 'mapped', 'importing', 'done', 'failed'] as const;
export const ZImportState = z.enum(IMPORT_STATES);
export type TImportState = z.infer<typeof ZImportState>;

/** Where the listed notices come from (the case's source). */
export const IMPORT_SOURCES = ['landlord', 'court_notice', 'job_centre', 'other_service'] as const;
export const ZImportSource = z.enum(IMPORT_SOURCES);

export const ZImportMappingInput = z.object({
  columns: z.array(ZImportField.nullable()).max(100).describe('Zielfeld je Spalte der Datei (null = nicht übernehmen)'),
  source: ZImportSource.default('landlord').describe('Herkunft der Meldungen'),
  defaultCity: z.string().trim().max(100).nullish().describe('Ort für Zeilen ohne Ortsangabe'),
  version: z.number().int().optional(),
});
export type TImportMappingInput = z.input<typeof ZImportMappingInput>;

export const ZImportCounts = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  matched: z.number().int().describe('gültige Zeilen, die einem vorhandenen Haushalt zugeordnet werden (gleiche Person)'),
  possible: z
    .number()
    .int()
    .describe('gültige Zeilen mit möglichem Treffer nur über die Adresse, noch ohne Entscheidung (ohne Entscheidung: neuer Haushalt)'),
  duplicates: z.number().int().describe('Zeilen, die in der Datei mehrfach vorkommen'),
});

export const ZImportReport = z.object({
  createdCases: z.number().int(),
  linkedHouseholds: z.number().int(),
  newHouseholds: z.number().int(),
  skippedInvalid: z.number().int(),
  skippedDuplicates: z.number().int(),
});
export type TImportReport = z.infer<typeof ZImportReport>;

export const IMPORT_ACTIONS = ['map', 'confirm'] as const;

export const ZImportJob = z.object({
  id: ZId,
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']).nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  state: ZImportState,
  columns: z.array(z.object({ index: z.number().int(), name: z.string(), samples: z.array(z.string()) })),
  suggestedMapping: z.array(ZImportField.nullable()),
  mapping: z.array(ZImportField.nullable()).nullable(),
  source: ZImportSource.nullable(),
  defaultCity: z.string().nullable(),
  counts: ZImportCounts.nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  report: ZImportReport.nullable(),
  error: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
  actions: z.array(z.enum(IMPORT_ACTIONS)),
});
export type TImportJob = z.infer<typeof ZImportJob>;

export const IMPORT_ROW_FILTERS = ['all', 'valid', 'invalid', 'matched', 'possible', 'duplicates'] as const;
export const ZImportRowsQuery = z.object({
  filter: z.enum(IMPORT_ROW_FILTERS).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZImportRowError = z.object({
  column: z.string().nullable().describe('Spaltenname in der Datei'),
  field: ZImportField.nullable(),
  message: z.string(),
});

export const ZImportRow = z.object({
  rowNo: z.number().int().describe('Zeilennummer in der Datei (Kopfzeile = 1)'),
  status: z.enum(['pending', 'valid', 'invalid']),
  name: z.string().nullable(),
  birthDate: ZDate.nullable(),
  address: z.string().nullable(),
  arrearsCents: z.number().int().nullable(),
  errors: z.array(ZImportRowError),
  match: z
    .object({
      householdId: ZId,
      reference: z.string(),
      name: z.string(),
      by: z
        .enum(['person', 'name_address', 'address'])
        .describe('person: Name und Geburtsdatum; name_address: Name und Adresse; address: Adresse, von einer Person bestätigt'),
    })
    .nullable()
    .describe('Haushalt, mit dem die Zeile verknüpft wird'),
  possibleMatch: z
    .object({
      householdId: ZId,
      reference: z.string(),
      name: z.string(),
      decision: z.enum(['link', 'new']).nullable().describe('null: noch nicht entschieden (dann neuer Haushalt)'),
    })
    .nullable()
    .describe('Haushalt mit einem Fall unter derselben Adresse, aber ohne gleiche Person: eine Person entscheidet'),
  duplicateOf: z.number().int().nullable().describe('Zeilennummer der ersten gleichen Zeile in der Datei'),
  caseId: ZId.nullable(),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const ZImportRowDecision = z.object({
  decision: z.enum(['link', 'new']).describe('link: mit dem möglichen Haushalt verknüpfen; new: neuen Haushalt anlegen'),
});

export const ZImportRowsPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZImportRow),
});
