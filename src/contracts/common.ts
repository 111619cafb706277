import { z } from 'zod';

/** Roles of wohnhilfe users; see shared/domain.md "Who uses it". */
export const ROLES = [
  'case_manager',
  'social_worker',
  'accommodation_worker',
  'lead',
  'provider_user',
  'carrier_worker',
  'auditor',
  'admin',
  /** A steering body's user (e.g. Senate administration): aggregates of its member agencies only, never a record. */
  'steering',
  /** Datenschutzbeauftragte*r: reads the logs and records of data protection, never a case. */
  'dpo',
  /** A shelter operator's staff (accommodation portal): its facilities' occupancy and the minimum data to receive a person. */
  'operator_user',
] as const;
export const ZRole = z.enum(ROLES).describe('Rolle des Benutzers');
export type TRole = z.infer<typeof ZRole>;

export const GENDERS = ['female', 'male', 'diverse', 'unspecified'] as const;
export const ZGender = z.enum(GENDERS).describe('Geschlecht: weiblich, männlich, divers, ohne Angabe');
export type TGender = z.infer<typeof ZGender>;

export const HOUSING_SITUATIONS = ['in_accommodation', 'hidden_homeless', 'rough_sleeping', 'at_risk', 'housed'] as const;
export const ZHousingSituation = z.enum(HOUSING_SITUATIONS).describe('Aktuelle Wohnsituation');
export type THousingSituation = z.infer<typeof ZHousingSituation>;

export const JOURNAL_KINDS = ['contact', 'visit', 'call', 'note'] as const;
export const ZJournalKind = z.enum(JOURNAL_KINDS);

/** German federal states (ISO 3166-2:DE suffixes), needed for public holidays. */
export const FEDERAL_STATES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export const ZFederalState = z.enum(FEDERAL_STATES);

export const ZId = z.string().uuid();
/** Calendar date as ISO string (YYYY-MM-DD). */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Ungültiges Datum');
export const ZTimestamp = z.string().datetime({ offset: true });

export const ZIdParams = z.object({ id: ZId });

/** The version an update expects (from the ETag); If-Match may carry it instead (either suffices, both must agree). */
export const ZExpectedVersion = z.number().int().positive().describe('Erwartete Version (aus dem ETag) oder If-Match; veraltet → 412');
/** The body of a step that changes nothing but the state: only the expected version. */
export const ZVersioned = z.object({ version: ZExpectedVersion });

/** RFC 9457 problem details, with the fields that failed validation. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  currentState: z.string().optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZPage = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
