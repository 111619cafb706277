import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TAgreement, ZAgreementInput, ZAgreementUpdate } from '../../../contracts/aftercare.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { documentsOf, loadDocument, storeUploadedDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { Upload } from '../../platform/http/upload.js';
import { organisationOf } from '../providers/providers.service.js';
import { agreementRepository } from './agreements.repository.js';

export const AGREEMENT_MAX_BYTES = 20 * 1024 * 1024;
const ALLOWED_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

const fieldError = (field: string, code: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, code, message }] });

/** A carrier sees only its own carrier's agreements; the Fachstelle all. */
const carrierFilter = (ctx: Ctx) =>
  access.isCarrierView(ctx.actor) ? (ctx.actor.carrierId ?? '00000000-0000-0000-0000-000000000000') : null;

async function present(tx: Tx, rows: Awaited<ReturnType<ReturnType<typeof agreementRepository>['list']>>): Promise<TAgreement[]> {
  const docs = await documentsOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    carrier: { id: r.carrier_id, name: r.carrier_name },
    validFrom: r.valid_from,
    validTo: r.valid_to,
    capacityCases: r.capacity_cases,
    activeCases: Number(r.running ?? 0),
    visitEveryWeeks: r.visit_every_weeks,
    reportingDuties: r.reporting_duties,
    note: r.note,
    documents: docs.filter((d) => d.ownerId === r.id).map((d) => ({ id: d.id, filename: d.filename, createdAt: d.createdAt })),
    version: r.version,
  }));
}

/** Cooperation agreements between the agency and its NGO carriers (seed § 8), with the signed document. */
export function agreementService(db: Kysely<DB>) {
  const one = async (tx: Tx, ctx: Ctx, id: string, permission: 'aftercare.agreement.list' | 'aftercare.agreement.manage') => {
    access.require(ctx.actor, permission, { type: 'aftercare_agreement', id });
    const row = await agreementRepository(tx, ctx.actor.agencyId).find(id);
    const own = carrierFilter(ctx);
    if (!row || (own !== null && row.carrier_id !== own)) throw new AccessDenied(permission, { type: 'aftercare_agreement', id });
    return row;
  };
  return {
    list: (ctx: Ctx) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.agreement.list');
        const rows = await agreementRepository(tx, ctx.actor.agencyId).list(carrierFilter(ctx));
        audit(tx, ctx, { action: 'aftercare.agreement_list', details: { results: rows.length } });
        return { items: await present(tx, rows) };
      }),

    create: (ctx: Ctx, input: z.output<typeof ZAgreementInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.agreement.manage');
        if (!(await organisationOf(tx, ctx.actor.agencyId, 'carrier', input.carrierId)))
          throw fieldError('carrierId', 'invalid_value', 'Diesen Träger gibt es in dieser Behörde nicht.');
        if (input.validTo && input.validTo < input.validFrom) throw fieldError('validTo', 'too_small', 'Das Ende liegt vor dem Beginn.');
        const repo = agreementRepository(tx, ctx.actor.agencyId);
        const { id } = await repo.insert({
          carrier_id: input.carrierId,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          capacity_cases: input.capacityCases,
          visit_every_weeks: input.visitEveryWeeks,
          reporting_duties: input.reportingDuties,
          note: input.note,
          created_by: ctx.actor.userId,
        });
        audit(tx, ctx, { action: 'aftercare.agreement_create', entityId: id, details: { carrierId: input.carrierId } });
        return (await present(tx, [(await repo.find(id))!]))[0]!;
      }),

    update: (ctx: Ctx, id: string, input: z.output<typeof ZAgreementUpdate>) =>
      actorTx(db, ctx, async (tx) => {
        await one(tx, ctx, id, 'aftercare.agreement.manage');
        if (input.validTo && input.validTo < input.validFrom) throw fieldError('validTo', 'too_small', 'Das Ende liegt vor dem Beginn.');
        const repo = agreementRepository(tx, ctx.actor.agencyId);
        const ok = await repo.update(id, input.version, {
          valid_from: input.validFrom,
          valid_to: input.validTo,
          capacity_cases: input.capacityCases,
          visit_every_weeks: input.visitEveryWeeks,
          reporting_duties: input.reportingDuties,
          note: input.note,
        });
        if (!ok) throw new AppError('precondition_failed');
        audit(tx, ctx, { action: 'aftercare.agreement_update', entityId: id });
        return (await present(tx, [(await repo.find(id))!]))[0]!;
      }),

    /** Access is checked before the file is read (`read`), so a hidden agreement is a 404 whatever was sent. */
    upload: (ctx: Ctx, id: string, read: () => Promise<Upload>) =>
      actorTx(db, ctx, async (tx) => {
        await one(tx, ctx, id, 'aftercare.agreement.manage');
        const file = await read();
        if (!ALLOWED_TYPES.includes(file.mimetype))
          throw fieldError('file', 'invalid_type', 'Bitte ein PDF oder ein Foto (PNG, JPEG) hochladen.');
        const doc = await storeUploadedDocument(tx, ctx.actor.agencyId, {
          ownerType: 'aftercare_agreement',
          ownerId: id,
          kind: 'cooperation_agreement',
          filename: file.filename.slice(0, 200) || 'vereinbarung.pdf',
          contentType: file.mimetype,
          content: file.content,
          createdBy: ctx.actor.userId,
        });
        audit(tx, ctx, { action: 'aftercare.agreement_document', entityId: id, details: { document: doc.id } });
        return (await present(tx, [(await agreementRepository(tx, ctx.actor.agencyId).find(id))!]))[0]!;
      }),

    document: (ctx: Ctx, id: string, docId: string) =>
      actorTx(db, ctx, async (tx) => {
        await one(tx, ctx, id, 'aftercare.agreement.list');
        const doc = await loadDocument(tx, docId);
        if (!doc || doc.ownerId !== id) throw new AccessDenied('aftercare.agreement.list', { type: 'aftercare_agreement', id });
        audit(tx, ctx, { action: 'aftercare.agreement_document', entityId: id, details: { document: docId, read: true } });
        return doc;
      }),
  };
}

/** For the case service: the carrier's agreement in force on `date`, if any. */
export function agreementInForce(tx: Tx, agencyId: string, carrierId: string, date: string) {
  return agreementRepository(tx, agencyId).inForce(carrierId, date);
}
