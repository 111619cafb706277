import { describe, expect, it } from 'vitest';
import type { ConditionsRule } from './conditions.js';
import { civilOf, completedMonths, dayNumber, type PoolEntry } from '../households/pool.service.js';
import { rankEntries } from './ranking.js';
import { explainEntries, type RankOffer } from './ranking.explain.js';

const months = (since: string, today: string) => completedMonths(dayNumber(since), dayNumber(today));

describe('waiting time in completed calendar months', () => {
  it('2024-12-05 → 2026-12-05 is 24 months, not 23', () => {
    expect(months('2024-12-05', '2026-12-05')).toBe(24);
    expect(months('2024-12-05', '2026-12-04')).toBe(23);
  });

  it('a month is complete on the same day of the month, or on the month end when that day does not exist', () => {
    expect(months('2026-01-31', '2026-02-27')).toBe(0);
    expect(months('2026-01-31', '2026-02-28')).toBe(1);
    expect(months('2024-01-31', '2024-02-28')).toBe(0); // leap year: February has a 29th
    expect(months('2024-01-31', '2024-02-29')).toBe(1);
    expect(months('2026-01-31', '2026-03-30')).toBe(1);
    expect(months('2026-01-31', '2026-03-31')).toBe(2);
    expect(months('2026-03-31', '2026-04-30')).toBe(1);
    expect(months('2026-02-28', '2026-03-28')).toBe(1);
    expect(months('2024-02-29', '2025-02-28')).toBe(12);
    expect(months('2026-12-31', '2027-01-31')).toBe(1);
  });

  it('no months on the day itself, before it, or in the future', () => {
    expect(months('2026-12-05', '2026-12-05')).toBe(0);
    expect(months('2026-12-06', '2026-12-05')).toBe(0);
  });

  it('day numbers convert back to the calendar date over centuries', () => {
    for (const iso of ['1900-03-01', '1970-01-01', '2000-02-29', '2026-12-31', '2100-03-01', '1969-12-31']) {
      const [y, m, d] = civilOf(dayNumber(iso));
      expect(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).toBe(iso);
    }
  });
});

describe('the ranking scores and shows the completed months', () => {
  const rules: ConditionsRule = {
    id: '00000000-0000-4000-8000-000000000001',
    validFrom: '2026-01-01',
    rentCaps: [{ persons: 1, maxColdRentCents: 60_000 }],
    extraPersonCents: 10_000,
    spaceBaseSqm: 45,
    spacePerPersonSqm: 15,
    requiredEquipment: [],
  };
  const offer: RankOffer = {
    id: 'o',
    district: 'Mitte',
    livingSpace: 45,
    rooms: 2,
    coldRentCents: 50_000,
    stepFree: false,
    wheelchair: false,
    petsAllowed: false,
    preferred: [],
  };
  const entry: PoolEntry = {
    id: 'h1',
    reference: 'H-1',
    persons: 1,
    children: 0,
    health: false,
    pets: false,
    wheelchair: false,
    stepFree: false,
    since: dayNumber('2024-12-05'),
    eldest: dayNumber('1980-01-01'),
    avoid: [],
    prefer: [],
  };
  const w = { waiting: 40, children: 20, health: 15, age: 10, district: 10, hints: 5 };

  it('in accommodation since 2024-12-05, ranked on 2026-12-05: "24 Monate", 26.67 points', () => {
    const r = rankEntries([entry], new Map(), offer, rules, w, { today: new Date('2026-12-05T09:00:00Z') });
    const [shown] = explainEntries(r.entries, { offer, rules }, w, new Map());
    const waiting = shown!.criteria.find((c) => c.code === 'waiting')!;
    expect(waiting.value).toBe('24 Monate');
    expect(waiting.points).toBe(26.67);
    expect(shown!.score).toBe(26.67);
  });
});
