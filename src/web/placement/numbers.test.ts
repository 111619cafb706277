import { describe, expect, it } from 'vitest';
import { centsToInput, decimalToInput, euroToCents, formatNumber, parseDecimal } from './numbers';

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
