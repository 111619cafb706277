import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, splitList, dayBoundaryIso } from './format';

describe('formatDate', () => {
  it('formats calendar dates as TT.MM.JJJJ without time-zone shift', () => {
    expect(formatDate('2024-03-05')).toBe('05.03.2024');
    expect(formatDate('1999-12-31')).toBe('31.12.1999');
  });
  it('formats timestamps in the given time zone', () => {
    expect(formatDate('2024-03-05T23:30:00Z', 'Europe/Berlin')).toBe('06.03.2024');
  });
  it('returns an empty string for missing or invalid values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('kein Datum')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows German date and 24h time', () => {
    expect(formatDateTime('2024-03-05T13:07:00Z', 'Europe/Berlin')).toBe('05.03.2024, 14:07');
  });
});

describe('splitList', () => {
  it('trims and drops empty parts', () => {
    expect(splitList('Nord, Süd ,, Ost')).toEqual(['Nord', 'Süd', 'Ost']);
    expect(splitList('Mitte\n\n West ')).toEqual(['Mitte', 'West']);
    expect(splitList('')).toEqual([]);
  });
});

describe('dayBoundaryIso', () => {
  it('rejects malformed days', () => {
    expect(dayBoundaryIso('05.03.2024')).toBeUndefined();
    expect(dayBoundaryIso('2024-03-05')).toMatch(/^2024-03-0[45]T/);
  });
});
