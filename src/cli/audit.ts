import fs from 'node:fs';
import type { Config } from '../server/config.js';
import { inAgency } from '../server/db/database.js';
import { sealAudit, verifyChain } from '../server/platform/audit/chain.js';
import { allCheckpoints, parseJsonl, toJsonl, writeCheckpoints, type Checkpoint } from '../server/platform/audit/checkpoints.js';
import { loadKeyring, rotateKeyFile } from '../server/platform/keys/keyring.js';
import { withDb } from './commands.js';

const say = (m: string) => console.log(m);

/** Exit code of `audit verify` when a chain or a checkpoint does not hold. */
export const EXIT_BROKEN = 2;

/**
 * Seals what is pending, then verifies every agency's chain and checkpoints — the stored ones and,
 * with `checkpointsFile`, an earlier export. Returns the process's exit code: 0, or 2 when anything
 * is broken.
 */
export async function auditVerify(config: Config, opts: { checkpointsFile?: string } = {}): Promise<number> {
  const keys = loadKeyring(config, say);
  const external: Checkpoint[] = opts.checkpointsFile
    ? parseJsonl(fs.readFileSync(opts.checkpointsFile, 'utf8'), opts.checkpointsFile)
    : [];
  return withDb(config, async ({ owner }) => {
    await sealAudit(owner, keys);
    const agencies = await owner.selectFrom('agencies').select(['id', 'name']).orderBy('name').execute();
    let broken = false;
    for (const a of agencies) {
      const r = await inAgency(owner, a.id, (tx) => verifyChain(tx, a.id, keys, external), { isolation: 'repeatable read' });
      const cps = r.checkpoints ? `, ${r.checkpoints} Prüfpunkte` : '';
      if (r.ok) say(`OK      ${a.name}: ${r.checked} Ereignisse${cps}, Kette intakt.`);
      else {
        broken = true;
        if (r.brokenAt !== null) say(`FEHLER  ${a.name}: Kette gebrochen bei Ereignis Nr. ${r.brokenAt} (nach ${r.checked} intakten).`);
        if (r.checkpointBrokenAt !== null)
          say(
            `FEHLER  ${a.name}: Prüfpunkt bei Ereignis Nr. ${r.checkpointBrokenAt} passt nicht zur Kette (Signatur, Hash oder fehlendes Ereignis).`,
          );
      }
    }
    const unknown = [...new Set(external.map((c) => c.agencyId))].filter((id) => !agencies.some((a) => a.id === id));
    for (const id of unknown) {
      broken = true;
      say(`FEHLER  Behörde ${id} aus ${opts.checkpointsFile} fehlt in der Datenbank.`);
    }
    return broken ? EXIT_BROKEN : 0;
  });
}

/** Seals, writes a fresh checkpoint where the chain grew, and writes every checkpoint to `file` (JSON Lines). */
export async function auditCheckpointsExport(config: Config, file: string): Promise<void> {
  const keys = loadKeyring(config, say);
  const cps = await withDb(config, async ({ owner }) => {
    await sealAudit(owner, keys);
    await writeCheckpoints(owner, keys);
    return allCheckpoints(owner);
  });
  fs.writeFileSync(file, toJsonl(cps));
  say(`${cps.length} Prüfpunkte nach ${file} geschrieben. Bitte außerhalb des Servers aufbewahren.`);
}

/** A new current key in the key file; the old ones stay and keep verifying what they sealed. */
export function keysRotate(config: Config): void {
  const id = rotateKeyFile(config);
  say(`Neuer aktueller Schlüssel: ${id} (in ${config.keyFile}). Bitte alle Instanzen neu starten.`);
}
