import { z } from 'zod';
import { ZDate, ZExpectedVersion, ZId, ZTimestamp } from './common.js';
import { endNotBeforeStart, ZDateUpToDaysAhead } from './plausible.js';

/** Where a household lives or stays (codes; the UI translates them). */
export const WHEREABOUTS_KINDS = [
  'own_flat',
  'sublet',
  'relatives_friends',
  'shelter',
  'clinic',
  'prison',
  'street',
  'unknown',
  'other',
] as const;
export const ZWhereaboutsKind = z
  .enum(WHEREABOUTS_KINDS)
  .describe(
    'Wohnsituation: eigene Wohnung, Untermiete, bei Verwandten/Bekannten, Unterkunft/Notunterkunft, Klinik, Haft, Straße (ohne festen Wohnsitz), unbekannt, sonstiges',
  );
export type TWhereaboutsKind = z.infer<typeof ZWhereaboutsKind>;
/** Kinds without a postal address: street, postal code and city may stay empty. */
export const KINDS_WITHOUT_ADDRESS: readonly TWhereaboutsKind[] = ['street', 'unknown'];

/** How far ahead a move may be recorded (an announced move-in date). */
export const MOVE_DAYS_AHEAD = 31;

const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: höchstens ${max} Zeichen.`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const fields = {
  kind: ZWhereaboutsKind,
  street: optText(200, 'Straße und Hausnummer'),
  postalCode: z
    .preprocess(
      (v) => (typeof v === 'string' && !v.trim() ? null : v),
      z
        .string()
        .trim()
        .regex(/^\d{5}$/, 'Die Postleitzahl hat fünf Ziffern.')
        .nullable()
        .optional(),
    )
    .transform((v) => v ?? null),
  city: optText(100, 'Ort'),
  district: optText(80, 'Bezirk'),
  validFrom: ZDateUpToDaysAhead(MOVE_DAYS_AHEAD).describe(`Seit (höchstens ${MOVE_DAYS_AHEAD} Tage im Voraus)`),
  validTo: ZDate.nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Bis (leer = aktuelle Anschrift)'),
  note: optText(2000, 'Bemerkung'),
};

type AddressFields = { kind: TWhereaboutsKind; street: string | null; postalCode: string | null; city: string | null };
/** Street, postal code and city are needed unless the household lives on the street or its whereabouts are unknown. */
function addressNeeded(v: AddressFields, ctx: z.RefinementCtx) {
  if (KINDS_WITHOUT_ADDRESS.includes(v.kind)) return;
  const need = [
    ['street', 'Bitte Straße und Hausnummer angeben.'],
    ['postalCode', 'Bitte die Postleitzahl angeben.'],
    ['city', 'Bitte den Ort angeben.'],
  ] as const;
  for (const [field, message] of need) if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message });
}

/** A move (a new entry of the history); without `validTo` it becomes the current address. */
export const ZAddressCreate = z.object(fields).superRefine(addressNeeded).superRefine(endNotBeforeStart('validFrom', 'validTo'));
export type TAddressCreate = z.input<typeof ZAddressCreate>;
/** A correction of one entry (optimistic lock by `version`). */
export const ZAddressUpdate = z
  .object({ ...fields, version: ZExpectedVersion })
  .superRefine(addressNeeded)
  .superRefine(endNotBeforeStart('validFrom', 'validTo'));
export type TAddressUpdate = z.input<typeof ZAddressUpdate>;

export const ZAddress = z.object({
  id: ZId,
  kind: ZWhereaboutsKind,
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  validFrom: ZDate,
  validTo: ZDate.nullable(),
  note: z.string().nullable(),
  current: z.boolean(),
  version: z.number().int(),
  createdBy: z.object({ id: ZId, displayName: z.string() }).nullable(),
  createdAt: ZTimestamp,
});
export type TAddress = z.infer<typeof ZAddress>;
export const ZAddressHistory = z.object({
  current: ZAddress.nullable(),
  items: z.array(ZAddress).describe('Alle Einträge, neueste zuerst'),
});
export type TAddressHistory = z.infer<typeof ZAddressHistory>;
export const ZAddressParams = z.object({ id: ZId, subId: ZId });
