import { describe, expect, it } from 'vitest';
import { checkOffer, declineText, fitFor, rentCap, spaceLimit, type ConditionsRule } from './conditions.js';

const rules: ConditionsRule = {
  id: '00000000-0000-4000-8000-000000000001',
  validFrom: '2026-01-01',
  rentCaps: [
    { persons: 2, maxColdRentCents: 64_000 },
    { persons: 1, maxColdRentCents: 55_000 },
    { persons: 3, maxColdRentCents: 76_000 },
  ],
  extraPersonCents: 11_000,
  spaceBaseSqm: 45,
  spacePerPersonSqm: 15,
  requiredEquipment: ['kitchen_fitted'],
};
const flat = { livingSpace: 60, rooms: 2, coldRentCents: 60_000, equipment: ['kitchen_fitted', 'balcony'] };
const at = new Date('2026-11-21T10:00:00Z');

describe('programme conditions', () => {
  it('rent caps come from the table, beyond it by a fixed amount per further person', () => {
    expect(rentCap(rules, 1)).toBe(55_000);
    expect(rentCap(rules, 3)).toBe(76_000);
    expect(rentCap(rules, 5)).toBe(76_000 + 2 * 11_000);
  });

  it('floor-space guide: 45 m² for one person, 15 m² per further person', () => {
    expect([1, 2, 3, 4].map((p) => spaceLimit(rules, p))).toEqual([45, 60, 75, 90]);
  });

  it('a 60 m² two-room flat at 600 € suits households of 2 to 4 persons', () => {
    const check = checkOffer(rules, flat, at);
    expect(check.eligible).toBe(true);
    expect(check.suitablePersons).toEqual([2, 3, 4]);
    expect(check.bySize[0]).toMatchObject({ persons: 1, spaceOk: false, spaceLimitSqm: 45, rentOk: false, rentCapCents: 55_000 });
    expect(check.bySize[4]).toMatchObject({ persons: 5, occupancyOk: false });
    const rent = check.items.find((i) => i.code === 'rent_ceiling')!;
    expect(rent.met).toBe(true);
    expect(rent.text).toMatch(/600,00\s€/);
    expect(check.items.find((i) => i.code === 'equipment:kitchen_fitted')).toMatchObject({ met: true });
  });

  it('missing required equipment makes an offer ineligible and says why', () => {
    const check = checkOffer(rules, { ...flat, equipment: ['balcony'] }, at);
    expect(check.eligible).toBe(false);
    expect(check.suitablePersons).toEqual([]);
    expect(declineText(check)).toContain('Pflichtausstattung Einbauküche: fehlt');
  });

  it('rent above every cap is refused with the highest cap in the text', () => {
    const check = checkOffer(rules, { ...flat, coldRentCents: 200_000 }, at);
    expect(check.eligible).toBe(false);
    const rent = check.items.find((i) => i.code === 'rent_ceiling')!;
    expect(rent.met).toBe(false);
    expect(rent.text).toMatch(/2\.000,00\s€.*übersteigt jede Obergrenze/);
  });

  it('rent and space can each fit alone yet never together', () => {
    // Large but cheap only for big households, and too few rooms for them.
    const check = checkOffer(rules, { livingSpace: 100, rooms: 1, coldRentCents: 50_000, equipment: ['kitchen_fitted'] }, at);
    expect(check.items.find((i) => i.code === 'rent_ceiling')!.met).toBe(true);
    expect(check.items.find((i) => i.code === 'space')!.met).toBe(true);
    expect(check.items.find((i) => i.code === 'size_match')!.met).toBe(false);
    expect(check.eligible).toBe(false);
  });

  it('boundaries are inclusive', () => {
    expect(fitFor(rules, { ...flat, coldRentCents: 64_000 }, 2).rentOk).toBe(true);
    expect(fitFor(rules, { ...flat, coldRentCents: 64_001 }, 2).rentOk).toBe(false);
    expect(fitFor(rules, { ...flat, livingSpace: 60.01 }, 2).spaceOk).toBe(false);
  });
});
