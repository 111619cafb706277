import { describe, expect, it } from 'vitest';
import { ZOrgInput } from '../../contracts/admin';
import { fieldId, nearestField, validate } from './validation';

describe('nearestField', () => {
  const known = new Set(['members.0.firstName', 'needs.districtsAvoid']);
  it('keeps exact matches and trims to the nearest known field', () => {
    expect(nearestField('members.0.firstName', known)).toBe('members.0.firstName');
    expect(nearestField('needs.districtsAvoid.3', known)).toBe('needs.districtsAvoid');
    expect(nearestField('unknown.path', known)).toBe('unknown.path');
  });
});

describe('fieldId', () => {
  it('produces safe DOM ids', () => {
    expect(fieldId('hh', 'members.0.firstName')).toBe('hh-members-0-firstName');
  });
});

describe('validate', () => {
  it('returns dotted field paths and zod codes', () => {
    const r = validate(ZOrgInput, { name: '', postalCode: '123' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.field, i.code])).toEqual([
        ['name', 'too_small'],
        ['postalCode', 'invalid_format'],
      ]);
    }
  });
});
