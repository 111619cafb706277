import { describe, expect, it } from 'vitest';
import { berlinToday, centsToInput, decimalToInput, formatSqm, parseDecimal, parseEuroToCents } from './numbers';

describe('euro input → cents', () => {
  it.each([
    ['612,50', 61250],
    ['612,5', 61250],
    ['612', 61200],
    ['1.234,56', 123456],
    ['10.000', 1000000],
    ['10000.5', 1000050],
    [' 1 234,56 € ', 123456],
    ['0', 0],
  ])('%s → %i', (input, cents) => expect(parseEuroToCents(input)).toBe(cents));

  it.each(['', 'abc', '12,345', '-5', '1,2,3', '12.34.5'])('rejects %j', (input) => expect(parseEuroToCents(input)).toBeNaN());

  it('round-trips cents through the input format', () => {
    for (const cents of [0, 5, 61250, 61200, 123456, 1000000]) expect(parseEuroToCents(centsToInput(cents))).toBe(cents);
    expect(centsToInput(61250)).toBe('612,50');
    expect(centsToInput(100000)).toBe('1000');
    expect(centsToInput(5)).toBe('0,05');
  });
});

describe('decimals', () => {
  it('reads German and international notation', () => {
    expect(parseDecimal('45,5')).toBe(45.5);
    expect(parseDecimal('45.5')).toBe(45.5);
    expect(parseDecimal('15')).toBe(15);
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('viel')).toBeNaN();
  });
  it('writes a decimal comma', () => {
    expect(decimalToInput(52.5)).toBe('52,5');
    expect(formatSqm(52.5)).toBe('52,5');
    expect(formatSqm(1045)).toBe('1.045');
  });
});

describe('berlinToday', () => {
  it('uses the Berlin calendar day, not UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin (UTC+1).
    expect(berlinToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(berlinToday(new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-15');
  });
});
