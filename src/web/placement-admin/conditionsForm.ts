import type { TFunction } from 'i18next';
import { ZConditionsInput, type TConditions, type TConditionsInput } from '../../contracts/placement';
import type { FieldIssue } from '../i18n/errors';
import { issuesFromZod } from '../lib/validation';
import { centsToInput, decimalToInput, parseDecimal, euroToCents } from '../lib/numbers';

type Equipment = TConditions['requiredEquipment'][number];

/** One editable rent-cap row; `key` keeps React rows stable while rows are added and removed. */
export interface CapRow {
  key: number;
  persons: string;
  amount: string;
}

/** What the "Neue Fassung" form holds: strings as typed, converted on submit. */
export interface ConditionsForm {
  validFrom: string;
  rentCaps: CapRow[];
  extraPerson: string;
  spaceBase: string;
  spacePerPerson: string;
  requiredEquipment: Equipment[];
  note: string;
}

let nextKey = 1;
export const newCapRow = (persons = '', amount = ''): CapRow => ({ key: nextKey++, persons, amount });

/** A new version starts from the one in force (or Stuttgart-like defaults when there is none). */
export function formFromConditions(base: TConditions | undefined): ConditionsForm {
  if (!base) {
    return {
      validFrom: '',
      rentCaps: [newCapRow('1')],
      extraPerson: '',
      spaceBase: '45',
      spacePerPerson: '15',
      requiredEquipment: [],
      note: '',
    };
  }
  return {
    validFrom: '',
    rentCaps: [...base.rentCaps]
      .sort((a, b) => a.persons - b.persons)
      .map((c) => newCapRow(String(c.persons), centsToInput(c.maxColdRentCents))),
    extraPerson: centsToInput(base.extraPersonCents),
    spaceBase: decimalToInput(base.spaceBaseSqm),
    spacePerPerson: decimalToInput(base.spacePerPersonSqm),
    requiredEquipment: [...base.requiredEquipment],
    note: '',
  };
}

export type ConditionsResult = { ok: true; input: TConditionsInput } | { ok: false; issues: FieldIssue[] };

const intOrNaN = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/**
 * Form → API body, checked with the contract schema plus the server's own rules (every household
 * size once, the one-person cap present), so mistakes show at the field before any request.
 */
export function conditionsInput(form: ConditionsForm, t: TFunction): ConditionsResult {
  const issues: FieldIssue[] = [];
  const money = (value: string, field: string) => {
    const cents = euroToCents(value);
    if (Number.isNaN(cents)) issues.push({ field, code: 'custom', message: t('placementAdmin.money.invalid') });
    return cents;
  };
  const decimal = (value: string, field: string) => {
    const n = parseDecimal(value);
    if (Number.isNaN(n)) issues.push({ field, code: 'custom', message: t('placementAdmin.money.invalidNumber') });
    return n;
  };
  const input: TConditionsInput = {
    validFrom: form.validFrom,
    rentCaps: form.rentCaps.map((row, i) => {
      const persons = intOrNaN(row.persons);
      if (Number.isNaN(persons))
        issues.push({ field: `rentCaps.${i}.persons`, code: 'custom', message: t('placementAdmin.money.invalidNumber') });
      return { persons, maxColdRentCents: money(row.amount, `rentCaps.${i}.maxColdRentCents`) };
    }),
    extraPersonCents: money(form.extraPerson, 'extraPersonCents'),
    spaceBaseSqm: decimal(form.spaceBase, 'spaceBaseSqm'),
    spacePerPersonSqm: decimal(form.spacePerPerson, 'spacePerPersonSqm'),
    requiredEquipment: form.requiredEquipment,
    note: form.note.trim() === '' ? null : form.note,
  };
  const parsed = ZConditionsInput.safeParse(input);
  if (!parsed.success) {
    // One message per field; NaN fields already carry a clearer one than Zod's "expected number".
    const taken = new Set(issues.map((i) => i.field));
    for (const issue of issuesFromZod(parsed.error)) {
      if (taken.has(issue.field)) continue;
      taken.add(issue.field);
      issues.push(issue);
    }
  }
  const sizes = input.rentCaps.map((c) => c.persons).filter((p) => !Number.isNaN(p));
  if (new Set(sizes).size !== sizes.length)
    issues.push({ field: 'rentCaps', code: 'custom', message: t('placementAdmin.conditions.duplicatePersons') });
  else if (sizes.length === input.rentCaps.length && !sizes.includes(1))
    issues.push({ field: 'rentCaps', code: 'custom', message: t('placementAdmin.conditions.missingOnePerson') });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, input };
}

/** Field paths the form shows; server issues on deeper paths attach to the nearest of these. */
export function conditionsFields(rows: number): Set<string> {
  const fields = ['validFrom', 'rentCaps', 'extraPersonCents', 'spaceBaseSqm', 'spacePerPersonSqm', 'requiredEquipment', 'note'];
  for (let i = 0; i < rows; i++) fields.push(`rentCaps.${i}.persons`, `rentCaps.${i}.maxColdRentCents`);
  return new Set(fields);
}

/** Where a version stands relative to today (YYYY-MM-DD). */
export function versionStatus(c: Pick<TConditions, 'current' | 'validFrom'>, today: string): 'current' | 'future' | 'superseded' {
  if (c.current) return 'current';
  return c.validFrom > today ? 'future' : 'superseded';
}
