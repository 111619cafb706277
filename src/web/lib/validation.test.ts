import { zodResolver } from '@hookform/resolvers/zod';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ZOrgInput } from '../../contracts/admin';
import { ZHouseholdCreate } from '../../contracts/households';
import { ZRentCap } from '../../contracts/placement';
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { fieldErrorMessage } from '../i18n/errors';
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

describe('plausibility messages at the field', () => {
  const translator = async (lng: 'de' | 'en') => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { de: { translation: de }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
    return i18n.t.bind(i18n) as TFunction;
  };
  const household = {
    situation: 'in_accommodation',
    situationSince: '2999-01-01',
    needs: {},
    members: [{ firstName: 'Anna', lastName: 'Muster', gender: 'female', birthDate: '2999-01-01' }],
  };

  it('shows the German message at the field through the form resolver (as StepForm uses it)', async () => {
    const t = await translator('de');
    const resolver = zodResolver(
      ZHouseholdCreate as never,
      {
        error: (iss: { code: string; message?: string; params?: Record<string, unknown> }) =>
          fieldErrorMessage({ field: '', code: iss.code, message: iss.message ?? '', params: iss.params }, t),
      } as never,
    );
    const result = await resolver(household as never, undefined, { fields: {}, shouldUseNativeValidation: false } as never);
    const errors = result.errors as { members?: { birthDate?: { message?: string } }[]; situationSince?: { message?: string } };
    expect(errors.members?.[0]?.birthDate?.message).toBe('Das Geburtsdatum darf nicht in der Zukunft liegen.');
    expect(errors.situationSince?.message).toBe('Dieser Tag darf nicht in der Zukunft liegen.');
  });

  it('translates plausibility issues of validate() and states money limits in euros', async () => {
    const r = validate(ZHouseholdCreate, household);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const birth = r.issues.find((i) => i.field === 'members.0.birthDate')!;
    expect(fieldErrorMessage(birth, await translator('en'))).toBe('The date of birth must not be in the future.');
    const money = validate(ZRentCap, { persons: 1, maxColdRentCents: 10_000_001 });
    if (money.ok) throw new Error('expected an issue');
    expect(fieldErrorMessage(money.issues[0]!, await translator('de'))).toBe('Der Betrag darf höchstens 100.000,00\u00a0€ sein.');
    expect(fieldErrorMessage(money.issues[0]!, await translator('en'))).toBe('The amount must be at most 100.000,00\u00a0€.');
  });
});
