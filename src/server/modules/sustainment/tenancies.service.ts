import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { formatEuro } from '../../../contracts/format.js';
import {
  CLOSED_INCIDENT_STATES,
  type ZClosingReviewInput,
  type ZTenancyCreate,
  type ZTenancyEnd,
  type ZTenancyListQuery,
  type ZTenancyUpdate,
} from '../../../contracts/sustainment.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { openDeadlinesOf } from '../../platform/deadlines/deadlines.service.js';
import { loadDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { exportList } from '../../platform/export/export.js';
import type { ExportFormat } from '../../platform/export/render.js';
import { tenancyExport } from './tenancies.export.js';
import { guaranteeEnd } from '../placement/guarantee.js';
import { addMonths } from './ledger.js';
import { GUARANTEE_DEADLINES, onTenancyCreated, sustainmentEffects, tenancyLink, today } from './sustainment.effects.js';
import { presentTenancyItem } from './sustainment.present.js';
import { tenancyRepository, type TenancyRepository, type TenancyRow } from './tenancies.repository.js';
import { startTenancy } from './tenancy-start.service.js';
import { loadTenancyView, tenancyActions } from './tenancy-detail.service.js';
import { flagHouseholdFollowUp } from '../households/households.service.js';

type Create = z.output<typeof ZTenancyCreate>;
type Update = z.output<typeof ZTenancyUpdate>;

/** The actor's scopes on a tenancy: which it may see, and whether it stands in the sustainment relationship to it. */
export const tenancyScope = (ctx: Ctx) => ({
  visible: access.providerScope(ctx.actor, 't.provider_id'),
  related: access.incidentScope(ctx.actor, 't.provider_id'),
});

/** A tenancy the actor may see (staff all, a company only its own); hidden is the same 404 as missing. */
export async function visibleTenancy(
  tx: Tx,
  ctx: Ctx,
  id: string,
  permission: Parameters<typeof access.require>[1],
  lock = false,
): Promise<TenancyRow> {
  const t = await tenancyRepository(tx, ctx.actor.agencyId).find(id, lock, tenancyScope(ctx));
  return access.requireVisible(ctx.actor, permission, t, { type: 'tenancy', id });
}

/** The tenancy action must be open to this actor now (state and relationship), else 409/404. */
export function requireAction(ctx: Ctx, t: TenancyRow, action: string, permission: Parameters<typeof access.require>[1]): void {
  if (tenancyActions(ctx, t, today()).includes(action)) return;
  if (action.startsWith('record') || action.startsWith('report')) {
    if (!t.related) throw new AccessDenied(permission, { type: 'tenancy', id: t.id });
  }
  throw new AppError('invalid_transition', 'Dieser Schritt ist für dieses Mietverhältnis jetzt nicht möglich.', { currentState: t.status });
}

/** Staff named on a tenancy must be of this agency and fit the role; every problem is reported per field. */
async function checkPeople(
  repo: TenancyRepository,
  w: { providerId: string; contactPersonId?: string | null | undefined; socialWorkerId?: string | null | undefined },
  errors: FieldError[],
) {
  if (!(await repo.provider(w.providerId)))
    errors.push({ field: 'providerId', code: 'invalid_value', message: 'Unbekanntes Wohnungsunternehmen.' });
  const staff = await repo.staff([w.contactPersonId, w.socialWorkerId].filter((x): x is string => !!x));
  const roleOf = (id: string) => staff.find((u) => u.id === id && u.active)?.role;
  if (w.contactPersonId && !['case_manager', 'lead'].includes(roleOf(w.contactPersonId) ?? ''))
    errors.push({ field: 'contactPersonId', code: 'invalid_value', message: 'Keine Sachbearbeitung dieser Behörde.' });
  if (w.socialWorkerId && roleOf(w.socialWorkerId) !== 'social_worker')
    errors.push({ field: 'socialWorkerId', code: 'invalid_value', message: 'Keine Sozialarbeit dieser Behörde.' });
}

type TenancyListQuery = z.output<typeof ZTenancyListQuery>;

/** One page of the tenancy list as the API shows it (the list and its export); a housing company sees only its own. */
async function listPage(tx: Tx, ctx: Ctx, q: TenancyListQuery) {
  const providerView = access.isProviderView(ctx.actor);
  const repo = tenancyRepository(tx, ctx.actor.agencyId);
  const todayIso = today();
  const { total, rows } = await repo.list(
    {
      scope: access.providerScope(ctx.actor, 't.provider_id'),
      providerId: providerView ? null : (q.providerId ?? null),
      status: q.status,
      q: q.q,
      guaranteeEndsBy: q.guaranteeEndsWithinMonths !== undefined ? addMonths(todayIso, q.guaranteeEndsWithinMonths) : undefined,
    },
    q.page,
    q.pageSize,
  );
  const ids = rows.map((r) => r.id);
  const counts = await repo.openIncidentCounts(ids, access.incidentScope(ctx.actor), CLOSED_INCIDENT_STATES);
  const deadlines = providerView ? [] : await openDeadlinesOf(tx, ids);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((t) =>
      presentTenancyItem(t, providerView, {
        openIncidents: counts.get(t.id) ?? 0,
        nextDeadline: deadlines.find((d) => d.subject_id === t.id) ?? null,
        today: todayIso,
      }),
    ),
  };
}

export function tenancyService(db: Kysely<DB>) {
  const view = async (tx: Tx, ctx: Ctx, id: string) =>
    loadTenancyView(tx, ctx, (await tenancyRepository(tx, ctx.actor.agencyId).find(id, false, tenancyScope(ctx)))!);

  return {
    list: (ctx: Ctx, q: TenancyListQuery) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'tenancy.list');
        const page = await listPage(tx, ctx, q);
        audit(tx, ctx, {
          action: 'tenancy.list',
          details: { results: page.items.length, filter: { status: q.status ?? null, q: q.q ?? null } },
        });
        return page;
      }),

    /** The list as a file: the same query and scope without paging (cut at the export limit), audited as an export. */
    export: (ctx: Ctx, q: Omit<TenancyListQuery, 'page' | 'pageSize'>, out: { format: ExportFormat; lang: ExportLang }) =>
      exportList(db, ctx, { def: tenancyExport, permission: 'tenancy.list', filters: q, ...out }, (tx, limit) =>
        listPage(tx, ctx, { ...q, page: 1, pageSize: limit }),
      ),

    get: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const t = await visibleTenancy(tx, ctx, id, 'tenancy.read');
        audit(tx, ctx, { action: 'tenancy.read', entityId: id });
        return loadTenancyView(tx, ctx, t);
      }),

    /** Direct entry of a tenancy that began before wohnhilfe. */
    create: (ctx: Ctx, input: Create, key: string | undefined) =>
      actorTx(db, ctx, (tx) =>
        idempotent(tx, ctx, key, input, async () => {
          access.require(ctx.actor, 'tenancy.create');
          const repo = tenancyRepository(tx, ctx.actor.agencyId);
          const fx = sustainmentEffects(tx, ctx);
          const { placement } = await fx.settings();
          const errors: FieldError[] = [];
          const household = await repo.household(input.householdId);
          if (!household) errors.push({ field: 'householdId', code: 'invalid_value', message: 'Unbekannter Haushalt.' });
          await checkPeople(repo, input, errors);
          const start = input.guaranteeStart ?? input.leaseStart;
          const end = input.guaranteeEnd ?? guaranteeEnd(start, placement.guaranteeYears);
          if (end < start) errors.push({ field: 'guaranteeEnd', code: 'custom', message: 'Das Garantieende liegt vor dem Beginn.' });
          if (errors.length) throw new AppError('validation_failed', undefined, { errors });
          if (await repo.activeOfHousehold(input.householdId)) {
            throw new AppError('conflict', 'Für diesen Haushalt ist bereits ein laufendes Mietverhältnis erfasst.');
          }
          const row = await startTenancy(tx, ctx, {
            household_id: input.householdId,
            provider_id: input.providerId,
            offer_id: null,
            candidate_id: null,
            street: input.street,
            postal_code: input.postalCode,
            city: input.city,
            district: input.district ?? null,
            lease_start: input.leaseStart,
            lease_signed_on: input.leaseSignedOn ?? null,
            cold_rent_cents: input.coldRentCents,
            service_charges_cents: input.serviceChargesCents,
            heating_cents: input.heatingCents,
            guarantee_start: start,
            guarantee_end: end,
            guarantee_max_cents: input.guaranteeMaxCents ?? placement.guaranteeMaxCents,
            guarantee_items: input.guaranteeItems ?? placement.guaranteeItems,
            guarantee_signed_on: input.guaranteeSignedOn ?? null,
            contact_person_id: input.contactPersonId ?? household!.case_manager_id ?? ctx.actor.userId,
            social_worker_id: input.socialWorkerId ?? household!.social_worker_id,
            created_by: ctx.actor.userId,
          });
          const t = (await repo.find(row.id, false, tenancyScope(ctx)))!;
          await fx.inform(
            [t.contact_person_id, t.social_worker_id],
            'tenancy.created',
            `Mietverhältnis ${t.reference} erfasst`,
            `Das Mietverhältnis ${t.street} wurde direkt erfasst. Garantie bis ${t.guarantee_end.split('-').reverse().join('.')}.`,
            tenancyLink(t.id),
            { text: { key: 'notice.tenancyCreated', params: { reference: t.reference, street: t.street, endOn: t.guarantee_end } } },
          );
          audit(tx, ctx, { action: 'tenancy.create', entityId: t.id, details: { household: t.household_id, direct: true } });
          return loadTenancyView(tx, ctx, t);
        }),
      ),

    update: (ctx: Ctx, id: string, input: Update, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const t = await visibleTenancy(tx, ctx, id, 'tenancy.update', true);
        if (t.version !== version) throw new AppError('precondition_failed');
        if (t.status !== 'active')
          throw new AppError('invalid_transition', 'Ein beendetes Mietverhältnis wird nicht mehr geändert.', { currentState: t.status });
        const repo = tenancyRepository(tx, ctx.actor.agencyId);
        const errors: FieldError[] = [];
        const providerId = input.providerId ?? t.provider_id;
        await checkPeople(repo, { ...input, providerId }, errors);
        const start = input.guaranteeStart ?? t.guarantee_start;
        const end = input.guaranteeEnd ?? t.guarantee_end;
        const max = input.guaranteeMaxCents ?? t.guarantee_max_cents;
        if (end < start) errors.push({ field: 'guaranteeEnd', code: 'custom', message: 'Das Garantieende liegt vor dem Beginn.' });
        if (max < t.paid_out_cents)
          errors.push({
            field: 'guaranteeMaxCents',
            code: 'too_small',
            message: `Bereits ${formatEuro(t.paid_out_cents)} ausgezahlt: der Höchstbetrag kann nicht darunter liegen.`,
          });
        if (errors.length) throw new AppError('validation_failed', undefined, { errors });
        await repo.update(
          id,
          {
            provider_id: providerId,
            street: input.street,
            postal_code: input.postalCode,
            city: input.city,
            district: input.district ?? null,
            lease_start: input.leaseStart,
            lease_signed_on: input.leaseSignedOn ?? null,
            cold_rent_cents: input.coldRentCents,
            service_charges_cents: input.serviceChargesCents,
            heating_cents: input.heatingCents,
            guarantee_start: start,
            guarantee_end: end,
            guarantee_max_cents: max,
            guarantee_items: input.guaranteeItems ?? t.guarantee_items,
            guarantee_signed_on: input.guaranteeSignedOn ?? null,
            contact_person_id: input.contactPersonId === undefined ? t.contact_person_id : input.contactPersonId,
            social_worker_id: input.socialWorkerId === undefined ? t.social_worker_id : input.socialWorkerId,
          },
          version,
        );
        const after = (await repo.find(id, false, tenancyScope(ctx)))!;
        if (after.guarantee_end !== t.guarantee_end || after.contact_person_id !== t.contact_person_id) {
          // The reminders follow the guarantee's end and the contact person.
          await sustainmentEffects(tx, ctx).closeDeadlines(id, GUARANTEE_DEADLINES, 'cancelled');
          await onTenancyCreated(tx, ctx, after);
        }
        audit(tx, ctx, { action: 'tenancy.update', entityId: id, details: { version: after.version } });
        return loadTenancyView(tx, ctx, after);
      }),

    end: (ctx: Ctx, id: string, input: z.output<typeof ZTenancyEnd>) =>
      actorTx(db, ctx, async (tx) => {
        const t = await visibleTenancy(tx, ctx, id, 'tenancy.end', true);
        if (input.version !== undefined && input.version !== t.version) throw new AppError('precondition_failed');
        requireAction(ctx, t, 'end', 'tenancy.end');
        if (input.endedOn < t.lease_start)
          throw new AppError('validation_failed', undefined, {
            errors: [{ field: 'endedOn', code: 'custom', message: 'Das Ende liegt vor dem Mietbeginn.' }],
          });
        await tenancyRepository(tx, ctx.actor.agencyId).update(id, {
          status: 'ended',
          end_reason: input.reason,
          ended_on: input.endedOn,
          end_note: input.note,
        });
        const fx = sustainmentEffects(tx, ctx);
        // The guarantee lapses with the tenancy; so do its reminders (a continuing guarantee is recorded on termination).
        if (t.guarantee_continues !== true) await fx.closeDeadlines(id, ['guarantee_reminder'], 'cancelled');
        await fx.inform(
          [t.contact_person_id, t.social_worker_id],
          'tenancy.ended',
          `Mietverhältnis ${t.reference} beendet`,
          `Das Mietverhältnis ${t.street} endet zum ${input.endedOn.split('-').reverse().join('.')}.`,
          tenancyLink(t.id),
          { text: { key: 'notice.tenancyEnded', params: { reference: t.reference, street: t.street, endedOn: input.endedOn } } },
        );
        audit(tx, ctx, { action: 'tenancy.end', entityId: id, details: { reason: input.reason, endedOn: input.endedOn } });
        return view(tx, ctx, id);
      }),

    closingReview: (ctx: Ctx, id: string, input: z.output<typeof ZClosingReviewInput>) =>
      actorTx(db, ctx, async (tx) => {
        const t = await visibleTenancy(tx, ctx, id, 'tenancy.review', true);
        if (input.version !== undefined && input.version !== t.version) throw new AppError('precondition_failed');
        requireAction(ctx, t, 'closingReview', 'tenancy.review');
        const repo = tenancyRepository(tx, ctx.actor.agencyId);
        await repo.update(id, {
          closing_outcome: input.outcome,
          closing_note: input.note,
          closing_reviewed_on: input.reviewedOn ?? today(),
          closing_reviewed_by: ctx.actor.userId,
        });
        const fx = sustainmentEffects(tx, ctx);
        await fx.closeDeadlines(id, GUARANTEE_DEADLINES, 'done');
        if (input.outcome === 'lost') {
          await flagHouseholdFollowUp(
            tx,
            ctx,
            t.household_id,
            'tenancy_lost',
            `Abschlussbewertung ${t.reference}: Wohnung verloren. Anschlusshilfe (Prävention/Vermittlung) klären.`,
          );
          audit(tx, ctx, { action: 'household.follow_up', entityId: t.household_id, details: { tenancy: id, reason: 'tenancy_lost' } });
        }
        await fx.inform(
          [t.contact_person_id, t.social_worker_id, t.household_case_manager_id],
          'tenancy.closing_review',
          `Abschlussbewertung ${t.reference}`,
          `Ergebnis der Abschlussbewertung für ${t.street} liegt vor.`,
          tenancyLink(t.id),
          { text: { key: 'notice.closingReview', params: { reference: t.reference, street: t.street } } },
        );
        audit(tx, ctx, { action: 'tenancy.closing_review', entityId: id, details: { outcome: input.outcome } });
        return view(tx, ctx, id);
      }),

    /** A generated document of the tenancy or of one of its incidents the actor may see. */
    document: (ctx: Ctx, id: string, docId: string) =>
      actorTx(db, ctx, async (tx) => {
        const t = await visibleTenancy(tx, ctx, id, 'tenancy.read');
        const v = await loadTenancyView(tx, ctx, t);
        const doc = v.documents.some((d) => d.id === docId) ? await loadDocument(tx, docId) : undefined;
        if (!doc) throw new AccessDenied('tenancy.read', { type: 'tenancy', id });
        audit(tx, ctx, { action: 'tenancy.document', entityId: id, details: { document: docId, kind: doc.kind } });
        return doc;
      }),
  };
}
export type TenancyService = ReturnType<typeof tenancyService>;
