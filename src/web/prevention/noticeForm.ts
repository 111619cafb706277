import type { GENDERS } from '../../contracts/common';
import type { TCaseCreate, TPreventionSource, TThreatStage } from '../../contracts/prevention';
import type { FieldIssue } from '../i18n/errors';
import { dateTimeLocalToIso, toDateTimeLocal } from '../i18n/format';
import { centsToInput, euroToCents } from '../lib/numbers';
import type { PreventionCase } from './queries';

export interface TenantForm {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: (typeof GENDERS)[number];
  phone: string;
  email: string;
}

export interface PartyForm {
  role: 'plaintiff' | 'defendant' | 'other';
  name: string;
  address: string;
}

/** The notice form as typed: money in euros, times as datetime-local values. */
export interface NoticeForm {
  source: TPreventionSource;
  sourceDetail: string;
  selfReferralVia: '' | 'walk_in' | 'appointment';
  receivedOn: string;
  tenants: TenantForm[];
  street: string;
  postalCode: string;
  city: string;
  landlordName: string;
  landlordAddress: string;
  monthlyRent: string;
  arrears: string;
  compensation: string;
  courtName: string;
  courtFileNumber: string;
  parties: PartyForm[];
  threatStage: TThreatStage | '';
  terminationOn: string;
  ordinaryTermination: boolean;
  previousCureOn: string;
  lawsuitServedOn: string;
  hearingAt: string;
  writtenProceedingsServedOn: string;
  evictionAt: string;
  note: string;
}

export const emptyTenant = (): TenantForm => ({ firstName: '', lastName: '', birthDate: '', gender: 'unspecified', phone: '', email: '' });

export function emptyNoticeForm(today: string, source: TPreventionSource = 'court_notice'): NoticeForm {
  return {
    source,
    sourceDetail: '',
    selfReferralVia: '',
    receivedOn: today,
    tenants: [emptyTenant()],
    street: '',
    postalCode: '',
    city: '',
    landlordName: '',
    landlordAddress: '',
    monthlyRent: '',
    arrears: '',
    compensation: '',
    courtName: '',
    courtFileNumber: '',
    parties: [],
    threatStage: '',
    terminationOn: '',
    ordinaryTermination: false,
    previousCureOn: '',
    lawsuitServedOn: '',
    hearingAt: '',
    writtenProceedingsServedOn: '',
    evictionAt: '',
    note: '',
  };
}

/** The court section is for court notices, and for any source once a lawsuit is known. */
export function showsCourt(f: Pick<NoticeForm, 'source' | 'threatStage'>): boolean {
  return f.source === 'court_notice' || f.threatStage === 'lawsuit' || f.threatStage === 'judgment' || f.threatStage === 'eviction_date';
}

export const MONEY_FIELDS = { monthlyRent: 'monthlyRentCents', arrears: 'arrearsCents', compensation: 'compensationCents' } as const;

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Form → the body of POST /prevention/cases (without the household choice); unreadable money becomes an issue. */
export function noticePayload(f: NoticeForm, moneyMessage: string): { payload: TCaseCreate; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const money = (key: keyof typeof MONEY_FIELDS): number | null => {
    if (f[key].trim() === '') return null;
    const cents = euroToCents(f[key]);
    if (Number.isNaN(cents)) issues.push({ field: MONEY_FIELDS[key], code: 'custom', message: moneyMessage });
    return cents;
  };
  const court = showsCourt(f);
  const payload: TCaseCreate = {
    source: f.source,
    sourceDetail: orNull(f.sourceDetail),
    selfReferralVia: f.source === 'self_referral' && f.selfReferralVia ? f.selfReferralVia : null,
    receivedOn: f.receivedOn,
    tenants: f.tenants.map((p) => ({
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: orNull(p.birthDate),
      gender: p.gender,
      phone: orNull(p.phone),
      email: orNull(p.email),
    })),
    street: f.street,
    postalCode: f.postalCode.trim(),
    city: f.city,
    landlordName: orNull(f.landlordName),
    landlordAddress: orNull(f.landlordAddress),
    monthlyRentCents: money('monthlyRent'),
    arrearsCents: money('arrears'),
    compensationCents: money('compensation'),
    courtName: court ? orNull(f.courtName) : null,
    courtFileNumber: court ? orNull(f.courtFileNumber) : null,
    parties: court ? f.parties.map((p) => ({ role: p.role, name: p.name, address: orNull(p.address) })) : [],
    threatStage: f.threatStage || null,
    terminationOn: orNull(f.terminationOn),
    ordinaryTermination: f.ordinaryTermination,
    previousCureOn: orNull(f.previousCureOn),
    lawsuitServedOn: court ? orNull(f.lawsuitServedOn) : null,
    hearingAt: court ? dateTimeLocalToIso(f.hearingAt) : null,
    writtenProceedingsServedOn: court ? orNull(f.writtenProceedingsServedOn) : null,
    evictionAt: dateTimeLocalToIso(f.evictionAt),
    note: orNull(f.note),
  };
  return { payload, issues };
}

/** Field paths the form shows (server issues attach to the nearest of them). */
export const NOTICE_FIELDS: ReadonlySet<string> = new Set([
  'source',
  'sourceDetail',
  'selfReferralVia',
  'receivedOn',
  'tenants',
  'street',
  'postalCode',
  'city',
  'landlordName',
  'landlordAddress',
  'monthlyRentCents',
  'arrearsCents',
  'compensationCents',
  'courtName',
  'courtFileNumber',
  'parties',
  'threatStage',
  'terminationOn',
  'ordinaryTermination',
  'previousCureOn',
  'lawsuitServedOn',
  'hearingAt',
  'writtenProceedingsServedOn',
  'evictionAt',
  'note',
  'householdId',
  ...Array.from({ length: 10 }, (_, i) =>
    ['firstName', 'lastName', 'birthDate', 'gender', 'phone', 'email'].map((k) => `tenants.${i}.${k}`),
  ).flat(),
  ...Array.from({ length: 20 }, (_, i) => ['role', 'name', 'address'].map((k) => `parties.${i}.${k}`)).flat(),
]);

/** "Anna Maria Schulz" → first names and last name (a walk-in visit records one name). */
export function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { firstName: '', lastName: parts[0] ?? '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1]! };
}

const local = (iso: string | null) => (iso ? toDateTimeLocal(new Date(iso)) : '');

/** A recorded case → the form (for correcting the notice or adding facts learnt later, e.g. the eviction date). */
export function caseToNoticeForm(c: PreventionCase): NoticeForm {
  return {
    source: c.source,
    sourceDetail: c.sourceDetail ?? '',
    selfReferralVia: c.selfReferralVia ?? '',
    receivedOn: c.receivedOn,
    tenants: c.tenants.map((p) => ({ ...emptyTenant(), firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate ?? '' })),
    street: c.street,
    postalCode: c.postalCode,
    city: c.city,
    landlordName: c.landlordName ?? '',
    landlordAddress: c.landlordAddress ?? '',
    monthlyRent: centsToInput(c.monthlyRentCents),
    arrears: centsToInput(c.arrearsCents),
    compensation: centsToInput(c.compensationCents),
    courtName: c.courtName ?? '',
    courtFileNumber: c.courtFileNumber ?? '',
    parties: c.parties.map((p) => ({ role: p.role, name: p.name, address: p.address ?? '' })),
    threatStage: c.threatStage,
    terminationOn: c.terminationOn ?? '',
    ordinaryTermination: c.ordinaryTermination,
    previousCureOn: c.previousCureOn ?? '',
    lawsuitServedOn: c.lawsuitServedOn ?? '',
    hearingAt: local(c.hearingAt),
    writtenProceedingsServedOn: c.writtenProceedingsServedOn ?? '',
    evictionAt: local(c.evictionAt),
    note: c.note ?? '',
  };
}
