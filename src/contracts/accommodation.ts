import { z } from 'zod';
import { ZDate, ZExpectedVersion, ZId } from './common.js';
import { endNotBeforeStart, ZMoney, ZText } from './plausible.js';

/*
 * Accommodation (Unterbringung): operators and their contracts with dated day rates, facilities with
 * rooms and places. The stays (assignments) are in accommodationStays.ts.
 */
export const OPERATOR_KINDS = ['municipality', 'welfare', 'commercial', 'other'] as const;
export const WELFARE_ASSOCIATIONS = ['awo', 'caritas', 'drk', 'paritaetischer', 'diakonie', 'zwst', 'other'] as const;
/** Type of provision as the federal statistics (WoBerichtsG) count it. */
export const PROVISIONS = ['short_term', 'partly_residential', 'residential', 'other'] as const;
export const FACILITY_STATES = ['admitted', 'admitted_conditions', 'blocked'] as const;
export const CONTRACT_KINDS = ['contract', 'agreed_rate'] as const;
export const RATE_BASES = ['person', 'place'] as const;
export const RATE_INCLUDES = ['lodging', 'heating', 'electricity', 'meals', 'cleaning', 'laundry', 'social_work', 'security'] as const;
export const ROOM_SEXES = ['any', 'female', 'male'] as const;

export type TFacilityState = (typeof FACILITY_STATES)[number];

const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: höchstens ${max} Zeichen.`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const ZPostalCode = z
  .string()
  .trim()
  .regex(/^\d{5}$/, 'Die Postleitzahl hat fünf Ziffern.');

export const ZOperatorInput = z
  .object({
    name: ZText(200, 'Name'),
    kind: z.enum(OPERATOR_KINDS).describe('Art: Kommune, Wohlfahrtsverband, gewerblich, sonstige'),
    welfareAssociation: z
      .enum(WELFARE_ASSOCIATIONS)
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .describe('Spitzenverband, nur bei Wohlfahrtsverbänden: AWO, Caritas, DRK, Paritätischer, Diakonie, ZWST, sonstiger'),
    street: optText(200, 'Straße'),
    postalCode: ZPostalCode.nullable()
      .optional()
      .transform((v) => v ?? null),
    city: optText(100, 'Ort'),
    email: z
      .string()
      .trim()
      .email('Bitte eine gültige E-Mail-Adresse angeben.')
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    phone: optText(50, 'Telefon'),
    note: optText(2000, 'Bemerkung'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'welfare' && !v.welfareAssociation)
      ctx.addIssue({ code: 'custom', path: ['welfareAssociation'], message: 'Bitte den Wohlfahrtsverband angeben.' });
    if (v.kind !== 'welfare' && v.welfareAssociation)
      ctx.addIssue({
        code: 'custom',
        path: ['welfareAssociation'],
        message: 'Ein Verband gehört nur zu einem Wohlfahrtsverband als Betreiber.',
      });
  });
export const ZOperatorUpdate = z.intersection(ZOperatorInput, z.object({ version: ZExpectedVersion }));
export type TOperatorInput = z.input<typeof ZOperatorInput>;

export const ZContactInput = z.object({
  name: ZText(200, 'Name'),
  function: optText(200, 'Funktion'),
  email: z
    .string()
    .trim()
    .email('Bitte eine gültige E-Mail-Adresse angeben.')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  phone: optText(50, 'Telefon'),
});

export const ZRateInput = z.object({
  validFrom: ZDate.describe('Gilt ab (für alle Nächte ab diesem Tag)'),
  centsPerDay: ZMoney('Tagessatz', { maxCents: 100_000 }),
  note: optText(500, 'Bemerkung'),
});

export const ZContractInput = z
  .object({
    kind: z.enum(CONTRACT_KINDS).describe('Vertrag oder vertragslose Nutzung zu einem vereinbarten Satz (Hostel, Hotel)'),
    reference: optText(100, 'Vertragsnummer'),
    validFrom: ZDate,
    validTo: ZDate.nullable()
      .optional()
      .transform((v) => v ?? null),
    rateBasis: z.enum(RATE_BASES).describe('Tagessatz je Person oder je Platz'),
    includes: z.array(z.enum(RATE_INCLUDES)).max(RATE_INCLUDES.length).default([]).describe('Was der Satz einschließt'),
    noticeDays: z
      .number()
      .int()
      .min(0)
      .max(730)
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .describe('Kündigungsfrist in Tagen'),
    note: optText(2000, 'Bemerkung'),
    centsPerDay: ZMoney('Tagessatz', { maxCents: 100_000 }).describe('Erster Tagessatz in Cent, gilt ab Vertragsbeginn'),
  })
  .superRefine(endNotBeforeStart('validFrom', 'validTo'));

const ZRate = z.object({ id: ZId, validFrom: ZDate, centsPerDay: z.number().int(), note: z.string().nullable() });
export const ZContract = z.object({
  id: ZId,
  kind: z.enum(CONTRACT_KINDS),
  reference: z.string().nullable(),
  validFrom: ZDate,
  validTo: ZDate.nullable(),
  rateBasis: z.enum(RATE_BASES),
  includes: z.array(z.string()),
  noticeDays: z.number().int().nullable(),
  note: z.string().nullable(),
  rates: z.array(ZRate).describe('Tagessätze, der neueste zuerst'),
});

export const ZOperator = z.object({
  id: ZId,
  name: z.string(),
  kind: z.enum(OPERATOR_KINDS),
  welfareAssociation: z.enum(WELFARE_ASSOCIATIONS).nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  facilities: z.number().int(),
  version: z.number().int(),
});
export type TOperator = z.infer<typeof ZOperator>;
export const ZOperatorList = z.object({ items: z.array(ZOperator) });
export const ZOperatorDetail = ZOperator.extend({
  contacts: z.array(
    z.object({ id: ZId, name: z.string(), function: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  ),
  contracts: z.array(ZContract),
});
export type TOperatorDetail = z.infer<typeof ZOperatorDetail>;

const facilityFields = {
  operatorId: ZId,
  contractId: ZId.nullable()
    .optional()
    .transform((v) => v ?? null),
  name: ZText(200, 'Name'),
  street: ZText(200, 'Straße'),
  postalCode: ZPostalCode,
  city: ZText(100, 'Ort'),
  district: optText(80, 'Bezirk'),
  provision: z.enum(PROVISIONS).describe('Art der Unterbringung (Bundesstatistik): kurzfristig, teilstationär, stationär, sonstige'),
  capacity: z.number({ error: 'Bitte die Zahl der Plätze angeben.' }).int().min(0).max(100_000),
  socialService: z.boolean().default(false),
  nightService: z.boolean().default(false),
  protectionConcept: z.boolean().default(false).describe('Gewaltschutzkonzept für Frauen'),
  substanceTolerant: z.boolean().default(false).describe('Konsum von Drogen/Alkohol geduldet'),
  note: optText(2000, 'Bemerkung'),
};
export const ZFacilityInput = z.object(facilityFields);
export const ZFacilityUpdate = z.object({ ...facilityFields, version: ZExpectedVersion });
export type TFacilityInput = z.input<typeof ZFacilityInput>;

export const ZFacilityStateInput = z
  .object({
    to: z.enum(FACILITY_STATES).describe('Neuer Status: zugelassen, mit Auflagen zugelassen, für Neubelegung gesperrt'),
    note: optText(2000, 'Begründung'),
    version: ZExpectedVersion,
  })
  .superRefine((v, ctx) => {
    if (v.to !== 'admitted' && !v.note)
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: v.to === 'blocked' ? 'Bitte den Grund der Sperre angeben.' : 'Bitte die Auflagen angeben.',
      });
  });

export const ZRoomInput = z.object({
  label: ZText(100, 'Bezeichnung'),
  sizeM2: z
    .number()
    .positive('Die Größe muss größer als 0 sein.')
    .max(10_000)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  sex: z.enum(ROOM_SEXES).default('any').describe('Belegung: alle, nur Frauen, nur Männer'),
  family: z.boolean().default(false),
  wheelchair: z.boolean().default(false),
  stepFree: z.boolean().default(false),
  pets: z.boolean().default(false),
  singleRoom: z.boolean().default(false),
  places: z
    .number({ error: 'Bitte die Zahl der Plätze angeben.' })
    .int()
    .min(1, 'Mindestens ein Platz.')
    .max(50, 'Höchstens 50 Plätze je Raum.'),
});
export const ZPlaceBlockInput = z.object({ reason: optText(500, 'Grund').describe('Grund der Sperre des Platzes; leer = frei geben') });

export const ZOccupancy = z.object({
  places: z.number().int(),
  occupied: z.number().int(),
  blocked: z.number().int(),
  free: z.number().int(),
});
export const ZFacility = z.object({
  id: ZId,
  operatorId: ZId,
  operatorName: z.string(),
  contractId: ZId.nullable(),
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  district: z.string().nullable(),
  provision: z.enum(PROVISIONS),
  capacity: z.number().int(),
  socialService: z.boolean(),
  nightService: z.boolean(),
  protectionConcept: z.boolean(),
  substanceTolerant: z.boolean(),
  state: z.enum(FACILITY_STATES),
  stateNote: z.string().nullable(),
  stateSince: ZDate,
  note: z.string().nullable(),
  occupancy: ZOccupancy.describe('Heute'),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type TFacility = z.infer<typeof ZFacility>;
export const ZFacilityList = z.object({ items: z.array(ZFacility) });

export const ZRoom = z.object({
  id: ZId,
  label: z.string(),
  sizeM2: z.number().nullable(),
  sex: z.enum(ROOM_SEXES),
  family: z.boolean(),
  wheelchair: z.boolean(),
  stepFree: z.boolean(),
  pets: z.boolean(),
  singleRoom: z.boolean(),
  places: z.array(
    z.object({
      id: ZId,
      label: z.string(),
      blockedReason: z.string().nullable(),
      occupant: z
        .object({ assignmentId: ZId, householdId: ZId, reference: z.string(), name: z.string(), since: ZDate })
        .nullable()
        .describe('Heute belegt durch (nur wenn der Haushalt für die Person sichtbar ist: sonst nur „belegt“)'),
      occupied: z.boolean(),
    }),
  ),
});
export const ZFacilityDetail = ZFacility.extend({
  rooms: z.array(ZRoom),
  events: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      note: z.string().nullable(),
      effectiveOn: ZDate,
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type TFacilityDetail = z.infer<typeof ZFacilityDetail>;
