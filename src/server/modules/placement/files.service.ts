import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { loadDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { candidateRepository } from './candidates.repository.js';
import { offerStep, visibleOffer } from './offers.service.js';
import { placementRepository } from './placement.repository.js';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_OFFER = 20;

/** Photos and plans of an offer, generated documents, and the tenancies placement creates. */
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
        if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.contentType)) errors.push({ field: 'file', code: 'invalid_type', message: 'Nur Fotos (JPEG, PNG, WebP) oder PDF.' });
        if (file.content.length === 0) errors.push({ field: 'file', code: 'too_small', message: 'Die Datei ist leer.' });
        if ((await repo.attachments(offerId)).length >= ATTACHMENTS_PER_OFFER) errors.push({ field: 'file', code: 'too_big', message: `Höchstens ${ATTACHMENTS_PER_OFFER} Anhänge je Angebot.` });
        if (errors.length) throw new AppError('validation_failed', undefined, { errors });
        const a = await repo.addAttachment(offerId, { ...file, filename: file.filename.replace(/[\\/\r\n"]/g, '_').slice(0, 200) }, ctx.actor.userId);
        await repo.addEvent(offerId, ctx.actor.userId, 'attachment_added', { filename: a.filename }, { providerVisible: true });
        await audit(tx, ctx, { action: 'offer.attachment', entityId: offerId, details: { added: a.id } });
        return { id: a.id, filename: a.filename, contentType: a.content_type, sizeBytes: a.size_bytes, createdAt: a.created_at.toISOString() };
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
        await audit(tx, ctx, { action: 'offer.attachment', entityId: offerId, details: { removed: id } });
      }),

    /** A generated document of the offer (guarantee contract, allocation notice). */
    document: (ctx: Ctx, offerId: string, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const repo = placementRepository(tx, ctx.actor.agencyId);
        await visibleOffer(repo, ctx, offerId, 'offer.read');
        const doc = await loadDocument(tx, id);
        if (!doc || doc.ownerId !== offerId) throw new AccessDenied('offer.read', { type: 'offer', id: offerId });
        await audit(tx, ctx, { action: 'offer.document', entityId: offerId, details: { document: id, kind: doc.kind } });
        return doc;
      }),

    tenancies: (ctx: Ctx, page: number, pageSize: number) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'tenancy.list');
        const scope = access.offerScope(ctx.actor);
        const rows = await candidateRepository(tx, ctx.actor.agencyId).tenancies({ providerId: scope.kind === 'provider' ? scope.providerId : null }, page, pageSize);
        await audit(tx, ctx, { action: 'tenancy.list', details: { results: rows.length } });
        return { items: rows.map((t) => presentTenancy(t, ctx.actor.role === 'provider_user')) };
      }),

    tenancy: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const t = await candidateRepository(tx, ctx.actor.agencyId).tenancy(id);
        access.requireProviderRecord(ctx.actor, 'tenancy.read', t, { type: 'tenancy', id });
        await audit(tx, ctx, { action: 'tenancy.read', entityId: id });
        return presentTenancy(t!, ctx.actor.role === 'provider_user');
      }),
  };
}

type TenancyRow = NonNullable<Awaited<ReturnType<ReturnType<typeof candidateRepository>['tenancy']>>>;

function presentTenancy(t: TenancyRow, providerView: boolean) {
  return {
    id: t.id,
    reference: t.reference,
    // The company knows its tenants from the lease; the office's case reference stays internal.
    household: providerView ? null : { id: t.household_id, reference: t.household_reference, name: t.head_name },
    provider: { id: t.provider_id, name: t.provider_name },
    offerId: t.offer_id,
    address: `${t.street}, ${t.postal_code} ${t.city}`,
    leaseStart: t.lease_start,
    coldRentCents: t.cold_rent_cents,
    guaranteeStart: t.guarantee_start,
    guaranteeEnd: t.guarantee_end,
    guaranteeMaxCents: t.guarantee_max_cents,
    guaranteeItems: t.guarantee_items as ('rent_arrears' | 'service_charge_arrears' | 'damage' | 'clearance' | 'legal_costs')[],
    contactPerson: t.contact_person_id ? { id: t.contact_person_id, displayName: t.contact_person_name ?? '' } : null,
    socialWorker: t.social_worker_id ? { id: t.social_worker_id, displayName: t.social_worker_name ?? '' } : null,
    status: t.status,
    version: t.version,
  };
}
