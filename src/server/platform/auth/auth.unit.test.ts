import { describe, expect, it } from 'vitest';
import { totpCode, verifyTotp, newTotpSecret } from './totp.js';
import { hashPassword, verifyPassword } from './password.js';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const t = Date.UTC(2026, 10, 21, 12, 0, 0);
  it('accepts the current code and one period of clock drift, not more', () => {
    expect(verifyTotp(secret, totpCode(secret, t), null, t)).not.toBeNull();
    expect(verifyTotp(secret, totpCode(secret, t - 30_000), null, t)).not.toBeNull();
    expect(verifyTotp(secret, totpCode(secret, t - 90_000), null, t)).toBeNull();
  });
  it('accepts every code once only', () => {
    const step = verifyTotp(secret, totpCode(secret, t), null, t)!;
    expect(verifyTotp(secret, totpCode(secret, t), step, t)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, t - 30_000), step, t)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, t + 30_000), step, t + 30_000)).toBe(step + 1);
  });
});

describe('password hashing', () => {
  it('uses argon2id with at least 19 MiB and 2 iterations', async () => {
    const h = await hashPassword('ein langes Passwort');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, m, t] = h.match(/m=(\d+),t=(\d+)/)!;
    expect(Number(m)).toBeGreaterThanOrEqual(19456);
    expect(Number(t)).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(h, 'ein langes Passwort')).toBe(true);
    expect(await verifyPassword(h, 'ein anderes Passwort')).toBe(false);
    expect(await verifyPassword('kein-hash', 'x')).toBe(false);
  });
});
