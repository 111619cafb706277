import { describe, expect, it } from 'vitest';
import { berlinToday, centsToInput, decimalToInput, euroToCents, formatNumber, parseDecimal } from './numbers';

describe('German number input', () => {
  it('reads decimal comma, decimal point and thousands separators', () => {
    expect(parseDecimal('62,5')).toBe(62.5);
    expect(parseDecimal('62.5')).toBe(62.5);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('1.000')).toBe(1000);
    expect(parseDecimal(' 620 € ')).toBe(620);
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('zwölf')).toBeNaN();
    expect(parseDecimal('1,2,3')).toBeNaN();
  });

  it('turns euros into integer cents and refuses fractions of a cent and negatives', () => {
    expect(euroToCents('612,50')).toBe(61_250);
    expect(euroToCents('1.860')).toBe(186_000);
    expect(euroToCents('0')).toBe(0);
    expect(euroToCents('0,1')).toBe(10);
    expect(euroToCents('19,99')).toBe(1_999);
    expect(euroToCents('1,005')).toBeNaN();
    expect(euroToCents('-5')).toBeNaN();
  });

  it('writes cents and decimals back for the inputs', () => {
    expect(centsToInput(61_250)).toBe('612,50');
    expect(centsToInput(100_000)).toBe('1000');
    expect(centsToInput(5)).toBe('0,05');
    expect(centsToInput(null)).toBe('');
    expect(decimalToInput(62.5)).toBe('62,5');
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(1234)).toBe('1.234');
  });

  it('round-trips every cent value of a typical rent', () => {
    for (const cents of [1, 99, 100, 61_999, 123_456]) expect(euroToCents(centsToInput(cents))).toBe(cents);
  });
});

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
  ])('%s → %i', (input, cents) => expect(euroToCents(input)).toBe(cents));

  it.each(['', 'abc', '12,345', '-5', '1,2,3', '12.34.5'])('rejects %j', (input) => expect(euroToCents(input)).toBeNaN());

  it('round-trips cents through the input format', () => {
    for (const cents of [0, 5, 61250, 61200, 123456, 1000000]) expect(euroToCents(centsToInput(cents))).toBe(cents);
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
    expect(formatNumber(52.5)).toBe('52,5');
    expect(formatNumber(1045)).toBe('1.045');
  });
});

describe('berlinToday', () => {
  it('uses the Berlin calendar day, not UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin (UTC+1).
    expect(berlinToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(berlinToday(new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-15');
  });
});
