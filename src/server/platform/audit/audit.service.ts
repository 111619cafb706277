import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZAuditActors, ZAuditPage, ZAuditQuery } from '../../../contracts/admin.js';
import type { DB } from '../../db/types.js';
import * as access from '../access/access.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';
import type { ExportLang } from '../export/columns.js';
import { exportList } from '../export/export.js';
import type { ExportFormat } from '../export/render.js';
import { auditExport } from './audit.export.js';
import type { Keyring } from '../keys/keyring.js';
import { audit } from './audit.js';
import { auditActors, auditPage, recentReadsOf } from './audit.repository.js';
import type { Tx } from '../../db/database.js';
import { sealAudit, verifyChain } from './chain.js';

type AuditQuery = z.output<typeof ZAuditQuery>;

/**
 * Names the records events are about, as each module names them for this caller: only records the
 * caller may see (its permission and scope), keyed `type:id`. Given by the app (the modules' desk
 * contributions), so this platform part needs no module.
 */
export type RecordNamer = (
  tx: Tx,
  ctx: Ctx,
  refs: { type: string; id: string }[],
) => Promise<Map<string, { title: string; link: string | null }>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page of the audit trail as the API shows it (the auditor's list and its export). */
async function listPage(tx: Tx, ctx: Ctx, q: AuditQuery, namer?: RecordNamer): Promise<z.output<typeof ZAuditPage>> {
  const { rows, total: count } = await auditPage(tx, q);
  const refs = new Map<string, { type: string; id: string }>();
  for (const e of rows) {
    if (e.entity_type && e.entity_type !== 'user' && e.entity_id && UUID.test(e.entity_id)) {
      refs.set(`${e.entity_type}:${e.entity_id}`, { type: e.entity_type, id: e.entity_id });
    }
  }
  const names = namer && refs.size ? await namer(tx, ctx, [...refs.values()]) : new Map<string, { title: string; link: string | null }>();
  const named = (e: { entity_type: string | null; entity_id: string | null }) => names.get(`${e.entity_type}:${e.entity_id}`);
  return {
    total: count,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((e) => ({
      id: Number(e.id),
      seq: e.seq === null ? null : Number(e.seq),
      occurredAt: (e.occurred_at as Date).toISOString(),
      actorId: e.actor_id,
      actorName: e.display_name,
      actorRole: e.actor_role,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      entityName: e.entity_name ?? named(e)?.title ?? null,
      entityLink: named(e)?.link ?? null,
      purpose: e.purpose,
      outcome: e.outcome as 'success' | 'denied' | 'failure',
      ip: e.ip,
      hash: e.hash,
    })),
  };
}

/** The auditor's view of the agency's audit trail: filtered pages and the chain check; both audited. */
export function auditService(db: Kysely<DB>, keys: Keyring, namer?: RecordNamer) {
  return {
    list(ctx: Ctx, q: AuditQuery): Promise<z.output<typeof ZAuditPage>> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'audit.list');
        const page = await listPage(tx, ctx, q, namer);
        // The records named on the page are a read of their names: logged with the list.
        const shown = page.items.filter((e) => e.entityType !== 'user' && e.entityName).map((e) => `${e.entityType}:${e.entityId}`);
        audit(tx, ctx, { action: 'audit.list', details: { filter: q, ...(shown.length ? { named: [...new Set(shown)] } : {}) } });
        return page;
      });
    },

    /** The trail as a file (for the data-protection officer): the same filters without paging, cut at the export limit, audited as an export. */
    export(ctx: Ctx, q: Omit<AuditQuery, 'page' | 'pageSize'>, out: { format: ExportFormat; lang: ExportLang }) {
      return exportList(db, ctx, { def: auditExport, permission: 'audit.list', filters: q, ...out }, (tx, limit) =>
        listPage(tx, ctx, { ...q, page: 1, pageSize: limit }, namer),
      );
    },

    /** Everyone who may appear as an actor: the agency's accounts, for the filter's picker. */
    actors(ctx: Ctx): Promise<z.output<typeof ZAuditActors>> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'audit.list');
        const rows = await auditActors(tx, ctx.actor.agencyId);
        return rows.map((u) => ({ id: u.id, displayName: u.display_name, role: u.role, active: u.active }));
      });
    },

    verify(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'audit.verify');
        await sealAudit(db, keys);
        const result = await verifyChain(tx, ctx.actor.agencyId, keys);
        audit(tx, ctx, { action: 'audit.verify', details: { ...result } });
        return result;
      });
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;

/**
 * For the start page: the records the user opened last (one per record, newest first), from the
 * user's own successful reads in the audit trail. Only entity types and ids: each module names its
 * records and leaves out those the user may no longer see.
 */
export function recentlyOpened(tx: Tx, ctx: Ctx, limit: number): Promise<{ entity_type: string; entity_id: string; at: Date }[]> {
  return recentReadsOf(tx, ctx.actor.userId, limit);
}
