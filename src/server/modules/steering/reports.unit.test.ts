import { describe, expect, it } from 'vitest';
import { monthsOf, womenShares } from './figures.compute.js';

describe('the women’s share over time', () => {
  it('lists every month of a period, across a year end', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['2026-03']);
  });

  it('gives months without anyone reached as 0 of 0 (no share) and sums the quarters before dividing', () => {
    const rows = [
      { dim: 'month', key: '2026-01', n: 3, women: 1 },
      { dim: 'month', key: '2026-03', n: 1, women: 1 },
      { dim: 'month', key: '2026-04', n: 4, women: 3 },
      { dim: 'gender', key: 'female', n: 5, women: null },
    ];
    const { months, quarters } = womenShares({ from: '2026-01-01', to: '2026-04-30' }, rows);
    expect(months).toEqual([
      { period: '2026-01', women: 1, total: 3, share: 33.3 },
      { period: '2026-02', women: 0, total: 0, share: null },
      { period: '2026-03', women: 1, total: 1, share: 100 },
      { period: '2026-04', women: 3, total: 4, share: 75 },
    ]);
    // Q1: 2 of 4 = 50 % (not the mean of the monthly shares).
    expect(quarters).toEqual([
      { period: '2026-Q1', women: 2, total: 4, share: 50 },
      { period: '2026-Q2', women: 3, total: 4, share: 75 },
    ]);
  });
});
