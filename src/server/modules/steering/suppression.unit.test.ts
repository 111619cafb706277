import { describe, expect, it } from 'vitest';
import { isReportingPeriod, publishAverage, publishCount, publishMeasure, publishRow, type Cell, type Published } from './suppression.js';

const key = (p: Published) => (p.suppressed ? `<${p.suppressed}>` : String(p.value));
const counts = (...n: number[]): Cell[] => n.map((value) => ({ value }));

/** Every table of `agencies` counts in 0..max. */
function tables(agencies: number, max: number): number[][] {
  let out: number[][] = [[]];
  for (let i = 0; i < agencies; i++) out = out.flatMap((t) => Array.from({ length: max + 1 }, (_, v) => [...t, v]));
  return out;
}

describe('counts: < 5 and multiples of 5', () => {
  it.each([
    [0, null],
    [1, null],
    [4, null],
    [5, 5],
    [7, 5],
    [8, 10],
    [12, 10],
    [13, 15],
    [1234, 1235],
  ])('%i → %s', (n, shown) => {
    expect(publishCount(n)).toEqual(shown === null ? { value: null, suppressed: 'small' } : { value: shown, suppressed: null });
  });

  it('takes the city total from the shown cells ("< 5" as 2), rounded by the same rule', () => {
    const row = publishRow('count', counts(3, 7, 8));
    expect(row.cells.map(key)).toEqual(['<small>', '5', '10']);
    expect(row.total).toEqual({ value: 15, suppressed: null }); // 2 + 5 + 10 = 17 → 15
    expect(publishRow('count', counts(1, 1)).total.suppressed).toBe('small'); // 2 + 2 = 4
  });

  it('never lets a suppressed cell be derived from the city total and the other cells (every table up to 3 agencies)', () => {
    for (const [agencies, max] of [
      [2, 40],
      [3, 14],
    ] as const) {
      // The attacker sees the published row; group all tables by what they publish.
      const seen = new Map<string, number[][]>();
      for (const t of tables(agencies, max)) {
        const row = publishRow('count', counts(...t));
        const k = [...row.cells, row.total].map(key).join('|');
        seen.set(k, [...(seen.get(k) ?? []), t]);
      }
      for (const [k, group] of seen) {
        const shown = k.split('|');
        for (let i = 0; i < agencies; i++) {
          if (shown[i] !== '<small>') continue;
          const possible = new Set(group.map((t) => t[i]));
          expect(possible.size, `cell ${i} of ${k}`).toBeGreaterThan(1);
        }
      }
    }
  });

  it('resists differencing two exports (two periods, or a period exported again) that differ by one case', () => {
    // Possible true values behind a shown count, found by trying them (up to 400).
    const behind = (p: Published) => Array.from({ length: 401 }, (_, n) => n).filter((n) => key(publishCount(n)) === key(p));
    for (let n = 0; n < 300; n++) {
      const first = publishCount(n);
      const second = publishCount(n + 1);
      const differences = new Set<number>();
      for (const a of behind(first)) for (const b of behind(second)) if (b >= a) differences.add(b - a);
      // The attacker can never conclude that exactly one case was added (or which count it was).
      expect([...differences].length, `${n} → ${n + 1}`).toBeGreaterThan(1);
      expect(behind(second).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('resists differencing a year against its four quarters (every count up to 12 per quarter)', () => {
    // Only quarters and years can be asked for; the year is its own rounded count, not a sum of shown quarters.
    const seen = new Map<string, number[][]>();
    for (const q of tables(4, 12)) {
      const k = [...q.map(publishCount), publishCount(q.reduce((s, n) => s + n, 0))].map(key).join('|');
      seen.set(k, [...(seen.get(k) ?? []), q]);
    }
    for (const [k, group] of seen) {
      const shown = k.split('|');
      for (let i = 0; i < 4; i++) {
        if (shown[i] !== '<small>') continue;
        const possible = new Set(group.map((q) => q[i]));
        // A quarter with people in it is never pinned to one number (a derived zero names nobody).
        if (possible.size === 1) expect(possible.has(0), `quarter ${i} of ${k}`).toBe(true);
      }
    }
  });
});

describe('shares, medians and amounts', () => {
  it('shows a value only with a base of at least 5, rounded by unit; without a base it is withheld', () => {
    expect(publishMeasure('share', { value: 66.7, base: 6 })).toEqual({ value: 67, suppressed: null });
    expect(publishMeasure('share', { value: 100, base: 4 })).toEqual({ value: null, suppressed: 'small' });
    expect(publishMeasure('days', { value: 6.25, base: 9 })).toEqual({ value: 6.3, suppressed: null });
    expect(publishMeasure('euros', { value: 1249, base: 9 })).toEqual({ value: 1200, suppressed: null });
    expect(publishMeasure('share', { value: 50 })).toEqual({ value: null, suppressed: 'no_base' });
  });

  it('weights the city value by the bases and suppresses a second cell when exactly one is small', () => {
    const row = publishRow('share', [
      { value: 50, base: 2 },
      { value: 80, base: 10 },
      { value: 60, base: 20 },
    ]);
    // (1 + 8 + 12) / 32 = 65.6 %
    expect(row.total).toEqual({ value: 66, suppressed: null });
    expect(row.cells.map(key)).toEqual(['<small>', '<secondary>', '60']);
  });

  it('needs no second suppression when two cells are small already, and withholds the total without every base', () => {
    const row = publishRow('days', [
      { value: 3, base: 1 },
      { value: 9, base: 3 },
      { value: 4, base: 30 },
    ]);
    expect(row.cells.map(key)).toEqual(['<small>', '<small>', '4']);
    expect(publishRow('share', [{ value: 10, base: 10 }, { value: 20 }]).total.suppressed).toBe('no_base');
  });
});

describe('the city average beside an agency’s own figures', () => {
  it('is hidden when the other agencies together are too small, else published by the same rule', () => {
    expect(publishAverage('count', counts(40, 3), 0)).toEqual({ value: 21, suppressed: null }); // (40 + 2) / 2
    expect(publishAverage('count', counts(40, 6, 13), 0)).toEqual({ value: 20, suppressed: null }); // (40 + 5 + 15) / 3
    expect(publishAverage('count', counts(40), 0).suppressed).toBe('small');
    expect(
      publishAverage(
        'share',
        [
          { value: 100, base: 30 },
          { value: 0, base: 4 },
        ],
        0,
      ).suppressed,
    ).toBe('small');
    expect(
      publishAverage(
        'share',
        [
          { value: 100, base: 30 },
          { value: 0, base: 10 },
        ],
        0,
      ),
    ).toEqual({ value: 75, suppressed: null });
  });

  it('does not let an agency that knows its own exact count derive the other agency’s', () => {
    for (const [own, other] of tables(2, 40)) {
      const shown = key(publishAverage('count', counts(own!, other!), 0));
      const possible = Array.from({ length: 61 }, (_, o) => o).filter((o) => key(publishAverage('count', counts(own!, o), 0)) === shown);
      expect(possible.length, `own=${own} other=${other}`).toBeGreaterThan(1);
    }
  });
});

describe('reporting periods', () => {
  it('accepts calendar quarters and years only', () => {
    expect(isReportingPeriod('2026-01-01', '2026-03-31')).toBe(true);
    expect(isReportingPeriod('2026-10-01', '2026-12-31')).toBe(true);
    expect(isReportingPeriod('2026-01-01', '2026-12-31')).toBe(true);
    expect(isReportingPeriod('2026-02-01', '2026-04-30')).toBe(false);
    expect(isReportingPeriod('2026-01-01', '2026-03-30')).toBe(false);
    expect(isReportingPeriod('2026-01-02', '2026-03-31')).toBe(false);
  });
});
