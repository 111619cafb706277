/** Pure conversion between the household form state (strings for inputs) and the API payload. */
import type { TGender } from './types';
import type { THousingSituation } from '../../contracts/common';
import type { THousehold, THouseholdCreate } from '../../contracts/households';
import { splitList } from '../i18n/format';

export const RELATIONSHIPS = ['head', 'partner', 'child', 'relative', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface MemberForm {
  /** Stable React key, also for new members. */
  key: string;
  id?: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: TGender;
  nationality: string;
  relationship: Relationship;
  phone: string;
  email: string;
}

export interface HouseholdForm {
  situation: THousingSituation | '';
  situationSince: string;
  seekingHousing: boolean;
  wheelchair: boolean;
  stepFree: boolean;
  pets: boolean;
  districtsAvoid: string;
  districtsPrefer: string;
  notes: string;
  caseManagerId: string;
  socialWorkerId: string;
  members: MemberForm[];
}

let counter = 0;
function nextKey(): string {
  counter += 1;
  return `m${counter}`;
}

export function emptyMember(relationship: Relationship = 'head'): MemberForm {
  return {
    key: nextKey(),
    firstName: '',
    lastName: '',
    birthDate: '',
    gender: 'unspecified',
    nationality: '',
    relationship,
    phone: '',
    email: '',
  };
}

export function emptyHouseholdForm(): HouseholdForm {
  return {
    situation: '',
    situationSince: '',
    seekingHousing: false,
    wheelchair: false,
    stepFree: false,
    pets: false,
    districtsAvoid: '',
    districtsPrefer: '',
    notes: '',
    caseManagerId: '',
    socialWorkerId: '',
    members: [emptyMember('head')],
  };
}

export function householdToForm(h: THousehold): HouseholdForm {
  return {
    situation: h.situation,
    situationSince: h.situationSince ?? '',
    seekingHousing: h.seekingHousing,
    wheelchair: h.needs.wheelchair,
    stepFree: h.needs.stepFree,
    pets: h.needs.pets,
    districtsAvoid: h.needs.districtsAvoid.join(', '),
    districtsPrefer: h.needs.districtsPrefer.join(', '),
    notes: h.needs.notes ?? '',
    caseManagerId: h.caseManager?.id ?? '',
    socialWorkerId: h.socialWorker?.id ?? '',
    members: h.members.map((m) => ({
      key: m.id,
      id: m.id,
      firstName: m.firstName,
      lastName: m.lastName,
      birthDate: m.birthDate ?? '',
      gender: m.gender,
      nationality: m.nationality ?? '',
      relationship: m.relationship,
      phone: m.phone ?? '',
      email: m.email ?? '',
    })),
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** Form → create payload (the update payload adds `version`). */
export function formToPayload(f: HouseholdForm): THouseholdCreate {
  return {
    // An empty situation is sent as-is so validation reports it at the field.
    situation: f.situation as THousingSituation,
    situationSince: orNull(f.situationSince),
    seekingHousing: f.seekingHousing,
    needs: {
      wheelchair: f.wheelchair,
      stepFree: f.stepFree,
      pets: f.pets,
      districtsAvoid: splitList(f.districtsAvoid, /,/),
      districtsPrefer: splitList(f.districtsPrefer, /,/),
      notes: orNull(f.notes),
    },
    caseManagerId: orNull(f.caseManagerId),
    socialWorkerId: orNull(f.socialWorkerId),
    members: f.members.map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      firstName: m.firstName.trim(),
      lastName: m.lastName.trim(),
      birthDate: orNull(m.birthDate),
      gender: m.gender,
      nationality: orNull(m.nationality),
      relationship: m.relationship,
      phone: orNull(m.phone),
      email: orNull(m.email),
    })),
  };
}

export const MEMBER_FIELDS = ['firstName', 'lastName', 'birthDate', 'gender', 'nationality', 'relationship', 'phone', 'email'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** Dotted paths of all inputs the form shows; used to attach (server) errors to the nearest field. */
export function knownFields(memberCount: number): Set<string> {
  const fields = [
    'situation',
    'situationSince',
    'seekingHousing',
    'needs.wheelchair',
    'needs.stepFree',
    'needs.pets',
    'needs.districtsAvoid',
    'needs.districtsPrefer',
    'needs.notes',
    'caseManagerId',
    'socialWorkerId',
    'members',
  ];
  for (let i = 0; i < memberCount; i += 1) for (const f of MEMBER_FIELDS) fields.push(`members.${i}.${f}`);
  return new Set(fields);
}
