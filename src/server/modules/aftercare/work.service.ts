import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  EARLY_WARNING_SIGNS,
  type ZContactInput,
  type ZGoalInput,
  type ZGoalReviewInput,
  type ZGoalUpdate,
  type ZHelpReferralInput,
  type ZHelpReferralUpdate,
  type ZVisitInput,
} from '../../../contracts/aftercare.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { germanDate } from '../../platform/deadlines/workdays.js';
import { AccessDenied } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { noticeFromAftercare } from '../prevention/notices.service.js';
import { activeCarrierLeads } from '../users/users.service.js';
import { addDays, weekEnd } from './aftercare.dates.js';
import { CARRIER_QUEUE_FIELDS } from './aftercare.present.js';
import { caseLink, kit, type Kit } from './aftercare.shared.js';
import { fieldError, todayBerlin } from './cases.service.js';

/**
 * Rows per queue bucket, the most urgent first; the counts say how many there are in all. Each shown
 * case is logged as a transfer to the carrier (once per user and day), so a page is kept short.
 */
const QUEUE_LIMIT = 25;

const RISK_TEXT: Record<string, string> = {
  new_arrears: 'neue Mietrückstände',
  notice: 'Mahnung oder Kündigungsandrohung',
  termination: 'Kündigung',
};

/** The help itself: plan, visits (with the early warning back to prevention), referrals, mediation, the carrier's queue. */
export function workService(db: Kysely<DB>) {
  const run = <T>(ctx: Ctx, fn: (k: Kit) => Promise<T>) => actorTx(db, ctx, (tx) => fn(kit(tx, ctx)));

  return {
    addGoal: (ctx: Ctx, id: string, input: z.output<typeof ZGoalInput>) =>
      run(ctx, async (k) => {
        const row = await k.locked(id, 'aftercare.plan');
        k.step(row, 'addGoal');
        const goal = await k.help.addGoal(id, input, ctx.actor.userId);
        await k.repo.update(id, {});
        audit(k.tx, ctx, { action: 'aftercare.goal', entityId: id, details: { goal: goal.id, step: 'add' } });
        return k.full(id);
      }),

    updateGoal: (ctx: Ctx, goalId: string, input: z.output<typeof ZGoalUpdate>) =>
      run(ctx, async (k) => {
        const g = await k.help.goalCase(goalId);
        if (!g) throw new AccessDenied('aftercare.plan', { type: 'aftercare_goal', id: goalId });
        const row = await k.locked(g.case_id, 'aftercare.plan');
        k.step(row, 'updateGoal');
        await k.help.updateGoal(goalId, {
          goal: input.goal,
          measures: input.measures,
          responsible: input.responsible,
          review_on: input.reviewOn,
          state: input.state,
        });
        await k.repo.update(row.id, {});
        audit(k.tx, ctx, { action: 'aftercare.goal', entityId: row.id, details: { goal: goalId, step: 'update', state: input.state } });
        return k.full(row.id);
      }),

    reviewGoal: (ctx: Ctx, goalId: string, input: z.output<typeof ZGoalReviewInput>) =>
      run(ctx, async (k) => {
        const g = await k.help.goalCase(goalId);
        if (!g) throw new AccessDenied('aftercare.plan', { type: 'aftercare_goal', id: goalId });
        const row = await k.locked(g.case_id, 'aftercare.plan');
        k.step(row, 'reviewGoal');
        if (input.reviewedOn > todayBerlin()) throw fieldError('reviewedOn', 'too_big', 'Das Datum liegt in der Zukunft.');
        await k.help.addReview(goalId, row.id, input, ctx.actor.userId);
        await k.help.updateGoal(goalId, {
          review_on: input.nextReviewOn,
          ...(input.progress === 'reached' ? { state: 'reached' } : {}),
        });
        await k.repo.update(row.id, {});
        audit(k.tx, ctx, {
          action: 'aftercare.goal',
          entityId: row.id,
          details: { goal: goalId, step: 'review', progress: input.progress },
        });
        return k.full(row.id);
      }),

    /**
     * Documents a (tried) home visit and schedules the next one by the case's rhythm. Two missed
     * visits in a row alert the carrier's leads; new arrears, a notice or a termination send a notice
     * to prevention in this transaction — the carrier sees only that it was received.
     */
    documentVisit: (ctx: Ctx, id: string, input: z.output<typeof ZVisitInput>) =>
      run(ctx, async (k) => {
        const row = await k.locked(id, 'aftercare.visit');
        k.step(row, 'documentVisit');
        const today = todayBerlin();
        if (input.visitedOn > today) throw fieldError('visitedOn', 'too_big', 'Der Besuch liegt in der Zukunft.');
        if (row.granted_from && input.visitedOn < row.granted_from)
          throw fieldError('visitedOn', 'too_small', 'Der Besuch liegt vor dem Beginn der Hilfe.');
        const visit = await k.help.addVisit({
          case_id: id,
          status: input.status,
          planned_on: row.next_visit_due,
          visited_on: input.visitedOn,
          topics: [...new Set(input.topics)],
          risk_signs: [...new Set(input.riskSigns)],
          arrears_cents: input.arrearsCents,
          household_view: input.householdView,
          note: input.note,
          documented_by: ctx.actor.userId,
        });
        const missed = input.status === 'held' ? 0 : row.missed_in_row + 1;
        const weeks = row.visit_every_weeks ?? (await k.settings()).visitEveryWeeks;
        // A missed visit is tried again within a week; a held one follows the rhythm.
        const nextDue = addDays(input.visitedOn, input.status === 'held' ? weeks * 7 : 7);
        await k.repo.update(id, { missed_in_row: missed, next_visit_due: nextDue });
        await k.planVisit(row, nextDue);
        audit(k.tx, ctx, {
          action: 'aftercare.visit',
          entityId: id,
          details: { visit: visit.id, status: input.status, missedInRow: missed },
        });
        if (missed >= 2) {
          await k.fx.inform(
            await activeCarrierLeads(k.tx, ctx.actor.agencyId, row.carrier_id),
            'aftercare.visits_missed',
            `Nachsorge ${row.reference}: ${missed} Hausbesuche in Folge nicht zustande gekommen`,
            `Der letzte Versuch war am ${germanDate(input.visitedOn)}. Bitte das weitere Vorgehen klären.`,
            caseLink(id),
            { text: { key: 'notice.visitsMissed', params: { reference: row.reference, missed, visitedOn: input.visitedOn } } },
          );
        }
        const warnings = input.riskSigns.filter((r) => EARLY_WARNING_SIGNS.includes(r));
        if (warnings.length && row.street && row.postal_code && row.city) {
          const carrier = (await k.repo.detail(id))!.carrier_name;
          const { caseId } = await noticeFromAftercare(k.tx, ctx, {
            householdId: row.household_id,
            street: row.street,
            postalCode: row.postal_code,
            city: row.city,
            phone: row.phone,
            arrearsCents: input.arrearsCents,
            findings: warnings.map((w) => RISK_TEXT[w] ?? w).join(', '),
            receivedOn: input.visitedOn,
            carrierName: carrier,
            aftercareReference: row.reference,
          });
          await k.help.markVisitNotified(visit.id, caseId);
          audit(k.tx, ctx, { action: 'aftercare.early_warning', entityId: id, details: { visit: visit.id, signs: warnings } });
        }
        return k.full(id);
      }),

    addReferral: (ctx: Ctx, id: string, input: z.output<typeof ZHelpReferralInput>) =>
      run(ctx, async (k) => {
        const row = await k.locked(id, 'aftercare.support');
        k.step(row, 'addReferral');
        await k.help.addReferral(id, input, ctx.actor.userId);
        await k.repo.update(id, {});
        audit(k.tx, ctx, { action: 'aftercare.referral', entityId: id, details: { kind: input.kind, status: input.status } });
        return k.full(id);
      }),

    updateReferral: (ctx: Ctx, referralId: string, input: z.output<typeof ZHelpReferralUpdate>) =>
      run(ctx, async (k) => {
        const f = await k.help.referralCase(referralId);
        if (!f) throw new AccessDenied('aftercare.support', { type: 'aftercare_referral', id: referralId });
        const row = await k.locked(f.case_id, 'aftercare.support');
        k.step(row, 'updateReferral');
        await k.help.updateReferral(referralId, input);
        await k.repo.update(row.id, {});
        audit(k.tx, ctx, { action: 'aftercare.referral', entityId: row.id, details: { referral: referralId, status: input.status } });
        return k.full(row.id);
      }),

    logContact: (ctx: Ctx, id: string, input: z.output<typeof ZContactInput>) =>
      run(ctx, async (k) => {
        const row = await k.locked(id, 'aftercare.support');
        k.step(row, 'logContact');
        if (input.occurredOn > todayBerlin()) throw fieldError('occurredOn', 'too_big', 'Das Datum liegt in der Zukunft.');
        await k.help.addContact(id, input, ctx.actor.userId);
        await k.repo.update(id, {});
        audit(k.tx, ctx, {
          action: 'aftercare.contact',
          entityId: id,
          details: { counterpart: input.counterpart, outcome: input.outcome },
        });
        return k.full(id);
      }),

    /** The carrier's start page: visits due this week, overdue, cases ending within 28 days. */
    queue: (ctx: Ctx) =>
      run(ctx, async (k) => {
        access.require(ctx.actor, 'aftercare.queue');
        const today = todayBerlin();
        const rows = await k.repo.queue(k.scope, today, weekEnd(today), addDays(today, 28), QUEUE_LIMIT);
        const seen = new Map<string, string>();
        for (const r of rows) seen.set(r.id, r.carrier_id);
        await k.help.logTransfers(
          [...seen].map(([caseId, carrierId]) => ({
            case_id: caseId,
            carrier_id: carrierId,
            user_id: ctx.actor.userId,
            kind: 'queue',
            fields: [...CARRIER_QUEUE_FIELDS],
          })),
        );
        audit(k.tx, ctx, { action: 'aftercare.queue', details: { results: seen.size } });
        const item = (r: (typeof rows)[number]) => ({
          caseId: r.id,
          reference: r.reference,
          name: r.head_name,
          address: r.street ? `${r.street}, ${r.postal_code ?? ''} ${r.city ?? ''}`.trim() : null,
          carrierWorker: r.carrier_worker_id ? { id: r.carrier_worker_id, name: r.worker_name ?? '' } : null,
          nextVisitDueOn: r.next_visit_due,
          grantedUntil: r.granted_until,
          missedInRow: r.missed_in_row,
        });
        const count = (b: string) => Number(rows.find((r) => r.bucket === b)?.total ?? 0);
        return {
          today,
          dueThisWeek: rows.filter((r) => r.bucket === 'due').map(item),
          overdue: rows.filter((r) => r.bucket === 'overdue').map(item),
          endingSoon: rows.filter((r) => r.bucket === 'ending').map(item),
          counts: { dueThisWeek: count('due'), overdue: count('overdue'), endingSoon: count('ending') },
        };
      }),
  };
}
