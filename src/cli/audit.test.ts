import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createAgency, TEST_AUDIT_KEY, testDbs, testKeys } from '../../test/helpers.js';
import { inAgency } from '../server/db/database.js';
import { recordAudit } from '../server/platform/audit/audit.js';
import { sealAudit } from '../server/platform/audit/chain.js';

/** Runs the real `wohnhilfe` command against the test database; resolves with its exit code and output. */
function wohnhilfe(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['bin/wohnhilfe.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: inject('ownerUrl'), AUDIT_KEY: TEST_AUDIT_KEY, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

async function events(agencyId: string, n: number) {
  for (let i = 0; i < n; i++)
    await inAgency(testDbs().app, agencyId, async (tx) =>
      recordAudit(tx, { agencyId, actorId: null, actorRole: 'lead', purpose: null, ip: null }, { action: 'household.list' }),
    );
}

describe('wohnhilfe audit', () => {
  it('exports signed checkpoints, and verify exits 2 on a broken chain or a checkpoint the database no longer matches', async () => {
    const { owner } = testDbs();
    const intact = await createAgency();
    const cut = await createAgency();
    await events(intact.id, 3);
    await events(cut.id, 3);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wohnhilfe-cp-')), 'checkpoints.jsonl');

    const exported = await wohnhilfe(['audit', 'checkpoints', '--export', file]);
    expect(exported.out).toMatch(/Prüfpunkte nach .*checkpoints\.jsonl geschrieben/);
    expect(exported.code).toBe(0);
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { agencyId: string; seq: number });
    expect(lines).toContainEqual(expect.objectContaining({ agencyId: cut.id, seq: 3 }));

    // The owner removes the last event of one agency and its stored checkpoints.
    await owner.deleteFrom('audit_events').where('agency_id', '=', cut.id).where('seq', '=', 3).execute();
    await owner.deleteFrom('audit_checkpoints').where('agency_id', '=', cut.id).execute();
    const verified = await wohnhilfe(['audit', 'verify', '--checkpoints', file]);
    expect(verified.out).toMatch(new RegExp(`OK +${intact.name}: 3 Ereignisse`));
    expect(verified.out).toMatch(new RegExp(`FEHLER +${cut.name}: Prüfpunkt bei Ereignis Nr\\. 3 passt nicht`));
    expect(verified.code).toBe(2);

    // A rewritten event: the chain itself breaks, and the command says so with exit code 2 (it used to end with 0).
    await sealAudit(owner, testKeys());
    await owner.updateTable('audit_events').set({ actor_role: 'admin' }).where('agency_id', '=', intact.id).where('seq', '=', 2).execute();
    const broken = await wohnhilfe(['audit', 'verify']);
    expect(broken.out).toMatch(new RegExp(`FEHLER +${intact.name}: Kette gebrochen bei Ereignis Nr\\. 2`));
    expect(broken.code).toBe(2);
  }, 120_000);
});
