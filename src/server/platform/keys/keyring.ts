import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';

/**
 * Keys that live outside the database: the audit chain's HMAC, the checkpoints' signature and the
 * encryption of TOTP secrets. The database owner can rewrite any row, but without these keys can
 * neither re-seal the audit chain nor read a second factor. Each key has an id; what a key protects
 * records that id, so after a rotation the old keys still verify and decrypt what they made, while
 * only the current (first) key makes new things.
 */
export interface Keyring {
  /** Id of the key used for everything new. */
  readonly currentId: string;
  /** Every known key id, the current one first. */
  readonly ids: readonly string[];
  has(id: string): boolean;
  /** The 32-byte key for one purpose derived from key `id` (HKDF-SHA256; each purpose its own key). */
  keyFor(purpose: KeyPurpose, id: string): Buffer;
}

export type KeyPurpose = 'audit-chain' | 'audit-checkpoint' | 'audit-pseudonym' | 'totp-secret' | 'oidc-state';

const ID = /^[A-Za-z0-9_-]{1,32}$/;
const MIN_SECRET = 32;

/** A keyring from `id:secret` entries (comma- or line-separated; `#` starts a comment line). */
export function parseKeys(text: string, source: string): Keyring {
  const entries: { id: string; secret: Buffer }[] = [];
  const lines = text.split('\n').filter((l) => !l.trim().startsWith('#'));
  for (const raw of lines.join('\n').split(/[,\n]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(':');
    const id = colon < 0 ? fingerprint(entry) : entry.slice(0, colon);
    const secret = colon < 0 ? entry : entry.slice(colon + 1);
    if (!ID.test(id)) throw new Error(`${source}: Schlüssel-ID "${id}" ungültig (erlaubt: A–Z, a–z, 0–9, - und _, höchstens 32 Zeichen).`);
    if (secret.length < MIN_SECRET) throw new Error(`${source}: Schlüssel "${id}" ist zu kurz (mindestens ${MIN_SECRET} Zeichen).`);
    if (entries.some((e) => e.id === id)) throw new Error(`${source}: Schlüssel-ID "${id}" kommt doppelt vor.`);
    entries.push({ id, secret: Buffer.from(secret, 'utf8') });
  }
  if (!entries.length) throw new Error(`${source}: kein Schlüssel angegeben.`);
  return keyring(entries);
}

/** A key given without an id is named by its fingerprint, so the same secret always has the same id. */
const fingerprint = (secret: string) => `k${crypto.createHash('sha256').update(secret).digest('hex').slice(0, 12)}`;

function keyring(entries: { id: string; secret: Buffer }[]): Keyring {
  const secrets = new Map(entries.map((e) => [e.id, e.secret]));
  const derived = new Map<string, Buffer>();
  return Object.freeze({
    currentId: entries[0]!.id,
    ids: Object.freeze(entries.map((e) => e.id)),
    has: (id: string) => secrets.has(id),
    keyFor(purpose: KeyPurpose, id: string): Buffer {
      const cacheKey = `${purpose}\0${id}`;
      let key = derived.get(cacheKey);
      if (!key) {
        const secret = secrets.get(id);
        if (!secret) throw new Error(`unknown key id ${id}`);
        key = Buffer.from(crypto.hkdfSync('sha256', secret, 'wohnhilfe', `wohnhilfe ${purpose}`, 32));
        derived.set(cacheKey, key);
      }
      return key;
    },
  });
}

const newKeyLine = () => {
  const date = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return `k${date}-${crypto.randomBytes(2).toString('hex')}:${crypto.randomBytes(32).toString('base64url')}`;
};

const FILE_HEADER =
  '# wohnhilfe: Schlüssel außerhalb der Datenbank (Audit-Kette, Prüfpunkte, TOTP-Geheimnisse).\n' +
  '# Eine Zeile je Schlüssel, "id:geheimnis"; die erste ist die aktuelle. Alte Zeilen nicht löschen,\n' +
  '# solange Daten mit ihnen gesichert sind. Getrennt von der Datenbank sichern.\n';

/** Writes a file that must not exist yet, atomically (a reader never sees it half written), mode 0600. */
function createExclusive(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readKeyFile(file: string): Keyring {
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077)
    throw new Error(`Die Schlüsseldatei ${file} ist für andere lesbar (Modus ${mode.toString(8)}). Bitte "chmod 600 ${file}" ausführen.`);
  return parseKeys(fs.readFileSync(file, 'utf8'), file);
}

/**
 * The keyring from AUDIT_KEY, else from the key file — created with a new random key (mode 0600)
 * when it does not exist yet, which is the first start.
 */
export function loadKeyring(config: Config, log: (m: string) => void = () => {}): Keyring {
  if (config.AUDIT_KEY) return parseKeys(config.AUDIT_KEY, 'AUDIT_KEY');
  const file = config.keyFile;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (createExclusive(file, `${FILE_HEADER}${newKeyLine()}\n`))
      log(`Schlüsseldatei angelegt: ${file} (Modus 600). Bitte getrennt von der Datenbank sichern.`);
  }
  return readKeyFile(file);
}

/** Puts a new current key at the top of the key file; the old ones stay for verifying. Returns its id. */
export function rotateKeyFile(config: Config): string {
  if (config.AUDIT_KEY)
    throw new Error('AUDIT_KEY ist gesetzt: bitte dort den neuen Schlüssel vorne einfügen ("neu:…,alt:…") und neu starten.');
  const file = config.keyFile;
  const before = readKeyFile(file);
  const line = newKeyLine();
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'));
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${FILE_HEADER}${[line, ...lines].join('\n')}\n`, { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
  const after = readKeyFile(file);
  if (after.ids.length !== before.ids.length + 1) throw new Error(`${file}: Rotation fehlgeschlagen.`);
  return after.currentId;
}
