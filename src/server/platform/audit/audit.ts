import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import type { Ctx } from '../http/context.js';

/**
 * Every kind of audit event and the entity it is about. An event is one of these, nothing else:
 * adding a kind is adding a line here.
 */
export const AUDIT_KINDS = {
  'auth.login': 'user',
  'auth.logout': 'user',
  'auth.totp_enrolled': 'user',
  'access.denied': null,
  'household.list': null,
  'household.read': 'household',
  'household.create': 'household',
  'household.update': 'household',
  'household.access_log': 'household',
  'journal.list': 'household',
  'journal.create': 'household',
  'user.list': null,
  'user.create': 'user',
  'user.update': 'user',
  'user.password_reset': 'user',
  'user.sessions_ended': 'user',
  'agency.read': 'agency',
  'agency.settings_update': 'agency',
  'provider.create': 'housing_provider',
  'provider.update': 'housing_provider',
  'carrier.create': 'carrier',
  'carrier.update': 'carrier',
  'audit.list': null,
  'audit.verify': null,
} as const;

export type AuditAction = keyof typeof AUDIT_KINDS;
export type AuditOutcome = 'success' | 'denied' | 'failure';

export type AuditEvent = {
  [A in AuditAction]: {
    action: A;
    entityId?: (typeof AUDIT_KINDS)[A] extends null ? string | null : string;
    outcome?: AuditOutcome;
    details?: Record<string, unknown>;
  };
}[AuditAction];

export interface AuditSubject {
  agencyId: string;
  actorId: string | null;
  actorRole: string | null;
  ip: string | null;
  purpose: string | null;
}

export const subjectOf = (ctx: Ctx): AuditSubject => ({
  agencyId: ctx.actor.agencyId,
  actorId: ctx.actor.userId,
  actorRole: ctx.actor.role,
  ip: ctx.ip,
  purpose: ctx.purpose,
});

/**
 * Appends an event in the caller's transaction (so it commits or rolls back with the change).
 * The database trigger numbers it and links it to the agency's previous event by hash.
 */
export async function recordAudit(tx: Tx | Kysely<DB>, who: AuditSubject, ev: AuditEvent & { entityType?: string }): Promise<void> {
  await tx
    .insertInto('audit_events')
    .values({
      agency_id: who.agencyId,
      actor_id: who.actorId,
      actor_role: who.actorRole,
      action: ev.action,
      entity_type: ev.entityType ?? AUDIT_KINDS[ev.action] ?? null,
      entity_id: ev.entityId ?? null,
      purpose: who.purpose,
      outcome: ev.outcome ?? 'success',
      ip: who.ip,
      details: ev.details ? JSON.stringify(ev.details) : null,
    })
    .execute();
}

export const audit = (tx: Tx, ctx: Ctx, ev: AuditEvent) => recordAudit(tx, subjectOf(ctx), ev);

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

/**
 * Walks one agency's chain in order: each event's hash must be its own recomputed hash, and its
 * prev_hash the hash of the event before. Reports the first broken link.
 */
export async function verifyChain(db: Kysely<DB> | Tx, agencyId: string, table: 'audit_events' | 'audit_events_v' = 'audit_events'): Promise<VerifyResult> {
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  let after = 0;
  const batch = 5000;
  for (;;) {
    const rows = await sql<{ seq: number; prev_hash: string; hash: string; recomputed: string }>`
      SELECT e.seq, e.prev_hash, e.hash, wh_audit_hash(ROW(e.*)::audit_events) AS recomputed
      FROM ${sql.table(table)} e WHERE e.agency_id = ${agencyId} AND e.seq > ${after}
      ORDER BY e.seq LIMIT ${batch}`.execute(db);
    for (const r of rows.rows) {
      if (r.seq !== expectedSeq || r.prev_hash !== prev || r.hash !== r.recomputed) {
        return { ok: false, checked, brokenAt: r.seq };
      }
      prev = r.hash;
      expectedSeq += 1;
      checked += 1;
      after = r.seq;
    }
    if (rows.rows.length < batch) return { ok: true, checked, brokenAt: null };
  }
}
