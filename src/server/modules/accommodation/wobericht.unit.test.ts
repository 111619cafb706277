import { describe, expect, it } from 'vitest';
import { publishedTable } from './wobericht.export.js';
import { latestYear, statisticsDueOn } from './wobericht.service.js';

describe('federal statistics: the due date', () => {
  it('is 30 working days after the reference day 31 January', () => {
    // 2026: Saturday 31.01.; 02.02.–27.02. are 20 working days, 02.03.–13.03. ten more.
    expect(statisticsDueOn(2026, 'BW')).toBe('2026-03-13');
    expect(statisticsDueOn(2026, 'BE')).toBe('2026-03-13'); // Women's Day 08.03.2026 is a Sunday
  });
  it('counts the state holidays: Berlin’s Women’s Day (Monday 08.03.2027) moves it a working day on', () => {
    expect(statisticsDueOn(2027, 'BY')).toBe('2027-03-12');
    expect(statisticsDueOn(2027, 'BE')).toBe('2027-03-15');
  });
  it('the latest reporting year is the current one from 1 February on', () => {
    expect(latestYear('2026-01-31')).toBe(2025);
    expect(latestYear('2026-02-01')).toBe(2026);
    expect(latestYear('2026-12-31')).toBe(2026);
  });
});

describe('federal statistics: the published table', () => {
  it('rounds every count to a multiple of 5 and shows 0–4 as "< 5" (null)', () => {
    const t = publishedTable([
      { dim: 'sex_age', sex: null, key: null, n: 23 },
      { dim: 'sex_age', sex: 'female', key: '30_39', n: 12 },
      { dim: 'sex_age', sex: 'male', key: '30_39', n: 3 },
      { dim: 'sex_age', sex: null, key: '30_39', n: 15 },
      { dim: 'household', sex: null, key: 'single', n: 8 },
      { dim: 'provision', sex: null, key: 'short_term', n: 23 },
    ]);
    expect(t.total).toBe(25);
    expect(t.sexAge.find((r) => r.age === '30_39')).toEqual({
      age: '30_39',
      male: null,
      female: 10,
      diverse: null,
      unspecified: null,
      total: 15,
    });
    expect(t.householdTypes.find((h) => h.key === 'single')!.count).toBe(10);
    expect(t.provisions.find((h) => h.key === 'short_term')!.count).toBe(25);
    expect(t.provisions.find((h) => h.key === 'residential')!.count).toBeNull();
  });
});
