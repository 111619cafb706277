import { describe, expect, it } from 'vitest';
import { addDays, hoursOn, isOpenNow, isoWeekday } from './walkIn';

const HOURS = [
  { weekday: 4, from: '13:00', to: '15:00' },
  { weekday: 1, from: '08:30', to: '11:00' },
  { weekday: 4, from: '08:30', to: '11:00' },
];

describe('walk-in hours', () => {
  it('finds the hours of a day by ISO weekday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1); // Monday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday
    expect(hoursOn(HOURS, '2026-11-26').map((h) => h.from)).toEqual(['08:30', '13:00']);
    expect(hoursOn(HOURS, '2026-11-24')).toEqual([]);
  });

  it('tells whether the hours are open now, in Berlin time', () => {
    expect(isOpenNow(HOURS, '2026-11-23', new Date('2026-11-23T08:00:00Z'))).toBe(true); // 09:00 CET
    expect(isOpenNow(HOURS, '2026-11-23', new Date('2026-11-23T10:00:00Z'))).toBe(false); // 11:00 CET: closed
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
