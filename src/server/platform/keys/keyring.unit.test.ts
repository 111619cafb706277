import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { loadKeyring, parseKeys, rotateKeyFile } from './keyring.js';
import { openSecret, sealedWith, sealSecret } from './secret-box.js';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'wohnhilfe-keys-'));

describe('keys outside the database', () => {
  it('creates the key file at first start with mode 0600 beside the database directory, and reuses it', () => {
    const dir = tmpDir();
    const config = loadConfig({ PG_DATA_DIR: path.join(dir, 'postgres') });
    expect(config.keyFile).toBe(path.join(dir, 'wohnhilfe.keys'));
    const said: string[] = [];
    const first = loadKeyring(config, (m) => said.push(m));
    expect(fs.statSync(config.keyFile).mode & 0o777).toBe(0o600);
    expect(said[0]).toMatch(/Schlüsseldatei angelegt/);
    const again = loadKeyring(config);
    expect(again.currentId).toBe(first.currentId);
    expect(again.keyFor('audit-chain', again.currentId).equals(first.keyFor('audit-chain', first.currentId))).toBe(true);
    // Each purpose has its own derived key.
    expect(first.keyFor('audit-chain', first.currentId).equals(first.keyFor('totp-secret', first.currentId))).toBe(false);
  });

  it('refuses a key file others can read', () => {
    const dir = tmpDir();
    const config = loadConfig({ AUDIT_KEY_FILE: path.join(dir, 'k') });
    loadKeyring(config);
    fs.chmodSync(config.keyFile, 0o644);
    expect(() => loadKeyring(config)).toThrow(/chmod 600/);
  });

  it('rotates: a new current key on top, the old ones kept for verifying', () => {
    const config = loadConfig({ AUDIT_KEY_FILE: path.join(tmpDir(), 'k') });
    const before = loadKeyring(config);
    const sealed = sealSecret(before, 'totp-secret', 'JBSWY3DPEHPK3PXP', 'user-1');
    const id = rotateKeyFile(config);
    const after = loadKeyring(config);
    expect(after.currentId).toBe(id);
    expect(after.ids).toEqual([id, before.currentId]);
    expect(fs.statSync(config.keyFile).mode & 0o777).toBe(0o600);
    expect(openSecret(after, 'totp-secret', sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(sealedWith(sealSecret(after, 'totp-secret', 'x', 'user-1'))).toBe(id);
    expect(() => rotateKeyFile(loadConfig({ AUDIT_KEY: 'a:0123456789abcdefghijklmnopqrstuvwxyz' }))).toThrow(/AUDIT_KEY ist gesetzt/);
  });

  it('reads AUDIT_KEY as id:secret entries, the first current; rejects short, doubled or malformed keys', () => {
    const keys = parseKeys('new:0123456789abcdefghijklmnopqrstuvwxyz, old:zyxwvutsrqponmlkjihgfedcba9876543210', 'AUDIT_KEY');
    expect(keys.currentId).toBe('new');
    expect(keys.ids).toEqual(['new', 'old']);
    expect(parseKeys('0123456789abcdefghijklmnopqrstuvwxyz', 'AUDIT_KEY').currentId).toMatch(/^k[0-9a-f]{12}$/);
    expect(() => parseKeys('a:short', 'AUDIT_KEY')).toThrow(/zu kurz/);
    expect(() => parseKeys('a:0123456789abcdefghijklmnopqrstuvwxyz,a:0123456789abcdefghijklmnopqrstuvwxyz', 'AUDIT_KEY')).toThrow(
      /doppelt/,
    );
    expect(() => parseKeys('a b:0123456789abcdefghijklmnopqrstuvwxyz', 'AUDIT_KEY')).toThrow(/ungültig/);
  });

  it('encrypts secrets with AES-256-GCM bound to their row: another row, another key or an altered text does not open', () => {
    const keys = parseKeys('a:0123456789abcdefghijklmnopqrstuvwxyz', 'test');
    const stored = sealSecret(keys, 'totp-secret', 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret(keys, 'totp-secret', 'JBSWY3DPEHPK3PXP', 'user-1')).not.toBe(stored);
    expect(openSecret(keys, 'totp-secret', stored, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(keys, 'totp-secret', stored, 'user-2')).toThrow();
    expect(() => openSecret(parseKeys('a:zyxwvutsrqponmlkjihgfedcba9876543210', 'test'), 'totp-secret', stored, 'user-1')).toThrow();
    expect(() => openSecret(keys, 'totp-secret', 'JBSWY3DPEHPK3PXP', 'user-1')).toThrow(/not an encrypted secret/);
  });
});
