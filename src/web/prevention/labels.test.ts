import { describe, expect, it } from 'vitest';
import { daysUntil, todayBerlin } from './labels';

describe('days until a deadline (Berlin calendar)', () => {
  const now = new Date('2026-11-21T15:00:00Z'); // Saturday afternoon in Berlin
  it('counts calendar days across month and year ends', () => {
    expect(todayBerlin(now)).toBe('2026-11-21');
    expect(daysUntil('2026-11-23', now)).toBe(2);
    expect(daysUntil('2026-11-21', now)).toBe(0);
    expect(daysUntil('2026-11-20', now)).toBe(-1);
    expect(daysUntil('2027-01-11', now)).toBe(51);
  });
  it('takes an instant by its Berlin date', () => {
    expect(daysUntil('2026-12-21T08:30:00.000Z', now)).toBe(30);
    expect(daysUntil('2026-11-21T23:30:00.000Z', now)).toBe(1); // 00:30 on the 22nd in Berlin
  });
});
