import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import { sendWithoutWaiting, type Tx } from '../../db/database.js';
import type { AuditEventsTable, DB } from '../../db/types.js';
import type { ZAuditQuery } from '../../../contracts/admin.js';
import type { z } from 'zod';
import { PLAN_PER_CALL, prefixPattern } from '../../db/patterns.js';

type AuditQuery = z.output<typeof ZAuditQuery>;

/** Who an event is about: agency, actor, address and purpose (taken from a request's context, or given by a job). */
export interface AuditSubject {
  agencyId: string;
  actorId: string | null;
  actorRole: string | null;
  ip: string | null;
  purpose: string | null;
}

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
  /** Set when the event was pseudonymised after its retention (see pseudonymise.ts). */
  pseudo_hash: string | null;
  pseudo_key_id: string | null;
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

    /** The last event sealed with a key (kept in a row of its own by wh_audit_seal_apply). */
    keyedHead: () => tx.selectFrom('audit_chain_heads').select(['seq', 'hash']).where('agency_id', '=', agencyId).executeTakeFirst(),

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

/** A page of the agency's events (through the agency-filtered view), newest first, with the filter's total. */
export async function auditPage(tx: Tx, q: AuditQuery) {
  const base = tx
    .selectFrom('audit_events_v as e')
    .$if(!!q.action, (b) => b.where('e.action', 'like', prefixPattern(q.action!)).modifyEnd(PLAN_PER_CALL))
    .$if(!!q.actorId, (b) => b.where('e.actor_id', '=', q.actorId!))
    .$if(!!q.entityId, (b) => b.where('e.entity_id', '=', q.entityId!))
    .$if(!!q.outcome, (b) => b.where('e.outcome', '=', q.outcome!))
    .$if(!!q.from, (b) => b.where('e.occurred_at', '>=', new Date(q.from!)))
    .$if(!!q.to, (b) => b.where('e.occurred_at', '<=', new Date(q.to!)));
  const rows = await base
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    // An event about a user (login, account change) names that user, not only the id.
    .leftJoin('users as eu', (j) => j.on('e.entity_type', '=', 'user').on(sql<string>`eu.id::text`, '=', sql.ref('e.entity_id')))
    .select([
      'eu.display_name as entity_name',
      'e.id',
      'e.seq',
      'e.occurred_at',
      'e.actor_id',
      'u.display_name',
      'e.actor_role',
      'e.action',
      'e.entity_type',
      'e.entity_id',
      'e.purpose',
      'e.outcome',
      'e.ip',
      'e.hash',
    ])
    .orderBy('e.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** The agency's user accounts (names and roles, no client data), for the auditor's actor picker. */
export function auditActors(tx: Tx, agencyId: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'active'])
    .where('agency_id', '=', agencyId)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

/** Sends one event row without waiting; it leaves with the transaction's next statement or COMMIT. */
export function sendAuditRow(tx: Tx, row: Insertable<AuditEventsTable>): void {
  sendWithoutWaiting(tx, tx.insertInto('audit_events').values(row).compile());
}

/** One event per row of the statement's `created` CTE (column `id`): the tail of a bulk writer's statement. */
export function auditInsertForCreated(who: AuditSubject, action: string, entityType: string | null, details: RawBuilder<unknown>) {
  return sql`
    INSERT INTO audit_events (agency_id, actor_id, actor_role, action, entity_type, entity_id, purpose, outcome, ip, details)
    SELECT ${who.agencyId}::uuid, ${who.actorId}::uuid, ${who.actorRole}::text, ${action}::text, ${entityType}::text, created.id::text,
      ${who.purpose}::text, 'success', ${who.ip}::text, ${details}
    FROM created`;
}

export async function insertInstallationEvent(
  db: Kysely<DB>,
  row: { action: string; outcome: string; ip: string | null; details: string },
): Promise<void> {
  await db.insertInto('installation_audit_events').values(row).execute();
}

/** The advisory lock bulk writers hold shared while they write (see holdOffSealing). */
const BULK_WRITE_LOCK = sql`hashtextextended('wohnhilfe:bulk-write', 0)`;

export async function takeBulkWriteLock(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(${BULK_WRITE_LOCK})`.execute(tx);
}

/** Whether some transaction holds the bulk-write lock (taken and released at once when not). */
export async function bulkWriteLockHeld(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ free: boolean }>`SELECT pg_try_advisory_xact_lock(${BULK_WRITE_LOCK}) AS free`.execute(db);
  return !rows[0]?.free;
}

/** The reads that count as "opening a record" (the partial index audit_actor_reads covers exactly these). */
export const RECORD_READS = ['household.read', 'offer.read', 'tenancy.read', 'incident.read', 'prevention.read', 'aftercare.read'] as const;

/** The records this actor opened last (one row per record, newest first), from its successful reads. */
export async function recentReadsOf(tx: Tx, actorId: string, limit: number) {
  const { rows } = await sql<{ entity_type: string; entity_id: string; at: Date }>`
    SELECT r.entity_type, r.entity_id, max(r.occurred_at) AS at
    FROM (SELECT e.id, e.entity_type, e.entity_id, e.occurred_at FROM audit_events_v e
          WHERE e.actor_id = ${actorId} AND e.outcome = 'success' AND e.action IN (${sql.join([...RECORD_READS])})
            AND e.entity_id IS NOT NULL
          ORDER BY e.id DESC LIMIT 200) r
    GROUP BY r.entity_type, r.entity_id
    ORDER BY max(r.id) DESC
    LIMIT ${limit}`.execute(tx);
  return rows;
}
