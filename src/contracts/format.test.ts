import { describe, expect, it } from 'vitest';
import { formatDate, formatEuro, isoDateIn, NBSP } from './format.js';

describe('formatEuro', () => {
  it('formats cents German style with a no-break space before €', () => {
    expect(formatEuro(123456)).toBe(`1.234,56${NBSP}€`);
    expect(formatEuro(0)).toBe(`0,00${NBSP}€`);
    expect(formatEuro(5)).toBe(`0,05${NBSP}€`);
    expect(formatEuro(100)).toBe(`1,00${NBSP}€`);
    expect(formatEuro(123456789012)).toBe(`1.234.567.890,12${NBSP}€`);
    expect(formatEuro(-98765)).toBe(`-987,65${NBSP}€`);
  });
  it('agrees with Intl for a range of amounts', () => {
    const intl = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
    for (const c of [1, 99, 1000, 99999, 100000, 1234567, 999999999]) expect(formatEuro(c)).toBe(intl.format(c / 100));
  });
  it('gives an empty string for missing or non-integer values', () => {
    expect(formatEuro(null)).toBe('');
    expect(formatEuro(undefined)).toBe('');
    expect(formatEuro(12.5)).toBe('');
  });
});

describe('formatDate', () => {
  it('formats calendar dates as TT.MM.JJJJ', () => {
    expect(formatDate('2026-12-01')).toBe('01.12.2026');
  });
});

describe('isoDateIn', () => {
  it('gives the calendar date in the zone, not in UTC', () => {
    expect(isoDateIn(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(isoDateIn(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe('2026-12-31');
  });
});
