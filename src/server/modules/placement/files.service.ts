import type { Kysely } from 'kysely';
import { FILENAME_TOO_LONG, MAX_FILENAME_LENGTH } from '../../../contracts/plausible.js';
import type { DB } from '../../db/types.js';
import { audit } from '../../platform/audit/audit.js';
import { loadDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { offerStep, visibleOffer } from './offers.service.js';
import { placementRepository } from './placement.repository.js';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_OFFER = 20;

/** Photos and plans of an offer and its generated documents. (Tenancies are read in sustainment.) */
export function filesService(db: Kysely<DB>) {
  return {
    /** Checks before an upload is read: the actor may attach to this offer now. */
    canAttach: (ctx: Ctx, offerId: string) =>
      actorTx(db, ctx, async (tx) => {
        const o = await visibleOffer(placementRepository(tx, ctx.actor.agencyId), ctx, offerId, 'offer.attach');
        offerStep(ctx, o, 'attach');
      }),

    addAttachment: (ctx: Ctx, offerId: string, file: { filename: string; contentType: string; content: Buffer }) =>
      actorTx(db, ctx, async (tx) => {
        const repo = placementRepository(tx, ctx.actor.agencyId);
        const o = await visibleOffer(repo, ctx, offerId, 'offer.attach', true);
        offerStep(ctx, o, 'attach');
        const errors = [];
        if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.contentType))
          errors.push({ field: 'file', code: 'invalid_type', message: 'Nur Fotos (JPEG, PNG, WebP) oder PDF.' });
        if (file.content.length === 0) errors.push({ field: 'file', code: 'too_small', message: 'Die Datei ist leer.' });
        if (file.filename.length > MAX_FILENAME_LENGTH) errors.push({ ...FILENAME_TOO_LONG });
        if ((await repo.attachments(offerId)).length >= ATTACHMENTS_PER_OFFER)
          errors.push({ field: 'file', code: 'too_big', message: `Höchstens ${ATTACHMENTS_PER_OFFER} Anhänge je Angebot.` });
        if (errors.length) throw new AppError('validation_failed', undefined, { errors });
        const a = await repo.addAttachment(offerId, { ...file, filename: file.filename.replace(/[\\/\r\n"]/g, '_') }, ctx.actor.userId);
        await repo.addEvent(offerId, ctx.actor.userId, 'attachment_added', { filename: a.filename }, { providerVisible: true });
        audit(tx, ctx, { action: 'offer.attachment', entityId: offerId, details: { added: a.id } });
        return {
          id: a.id,
          filename: a.filename,
          contentType: a.content_type,
          sizeBytes: a.size_bytes,
          createdAt: a.created_at.toISOString(),
        };
      }),

    attachment: (ctx: Ctx, offerId: string, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const repo = placementRepository(tx, ctx.actor.agencyId);
        await visibleOffer(repo, ctx, offerId, 'offer.read');
        const a = await repo.attachment(offerId, id);
        if (!a) throw new AccessDenied('offer.read', { type: 'offer', id: offerId });
        return { filename: a.filename, contentType: a.content_type, content: a.content };
      }),

    removeAttachment: (ctx: Ctx, offerId: string, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const repo = placementRepository(tx, ctx.actor.agencyId);
        const o = await visibleOffer(repo, ctx, offerId, 'offer.attach', true);
        offerStep(ctx, o, 'attach');
        const a = await repo.attachment(offerId, id);
        if (!a) return; // already gone: deleting is idempotent
        await repo.deleteAttachment(offerId, id);
        await repo.addEvent(offerId, ctx.actor.userId, 'attachment_removed', { filename: a.filename }, { providerVisible: true });
        audit(tx, ctx, { action: 'offer.attachment', entityId: offerId, details: { removed: id } });
      }),

    /** A generated document of the offer (guarantee contract, allocation notice). */
    document: (ctx: Ctx, offerId: string, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const repo = placementRepository(tx, ctx.actor.agencyId);
        await visibleOffer(repo, ctx, offerId, 'offer.read');
        const doc = await loadDocument(tx, id);
        if (!doc || doc.ownerId !== offerId) throw new AccessDenied('offer.read', { type: 'offer', id: offerId });
        audit(tx, ctx, { action: 'offer.document', entityId: offerId, details: { document: id, kind: doc.kind } });
        return doc;
      }),
  };
}
