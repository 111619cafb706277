import type { TFunction } from 'i18next';
import { INSPECTION_KINDS, ITEM_RESULTS, SEVERITIES } from '../../contracts/accommodationInspections';
import type { FieldSpec } from '../sustainment/stepForm';

/* The fields of the inspection dialogs (labels from i18n, options from the contracts). */
const f = (t: TFunction, k: string) => t(`inspections.field.${k}` as never);
const opts = (t: TFunction, group: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: t(`inspections.${group}.${v}` as never) }));

export const planFields = (t: TFunction, today: string): FieldSpec[] => [
  { name: 'kind', type: 'select', label: f(t, 'kind'), options: opts(t, 'kind', INSPECTION_KINDS), initial: 'routine' },
  { name: 'plannedOn', type: 'date', label: f(t, 'plannedOn'), initial: today },
  { name: 'reason', type: 'textarea', label: f(t, 'reason'), optional: true },
];

export const resultFields = (
  t: TFunction,
  current: { result: string | null; note: string | null; severity: string | null; remedyDue: string | null },
): FieldSpec[] => [
  { name: 'result', type: 'select', label: f(t, 'result'), options: opts(t, 'result', ITEM_RESULTS), initial: current.result ?? 'passed' },
  { name: 'note', type: 'textarea', label: f(t, 'note'), optional: true, initial: current.note ?? '' },
  {
    name: 'severity',
    type: 'select',
    label: f(t, 'severity'),
    optional: true,
    options: opts(t, 'severity', SEVERITIES),
    initial: current.severity ?? '',
  },
  { name: 'remedyDue', type: 'date', label: f(t, 'remedyDue'), optional: true, initial: current.remedyDue ?? '' },
];

export const completeFields = (t: TFunction, critical: boolean): FieldSpec[] => [
  { name: 'summary', type: 'textarea', label: f(t, 'summary'), optional: true },
  ...(critical ? [{ name: 'blockFacility', type: 'checkbox', label: f(t, 'blockFacility') } as FieldSpec] : []),
];

export const cancelFields = (t: TFunction): FieldSpec[] => [{ name: 'reason', type: 'textarea', label: f(t, 'cancelReason') }];

export const remedyFields = (t: TFunction, today: string): FieldSpec[] => [
  { name: 'note', type: 'textarea', label: f(t, 'remedyNote') },
  { name: 'checkedOn', type: 'date', label: f(t, 'checkedOn'), initial: today },
];
