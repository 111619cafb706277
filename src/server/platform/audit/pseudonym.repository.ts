import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/** A sealed event due for pseudonymisation: the fields that name someone. */
export interface PseudonymDue {
  id: number;
  seq: number;
  actor_id: string | null;
  entity_id: string | null;
  details: unknown;
  occurred_at: Date;
}

/** Pseudonymisation of the transaction's agency's old audit events (SECURITY DEFINER functions; migration 2026-12-10T15-00). */
export function auditPseudonymRepository(tx: Tx) {
  return {
    /** Sealed, not yet pseudonymised events: `reads` before `readsBefore`, all others before `othersBefore`; oldest first. */
    async due(reads: readonly string[], readsBefore: Date, othersBefore: Date, limit: number): Promise<PseudonymDue[]> {
      const { rows } = await sql<PseudonymDue>`
        SELECT * FROM wh_audit_pseudonym_due(${[...reads]}::text[], ${readsBefore}::timestamptz, ${othersBefore}::timestamptz, ${limit})`.execute(
        tx,
      );
      return rows;
    },

    /** Writes the pseudonyms; answers each event's number, original link hash and new canonical text. */
    async apply(ids: number[], actors: (string | null)[], entities: (string | null)[], details: (string | null)[]) {
      const { rows } = await sql<{ id: number; seq: number; hash: string; canonical: string }>`
        SELECT * FROM wh_audit_pseudonymise(${ids}::bigint[], ${actors}::uuid[], ${entities}::text[], ${details}::jsonb[])`.execute(tx);
      return rows;
    },

    async seal(ids: number[], hashes: string[], keyId: string): Promise<number> {
      const { rows } = await sql<{ n: number }>`SELECT wh_audit_pseudo_seal(${ids}::bigint[], ${hashes}::text[], ${keyId}) AS n`.execute(
        tx,
      );
      return rows[0]?.n ?? 0;
    },
  };
}
