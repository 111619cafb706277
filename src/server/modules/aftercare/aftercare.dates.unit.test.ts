import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, grantEnd, weekEnd } from './aftercare.dates.js';

describe('aftercare dates', () => {
  it('adds months clamped to the month end, and a grant ends the day before', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 6)).toBe('2027-06-15');
    expect(grantEnd('2027-01-01', 6)).toBe('2027-06-30');
  });
  it('finds the week end (Sunday) and counts days', () => {
    expect(weekEnd('2026-12-02')).toBe('2026-12-06');
    expect(weekEnd('2026-12-06')).toBe('2026-12-06');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2027-01-01', '2027-06-30')).toBe(180);
  });
});
