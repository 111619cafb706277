import type { Kysely } from 'kysely';
import type { TDocumentTemplateUpdate } from '../../../contracts/documents.js';
import type { DB } from '../../db/types.js';
import * as access from '../access/access.js';
import { audit } from '../audit/audit.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';
import { assertValidBody, renderTemplate, resetTemplate, saveTemplate, templateOf, templatesOf } from './documents.js';
import { SAMPLE_DATA } from './templates.js';

// The preview shows the agency's real name and the previewing user as author; the rest is sample data.
const PREVIEW_DATA: Record<string, unknown> = {
  ...SAMPLE_DATA,
  agency: { ...(SAMPLE_DATA.agency as object), name: undefined },
  staff: { ...(SAMPLE_DATA.staff as object), name: undefined, email: undefined },
};

/** The admin side of document templates: list, read, edit, preview, reset. */
export function documentTemplateService(db: Kysely<DB>) {
  return {
    list(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'template.list');
        const all = await templatesOf(tx, ctx.actor.agencyId);
        return { items: all.map(({ kind, title, version, customised, updatedAt }) => ({ kind, title, version, customised, updatedAt })) };
      });
    },

    get(ctx: Ctx, kind: string) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'template.list');
        return templateOf(tx, ctx.actor.agencyId, kind);
      });
    },

    update(ctx: Ctx, kind: string, input: TDocumentTemplateUpdate & { version: number }) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'template.update');
        const saved = await saveTemplate(tx, ctx.actor.agencyId, kind, input, ctx.actor.userId);
        audit(tx, ctx, { action: 'template.update', entityId: kind, details: { version: saved.version, title: saved.title } });
        return saved;
      });
    },

    reset(ctx: Ctx, kind: string, version: number | undefined) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'template.update');
        const dropped = await resetTemplate(tx, ctx.actor.agencyId, kind, version);
        if (dropped) audit(tx, ctx, { action: 'template.update', entityId: kind, details: { reset: true } });
        return templateOf(tx, ctx.actor.agencyId, kind);
      });
    },

    /** A PDF of the saved template, or of an unsaved body from the editor, filled with sample data. */
    preview(ctx: Ctx, kind: string, draft: { title?: string; body?: string }) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'template.list');
        const current = await templateOf(tx, ctx.actor.agencyId, kind);
        if (draft.body !== undefined) assertValidBody(kind, draft.body);
        const template = { kind, title: draft.title ?? current.title, body: draft.body ?? current.body };
        const pdf = await renderTemplate(tx, ctx.actor.agencyId, template, PREVIEW_DATA, ctx.actor.userId);
        return { pdf, title: template.title };
      });
    },
  };
}
export type DocumentTemplateService = ReturnType<typeof documentTemplateService>;
