import { describe, expect, it } from 'vitest';
import { ZOfferInput } from '../../contracts/placement';
import { emptyOfferForm, formToPayload, offerToForm, requiredWhenEmpty, toggle, warmRentCents, type OfferForm } from './offerForm';
import type { Offer } from './queries';

const messages = { money: 'Betrag?', number: 'Zahl?' };
const filled: OfferForm = {
  ...emptyOfferForm('11111111-1111-4111-8111-111111111111'),
  street: 'Lindenstraße 12',
  postalCode: '70173',
  city: 'Stuttgart',
  district: 'Mitte',
  floor: '2',
  lift: true,
  livingSpace: '62,5',
  rooms: '2.5',
  coldRent: '620',
  serviceCharges: '150,00',
  heating: '80',
  deposit: '1.860',
  equipment: ['kitchen_fitted'],
  availableFrom: '2026-12-01',
  hints: '  ',
};

describe('offer form model', () => {
  it('turns the typed form into a body the contract accepts, euros into cents', () => {
    const { payload, issues } = formToPayload(filled, true, messages);
    expect(issues).toEqual([]);
    expect(payload).toMatchObject({
      providerId: filled.providerId,
      floor: 2,
      livingSpace: 62.5,
      rooms: 2.5,
      coldRentCents: 62_000,
      serviceChargesCents: 15_000,
      heatingCents: 8_000,
      depositCents: 186_000,
      hints: null,
      heatingType: null,
    });
    expect(ZOfferInput.safeParse(payload).success).toBe(true);
  });

  it('leaves the provider out for company users', () => {
    expect(formToPayload(filled, false, messages).payload).not.toHaveProperty('providerId');
  });

  it('reports unreadable amounts at their field with a German hint', () => {
    const { issues } = formToPayload({ ...filled, coldRent: '620 Euro', livingSpace: 'groß' }, true, messages);
    expect(issues).toEqual([
      { field: 'livingSpace', code: 'custom', message: 'Zahl?' },
      { field: 'coldRentCents', code: 'custom', message: 'Betrag?' },
    ]);
  });

  it('lets the schema report empty required fields', () => {
    const { payload } = formToPayload(emptyOfferForm(), true, messages);
    const r = ZOfferInput.safeParse(payload);
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['street', 'postalCode', 'livingSpace', 'rooms', 'coldRentCents', 'availableFrom']));
  });

  it('turns schema complaints about empty required inputs into "please fill in"', () => {
    const issues = [
      { field: 'postalCode', code: 'invalid_format', message: 'Fünfstellige Postleitzahl' },
      { field: 'coldRentCents', code: 'invalid_type', message: 'NaN' },
      { field: 'livingSpace', code: 'too_small', message: 'min 10', origin: 'number', minimum: 10 },
    ];
    const out = requiredWhenEmpty(issues, { ...emptyOfferForm(), livingSpace: '5' });
    expect(out.map((i) => [i.field, i.code, i.origin])).toEqual([
      ['postalCode', 'too_small', 'string'],
      ['coldRentCents', 'too_small', 'string'],
      ['livingSpace', 'too_small', 'number'],
    ]);
  });

  it('fills the form from a stored offer and back without loss', () => {
    const offer = {
      provider: { id: filled.providerId, name: 'X' },
      ...formToPayload(filled, false, messages).payload,
      hints: 'Familie',
      heatingType: 'Gas',
    } as unknown as Offer;
    const f = offerToForm(offer);
    expect(f).toMatchObject({
      livingSpace: '62,5',
      rooms: '2.5',
      coldRent: '620',
      serviceCharges: '150',
      deposit: '1860',
      hints: 'Familie',
    });
    expect(formToPayload(f, false, messages).payload.coldRentCents).toBe(62_000);
  });

  it('previews the warm rent only when every part is readable', () => {
    expect(warmRentCents(filled)).toBe(85_000);
    expect(warmRentCents({ ...filled, heating: '' })).toBe(77_000);
    expect(warmRentCents({ ...filled, heating: 'x' })).toBeNull();
    expect(toggle(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
