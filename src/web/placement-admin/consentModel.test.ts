import { describe, expect, it } from 'vitest';
import { canPickRecipient, consentStatus, headName } from './consentModel';

const today = '2026-06-15';
const base = { withdrawnAt: null, valid: true, validUntil: null, givenOn: '2026-06-01' };

describe('consent status', () => {
  it('is gültig when the server says valid', () => expect(consentStatus(base, today)).toBe('valid'));
  it('is widerrufen once withdrawn, whatever else holds', () => {
    expect(consentStatus({ ...base, valid: false, withdrawnAt: '2026-06-10T09:00:00Z', validUntil: '2026-01-01' }, today)).toBe(
      'withdrawn',
    );
  });
  it('is abgelaufen after its end date', () =>
    expect(consentStatus({ ...base, valid: false, validUntil: '2026-06-14' }, today)).toBe('expired'));
  it('is noch nicht gültig when given in the future', () =>
    expect(consentStatus({ ...base, valid: false, givenOn: '2026-07-01' }, today)).toBe('pending'));
});

describe('consent form defaults', () => {
  it('"given by" is the head of household, else the first member', () => {
    expect(
      headName([
        { firstName: 'Max', lastName: 'M', relationship: 'child' },
        { firstName: 'Erika', lastName: 'Muster', relationship: 'head' },
      ]),
    ).toBe('Erika Muster');
    expect(headName([{ firstName: 'Ali', lastName: 'Kaya', relationship: 'partner' }])).toBe('Ali Kaya');
    expect(headName([])).toBe('');
  });
  it('only roles that may list providers can pick a recipient', () => {
    expect(canPickRecipient(['consent.create', 'provider.list'])).toBe(true);
    expect(canPickRecipient(['consent.create'])).toBe(false);
  });
});
