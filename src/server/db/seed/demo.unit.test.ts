import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_PASSWORD, demoLogins, prng } from './demo.js';
import { demoUserRows } from './users.js';
import { verifyPassword } from '../../platform/auth/password.js';
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
      expect(new Set(logins.filter((l) => l.agency === city).map((l) => l.role))).toEqual(new Set(ROLES.filter((r) => r !== 'steering')));
    }
    // The steering body's login belongs to no agency of case data.
    expect(logins.filter((l) => l.role === 'steering').map((l) => l.agency)).toEqual(['Senat']);
  });
  it('gives every demo account its own argon2id hash and salt', async () => {
    const a = DEMO_AGENCIES[0]!;
    const rows = await demoUserRows(a, ['p1', 'p2', 'p3'], 'c1');
    expect(rows.length).toBe(13);
    const salts = rows.map((r) => r.password_hash.split('$')[4]);
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
    expect(new Set(salts).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length);
    for (const r of rows.slice(0, 2)) expect(await verifyPassword(r.password_hash, DEMO_PASSWORD)).toBe(true);
  });
});
