import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZAssign, ZCaseCreate, ZCaseListQuery, ZCaseUpdate, ZMatchQuery, TPreventionCase } from '../../../contracts/prevention.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit, subjectOf } from '../../platform/audit/audit.js';
import { AccessDenied } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import type { Tx } from '../../db/database.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { exportList } from '../../platform/export/export.js';
import type { ExportFormat } from '../../platform/export/render.js';
import { preventionExport } from './prevention.export.js';
import { openCasesInBulk } from './prevention.bulk.js';
import { berlinToday, caseLink, defaultThreatStage } from './prevention.derive.js';
import { changeHouseholdSituation, householdFacts } from '../households/households.service.js';
import { fieldError, kit } from './prevention.shared.js';
import { addNotice } from './notices.service.js';
import { noticeRepository } from './notices.repository.js';
import { visitRepository } from './visits.repository.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const germanDateTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

type CaseListQuery = z.output<typeof ZCaseListQuery>;

/** One page of the case queue as the API shows it (the list and its export). */
async function listPage(tx: Tx, ctx: Ctx, q: CaseListQuery) {
  const { repo, fx } = kit(tx, ctx);
  const s = await fx.settings();
  const { items, total } = await repo.list(q, ctx.actor.userId, berlinToday());
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: items.map((c) => ({
      id: c.id,
      reference: c.reference,
      status: c.status as never,
      householdId: c.household_id,
      name: c.head_name,
      address: `${c.street}, ${c.postal_code} ${c.city}`,
      source: c.source as never,
      threatStage: c.threat_stage as never,
      arrearsCents: c.arrears_cents,
      receivedOn: c.received_on,
      ageDays: Number(c.age_days),
      evictionAt: iso(c.eviction_at),
      cureEnd: c.cure_end,
      cureAvailable: c.cure_available,
      hearingAt: iso(c.hearing_at),
      nextContactDueOn: c.next_contact_due_on,
      nextContactLabel: c.next_contact_step === null ? null : (s.prevention.contactSteps[c.next_contact_step]?.label ?? null),
      firstAttemptAt: iso(c.first_attempt_at),
      firstContactAt: iso(c.first_contact_at),
      urgentAt: iso(c.urgent_at),
      outcome: c.outcome as never,
      caseManager: c.case_manager_id ? { id: c.case_manager_id, displayName: c.cm_name ?? '' } : null,
      socialWorker: c.social_worker_id ? { id: c.social_worker_id, displayName: c.sw_name ?? '' } : null,
    })),
  };
}

/** Notices and cases: the queue, reading, opening (with household matching), facts and assignment. */
export function caseService(db: Kysely<DB>) {
  return {
    settings: (ctx: Ctx) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.list');
        const s = await kit(tx, ctx).fx.settings();
        return { walkInHours: s.prevention.walkInHours, contactSteps: s.prevention.contactSteps };
      }),

    list: (ctx: Ctx, q: CaseListQuery) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.list');
        const page = await listPage(tx, ctx, q);
        audit(tx, ctx, {
          action: 'prevention.list',
          details: { status: q.status, q: q.q ?? null, page: q.page, results: page.items.length },
        });
        return page;
      }),

    /** The queue as a file: the same query without paging (cut at the export limit), audited as an export. */
    export: (ctx: Ctx, q: Omit<CaseListQuery, 'page' | 'pageSize'>, out: { format: ExportFormat; lang: ExportLang }) =>
      exportList(db, ctx, { def: preventionExport, permission: 'prevention.list', filters: q, ...out }, (tx, limit) =>
        listPage(tx, ctx, { ...q, page: 1, pageSize: limit }),
      ),

    get: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.read', { type: 'prevention_case', id });
        const k = kit(tx, ctx);
        if (!(await k.repo.find(id))) throw new AccessDenied('prevention.read', { type: 'prevention_case', id });
        audit(tx, ctx, { action: 'prevention.read', entityId: id });
        return k.full(id);
      }),

    match: (ctx: Ctx, q: z.output<typeof ZMatchQuery>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.match');
        const items = (await kit(tx, ctx).repo.householdMatches([q])).get(0) ?? [];
        audit(tx, ctx, { action: 'prevention.match', details: { results: items.length } });
        return { items };
      }),

    create: (ctx: Ctx, input: z.output<typeof ZCaseCreate>, key: string | undefined) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.create');
        return idempotent(tx, ctx, key, input, async (): Promise<TPreventionCase> => {
          const k = kit(tx, ctx);
          await k.checkStaff(input.caseManagerId, input.socialWorkerId);
          const householdId: string | null = input.householdId ?? null;
          if (householdId) {
            const h = await householdFacts(tx, ctx.actor.agencyId, householdId);
            if (!h) throw fieldError('householdId', 'invalid_value', 'Diesen Haushalt gibt es in dieser Behörde nicht.');
            if (h.situation === 'housed')
              await changeHouseholdSituation(tx, ctx.actor.agencyId, h.id, { situation: 'at_risk', since: input.receivedOn });
          } else if (!input.createHousehold) {
            const matches = (await k.repo.householdMatches([input])).get(0) ?? [];
            if (matches.length) {
              throw fieldError(
                'householdId',
                'household_choice_required',
                `Es gibt ${matches.length === 1 ? 'einen passenden Haushalt' : `${matches.length} passende Haushalte`} (${matches.map((m) => m.reference).join(', ')}): bitte verknüpfen oder ausdrücklich neu anlegen.`,
              );
            }
          }
          const visits = visitRepository(tx, ctx.actor.agencyId);
          if (input.visitId) {
            const v = await visits.caseOf(input.visitId);
            if (!v) throw fieldError('visitId', 'invalid_value', 'Diesen Besuch gibt es nicht.');
            if (v.case_id) throw fieldError('visitId', 'conflict', 'Aus diesem Besuch wurde bereits ein Fall eröffnet.');
          }
          // A further notice for a household whose case is open joins that case, unless a new case is asked for.
          const open = householdId && !input.newCase ? await noticeRepository(tx, ctx.actor.agencyId).openCaseOf(householdId) : undefined;
          if (open && householdId) return addNotice(tx, ctx, k, open, householdId, input);
          const caseManagerId = input.caseManagerId ?? (ctx.actor.role === 'case_manager' ? ctx.actor.userId : null);
          const socialWorkerId = input.socialWorkerId ?? (ctx.actor.role === 'social_worker' ? ctx.actor.userId : null);
          const res = await openCasesInBulk(tx, subjectOf(ctx), [
            { notice: input, householdId, caseManagerId, socialWorkerId, visitId: input.visitId ?? null },
          ]);
          const id = res.caseIds[0]!;
          if (input.visitId) await visits.linkCase(input.visitId, id, res.householdIds[0]!);
          const stage = defaultThreatStage(input);
          await k.fx.inform(
            await k.fx.caseManagersOr(caseManagerId),
            'prevention.case_opened',
            `Neue Mitteilung ${res.references[0]}: sofort Kontakt aufnehmen`,
            `${input.tenants[0]!.firstName} ${input.tenants[0]!.lastName}, ${input.street}. Das Kontaktverfahren beginnt heute.`,
            caseLink(id),
            {
              text: {
                key: 'notice.caseOpened',
                params: {
                  reference: res.references[0]!,
                  name: `${input.tenants[0]!.firstName} ${input.tenants[0]!.lastName}`,
                  street: input.street,
                },
              },
            },
          );
          if (input.evictionAt || stage === 'eviction_date') {
            await k.fx.inform(
              [...(await k.fx.leads()), socialWorkerId],
              'prevention.eviction',
              `Räumungstermin in Fall ${res.references[0]}`,
              input.evictionAt ? `Räumung am ${germanDateTime.format(new Date(input.evictionAt))} Uhr.` : 'Ein Räumungstermin steht bevor.',
              caseLink(id),
              { text: { key: 'notice.evictionDate', params: { reference: res.references[0]!, evictionAt: input.evictionAt ?? null } } },
            );
          }
          return k.full(id);
        });
      }),

    update: (ctx: Ctx, id: string, input: z.output<typeof ZCaseUpdate>, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.update');
        k.step(row, 'update');
        k.checkVersion(row.version, version);
        const evictionBefore = row.eviction_at ? new Date(row.eviction_at).getTime() : null;
        await k.touch(id, {
          source: input.source,
          source_detail: input.sourceDetail,
          self_referral_via: input.selfReferralVia,
          received_on: input.receivedOn,
          street: input.street,
          postal_code: input.postalCode,
          city: input.city,
          landlord_name: input.landlordName,
          landlord_address: input.landlordAddress,
          monthly_rent_cents: input.monthlyRentCents,
          arrears_cents: input.arrearsCents,
          compensation_cents: input.compensationCents,
          court_name: input.courtName,
          court_file_number: input.courtFileNumber,
          parties: JSON.stringify(input.parties),
          threat_stage: defaultThreatStage(input),
          termination_on: input.terminationOn,
          ordinary_termination: input.ordinaryTermination,
          previous_cure_on: input.previousCureOn,
          lawsuit_served_on: input.lawsuitServedOn,
          hearing_at: input.hearingAt,
          written_proceedings_served_on: input.writtenProceedingsServedOn,
          eviction_at: input.evictionAt,
          note: input.note,
        });
        await k.fx.refresh((await k.repo.lock(id))!);
        audit(tx, ctx, { action: 'prevention.update', entityId: id });
        const evictionAfter = input.evictionAt ? new Date(input.evictionAt).getTime() : null;
        if (evictionAfter !== null && evictionAfter !== evictionBefore) {
          // The eviction date must be visible to everyone on the case at once, and the lead escalates.
          await k.fx.inform(
            [row.case_manager_id, row.social_worker_id, ...(await k.fx.leads())],
            'prevention.eviction',
            `Räumungstermin in Fall ${row.reference}`,
            `Räumung am ${germanDateTime.format(new Date(evictionAfter))} Uhr.`,
            caseLink(id),
            {
              text: { key: 'notice.evictionDate', params: { reference: row.reference, evictionAt: new Date(evictionAfter).toISOString() } },
            },
          );
        }
        return k.full(id);
      }),

    assign: (ctx: Ctx, id: string, input: z.output<typeof ZAssign>) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.assign');
        k.step(row, 'assign');
        k.checkVersion(row.version, input.version);
        await k.checkStaff(input.caseManagerId, input.socialWorkerId);
        await k.touch(id, { case_manager_id: input.caseManagerId, social_worker_id: input.socialWorkerId });
        await k.fx.refresh((await k.repo.lock(id))!);
        audit(tx, ctx, {
          action: 'prevention.assign',
          entityId: id,
          details: { caseManagerId: input.caseManagerId, socialWorkerId: input.socialWorkerId },
        });
        const fresh = [
          input.caseManagerId !== row.case_manager_id ? input.caseManagerId : null,
          input.socialWorkerId !== row.social_worker_id ? input.socialWorkerId : null,
        ];
        await k.fx.inform(
          fresh,
          'prevention.assigned',
          `Fall ${row.reference} wurde Ihnen zugewiesen`,
          'Bitte den Fall und seine Fristen ansehen.',
          caseLink(id),
          { text: { key: 'notice.caseAssigned', params: { reference: row.reference } } },
        );
        return k.full(id);
      }),
  };
}
