import type { TRole } from '../../../contracts/common.js';
import type { TConflictState, TConflictStep, TRentDefaultState, TRentDefaultStep } from '../../../contracts/sustainment.js';
import { can, next, stepsFor } from '../placement/placement.machine.js';

/*
 * The two incident machines of sustainment. Every step names the states it may start from, the
 * state it leads to (`null`: the state stays), the roles that may take it, what it records and the
 * deadlines it opens and closes (applied by the service through sustainment.effects.ts).
 * Relationship rules come on top and are checked by the service: a provider user acts only on its
 * own company's tenancies; a case manager only as the tenancy's contact person; a social worker only
 * for the tenancies/households they look after; a lead on everything in the agency.
 *
 * A. Rent default (Mietausfall)
 *   (create) ─report→ reported ─forward→ clarifying ─recordReasons→ reasons_recorded ─informProvider→ awaiting_decision
 *   awaiting_decision ─wait→ waiting ─recheckUnpaid→ clarifying (round + 1: the loop starts again at step 2)
 *   awaiting_decision/waiting ─demandPayment→ payout_due ─payout→ assignment_pending ─confirmAssignment→ secured
 *   reported…waiting ─markPaid→ resolved          reported…payout_due ─cancel→ cancelled
 *   Deadlines: report opens `incident_forward` (contact person, forwardWorkingDays); forward opens
 *   `incident_clarify` (social worker, clarifyWorkingDays); recordReasons closes it and opens
 *   `incident_inform_provider` (contact person, informProviderWorkingDays); informProvider closes it;
 *   wait opens `incident_recheck` (contact person, due on the re-check date); recheckUnpaid closes it
 *   and opens `incident_clarify` again; demandPayment opens `incident_payout` (contact person,
 *   payoutWorkingDays); payout closes it and opens `incident_assignment` (contact person,
 *   assignmentWorkingDays); confirmAssignment closes it. markPaid and cancel close every open one.
 *
 * B. Conflict (Konfliktfall)
 *   (create) ─report→ reported ─forward→ in_progress ─recordContact→ in_progress (contacts until solved)
 *   in_progress ─solve→ solved ─informProvider→ secured
 *   reported/in_progress ─warning→ (stays)   reported/in_progress ─terminate→ terminated
 *   reported/in_progress/solved ─cancel→ cancelled
 *   Deadlines: report opens `incident_forward`; forward opens `incident_contact` (social worker,
 *   conflictContactWorkingDays), met by the first contact that reached the household; solve closes
 *   open ones and opens `incident_inform_provider`; informProvider closes it; terminate and cancel
 *   close every open one (terminate also flags the household and opens `follow_up` for its case manager).
 */

export interface Step<S extends string> {
  from: readonly S[];
  to: S | null;
  roles: readonly TRole[];
}

const CM = ['case_manager', 'lead'] as const satisfies readonly TRole[];
const SW = ['social_worker', 'case_manager', 'lead'] as const satisfies readonly TRole[];
const REPORTERS = ['provider_user', 'case_manager', 'social_worker', 'lead'] as const satisfies readonly TRole[];
const DECIDERS = ['provider_user', 'case_manager', 'lead'] as const satisfies readonly TRole[];

export const RENT_DEFAULT_MACHINE = {
  report: { from: [], to: 'reported', roles: REPORTERS },
  forward: { from: ['reported'], to: 'clarifying', roles: CM },
  recordReasons: { from: ['clarifying'], to: 'reasons_recorded', roles: SW },
  informProvider: { from: ['reasons_recorded'], to: 'awaiting_decision', roles: CM },
  wait: { from: ['awaiting_decision'], to: 'waiting', roles: DECIDERS },
  demandPayment: { from: ['awaiting_decision', 'waiting'], to: 'payout_due', roles: DECIDERS },
  recheckUnpaid: { from: ['waiting'], to: 'clarifying', roles: DECIDERS },
  markPaid: { from: ['reported', 'clarifying', 'reasons_recorded', 'awaiting_decision', 'waiting'], to: 'resolved', roles: DECIDERS },
  payout: { from: ['payout_due'], to: 'assignment_pending', roles: CM },
  confirmAssignment: { from: ['assignment_pending'], to: 'secured', roles: CM },
  cancel: {
    from: ['reported', 'clarifying', 'reasons_recorded', 'awaiting_decision', 'waiting', 'payout_due'],
    to: 'cancelled',
    roles: CM,
  },
} as const satisfies Record<TRentDefaultStep, Step<TRentDefaultState>>;

export const CONFLICT_MACHINE = {
  report: { from: [], to: 'reported', roles: REPORTERS },
  forward: { from: ['reported'], to: 'in_progress', roles: CM },
  recordContact: { from: ['in_progress'], to: null, roles: SW },
  warning: { from: ['reported', 'in_progress'], to: null, roles: DECIDERS },
  solve: { from: ['in_progress'], to: 'solved', roles: SW },
  informProvider: { from: ['solved'], to: 'secured', roles: CM },
  terminate: { from: ['reported', 'in_progress'], to: 'terminated', roles: CM },
  cancel: { from: ['reported', 'in_progress', 'solved'], to: 'cancelled', roles: CM },
} as const satisfies Record<TConflictStep, Step<TConflictState>>;

export type IncidentMachine = Record<string, Step<string>>;
export const machineOf = (kind: string): IncidentMachine => (kind === 'conflict' ? CONFLICT_MACHINE : RENT_DEFAULT_MACHINE);

/** Steps that a relationship (not only the role) limits: who of the office acts on which incident. */
export const SOCIAL_WORK_STEPS: readonly string[] = ['recordReasons', 'recordContact', 'solve'];

export { can, next, stepsFor };

/** The incident steps `role` may take from `state` (role and state only; the service adds relationships). */
export function incidentSteps(kind: string, state: string, role: TRole): string[] {
  return stepsFor(machineOf(kind), state, role).filter((s) => s !== 'report');
}
