import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZOutboxAttachmentParams,
  ZOutboxDetail,
  ZOutboxPage,
  ZOutboxQuery,
  type TOutboxDetail,
  type TOutboxMail,
  type TOutboxPage,
} from '../../../contracts/notify.js';
import type { DB, MailAttachment } from '../../db/types.js';
import * as access from '../access/access.js';
import { AccessDenied } from '../errors/app-error.js';
import { audit } from '../audit/audit.js';
import { ctxOf } from '../auth/guard.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';

const LIST_COLUMNS = [
  'id',
  'to_addresses',
  'subject',
  'kind',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'sent_at',
  'next_attempt_at',
] as const;
type ListRow = {
  id: string;
  to_addresses: string[];
  subject: string;
  kind: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | string | null;
  next_attempt_at: Date;
};

const present = (m: ListRow): TOutboxMail => ({
  id: m.id,
  recipients: m.to_addresses,
  subject: m.subject,
  kind: m.kind,
  status: m.status as TOutboxMail['status'],
  attempts: m.attempts,
  lastError: m.last_error,
  createdAt: m.created_at.toISOString(),
  sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
  nextAttemptAt: m.status === 'pending' ? m.next_attempt_at.toISOString() : null,
});

const sizeOf = (a: MailAttachment) =>
  Math.floor((a.content.length * 3) / 4) - (a.content.endsWith('==') ? 2 : a.content.endsWith('=') ? 1 : 0);

/** The administrator's view of the mail outbox; every read of a mail is audited. */
export function outboxService(db: Kysely<DB>, { captureMode }: { captureMode: boolean }) {
  async function load(ctx: Ctx, tx: Kysely<DB>, id: string) {
    access.require(ctx.actor, 'outbox.read', { type: 'outbox_mail', id });
    const row = await tx.selectFrom('outbox_mails').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AccessDenied('outbox.read', { type: 'outbox_mail', id });
    return row;
  }

  return {
    list(ctx: Ctx, q: z.output<typeof ZOutboxQuery>): Promise<TOutboxPage> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'outbox.list');
        const base = tx.selectFrom('outbox_mails').$if(!!q.status, (b) => b.where('status', '=', q.status!));
        const [rows, total] = await Promise.all([
          base
            .select(LIST_COLUMNS)
            .orderBy('created_at', 'desc')
            .orderBy('id')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
          base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ]);
        audit(tx, ctx, { action: 'outbox.list', details: { status: q.status ?? null, page: q.page, results: rows.length } });
        return { captureMode, total: Number(total.n), page: q.page, pageSize: q.pageSize, items: rows.map(present) };
      });
    },

    get(ctx: Ctx, id: string): Promise<TOutboxDetail> {
      return actorTx(db, ctx, async (tx) => {
        const m = await load(ctx, tx, id);
        audit(tx, ctx, { action: 'outbox.read', entityId: id });
        return {
          ...present(m),
          captureMode,
          text: m.text_body,
          messageId: m.message_id,
          attachments: m.attachments.map((a, index) => ({
            index,
            filename: a.filename,
            contentType: a.contentType,
            sizeBytes: sizeOf(a),
            calendarMethod: a.method ?? null,
          })),
        };
      });
    },

    attachment(ctx: Ctx, id: string, index: number): Promise<{ filename: string; contentType: string; content: Buffer }> {
      return actorTx(db, ctx, async (tx) => {
        const m = await load(ctx, tx, id);
        const a = m.attachments[index];
        if (!a) throw new AccessDenied('outbox.read', { type: 'outbox_mail', id });
        audit(tx, ctx, { action: 'outbox.read', entityId: id, details: { attachment: index, filename: a.filename } });
        return { filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') };
      });
    },
  };
}
export type OutboxService = ReturnType<typeof outboxService>;

const tags = ['Postausgang'];

/** RFC 6266 filename: ASCII fallback plus the UTF-8 name. */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function outboxRoutes(app: FastifyInstance, svc: OutboxService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/outbox',
    {
      config: { access: 'outbox.list' },
      schema: {
        tags,
        summary: 'Postausgang: E-Mails mit Zustellstatus, neueste zuerst',
        querystring: ZOutboxQuery,
        response: { 200: ZOutboxPage },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/outbox/:id',
    {
      config: { access: 'outbox.read' },
      schema: { tags, summary: 'Eine E-Mail mit Text und Anhängen', params: ZIdParams, response: { 200: ZOutboxDetail } },
    },
    (req) => svc.get(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/v1/outbox/:id/attachments/:index',
    {
      config: { access: 'outbox.read' },
      schema: { tags, summary: 'Anhang einer E-Mail herunterladen', params: ZOutboxAttachmentParams },
    },
    async (req, reply) => {
      const a = await svc.attachment(ctxOf(req), req.params.id, req.params.index);
      const type = /^[\w.+-]+\/[\w.+-]+(; *[\w-]+=[\w.-]+)*$/.test(a.contentType) ? a.contentType : 'application/octet-stream';
      return reply.header('Content-Type', type).header('Content-Disposition', disposition(a.filename)).send(a.content);
    },
  );
}
