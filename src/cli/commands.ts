import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SingleBar, Presets } from 'cli-progress';
import { ZRole } from '../contracts/common.js';
import { ZPassword } from '../contracts/admin.js';
import { buildApp } from '../server/app.js';
import type { Config } from '../server/config.js';
import { migrate, pendingMigrations } from '../server/db/database.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../server/db/seed/demo.js';
import { openDatabases, type Databases } from '../server/runtime.js';
import { forkInstances, forkedInstance, onShutdown } from '../server/instances.js';
import { installJobs } from '../server/platform/jobs/queue.js';
import { ALL_JOBS } from '../server/jobs.js';
import { hashPassword } from '../server/platform/auth/password.js';
import { resealTotpSecrets } from '../server/platform/auth/totp-secrets.js';
import { loadKeyring } from '../server/platform/keys/keyring.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (m: string) => console.log(m);

export async function withDb<T>(config: Config, fn: (dbs: Databases) => Promise<T>): Promise<T> {
  const dbs = await openDatabases(config, say);
  try {
    return await fn(dbs);
  } finally {
    await dbs.close();
  }
}

function progressBar(label: string) {
  return new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true }, Presets.shades_classic);
}

/** Migrations, the job queue's tables, then what needs the key outside the database (TOTP secrets in clear → encrypted). */
async function runMigrations(config: Config, dbs: Databases): Promise<void> {
  const applied = await migrate(dbs.owner, dbs.appPassword);
  await installJobs(dbs.owner, ALL_JOBS);
  say(applied.length ? `Migrationen angewendet: ${applied.join(', ')}` : 'Datenbank ist auf dem neuesten Stand.');
  const resealed = await resealTotpSecrets(dbs.owner, loadKeyring(config, say));
  if (resealed) say(`${resealed} TOTP-Geheimnis(se) mit dem aktuellen Schlüssel verschlüsselt.`);
}

async function seed(dbs: Databases, households?: number): Promise<void> {
  const bar = progressBar('Demodaten');
  let started = false;
  await seedDemo(dbs.owner, {
    households,
    log: say,
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
  });
  if (started) bar.stop();
}

/** The newest modification time below a directory (to tell whether the UI build is stale). */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the UI into dist/web when it is missing or older than its sources. */
export async function ensureWebBuild(): Promise<void> {
  const index = path.join(ROOT, 'dist/web/index.html');
  const sources = Math.max(newest(path.join(ROOT, 'src/web')), newest(path.join(ROOT, 'src/contracts')));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  say('Baue die Benutzeroberfläche (einmalig, ca. 20 s) …');
  const { build } = await import('vite');
  // Vite takes NODE_ENV from the environment for the bundle: under the tests (NODE_ENV=test) it built
  // React's development runtime (51 KB more on the login page). The UI served is always the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function listen(config: Config, dbs: Databases): Promise<void> {
  if (config.WEB_CONCURRENCY > 1) {
    // This process keeps the database (and the embedded server); the instances connect to it.
    const instances = await forkInstances(config.WEB_CONCURRENCY, { DATABASE_URL: dbs.ownerUrl }, say);
    onShutdown(async () => {
      await instances.stop();
      await dbs.close();
    });
    say(`${config.WEB_CONCURRENCY} App-Instanzen teilen sich den Port ${config.PORT}.`);
    return;
  }
  await serveInstance(config, dbs, true);
}

/** One app instance in this process: HTTP on the configured port, background workers if asked. */
async function serveInstance(config: Config, dbs: Databases, workers: boolean): Promise<void> {
  const app = await buildApp({ db: dbs.app, config, listenUrl: dbs.appUrl, workers });
  try {
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (e) {
    // Nothing may keep the process alive after a failed start: the jobs and the session channel stop.
    await app.close().catch(() => undefined);
    throw listenError(e, config);
  }
  onShutdown(async () => {
    await app.close();
    await dbs.close();
  });
}

/** Why the port could not be opened, in one German line naming the port and the `PORT` variable. */
export function listenError(e: unknown, config: Pick<Config, 'HOST' | 'PORT'>): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE')
    return new Error(
      `Port ${config.PORT} (${config.HOST}) ist bereits belegt, wohl von einem anderen Programm oder einer laufenden wohnhilfe. ` +
        `Bitte es beenden oder mit der Umgebungsvariable PORT einen freien Port wählen, z. B. PORT=${config.PORT === 65535 ? 3001 : config.PORT + 1} npm start.`,
    );
  if (code === 'EACCES')
    return new Error(
      `Port ${config.PORT} darf von diesem Benutzer nicht geöffnet werden (Ports unter 1024 brauchen besondere Rechte). ` +
        `Bitte mit der Umgebungsvariable PORT einen anderen Port wählen, z. B. PORT=3000.`,
    );
  return e;
}

/** A process forked by `start`/`serve` with WEB_CONCURRENCY > 1 (its DATABASE_URL names the database). */
async function instanceCmd(config: Config, index: number): Promise<void> {
  const dbs = await openDatabases(config);
  await serveInstance(config, dbs, index === 0).catch(async (e: unknown) => {
    await dbs.close();
    throw e;
  });
}

function printLogins(url: string): void {
  say('');
  say(`wohnhilfe läuft: ${url}`);
  say(`API-Dokumentation: ${url}/api/docs`);
  say('');
  say(`Demo-Zugänge (Passwort für alle: ${DEMO_PASSWORD}):`);
  for (const l of demoLogins())
    say(`  ${l.agency.padEnd(10)} ${l.role.padEnd(21)} ${l.email}${l.totp ? '  (richtet beim ersten Anmelden TOTP ein)' : ''}`);
  say('');
}

export async function startCmd(config: Config): Promise<void> {
  const instance = forkedInstance();
  if (instance !== null) return instanceCmd(config, instance);
  await ensureWebBuild();
  const dbs = await openDatabases(config, say);
  try {
    await runMigrations(config, dbs);
    const { n } = await dbs.owner
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (config.DEMO_SEED && Number(n) === 0) await seed(dbs);
    await listen(config, dbs);
  } catch (e) {
    await dbs.close();
    throw e;
  }
  const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  printLogins(config.PUBLIC_URL ?? `http://${host}:${config.PORT}`);
}

export async function serveCmd(config: Config): Promise<void> {
  const instance = forkedInstance();
  if (instance !== null) return instanceCmd(config, instance);
  const dbs = await openDatabases(config, say);
  const pending = await pendingMigrations(dbs.owner).catch(() => pendingMigrations(dbs.app));
  if (pending.length) {
    await dbs.close();
    throw new Error(
      `Die Datenbank ist nicht migriert (${pending.length} ausstehend: ${pending.join(', ')}). Bitte zuerst "wohnhilfe migrate" ausführen.`,
    );
  }
  await listen(config, dbs).catch(async (e: unknown) => {
    await dbs.close();
    throw e;
  });
  say(`wohnhilfe läuft: ${config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`}`);
}

export const migrateCmd = (config: Config) => withDb(config, (dbs) => runMigrations(config, dbs));

export async function seedCmd(config: Config, opts: { demo?: boolean; households?: number }): Promise<void> {
  if (!opts.demo) throw new Error('Bitte --demo angeben (andere Datenquellen gibt es noch nicht).');
  if (opts.households !== undefined && (!Number.isInteger(opts.households) || opts.households < 1))
    throw new Error('--households muss eine positive ganze Zahl sein.');
  await withDb(config, async (dbs) => {
    await runMigrations(config, dbs);
    await seed(dbs, opts.households);
    say('Demodaten sind angelegt.');
  });
}

const generatedPassword = () => crypto.randomBytes(12).toString('base64url');

export async function userCreate(
  config: Config,
  o: { agency: string; email: string; name: string; role: string; password?: string; operator?: string },
): Promise<void> {
  const role = ZRole.parse(o.role);
  // An operator's user is bound to its accommodation operator (the database checks it is the agency's).
  if (role === 'operator_user' && !o.operator) throw new Error('Für Betreiber-Benutzer bitte --operator <Betreiber-ID> angeben.');
  if (role === 'provider_user' || role === 'carrier_worker')
    throw new Error('Benutzer von Wohnungsunternehmen und Trägern bitte in der Oberfläche anlegen (Zuordnung nötig).');
  const password = o.password ?? generatedPassword();
  ZPassword.parse(password);
  await withDb(config, async ({ owner }) => {
    const agency = await owner.selectFrom('agencies').select('id').where('ags', '=', o.agency).executeTakeFirst();
    if (!agency) throw new Error(`Keine Behörde mit AGS ${o.agency}.`);
    await owner
      .insertInto('users')
      .values({
        agency_id: agency.id,
        email: o.email.toLowerCase(),
        display_name: o.name,
        role,
        operator_id: role === 'operator_user' ? o.operator! : null,
        password_hash: await hashPassword(password),
      })
      .execute();
  });
  say(`Benutzer ${o.email} (${role}) angelegt.${o.password ? '' : ` Passwort: ${password}`}`);
}

export async function userResetPassword(config: Config, o: { email: string; password?: string }): Promise<void> {
  const password = o.password ?? generatedPassword();
  ZPassword.parse(password);
  await withDb(config, async ({ owner }) => {
    const u = await owner
      .updateTable('users')
      .set({ password_hash: await hashPassword(password), failed_logins: 0, locked_until: null })
      .where('email', '=', o.email.toLowerCase())
      .returning('id')
      .executeTakeFirst();
    if (!u) throw new Error(`Kein Benutzer mit E-Mail ${o.email}.`);
    await owner.deleteFrom('sessions').where('user_id', '=', u.id).execute();
  });
  say(`Passwort für ${o.email} gesetzt, alle Sitzungen beendet.${o.password ? '' : ` Neues Passwort: ${password}`}`);
}
