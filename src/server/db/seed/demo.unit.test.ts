import { describe, expect, it } from 'vitest';
import { demoLogins, prng } from './demo.js';
import { ROLES } from '../../../contracts/common.js';

describe('demo data', () => {
  it('draws the same numbers for the same seed', () => {
    const a = prng(7);
    const b = prng(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
  it('has a login for every role in both agencies', () => {
    const logins = demoLogins();
    for (const city of ['Stuttgart', 'Berlin']) {
      expect(new Set(logins.filter((l) => l.agency === city).map((l) => l.role))).toEqual(new Set(ROLES));
    }
  });
});
