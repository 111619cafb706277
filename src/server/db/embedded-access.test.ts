import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockedOnTheWay, postgresOsUser, reachableBinaries, type OsUser } from './embedded-access.js';
import { startEmbeddedPostgres } from './embedded.js';

/*
 * Started as root from a directory other users cannot enter (`mktemp -d` makes it 0700), the
 * embedded PostgreSQL — which then runs as the OS user `postgres` — crashed with `spawn initdb
 * EACCES` and a stack trace. The binaries are now copied where that user reaches them, and a data
 * directory it cannot reach stops the start with one German line saying what to change.
 */

const dirs: string[] = [];
const tmp = async (mode = 0o700) => {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'wohnhilfe-access-'));
  await fs.chmod(d, mode);
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

const someone: OsUser = { name: 'someone', uid: 4242, gid: 4242, groups: [4242] };

describe('the way to a directory for the user PostgreSQL runs as', () => {
  it('is blocked by a directory only its owner may enter, open through searchable ones', async () => {
    const closed = await tmp(0o700);
    expect(await blockedOnTheWay(path.join(closed, 'w/data/postgres'), someone)).toBe(closed);
    const open = await tmp(0o711);
    expect(await blockedOnTheWay(path.join(open, 'w/data/postgres'), someone)).toBeNull();
    const groupOnly = await tmp(0o710);
    await fs.chown(groupOnly, 0, 4242).catch(() => undefined);
    if ((await fs.stat(groupOnly)).gid === 4242) expect(await blockedOnTheWay(path.join(groupOnly, 'x'), someone)).toBeNull();
  });

  it('binaries behind such a directory are copied beside the data (once per version), links kept', async () => {
    const closed = await tmp(0o700);
    const native = path.join(closed, 'pkg', 'native');
    await fs.mkdir(path.join(native, 'bin'), { recursive: true });
    await fs.mkdir(path.join(native, 'lib'), { recursive: true });
    await fs.writeFile(path.join(closed, 'pkg', 'package.json'), '{"version":"17.9.9"}');
    await fs.writeFile(path.join(native, 'bin', 'initdb'), '#!/bin/sh\n', { mode: 0o755 });
    await fs.writeFile(path.join(native, 'lib', 'libpq.so.5.17'), 'lib');
    await fs.symlink('libpq.so.5.17', path.join(native, 'lib', 'libpq.so.5'));
    const cache = await tmp(0o755);
    const bins = { initdb: path.join(native, 'bin', 'initdb') };
    const copied = await reachableBinaries(bins, someone, cache);
    expect(copied.initdb).toBe(path.join(cache, '.postgres-17.9.9', 'bin', 'initdb'));
    expect(await blockedOnTheWay(copied.initdb, someone)).toBeNull();
    expect((await fs.stat(copied.initdb)).mode & 0o111).toBe(0o111);
    expect(await fs.readlink(path.join(cache, '.postgres-17.9.9', 'lib', 'libpq.so.5'))).toBe('libpq.so.5.17');
    const inode = (await fs.stat(copied.initdb)).ino;
    expect((await reachableBinaries(bins, someone, cache)).initdb).toBe(copied.initdb);
    expect((await fs.stat(copied.initdb)).ino).toBe(inode);
    // Reachable binaries are used where they are.
    const openBins = { initdb: path.join(await tmp(0o755), 'bin', 'initdb') };
    expect(await reachableBinaries(openBins, someone, cache)).toBe(openBins);
  });
});

describe.runIf(process.getuid?.() === 0)('the embedded PostgreSQL started as root', () => {
  it('from a directory only root may enter: one German line naming the directory and PG_DATA_DIR, nothing spawned', async () => {
    const closed = await tmp(0o700);
    const dataDir = path.join(closed, 'w', 'data', 'postgres');
    const failed = await startEmbeddedPostgres(dataDir, 1).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(failed?.message).toMatch(new RegExp(`„postgres“, und der darf das Verzeichnis ${closed} nicht betreten.*PG_DATA_DIR=`));
    expect(failed?.message).not.toMatch(/\n|EACCES/);
    expect(await fs.stat(path.join(dataDir, 'PG_VERSION')).catch(() => null)).toBeNull();
  });

  it('runs PostgreSQL as the postgres user', async () => {
    expect((await postgresOsUser())?.uid).not.toBe(0);
  });
});
