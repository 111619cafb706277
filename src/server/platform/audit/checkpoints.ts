import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { Keyring } from '../keys/keyring.js';
import { auditAgencies, auditChainRepository } from './audit.repository.js';

/**
 * A signed checkpoint: at `createdAt`, the agency's chain ended at `seq` with `headHash`. Signed
 * with the checkpoint key (outside the database). Exported as one JSON object per line; kept
 * elsewhere, an export shows later whether the database still holds the same chain — a rewrite,
 * a re-seal or a cut-off end changes the hash at that number or removes it.
 */
export const ZCheckpoint = z.object({
  agencyId: z.uuid(),
  seq: z.number().int().min(1),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.iso.datetime(),
  keyId: z.string().min(1),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Checkpoint = z.infer<typeof ZCheckpoint>;

const signedText = (c: Omit<Checkpoint, 'signature'>) =>
  ['wohnhilfe audit checkpoint v1', c.agencyId, c.seq, c.headHash, c.createdAt, c.keyId].join('|');

function signature(keys: Keyring, c: Omit<Checkpoint, 'signature'>): string {
  return crypto.createHmac('sha256', keys.keyFor('audit-checkpoint', c.keyId)).update(signedText(c)).digest('hex');
}

export function signCheckpoint(keys: Keyring, c: Omit<Checkpoint, 'signature' | 'keyId'>): Checkpoint {
  const unsigned = { ...c, keyId: keys.currentId };
  return { ...unsigned, signature: signature(keys, unsigned) };
}

export function signatureValid(keys: Keyring, c: Checkpoint): boolean {
  if (!keys.has(c.keyId)) return false;
  return crypto.timingSafeEqual(Buffer.from(signature(keys, c), 'hex'), Buffer.from(c.signature, 'hex'));
}

/** The lowest number whose checkpoint is unsigned, forged, or does not match `hashAt` (the verified chain's hashes); null when all match. */
export function checkCheckpoints(keys: Keyring, checkpoints: Checkpoint[], hashAt: Map<number, string>): number | null {
  let first: number | null = null;
  for (const c of checkpoints) {
    const good = /^[0-9a-f]{64}$/.test(c.signature) && signatureValid(keys, c) && hashAt.get(c.seq) === c.headHash;
    if (!good && (first === null || c.seq < first)) first = c.seq;
  }
  return first;
}

/**
 * Writes a signed checkpoint for every agency whose keyed chain grew since its last checkpoint
 * and whose last checkpoint is at least `minIntervalMs` old; returns how many were written.
 */
export async function writeCheckpoints(db: Kysely<DB>, keys: Keyring, minIntervalMs = 0): Promise<number> {
  const now = Date.now();
  let written = 0;
  for (const a of await auditAgencies(db)) {
    if (a.head_seq === null || Number(a.head_seq) <= Number(a.checkpoint_seq ?? 0)) continue;
    if (a.checkpoint_at && now - a.checkpoint_at.getTime() < minIntervalMs) continue;
    await inAgency(db, a.agency_id, async (tx) => {
      const repo = auditChainRepository(tx, a.agency_id);
      const head = await repo.keyedHead();
      if (!head?.seq || !head.hash) return;
      const c = signCheckpoint(keys, {
        agencyId: a.agency_id,
        seq: Number(head.seq),
        headHash: head.hash,
        createdAt: new Date().toISOString(),
      });
      await repo.insertCheckpoint({
        agency_id: c.agencyId,
        seq: c.seq,
        head_hash: c.headHash,
        created_at: new Date(c.createdAt),
        key_id: c.keyId,
        signature: c.signature,
      });
      written += 1;
    });
  }
  return written;
}

/** Every agency's stored checkpoints, oldest first per agency. */
export async function allCheckpoints(db: Kysely<DB>): Promise<Checkpoint[]> {
  const out: Checkpoint[] = [];
  for (const a of await auditAgencies(db)) {
    const rows = await inAgency(db, a.agency_id, (tx) => auditChainRepository(tx, a.agency_id).checkpoints());
    for (const c of rows)
      out.push({
        agencyId: c.agency_id,
        seq: Number(c.seq),
        headHash: c.head_hash,
        createdAt: c.created_at.toISOString(),
        keyId: c.key_id,
        signature: c.signature,
      });
  }
  return out;
}

export const toJsonl = (cps: Checkpoint[]) => cps.map((c) => JSON.stringify(c)).join('\n') + (cps.length ? '\n' : '');

/** Reads an export (one checkpoint per line); a malformed line is an error naming its number. */
export function parseJsonl(text: string, source: string): Checkpoint[] {
  const out: Checkpoint[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${source}, Zeile ${i + 1}: kein JSON.`);
    }
    const parsed = ZCheckpoint.safeParse(value);
    if (!parsed.success) throw new Error(`${source}, Zeile ${i + 1}: kein Prüfpunkt (${parsed.error.issues[0]?.path.join('.')}).`);
    out.push(parsed.data);
  });
  return out;
}
