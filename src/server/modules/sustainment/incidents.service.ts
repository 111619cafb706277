import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { formatEuro, formatGermanDate } from '../../../contracts/format.js';
import type { TIncident, ZIncidentListQuery, ZIncidentReport } from '../../../contracts/sustainment.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import type { Permission } from '../../platform/access/registry.js';
import { audit } from '../../platform/audit/audit.js';
import { openDeadlinesOf } from '../../platform/deadlines/deadlines.service.js';
import { documentsOf, loadDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import { incidentRepository, type IncidentRepository, type IncidentRow } from './incidents.repository.js';
import { incidentSteps, machineOf } from './sustainment.machine.js';
import { incidentLink, sustainmentEffects, type SustainmentEffects } from './sustainment.effects.js';
import { CATEGORY_TITLES, KIND_TITLES, presentIncident, presentIncidentItem } from './sustainment.present.js';
import { requireAction, visibleTenancy } from './tenancies.service.js';

/** An incident the actor may see (relationship rules in access.ts); hidden is the same 404 as missing. */
export async function visibleIncident(tx: Tx, ctx: Ctx, id: string, permission: Permission, lock = false): Promise<IncidentRow> {
  const row = await incidentRepository(tx, ctx.actor.agencyId).find(id, lock, access.incidentScope(ctx.actor));
  return access.requireVisible(ctx.actor, permission, row, { type: 'incident', id });
}

/** The incident page: steps, contacts, payouts, documents, deadlines and the actor's next steps. */
export async function loadIncidentView(tx: Tx, ctx: Ctx, i: IncidentRow): Promise<TIncident> {
  const providerView = ctx.actor.role === 'provider_user';
  const repo = incidentRepository(tx, ctx.actor.agencyId);
  const [events, contacts, payouts, documents, deadlines] = await Promise.all([
    repo.events([i.id]),
    providerView ? Promise.resolve([]) : repo.contacts([i.id]),
    repo.payouts(i.id),
    documentsOf(tx, [i.id]),
    openDeadlinesOf(tx, [i.id]),
  ]);
  return presentIncident(i, providerView, {
    events,
    contacts,
    payouts,
    documents,
    deadlines,
    actions: incidentSteps(i.kind, i.state, ctx.actor.role),
  });
}

/** The social worker who works with the household on this tenancy, or the contact person when there is none. */
export const socialWorkerOf = (i: Pick<IncidentRow, 'social_worker_id' | 'household_social_worker_id' | 'contact_person_id'>) =>
  i.social_worker_id ?? i.household_social_worker_id ?? i.contact_person_id;

export interface StepResult {
  /** Column changes besides the state. */
  set?: Parameters<IncidentRepository['set']>[1];
  /** What the step recorded (staff see it). */
  details?: Record<string, unknown>;
  /** What the housing company may see of the step; null hides the step from the portal. */
  providerDetails?: Record<string, unknown> | null;
}

/**
 * Runs one step of an incident machine: locks and checks the incident (404 when not visible, 412
 * when the given version is stale, 403 when the role may never take it, 409 when the state does
 * not allow it), lets `apply` record and cause what the step needs, then moves the state, logs the
 * step and audits it, all in one transaction.
 */
export async function runStep(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  permission: Permission,
  step: string,
  version: number | undefined,
  apply: (tx: Tx, i: IncidentRow, to: string, fx: SustainmentEffects) => Promise<StepResult>,
): Promise<TIncident> {
  return actorTx(db, ctx, async (tx) => {
    const i = await visibleIncident(tx, ctx, id, permission, true);
    if (version !== undefined && version !== i.version) throw new AppError('precondition_failed');
    const s = machineOf(i.kind)[step];
    if (!s)
      throw new AppError('invalid_transition', `Diesen Schritt gibt es beim ${KIND_TITLES[i.kind]} nicht.`, { currentState: i.state });
    if (!s.roles.includes(ctx.actor.role)) throw new AppError('forbidden');
    if (!s.from.includes(i.state))
      throw new AppError('invalid_transition', `Dieser Schritt ist im Zustand „${i.state}“ nicht möglich.`, { currentState: i.state });
    const to = s.to ?? i.state;
    const r = await apply(tx, i, to, sustainmentEffects(tx, ctx));
    const repo = incidentRepository(tx, ctx.actor.agencyId);
    await repo.set(id, { ...r.set, state: to });
    const round = r.set?.round ?? i.round;
    await repo.addEvent({
      incident_id: id,
      actor_id: ctx.actor.userId,
      step,
      from_state: i.state,
      to_state: to,
      round,
      details: r.details ?? {},
      provider_details: r.providerDetails === undefined ? {} : r.providerDetails,
    });
    audit(tx, ctx, { action: 'incident.transition', entityId: id, details: { step, from: i.state, to, kind: i.kind } });
    return loadIncidentView(tx, ctx, (await repo.find(id))!);
  });
}

export function incidentService(db: Kysely<DB>) {
  return {
    list: (ctx: Ctx, q: z.output<typeof ZIncidentListQuery>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'incident.list');
        const providerView = ctx.actor.role === 'provider_user';
        const { total, rows } = await incidentRepository(tx, ctx.actor.agencyId).list(
          access.incidentScope(ctx.actor),
          { kind: q.kind, state: q.state, mineUserId: q.mine ? ctx.actor.userId : null, tenancyId: q.tenancyId },
          q.page,
          q.pageSize,
        );
        audit(tx, ctx, { action: 'incident.list', details: { results: rows.length, kind: q.kind ?? null, state: q.state } });
        return {
          total,
          page: q.page,
          pageSize: q.pageSize,
          items: rows.map((r) =>
            presentIncidentItem(
              r,
              r.nd_id ? { id: r.nd_id, kind: r.nd_kind!, title: r.nd_title!, due_at: r.nd_due_at! } : null,
              providerView,
            ),
          ),
        };
      }),

    get: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const i = await visibleIncident(tx, ctx, id, 'incident.read');
        audit(tx, ctx, { action: 'incident.read', entityId: id });
        return loadIncidentView(tx, ctx, i);
      }),

    /** A company (portal) or the office reports a rent default or a conflict on a tenancy. */
    report: (ctx: Ctx, tenancyId: string, input: z.output<typeof ZIncidentReport>, key: string | undefined) =>
      actorTx(db, ctx, (tx) =>
        idempotent(tx, ctx, key, { tenancyId, input }, async () => {
          const t = await visibleTenancy(tx, ctx, tenancyId, 'incident.report', true);
          requireAction(ctx, t, input.kind === 'rent_default' ? 'reportRentDefault' : 'reportConflict', 'incident.report');
          const repo = incidentRepository(tx, ctx.actor.agencyId);
          const portal = ctx.actor.role === 'provider_user';
          const reference = await repo.nextReference();
          const { id } = await repo.insert({
            reference,
            tenancy_id: t.id,
            provider_id: t.provider_id,
            kind: input.kind,
            state: 'reported',
            reported_via: portal ? 'portal' : 'office',
            reported_by: ctx.actor.userId,
            ...(input.kind === 'rent_default'
              ? { months: [...new Set(input.months)].sort(), amount_cents: input.amountCents }
              : { category: input.category, description: input.description, occurred_on: input.occurredOn }),
          });
          const figures =
            input.kind === 'rent_default'
              ? { months: [...new Set(input.months)].sort(), amountCents: input.amountCents, note: input.note }
              : { category: input.category, description: input.description, occurredOn: input.occurredOn };
          await repo.addEvent({
            incident_id: id,
            actor_id: ctx.actor.userId,
            step: 'report',
            from_state: null,
            to_state: 'reported',
            round: 1,
            details: figures,
            provider_details: figures,
          });
          const fx = sustainmentEffects(tx, ctx);
          const { sustainment } = await fx.settings();
          const what =
            input.kind === 'rent_default'
              ? `Mietausfall ${formatEuro(input.amountCents)} (${input.months.length} ${input.months.length === 1 ? 'Monat' : 'Monate'})`
              : `Konfliktfall (${CATEGORY_TITLES[input.category]}) am ${formatGermanDate(input.occurredOn)}`;
          await fx.openDeadline({
            subjectType: 'incident',
            subjectId: id,
            householdId: t.household_id,
            kind: 'incident_forward',
            title: `${reference}: ${KIND_TITLES[input.kind]} an die Sozialarbeit weitergeben (${t.reference})`,
            text: { key: 'deadlineTitle.incident_forward', params: { incident: reference, kind: input.kind, tenancy: t.reference } },
            link: incidentLink(id),
            dueAt: await fx.dueAfterWorkingDays(sustainment.forwardWorkingDays),
            assigneeId: t.contact_person_id,
          });
          await fx.inform(
            await fx.office(t.contact_person_id),
            `incident.reported`,
            `${KIND_TITLES[input.kind]} gemeldet: ${t.reference}`,
            `${what} für ${t.street}. Bitte die Sozialarbeit informieren.`,
            incidentLink(id),
            {
              text: {
                key: input.kind === 'rent_default' ? 'notice.rentDefaultReported' : 'notice.conflictReported',
                params: {
                  tenancy: t.reference,
                  street: t.street,
                  ...(input.kind === 'rent_default'
                    ? { amountCents: input.amountCents, count: input.months.length }
                    : { category: input.category, occurredOn: input.occurredOn }),
                },
              },
            },
          );
          audit(tx, ctx, {
            action: 'incident.report',
            entityId: id,
            details: { kind: input.kind, tenancy: t.id, via: portal ? 'portal' : 'office' },
          });
          return loadIncidentView(tx, ctx, (await repo.find(id))!);
        }),
      ),

    /** A generated document of the incident (the assignment declaration). */
    document: (ctx: Ctx, id: string, docId: string) =>
      actorTx(db, ctx, async (tx) => {
        await visibleIncident(tx, ctx, id, 'incident.read');
        const doc = await loadDocument(tx, docId);
        if (!doc || doc.ownerId !== id) throw new AccessDenied('incident.read', { type: 'incident', id });
        audit(tx, ctx, { action: 'incident.document', entityId: id, details: { document: docId, kind: doc.kind } });
        return doc;
      }),
  };
}
export type IncidentService = ReturnType<typeof incidentService>;
