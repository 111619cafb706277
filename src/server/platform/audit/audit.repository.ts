import { sql, type Kysely } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

/** Where sealing and checkpointing have work: per agency, ids and numbers only (no event data). */
export interface AuditAgencyState {
  agency_id: string;
  unsealed: boolean;
  head_seq: number | null;
  checkpoint_seq: number | null;
  checkpoint_at: Date | null;
}

/** Across agencies, before any agency is chosen (a SECURITY DEFINER function; see the audit_key migration). */
export async function auditAgencies(db: Kysely<DB>): Promise<AuditAgencyState[]> {
  const { rows } = await sql<AuditAgencyState>`SELECT * FROM wh_audit_agencies()`.execute(db);
  return rows;
}

export interface ChainLink {
  seq: number;
  prev_hash: string;
  hash: string;
  key_id: string;
  /** The event's canonical text (wh_audit_text). */
  canonical: string;
}

export interface CheckpointRow {
  agency_id: string;
  seq: number;
  head_hash: string;
  created_at: Date;
  key_id: string;
  signature: string;
}

/** The chain of the transaction's agency (read through the agency-filtered view). */
export function auditChainRepository(tx: Tx, agencyId: string) {
  return {
    /** Serialises sealers of one agency; false when another one is at it (the lock ends with the transaction). */
    async tryLockChain(): Promise<boolean> {
      const { rows } = await sql<{
        ok: boolean;
      }>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`wohnhilfe:audit-seal:${agencyId}`}, 0)) AS ok`.execute(tx);
      return rows[0]?.ok === true;
    },

    /** The last event sealed with a key. */
    keyedHead: () =>
      tx
        .selectFrom('audit_events_v')
        .select(['seq', 'hash'])
        .where('key_id', 'is not', null)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** Events not sealed with a key, in chain order (events sealed before keying first, by number), with their canonical text. */
    async unsealed(limit: number): Promise<{ id: number; canonical: string }[]> {
      const { rows } = await sql<{ id: number; canonical: string }>`SELECT * FROM wh_audit_unsealed(${limit})`.execute(tx);
      return rows;
    },

    /** Writes computed links (the function refuses anything but the continuation of the keyed chain). */
    async applySeal(ids: number[], seqs: number[], prevs: string[], hashes: string[], keyId: string): Promise<number> {
      const { rows } = await sql<{ n: number }>`
        SELECT wh_audit_seal_apply(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[], ${keyId}) AS n`.execute(tx);
      return rows[0]?.n ?? 0;
    },

    async pendingCount(): Promise<number> {
      const row = await tx
        .selectFrom('audit_events_v')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key_id', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Sealed events from `fromSeq` on, in order, with their canonical text. */
    async links(fromSeq: number, limit: number): Promise<ChainLink[]> {
      const { rows } = await sql<ChainLink>`SELECT * FROM wh_audit_links(${fromSeq}, ${limit})`.execute(tx);
      return rows;
    },

    insertCheckpoint: (cp: CheckpointRow) =>
      tx
        .insertInto('audit_checkpoints')
        .values(cp)
        .onConflict((oc) => oc.columns(['agency_id', 'seq']).doNothing())
        .execute(),

    checkpoints: (): Promise<CheckpointRow[]> =>
      tx
        .selectFrom('audit_checkpoints')
        .select(['agency_id', 'seq', 'head_hash', 'created_at', 'key_id', 'signature'])
        .where('agency_id', '=', agencyId)
        .orderBy('seq')
        .execute(),
  };
}
