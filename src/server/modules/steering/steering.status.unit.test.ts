import { describe, expect, it } from 'vitest';
import { previousPeriod, quarterOf, targetStatus, targetsConsistent } from './steering.status.js';

describe('status against minimum and target', () => {
  const higher = { minimum: 60, target: 90 };
  it.each([
    [59.9, 'below_minimum'],
    [60, 'minimum_reached'],
    [89.9, 'minimum_reached'],
    [90, 'target_reached'],
    [100, 'target_reached'],
  ] as const)('higher is better: %s → %s', (value, status) => {
    expect(targetStatus(value, higher, true)).toBe(status);
  });

  // A duration: the minimum is the longest acceptable, the target the shorter aim.
  const lower = { minimum: 10, target: 5 };
  it.each([
    [10.1, 'below_minimum'],
    [10, 'minimum_reached'],
    [5.1, 'minimum_reached'],
    [5, 'target_reached'],
    [0, 'target_reached'],
  ] as const)('lower is better: %s → %s', (value, status) => {
    expect(targetStatus(value, lower, false)).toBe(status);
  });

  it('says "not set" without values in force and "no data" without a value', () => {
    expect(targetStatus(50, null, true)).toBe('not_set');
    expect(targetStatus(50, { minimum: null, target: null }, true)).toBe('not_set');
    expect(targetStatus(null, higher, true)).toBe('no_data');
    expect(targetStatus(null, null, false)).toBe('not_set');
  });

  it('with only a target, missing it is below the mark', () => {
    expect(targetStatus(80, { minimum: null, target: 90 }, true)).toBe('below_minimum');
    expect(targetStatus(95, { minimum: null, target: 90 }, true)).toBe('target_reached');
  });

  it('requires the target to be at least as good as the minimum, by direction', () => {
    expect(targetsConsistent(60, 90, true)).toBe(true);
    expect(targetsConsistent(90, 60, true)).toBe(false);
    expect(targetsConsistent(10, 5, false)).toBe(true);
    expect(targetsConsistent(5, 10, false)).toBe(false);
    expect(targetsConsistent(7, 7, false)).toBe(true);
  });
});

describe('periods', () => {
  it('defaults to the calendar quarter of a day', () => {
    expect(quarterOf('2026-12-06')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('takes the period before of the same shape: a quarter, a year, or as many days', () => {
    expect(previousPeriod('2025-10-01', '2025-12-31')).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(previousPeriod('2026-01-01', '2026-03-31')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod('2025-01-01', '2025-12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod('2025-03-10', '2025-03-19')).toEqual({ from: '2025-02-28', to: '2025-03-09' });
  });
});
