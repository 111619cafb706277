import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { ZAuditPage, ZAuditQuery, ZAuditVerify } from '../../../contracts/admin.js';
import type { DB } from '../../db/types.js';
import * as access from '../access/access.js';
import { ctxOf } from '../auth/guard.js';
import { actorTx } from '../http/tx.js';
import type { Keyring } from '../keys/keyring.js';
import { audit } from './audit.js';
import { sealAudit, verifyChain } from './chain.js';

const tags = ['Audit'];

/** The auditor's view of the agency's audit trail (reads go through the agency-filtered view). */
export function auditRoutes(app: FastifyInstance, db: Kysely<DB>, keys: Keyring): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit-events',
    {
      config: { access: 'audit.list' },
      schema: {
        tags,
        summary: 'Audit-Ereignisse filtern (seitenweise, neueste zuerst)',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    (req) => {
      const ctx = ctxOf(req);
      const q = req.query;
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'audit.list');
        const base = tx
          .selectFrom('audit_events_v as e')
          .$if(!!q.action, (b) => b.where('e.action', 'like', `${q.action!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
          .$if(!!q.actorId, (b) => b.where('e.actor_id', '=', q.actorId!))
          .$if(!!q.entityId, (b) => b.where('e.entity_id', '=', q.entityId!))
          .$if(!!q.outcome, (b) => b.where('e.outcome', '=', q.outcome!))
          .$if(!!q.from, (b) => b.where('e.occurred_at', '>=', new Date(q.from!)))
          .$if(!!q.to, (b) => b.where('e.occurred_at', '<=', new Date(q.to!)));
        const rows = await base
          .leftJoin('users as u', 'u.id', 'e.actor_id')
          .select([
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
        audit(tx, ctx, { action: 'audit.list', details: { filter: q } });
        return {
          total: Number(total.n),
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
            purpose: e.purpose,
            outcome: e.outcome as 'success' | 'denied' | 'failure',
            ip: e.ip,
            hash: e.hash,
          })),
        };
      });
    },
  );

  r.get(
    '/api/v1/audit-events/verify',
    {
      config: { access: 'audit.verify' },
      schema: { tags, summary: 'Hash-Kette der Behörde prüfen', response: { 200: ZAuditVerify } },
    },
    (req) => {
      const ctx = ctxOf(req);
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'audit.verify');
        await sealAudit(db, keys);
        const result = await verifyChain(tx, ctx.actor.agencyId, keys);
        audit(tx, ctx, { action: 'audit.verify', details: { ...result } });
        return result;
      });
    },
  );
}
