import { describe, expect, it } from 'vitest';
import { readQuery } from './search.terms.js';

describe('readQuery', () => {
  it('reads German and ISO dates as a birth date', () => {
    expect(readQuery('07.03.1985')).toEqual({ text: null, birthDate: '1985-03-07', reading: 'birthDate' });
    expect(readQuery('7.3.1985').birthDate).toBe('1985-03-07');
    expect(readQuery('1985-03-07').birthDate).toBe('1985-03-07');
  });

  it('does not take an impossible date for a date', () => {
    expect(readQuery('31.02.1985')).toMatchObject({ birthDate: null, reading: 'text', text: '31.02.1985' });
  });

  it('reads file numbers and their parts as a reference', () => {
    for (const q of ['S-2026-00042', 's-p-2026-00001', '00042', 'W-2026']) expect(readQuery(q).reading).toBe('reference');
  });

  it('reads names and addresses as free text, lowercased', () => {
    expect(readQuery('Müller')).toEqual({ text: 'müller', birthDate: null, reading: 'text' });
    expect(readQuery('Hauptstraße 5').reading).toBe('text');
  });
});
