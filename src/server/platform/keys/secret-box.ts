import crypto from 'node:crypto';
import type { KeyPurpose, Keyring } from './keyring.js';

/**
 * Encryption at rest with AES-256-GCM under a keyring key, for short secrets (TOTP). The stored text
 * is `whx1.<key id>.<iv>.<ciphertext>.<tag>` (base64url): the key id says which key opens it, and
 * `bindTo` (e.g. the user's id) is authenticated with it, so a ciphertext moved to another row does
 * not open there.
 */
const PREFIX = 'whx1';

export function sealSecret(keys: Keyring, purpose: KeyPurpose, plaintext: string, bindTo: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.keyFor(purpose, keys.currentId), iv);
  cipher.setAAD(Buffer.from(bindTo, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const b = (x: Buffer) => x.toString('base64url');
  return [PREFIX, keys.currentId, b(iv), b(ct), b(cipher.getAuthTag())].join('.');
}

/** Decrypts what sealSecret made; throws on anything else (clear text, unknown key, altered text). */
export function openSecret(keys: Keyring, purpose: KeyPurpose, stored: string, bindTo: string): string {
  const parts = stored.split('.');
  if (parts.length !== 5 || parts[0] !== PREFIX) throw new Error('not an encrypted secret');
  const [, keyId, iv, ct, tag] = parts as [string, string, string, string, string];
  if (!keys.has(keyId)) throw new Error(`secret encrypted with unknown key ${keyId}`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.keyFor(purpose, keyId), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(bindTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** The key id of a sealed secret, or null for anything that is not one (e.g. a secret still in clear). */
export function sealedWith(stored: string): string | null {
  const parts = stored.split('.');
  return parts.length === 5 && parts[0] === PREFIX ? parts[1]! : null;
}
