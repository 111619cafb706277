import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Keyring } from '../keys/keyring.js';
import { openSecret, sealSecret } from '../keys/secret-box.js';

const PERIOD = 30;

function totpFor(secret: string, label = 'wohnhilfe'): TOTP {
  return new TOTP({ issuer: 'wohnhilfe', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function enrolment(secret: string, email: string): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const otpauthUrl = totpFor(secret, email).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, width: 220 });
  return { secret, otpauthUrl, qrSvg };
}

/**
 * Checks a code within ±1 period and returns its time step, or null. The caller rejects a step at
 * or before the last one used, so every code works once only.
 */
export function verifyTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** For tests and the demo: the code valid at `now`. */
export const totpCode = (secret: string, now = Date.now()): string => totpFor(secret).generate({ timestamp: now });

/**
 * TOTP secrets are stored encrypted (AES-256-GCM with the key outside the database, bound to the
 * user's id): the column never holds a secret in clear, so a database dump does not hand out
 * second factors. Decrypting anything else fails, and so does the login that needs it.
 */
export const sealTotpSecret = (keys: Keyring, secret: string, userId: string): string => sealSecret(keys, 'totp-secret', secret, userId);
export const openTotpSecret = (keys: Keyring, stored: string, userId: string): string => openSecret(keys, 'totp-secret', stored, userId);

/** The secret in clear, or null when no key opens it. */
export function readableTotpSecret(keys: Keyring, stored: string, userId: string): string | null {
  try {
    return openTotpSecret(keys, stored, userId);
  } catch {
    return null;
  }
}
