import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { inAgency, type Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { Keyring } from '../keys/keyring.js';
import { auditAgencies, auditChainRepository } from './audit.repository.js';
import { checkCheckpoints, type Checkpoint } from './checkpoints.js';

/** The predecessor of an agency's first event. */
export const GENESIS = '0'.repeat(64);

/**
 * The one link rule: HMAC-SHA256, under the audit key `keyId`, of the predecessor's hash, the
 * event's number, the key id and the event's canonical text (wh_audit_text in SQL, the one
 * definition of that text). Without the key nobody can compute a valid link, the database owner
 * included.
 */
export function linkHash(keys: Keyring, keyId: string, prev: string, seq: number, text: string): string {
  return crypto.createHmac('sha256', keys.keyFor('audit-chain', keyId)).update(`${prev}|${seq}|${keyId}|${text}`).digest('hex');
}

/**
 * The second link rule, for an event pseudonymised after its retention (pseudonymise.ts):
 * HMAC-SHA256 of the event's kept link hash, its number, the key id and its pseudonymised
 * canonical text.
 */
export function pseudoLinkHash(keys: Keyring, keyId: string, hash: string, seq: number, text: string): string {
  return crypto
    .createHmac('sha256', keys.keyFor('audit-chain', keyId))
    .update(`pseudonymised|${hash}|${seq}|${keyId}|${text}`)
    .digest('hex');
}

/** Events per round trip while sealing; the links go back as array bind parameters. */
const SEAL_BATCH = 20_000;

/**
 * Numbers and links every event not yet sealed with the key, agency by agency (each in its own
 * transaction, serialised per agency by an advisory lock); returns how many were sealed. The HMACs
 * are computed here, so the key never reaches the database.
 */
export async function sealAudit(db: Kysely<DB>, keys: Keyring): Promise<number> {
  let sealed = 0;
  for (const a of await auditAgencies(db)) {
    if (a.unsealed) sealed += await sealAgency(db, keys, a.agency_id);
  }
  return sealed;
}

async function sealAgency(db: Kysely<DB>, keys: Keyring, agencyId: string): Promise<number> {
  return inAgency(db, agencyId, async (tx) => {
    const repo = auditChainRepository(tx, agencyId);
    if (!(await repo.tryLockChain())) return 0;
    const head = await repo.keyedHead();
    let seq = Number(head?.seq ?? 0);
    let prev = head?.hash ?? GENESIS;
    const keyId = keys.currentId;
    let sealed = 0;
    for (;;) {
      const rows = await repo.unsealed(SEAL_BATCH);
      if (!rows.length) break;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        seq += 1;
        const hash = linkHash(keys, keyId, prev, seq, r.canonical);
        ids.push(Number(r.id));
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      sealed += await repo.applySeal(ids, seqs, prevs, hashes, keyId);
      if (rows.length < SEAL_BATCH) break;
    }
    return sealed;
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  /** Events appended but not yet sealed into the chain (sealed within a second by the `audit.seal` job, or after a bulk write). */
  pending: number;
  /** Signed checkpoints compared with the chain (the database's and any given from an export). */
  checkpoints: number;
  /** The first checkpoint that does not match (bad signature, other head hash, or a chain now shorter), or null. */
  checkpointBrokenAt: number | null;
}

/**
 * Walks the transaction's agency's sealed chain in order: numbers without gaps, each prev_hash the
 * hash before, each hash the HMAC recomputed with the key it names (an unknown key id breaks the
 * chain); a pseudonymised event instead carries a second HMAC over its kept link hash and its
 * pseudonymised text (pseudoLinkHash), so it can neither be altered nor its link hash replaced.
 * Then every checkpoint — stored ones and `external` ones (from an export) — must carry a
 * valid signature and match the chain's hash at its number.
 */
export async function verifyChain(tx: Tx, agencyId: string, keys: Keyring, external: Checkpoint[] = []): Promise<VerifyResult> {
  const repo = auditChainRepository(tx, agencyId);
  const pending = await repo.pendingCount();
  const stored: Checkpoint[] = (await repo.checkpoints()).map((c) => ({
    agencyId: c.agency_id,
    seq: Number(c.seq),
    headHash: c.head_hash,
    createdAt: c.created_at.toISOString(),
    keyId: c.key_id,
    signature: c.signature,
  }));
  const checkpoints = [...stored, ...external.filter((c) => c.agencyId === agencyId)];
  const wanted = new Set(checkpoints.map((c) => c.seq));
  const hashAt = new Map<number, string>();
  let prev = GENESIS;
  let expected = 1;
  let brokenAt: number | null = null;
  const batch = 5000;
  walk: for (;;) {
    const rows = await repo.links(expected, batch);
    for (const r of rows) {
      const seq = Number(r.seq);
      const intact = () =>
        r.pseudo_hash
          ? !!r.pseudo_key_id &&
            keys.has(r.pseudo_key_id) &&
            r.pseudo_hash === pseudoLinkHash(keys, r.pseudo_key_id, r.hash, seq, r.canonical)
          : r.hash === linkHash(keys, r.key_id, prev, seq, r.canonical);
      if (seq !== expected || r.prev_hash !== prev || !keys.has(r.key_id) || !intact()) {
        brokenAt = expected;
        break walk;
      }
      if (wanted.has(seq)) hashAt.set(seq, r.hash);
      prev = r.hash;
      expected += 1;
    }
    if (rows.length < batch) break;
  }
  const checkpointBrokenAt = checkCheckpoints(keys, checkpoints, hashAt);
  return {
    ok: brokenAt === null && checkpointBrokenAt === null,
    checked: expected - 1,
    brokenAt,
    pending,
    checkpoints: checkpoints.length,
    checkpointBrokenAt,
  };
}
