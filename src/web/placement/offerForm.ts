import type { TOfferInput } from '../../contracts/placement';
import type { FieldIssue } from '../i18n/errors';
import { centsToInput, decimalToInput, euroToCents, parseDecimal } from '../lib/numbers';
import type { Offer } from './queries';

type Equipment = NonNullable<TOfferInput['equipment']>[number];
type Preferred = NonNullable<TOfferInput['preferred']>[number];

/** The offer form as typed: numbers stay text until saving (German decimal comma, euros). */
export interface OfferForm {
  providerId: string;
  street: string;
  postalCode: string;
  city: string;
  district: string;
  floor: string;
  lift: boolean;
  livingSpace: string;
  rooms: string;
  coldRent: string;
  serviceCharges: string;
  heating: string;
  heatingType: string;
  deposit: string;
  equipment: Equipment[];
  stepFree: boolean;
  wheelchair: boolean;
  availableFrom: string;
  petsAllowed: boolean;
  preferred: Preferred[];
  hints: string;
}

export const MONEY_FIELDS = {
  coldRent: 'coldRentCents',
  serviceCharges: 'serviceChargesCents',
  heating: 'heatingCents',
  deposit: 'depositCents',
} as const;
type MoneyField = keyof typeof MONEY_FIELDS;

/** Every field path the form shows (server issues on other paths attach to the nearest one). */
export const OFFER_FIELDS: ReadonlySet<string> = new Set([
  'providerId',
  'street',
  'postalCode',
  'city',
  'district',
  'floor',
  'lift',
  'livingSpace',
  'rooms',
  'coldRentCents',
  'serviceChargesCents',
  'heatingCents',
  'heatingType',
  'depositCents',
  'equipment',
  'stepFree',
  'wheelchair',
  'availableFrom',
  'petsAllowed',
  'preferred',
  'hints',
]);

/** Rooms offered in the select: 1 to 8 in half steps. */
export const ROOM_OPTIONS: readonly number[] = Array.from({ length: 15 }, (_, i) => 1 + i / 2);

export function emptyOfferForm(providerId = ''): OfferForm {
  return {
    providerId,
    street: '',
    postalCode: '',
    city: '',
    district: '',
    floor: '0',
    lift: false,
    livingSpace: '',
    rooms: '',
    coldRent: '',
    serviceCharges: '',
    heating: '',
    heatingType: '',
    deposit: '',
    equipment: [],
    stepFree: false,
    wheelchair: false,
    availableFrom: '',
    petsAllowed: false,
    preferred: [],
    hints: '',
  };
}

export function offerToForm(o: Offer): OfferForm {
  return {
    providerId: o.provider.id,
    street: o.street,
    postalCode: o.postalCode,
    city: o.city,
    district: o.district,
    floor: String(o.floor),
    lift: o.lift,
    livingSpace: decimalToInput(o.livingSpace),
    rooms: String(o.rooms),
    coldRent: centsToInput(o.coldRentCents),
    serviceCharges: centsToInput(o.serviceChargesCents),
    heating: centsToInput(o.heatingCents),
    heatingType: o.heatingType ?? '',
    deposit: centsToInput(o.depositCents),
    equipment: [...o.equipment],
    stepFree: o.stepFree,
    wheelchair: o.wheelchair,
    availableFrom: o.availableFrom,
    petsAllowed: o.petsAllowed,
    preferred: [...o.preferred],
    hints: o.hints ?? '',
  };
}

/** Form key behind each required text or number field of the body. */
const REQUIRED_INPUTS: Record<string, keyof OfferForm> = {
  street: 'street',
  postalCode: 'postalCode',
  city: 'city',
  district: 'district',
  floor: 'floor',
  livingSpace: 'livingSpace',
  rooms: 'rooms',
  coldRentCents: 'coldRent',
  serviceChargesCents: 'serviceCharges',
  heatingCents: 'heating',
  depositCents: 'deposit',
  availableFrom: 'availableFrom',
};

/** Empty required fields say "please fill in" rather than "invalid format" (what the schema reports for NaN or a failed pattern). */
export function requiredWhenEmpty(issues: FieldIssue[], f: OfferForm): FieldIssue[] {
  return issues.map((i) => {
    const key = REQUIRED_INPUTS[i.field];
    return key && String(f[key]).trim() === '' ? { field: i.field, code: 'too_small', message: '', origin: 'string' } : i;
  });
}

const intOrNaN = (s: string) => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/**
 * The API body. Unreadable numbers are reported here with a German hint (the schema would only
 * say "invalid"); everything else is left to the contract schema.
 */
export function formToPayload(
  f: OfferForm,
  withProvider: boolean,
  messages: { money: string; number: string },
): { payload: TOfferInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const money = (field: MoneyField): number => {
    const cents = euroToCents(f[field]);
    if (Number.isNaN(cents) && f[field].trim() !== '') issues.push({ field: MONEY_FIELDS[field], code: 'custom', message: messages.money });
    return cents;
  };
  const livingSpace = parseDecimal(f.livingSpace);
  if (Number.isNaN(livingSpace) && f.livingSpace.trim() !== '')
    issues.push({ field: 'livingSpace', code: 'custom', message: messages.number });
  const payload: TOfferInput = {
    ...(withProvider && f.providerId ? { providerId: f.providerId } : {}),
    street: f.street,
    postalCode: f.postalCode,
    city: f.city,
    district: f.district,
    floor: intOrNaN(f.floor),
    lift: f.lift,
    livingSpace,
    rooms: f.rooms === '' ? Number.NaN : Number(f.rooms),
    coldRentCents: money('coldRent'),
    serviceChargesCents: money('serviceCharges'),
    heatingCents: money('heating'),
    heatingType: f.heatingType.trim() || null,
    depositCents: money('deposit'),
    equipment: f.equipment,
    stepFree: f.stepFree,
    wheelchair: f.wheelchair,
    availableFrom: f.availableFrom,
    petsAllowed: f.petsAllowed,
    preferred: f.preferred,
    hints: f.hints.trim() || null,
  };
  return { payload, issues };
}

/** Warm rent preview in cents, or null while a part is unreadable. */
export function warmRentCents(f: OfferForm): number | null {
  const parts = [f.coldRent, f.serviceCharges, f.heating].map((v) => (v.trim() === '' ? 0 : euroToCents(v)));
  return parts.some(Number.isNaN) || f.coldRent.trim() === '' ? null : parts.reduce((a, b) => a + b, 0);
}

export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
}
