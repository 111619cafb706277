import { describe, expect, it } from 'vitest';
import { addWorkingDays, berlinDate, endOfDayBerlin, germanDate, isPublicHoliday, isWorkingDay } from './workdays.js';

describe('isWorkingDay', () => {
  it('is Monday to Friday', () => {
    expect(isWorkingDay('2026-11-20', 'BW')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21', 'BW')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22', 'BW')).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-23', 'BW')).toBe(true); // Monday
  });

  it('knows the holidays of each state', () => {
    // Epiphany (Tue 6 Jan 2026): Baden-Württemberg, Bavaria, Saxony-Anhalt — not Berlin.
    expect(isWorkingDay('2026-01-06', 'BW')).toBe(false);
    expect(isWorkingDay('2026-01-06', 'BY')).toBe(false);
    expect(isWorkingDay('2026-01-06', 'BE')).toBe(true);
    // International Women's Day (Mon 8 Mar 2027): Berlin (and Mecklenburg-Vorpommern since 2023) — not BW.
    expect(isWorkingDay('2027-03-08', 'BE')).toBe(false);
    expect(isWorkingDay('2027-03-08', 'BW')).toBe(true);
    // Corpus Christi (Thu 4 Jun 2026): BW — not Berlin.
    expect(isWorkingDay('2026-06-04', 'BW')).toBe(false);
    expect(isWorkingDay('2026-06-04', 'BE')).toBe(true);
    // Reformation Day (Fri 31 Oct 2025): Lower Saxony — not BW.
    expect(isWorkingDay('2025-10-31', 'NI')).toBe(false);
    expect(isWorkingDay('2025-10-31', 'BW')).toBe(true);
    // Day of Repentance (Wed 18 Nov 2026): only Saxony.
    expect(isWorkingDay('2026-11-18', 'SN')).toBe(false);
    expect(isWorkingDay('2026-11-18', 'BY')).toBe(true);
    // Nationwide: German Unity Day (Mon 3 Oct 2033 falls on a Monday).
    expect(isWorkingDay('2033-10-03', 'HH')).toBe(false);
  });

  it('follows Easter from year to year', () => {
    // 2026: Good Friday 3 Apr, Easter Monday 6 Apr, Ascension 14 May, Whit Monday 25 May.
    for (const d of ['2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25']) expect(isPublicHoliday(d, 'HE'), d).toBe(true);
    // 2027: Good Friday 26 Mar, Easter Monday 29 Mar.
    expect(isWorkingDay('2027-03-26', 'HE')).toBe(false);
    expect(isWorkingDay('2027-03-29', 'HE')).toBe(false);
    expect(isWorkingDay('2027-04-02', 'HE')).toBe(true);
  });

  it('refuses malformed dates', () => {
    expect(() => isWorkingDay('2026-02-30', 'BW')).toThrow(RangeError);
    expect(() => isWorkingDay('26.11.2026', 'BW')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends, start not counted', () => {
    expect(addWorkingDays('2026-11-19', 1, 'BW')).toBe('2026-11-20'); // Thu → Fri
    expect(addWorkingDays('2026-11-20', 1, 'BW')).toBe('2026-11-23'); // Fri → Mon
    expect(addWorkingDays('2026-11-21', 1, 'BW')).toBe('2026-11-23'); // Sat → Mon
    expect(addWorkingDays('2026-11-16', 10, 'BW')).toBe('2026-11-30'); // two weeks
  });

  it('skips Christmas and the turn of the year', () => {
    // Thu 24 Dec 2026; 25/26 Dec are holidays, then the weekend: Mon 28, Tue 29, Wed 30.
    expect(addWorkingDays('2026-12-24', 3, 'BW')).toBe('2026-12-30');
    // Thu 31 Dec 2026 → Fri 1 Jan is New Year → Mon 4 Jan 2027.
    expect(addWorkingDays('2026-12-31', 1, 'BW')).toBe('2027-01-04');
    // In BW, Epiphany follows: 4, 5, (6 holiday), 7.
    expect(addWorkingDays('2026-12-31', 3, 'BW')).toBe('2027-01-07');
    expect(addWorkingDays('2026-12-31', 3, 'BE')).toBe('2027-01-06');
  });

  it('skips the Easter days', () => {
    expect(addWorkingDays('2026-04-02', 1, 'BW')).toBe('2026-04-07'); // Maundy Thursday → Tuesday after Easter
  });

  it('depends on the state', () => {
    expect(addWorkingDays('2026-06-03', 1, 'BW')).toBe('2026-06-05'); // Corpus Christi in BW
    expect(addWorkingDays('2026-06-03', 1, 'BE')).toBe('2026-06-04');
    expect(addWorkingDays('2025-10-30', 1, 'NI')).toBe('2025-11-03'); // Reformation Day in NI
    expect(addWorkingDays('2025-10-30', 1, 'BW')).toBe('2025-10-31');
  });

  it('with zero days gives the start or the next working day', () => {
    expect(addWorkingDays('2026-11-20', 0, 'BW')).toBe('2026-11-20');
    expect(addWorkingDays('2026-11-21', 0, 'BW')).toBe('2026-11-23');
    expect(addWorkingDays('2026-12-25', 0, 'BW')).toBe('2026-12-28');
  });

  it('refuses negative or fractional days', () => {
    expect(() => addWorkingDays('2026-11-20', -1, 'BW')).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-20', 1.5, 'BW')).toThrow(RangeError);
  });
});

describe('Europe/Berlin', () => {
  it('ends the day at 23:59:59.999 local time, in winter and summer', () => {
    expect(endOfDayBerlin('2026-01-15').toISOString()).toBe('2026-01-15T22:59:59.999Z');
    expect(endOfDayBerlin('2026-07-15').toISOString()).toBe('2026-07-15T21:59:59.999Z');
  });

  it('is correct on the days the clocks change', () => {
    // Summer time starts Sun 29 Mar 2026 (02:00 → 03:00): that evening is already CEST.
    expect(endOfDayBerlin('2026-03-28').toISOString()).toBe('2026-03-28T22:59:59.999Z');
    expect(endOfDayBerlin('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    // Winter time returns Sun 25 Oct 2026 (03:00 → 02:00): that evening is CET again.
    expect(endOfDayBerlin('2026-10-24').toISOString()).toBe('2026-10-24T21:59:59.999Z');
    expect(endOfDayBerlin('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('gives the Berlin calendar date of an instant', () => {
    expect(berlinDate(new Date('2026-01-15T22:59:59.999Z'))).toBe('2026-01-15');
    expect(berlinDate(new Date('2026-01-15T23:00:00.000Z'))).toBe('2026-01-16');
    expect(berlinDate(new Date('2026-07-15T21:59:59.999Z'))).toBe('2026-07-15');
    expect(berlinDate(new Date('2026-07-15T22:00:00.000Z'))).toBe('2026-07-16');
    expect(berlinDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    for (const d of ['2026-03-29', '2026-10-25', '2026-12-31']) expect(berlinDate(endOfDayBerlin(d))).toBe(d);
  });

  it('writes dates the German way', () => {
    expect(germanDate('2026-12-30')).toBe('30.12.2026');
  });

  it('gives the same answers when asked again (memoised), and a fresh Date each time', () => {
    const first = endOfDayBerlin('2026-10-25');
    first.setTime(0);
    expect(endOfDayBerlin('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
    expect(endOfDayBerlin('2026-10-25')).not.toBe(endOfDayBerlin('2026-10-25'));
    for (let i = 0; i < 3; i++) {
      expect(addWorkingDays('2026-12-23', 2, 'BW')).toBe('2026-12-28');
      expect(addWorkingDays('2026-12-23', 2, 'BE')).toBe('2026-12-28');
      expect(() => addWorkingDays('2026-02-30', 1, 'BW')).toThrow(RangeError);
    }
  });
});
