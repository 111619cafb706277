import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TAftercareCase, ZAftercareListQuery, ZReferralInput } from '../../../contracts/aftercare.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import { nextReference } from '../../db/references.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { loadDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { exportList } from '../../platform/export/export.js';
import type { ExportFormat } from '../../platform/export/render.js';
import { aftercareExport } from './cases.export.js';
import { householdFacts } from '../households/households.service.js';
import { activeCarrierWorkers, userFacts } from '../users/users.service.js';
import { organisationOf } from '../providers/providers.service.js';
import { CARRIER_LIST_FIELDS } from './aftercare.present.js';
import { aftercareRepository } from './aftercare.repository.js';
import { caseLink, kit } from './aftercare.shared.js';

export const fieldError = (field: string, code: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, code, message }] });

type Referral = z.output<typeof ZReferralInput> & { preventionCaseId?: string | null };

/**
 * Records a referral (state `referred`) in the caller's transaction: the household and carrier must
 * be of this agency, and the household must not have an open aftercare case. The caller has
 * authorised the step (the referral route, or prevention's hand-over).
 */
export async function createReferral(tx: Tx, ctx: Ctx, input: Referral): Promise<{ id: string; reference: string }> {
  const agencyId = ctx.actor.agencyId;
  const household = await householdFacts(tx, agencyId, input.householdId);
  if (!household) throw fieldError('householdId', 'invalid_value', 'Diesen Haushalt gibt es in dieser Behörde nicht.');
  const carrier = await organisationOf(tx, agencyId, 'carrier', input.carrierId);
  if (!carrier) throw fieldError('carrierId', 'invalid_value', 'Diesen Träger gibt es in dieser Behörde nicht.');
  const repo = aftercareRepository(tx, agencyId);
  const open = await repo.openCaseOf(household.id);
  if (open) throw new AppError('conflict', `Der Haushalt hat bereits einen offenen Nachsorgefall (${open.reference}).`);
  const reference = await nextReference(tx, agencyId, 'aftercare', 'N', 5);
  const { id } = await repo.insertCase({
    reference,
    household_id: household.id,
    carrier_id: carrier.id,
    carrier_worker_id: null,
    target_group: input.targetGroup,
    source: input.source,
    source_detail: input.sourceDetail,
    prevention_case_id: input.preventionCaseId ?? null,
    referred_on: input.referredOn,
    street: input.street,
    postal_code: input.postalCode,
    city: input.city,
    phone: input.phone,
    note: input.note,
    created_by: ctx.actor.userId,
  } as never);
  audit(tx, ctx, {
    action: 'aftercare.refer',
    entityId: id,
    details: { source: input.source, targetGroup: input.targetGroup, carrierId: carrier.id, fromPrevention: !!input.preventionCaseId },
  });
  const k = kit(tx, ctx);
  await k.fx.inform(
    await k.fx.usersWithRoles(['case_manager', 'lead']),
    'aftercare.referred',
    `Neue Meldung zur Nachsorge ${reference}`,
    'Bitte vergleichbare Hilfen prüfen und über die Wohnintegrationshilfe entscheiden.',
    caseLink(id),
    { text: { key: 'notice.aftercareReferred', params: { reference } } },
  );
  return { id, reference };
}

type AftercareListQuery = z.output<typeof ZAftercareListQuery>;

/**
 * One page of the case list as the API shows it (the list and its export), in the actor's scope; a
 * carrier's read of the rows is logged as a data transfer, for the list and the export alike.
 */
async function listPage(tx: Tx, ctx: Ctx, q: AftercareListQuery) {
  const k = kit(tx, ctx);
  const { items, total } = await k.repo.list(q, k.scope);
  const carrierView = access.isCarrierView(ctx.actor);
  if (carrierView) {
    await k.help.logTransfers(
      items.map((i) => ({
        case_id: i.id,
        carrier_id: i.carrier_id,
        user_id: ctx.actor.userId,
        kind: 'case_list',
        fields: [...CARRIER_LIST_FIELDS],
      })),
    );
  }
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: items.map((i) => ({
      id: i.id,
      reference: i.reference,
      state: i.state as never,
      name: i.head_name,
      carrier: { id: i.carrier_id, name: i.carrier_name },
      carrierWorker: i.carrier_worker_id ? { id: i.carrier_worker_id, name: i.worker_name ?? '' } : null,
      targetGroup: i.target_group as never,
      referredOn: i.referred_on,
      grantedUntil: i.granted_until,
      nextVisitDueOn: i.next_visit_due,
      consentGiven: i.consent_id !== null,
    })),
  };
}

/** Referrals, the list (Fachstelle per carrier, carrier its own), one case, its letter and its transfer log. */
export function caseService(db: Kysely<DB>) {
  return {
    list: (ctx: Ctx, q: AftercareListQuery) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.list');
        const page = await listPage(tx, ctx, q);
        audit(tx, ctx, {
          action: 'aftercare.list',
          details: { state: q.state ?? null, carrierId: q.carrierId ?? null, page: q.page, results: page.items.length },
        });
        return page;
      }),

    /** The list as a file: the same query and scope without paging (cut at the export limit), audited as an export. */
    export: (ctx: Ctx, q: Omit<AftercareListQuery, 'page' | 'pageSize'>, out: { format: ExportFormat; lang: ExportLang }) =>
      exportList(db, ctx, { def: aftercareExport, permission: 'aftercare.list', filters: q, ...out }, (tx, limit) =>
        listPage(tx, ctx, { ...q, page: 1, pageSize: limit }),
      ),

    get: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.read', { type: 'aftercare_case', id });
        const k = kit(tx, ctx);
        if (!(await k.repo.visible(id, k.scope))) throw new AccessDenied('aftercare.read', { type: 'aftercare_case', id });
        audit(tx, ctx, { action: 'aftercare.read', entityId: id });
        return k.full(id);
      }),

    refer: (ctx: Ctx, input: z.output<typeof ZReferralInput>, key: string | undefined) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.refer');
        return idempotent(tx, ctx, key, input, async (): Promise<TAftercareCase> => {
          const { id } = await createReferral(tx, ctx, input);
          return kit(tx, ctx).full(id);
        });
      }),

    /** A generated letter of the case (the refusal); office only. */
    document: (ctx: Ctx, id: string, docId: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.decide', { type: 'aftercare_case', id });
        const k = kit(tx, ctx);
        if (!(await k.repo.visible(id, k.scope))) throw new AccessDenied('aftercare.decide', { type: 'aftercare_case', id });
        const doc = await loadDocument(tx, docId);
        if (!doc || doc.ownerId !== id) throw new AccessDenied('aftercare.decide', { type: 'aftercare_case', id });
        audit(tx, ctx, { action: 'aftercare.document', entityId: id, details: { document: docId, kind: doc.kind, read: true } });
        return doc;
      }),

    /** Who may take the case: the active workers of its carrier (for the Fachstelle and the carrier lead). */
    workers: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.assign', { type: 'aftercare_case', id });
        const k = kit(tx, ctx);
        const carrierId = await k.repo.carrierOfVisible(id, k.scope);
        if (!carrierId) throw new AccessDenied('aftercare.assign', { type: 'aftercare_case', id });
        if (ctx.actor.role === 'carrier_worker' && !(await k.isCarrierLead()))
          throw new AccessDenied('aftercare.assign', { type: 'aftercare_case', id });
        const ids = await activeCarrierWorkers(tx, ctx.actor.agencyId, carrierId);
        const people = (await userFacts(tx, ctx.actor.agencyId, ids)).filter((u) => u.role === 'carrier_worker');
        audit(tx, ctx, { action: 'aftercare.workers', entityId: id, details: { results: people.length } });
        return {
          items: people
            .map((u) => ({ id: u.id, name: u.display_name, lead: u.carrier_lead }))
            .sort((a, b) => a.name.localeCompare(b.name, 'de')),
        };
      }),

    /** Which data went to the carrier, when and to whom (§ 67b SGB X accountability). */
    transfers: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'aftercare.transfers', { type: 'aftercare_case', id });
        const k = kit(tx, ctx);
        if (!(await k.repo.visible(id, k.scope))) throw new AccessDenied('aftercare.transfers', { type: 'aftercare_case', id });
        const rows = await k.help.transfers(id);
        audit(tx, ctx, { action: 'aftercare.transfers', entityId: id, details: { results: rows.length } });
        return {
          items: rows.map((r) => ({
            id: r.id,
            at: (r.at as Date).toISOString(),
            user: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
            carrier: { id: r.carrier_id, name: r.carrier_name },
            kind: r.kind as never,
            fields: r.fields,
          })),
        };
      }),
  };
}

export const todayBerlin = () => berlinDate(new Date());
