import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TConditions } from '../../contracts/placement';
import { conditionsFields, conditionsInput, formFromConditions, newCapRow, versionStatus, type ConditionsForm } from './conditionsForm';

const t = ((key: string) => key) as unknown as TFunction;

const current: TConditions = {
  id: '7f1b3c1e-1111-4a4a-8888-000000000001',
  validFrom: '2026-01-01',
  rentCaps: [
    { persons: 2, maxColdRentCents: 68000 },
    { persons: 1, maxColdRentCents: 56350 },
  ],
  extraPersonCents: 11000,
  spaceBaseSqm: 45,
  spacePerPersonSqm: 15,
  requiredEquipment: ['kitchen_fitted'],
  note: 'Gemeinderat 2025',
  createdAt: '2025-12-01T10:00:00.000Z',
  createdBy: null,
  current: true,
};

const form = (over: Partial<ConditionsForm> = {}): ConditionsForm => ({ ...formFromConditions(current), validFrom: '2027-01-01', ...over });

describe('conditions form', () => {
  it('starts from the version in force, caps sorted by size, money in euros', () => {
    const f = formFromConditions(current);
    expect(f.validFrom).toBe('');
    expect(f.rentCaps.map((r) => [r.persons, r.amount])).toEqual([
      ['1', '563,50'],
      ['2', '680'],
    ]);
    expect(f.extraPerson).toBe('110');
    expect(f.requiredEquipment).toEqual(['kitchen_fitted']);
    expect(f.note).toBe('');
  });

  it('without any version offers one empty one-person row and the usual floor-space guide', () => {
    const f = formFromConditions(undefined);
    expect(f.rentCaps.map((r) => r.persons)).toEqual(['1']);
    expect([f.spaceBase, f.spacePerPerson]).toEqual(['45', '15']);
  });

  it('converts euros to cents and decimals with a comma', () => {
    const r = conditionsInput(form({ spaceBase: '47,5', extraPerson: '112,40' }), t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toMatchObject({
      validFrom: '2027-01-01',
      rentCaps: [
        { persons: 1, maxColdRentCents: 56350 },
        { persons: 2, maxColdRentCents: 68000 },
      ],
      extraPersonCents: 11240,
      spaceBaseSqm: 47.5,
      spacePerPersonSqm: 15,
      note: null,
    });
  });

  it('reports a bad amount at the row field, once, with the money message', () => {
    const f = form();
    f.rentCaps[1] = { ...f.rentCaps[1]!, amount: 'sechshundert' };
    const r = conditionsInput(f, t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.filter((i) => i.field === 'rentCaps.1.maxColdRentCents')).toEqual([
      { field: 'rentCaps.1.maxColdRentCents', code: 'custom', message: 'placementAdmin.money.invalid' },
    ]);
  });

  it('flags duplicate household sizes and a missing one-person cap at the caps group', () => {
    const dup = conditionsInput(form({ rentCaps: [newCapRow('1', '500'), newCapRow('1', '600')] }), t);
    expect(!dup.ok && dup.issues).toEqual([{ field: 'rentCaps', code: 'custom', message: 'placementAdmin.conditions.duplicatePersons' }]);
    const noOne = conditionsInput(form({ rentCaps: [newCapRow('2', '600')] }), t);
    expect(!noOne.ok && noOne.issues).toEqual([
      { field: 'rentCaps', code: 'custom', message: 'placementAdmin.conditions.missingOnePerson' },
    ]);
  });

  it('requires a valid-from date', () => {
    const r = conditionsInput(form({ validFrom: '' }), t);
    expect(!r.ok && r.issues.map((i) => i.field)).toEqual(['validFrom']);
  });

  it('knows the row fields for attaching server errors', () => {
    expect([...conditionsFields(2)]).toEqual(expect.arrayContaining(['rentCaps', 'rentCaps.1.persons', 'rentCaps.1.maxColdRentCents']));
    expect(conditionsFields(2).has('rentCaps.2.persons')).toBe(false);
  });

  it('labels versions as current, upcoming or superseded', () => {
    expect(versionStatus({ current: true, validFrom: '2026-01-01' }, '2026-06-01')).toBe('current');
    expect(versionStatus({ current: false, validFrom: '2027-01-01' }, '2026-06-01')).toBe('future');
    expect(versionStatus({ current: false, validFrom: '2025-01-01' }, '2026-06-01')).toBe('superseded');
  });
});
