import type { TFunction } from 'i18next';
import { FACILITY_STATES, OPERATOR_KINDS, PROVISIONS, ROOM_SEXES, WELFARE_ASSOCIATIONS } from '../../contracts/accommodation';
import { MOVE_OUT_REASONS, PAYERS } from '../../contracts/accommodationStays';
import type { FieldSpec } from '../sustainment/stepForm';

/* The fields of the accommodation dialogs (labels from i18n, options from the contracts). */
const f = (t: TFunction, k: string) => t(`accommodation.field.${k}` as never);
const opts = (t: TFunction, group: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: t(`accommodation.${group}.${v}` as never) }));

export const operatorFields = (t: TFunction): FieldSpec[] => [
  { name: 'name', type: 'text', label: f(t, 'name') },
  { name: 'kind', type: 'select', label: f(t, 'kind'), options: opts(t, 'operatorKind', OPERATOR_KINDS), initial: 'welfare' },
  {
    name: 'welfareAssociation',
    type: 'select',
    label: f(t, 'welfareAssociation'),
    optional: true,
    options: opts(t, 'welfare', WELFARE_ASSOCIATIONS),
  },
  { name: 'street', type: 'text', label: f(t, 'street'), optional: true },
  { name: 'postalCode', type: 'text', label: f(t, 'postalCode'), optional: true },
  { name: 'city', type: 'text', label: f(t, 'city'), optional: true },
  { name: 'email', type: 'text', label: f(t, 'email'), optional: true },
  { name: 'phone', type: 'text', label: f(t, 'phone'), optional: true },
];

export const facilityFields = (t: TFunction, operators: { value: string; label: string }[]): FieldSpec[] => [
  { name: 'operatorId', type: 'select', label: f(t, 'operatorId'), options: operators },
  { name: 'name', type: 'text', label: f(t, 'name') },
  { name: 'street', type: 'text', label: f(t, 'street') },
  { name: 'postalCode', type: 'text', label: f(t, 'postalCode') },
  { name: 'city', type: 'text', label: f(t, 'city') },
  { name: 'district', type: 'text', label: f(t, 'district'), optional: true },
  { name: 'provision', type: 'select', label: f(t, 'provision'), options: opts(t, 'provision', PROVISIONS), initial: 'short_term' },
  { name: 'capacity', type: 'text', numeric: true, label: f(t, 'capacity') },
  { name: 'socialService', type: 'checkbox', label: t('accommodation.attr.socialService') },
  { name: 'nightService', type: 'checkbox', label: t('accommodation.attr.nightService') },
  { name: 'protectionConcept', type: 'checkbox', label: t('accommodation.attr.protectionConcept') },
  { name: 'substanceTolerant', type: 'checkbox', label: t('accommodation.attr.substanceTolerant') },
];

export const roomFields = (t: TFunction): FieldSpec[] => [
  { name: 'label', type: 'text', label: f(t, 'label') },
  { name: 'places', type: 'text', numeric: true, label: f(t, 'places'), initial: '1' },
  { name: 'sizeM2', type: 'text', numeric: true, label: f(t, 'sizeM2'), optional: true },
  { name: 'sex', type: 'select', label: f(t, 'sex'), options: opts(t, 'sex', ROOM_SEXES), initial: 'any' },
  ...(['family', 'wheelchair', 'stepFree', 'pets', 'singleRoom'] as const).map((k): FieldSpec => ({
    name: k,
    type: 'checkbox',
    label: t(`accommodation.attr.${k}`),
  })),
];

export const stateFields = (t: TFunction): FieldSpec[] => [
  { name: 'to', type: 'select', label: f(t, 'to'), options: opts(t, 'facilityState', FACILITY_STATES) },
  { name: 'note', type: 'textarea', label: f(t, 'stateNote'), optional: true },
];

export const assignFields = (
  t: TFunction,
  members: { id: string; name: string }[],
  places: { value: string; label: string }[],
  today: string,
): FieldSpec[] => [
  { name: 'fromDate', type: 'date', label: f(t, 'fromDate'), initial: today },
  ...members.map((m, i): FieldSpec => ({
    name: `place_${m.id}`,
    type: 'select',
    optional: true,
    label: t('accommodation.field.place', { name: m.name }),
    options: places,
    initial: places[i]?.value ?? '',
  })),
  { name: 'payer', type: 'select', label: f(t, 'payer'), options: opts(t, 'payer', PAYERS), initial: 'agency' },
  { name: 'ownContributionCents', type: 'money', label: f(t, 'ownContributionCents'), optional: true },
];

export const moveInFields = (t: TFunction, today: string): FieldSpec[] => [
  { name: 'movedInOn', type: 'date', label: f(t, 'movedInOn'), initial: today },
];
export const moveOutFields = (t: TFunction, today: string): FieldSpec[] => [
  { name: 'movedOutOn', type: 'date', label: f(t, 'movedOutOn'), initial: today },
  { name: 'reason', type: 'select', label: f(t, 'reason'), options: opts(t, 'moveOutReason', MOVE_OUT_REASONS) },
  { name: 'note', type: 'textarea', label: f(t, 'note'), optional: true },
];
export const cancelFields = (t: TFunction): FieldSpec[] => [{ name: 'reason', type: 'textarea', label: f(t, 'cancelReason') }];
