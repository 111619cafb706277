import type { TAftercareCase, TAftercareState } from '../../../contracts/aftercare.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import type { Permission } from '../../platform/access/registry.js';
import { endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { stepEffects } from '../../platform/effects/effects.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { userFacts } from '../users/users.service.js';
import { addDays } from './aftercare.dates.js';
import { AFTERCARE_STEPS, next, type AftercareStep } from './aftercare.machine.js';
import { CARRIER_FIELDS, presentCase } from './aftercare.present.js';
import { aftercareRepository, type AftercareRow } from './aftercare.repository.js';
import { helpRepository } from './help.repository.js';

export const caseLink = (id: string) => `/aftercare/cases/${id}`;

/** The pieces every aftercare service method uses, bound to one transaction and actor. */
export function kit(tx: Tx, ctx: Ctx) {
  const agencyId = ctx.actor.agencyId;
  const repo = aftercareRepository(tx, agencyId);
  const help = helpRepository(tx, agencyId);
  const fx = stepEffects(tx, ctx);
  const scope = access.aftercareScope(ctx.actor);
  let lead: Promise<boolean> | undefined;

  /** Whether the actor leads its carrier's team (sees all of the carrier's cases, assigns workers). */
  const isCarrierLead = () =>
    (lead ??=
      ctx.actor.role !== 'carrier_worker'
        ? Promise.resolve(false)
        : userFacts(tx, agencyId, [ctx.actor.userId]).then((u) => !!u[0]?.carrier_lead));

  /** Permission first, then the scope: a missing, hidden or other agency's case is the same 404. */
  async function locked(id: string, permission: Permission): Promise<AftercareRow> {
    access.require(ctx.actor, permission, { type: 'aftercare_case', id });
    const row = await repo.lockVisible(id, scope);
    if (!row) throw new AccessDenied(permission, { type: 'aftercare_case', id });
    return row;
  }

  const settings = async () => (await fx.agency()).settings.aftercare;

  return {
    tx,
    repo,
    help,
    fx,
    scope,
    locked,
    settings,
    isCarrierLead,
    /** The state `step` leads to; 409 with the current state when impossible now. */
    step: (row: Pick<AftercareRow, 'state'>, step: AftercareStep) =>
      next(AFTERCARE_STEPS, step, row.state as TAftercareState, ctx.actor.role),
    checkVersion(actual: number, expected: number) {
      if (actual !== expected) throw new AppError('precondition_failed');
    },

    /** The case as the API presents it; a carrier's copy is logged as a transfer. */
    async full(id: string): Promise<TAftercareCase> {
      const row = await repo.detail(id);
      if (!row) throw new AppError('not_found');
      const [s, carrierLead] = await Promise.all([settings(), isCarrierLead()]);
      if (access.isCarrierView(ctx.actor)) {
        await help.logTransfers([
          { case_id: id, carrier_id: row.carrier_id, user_id: ctx.actor.userId, kind: 'case_read', fields: [...CARRIER_FIELDS] },
        ]);
      }
      return presentCase(ctx.actor, row, s.maxTotalMonths, carrierLead);
    },

    /** The next visit as a deadline in the carrier worker's queue (replaces the open one). */
    async planVisit(row: Pick<AftercareRow, 'id' | 'reference' | 'carrier_worker_id' | 'household_id'>, dueOn: string | null) {
      await fx.closeDeadlines(row.id, ['aftercare_visit'], 'cancelled');
      if (!dueOn) return;
      await fx.openDeadline({
        subjectType: 'aftercare_case',
        subjectId: row.id,
        householdId: row.household_id,
        kind: 'aftercare_visit',
        title: `Hausbesuch ${row.reference}`,
        text: { key: 'deadlineTitle.aftercare_visit', params: { reference: row.reference } },
        link: caseLink(row.id),
        dueAt: endOfDayBerlin(dueOn),
        remindAt: endOfDayBerlin(addDays(dueOn, -3)),
        assigneeId: row.carrier_worker_id,
        escalateToLead: false,
      });
    },

    /** The end of the grant as a deadline with a reminder for the Fachstelle (extend or end). */
    async planEnd(row: Pick<AftercareRow, 'id' | 'reference' | 'household_id'>, until: string, assigneeId: string | null) {
      const s = await settings();
      await fx.closeDeadlines(row.id, ['aftercare_end'], 'cancelled');
      await fx.openDeadline({
        subjectType: 'aftercare_case',
        subjectId: row.id,
        householdId: row.household_id,
        kind: 'aftercare_end',
        title: `Ende der Nachsorge ${row.reference}: verlängern oder beenden`,
        text: { key: 'deadlineTitle.aftercare_end', params: { reference: row.reference } },
        link: caseLink(row.id),
        dueAt: endOfDayBerlin(until),
        remindAt: endOfDayBerlin(addDays(until, -s.endReminderDays)),
        assigneeId,
      });
    },
  };
}
export type Kit = ReturnType<typeof kit>;
