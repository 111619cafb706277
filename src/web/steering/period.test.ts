import { describe, expect, it } from 'vitest';
import { choiceFrom, periodOf } from './period';

describe('dashboard period', () => {
  it('turns a quarter or a whole year into dates', () => {
    expect(periodOf({ year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodOf({ year: 2025, quarter: 4 })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodOf({ year: 2025, quarter: null })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('reads the address and falls back to the current quarter', () => {
    const today = new Date(2026, 11, 6);
    expect(choiceFrom(new URLSearchParams('year=2025&quarter=2'), today)).toEqual({ year: 2025, quarter: 2 });
    expect(choiceFrom(new URLSearchParams('year=2025&quarter=all'), today)).toEqual({ year: 2025, quarter: null });
    expect(choiceFrom(new URLSearchParams('year=abc'), today)).toEqual({ year: 2026, quarter: 4 });
  });
});
