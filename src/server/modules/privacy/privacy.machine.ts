import type { TRole } from '../../../contracts/common.js';
import type { TPrivacyRequestState } from '../../../contracts/privacy.js';
import { can, next, stepsFor } from '../placement/placement.machine.js';

/*
 * The access request's state machine (Art. 15 DSGVO, § 83 SGB X). Every step names the states it may
 * start from, the state it leads to and the roles that may take it; the service checks the permission
 * first, then the step here. `actions` in a response are the steps the current user may take now.
 *
 *   received ─start→ in_progress ─produce→ produced ─handOver→ handed_over
 *   received ─produce→ produced      (the export can be made at once)
 *   received/in_progress ─refuse(reason)→ refused
 *
 * Deadline: "privacy_request_due" = received + one month (Art. 12(3)), reminder a week before,
 * escalated to the lead; closed (done) on hand-over, (cancelled) on refusal.
 */

interface Step {
  from: readonly TPrivacyRequestState[];
  to: TPrivacyRequestState;
  roles: readonly TRole[];
}

const OFFICE = ['case_manager', 'social_worker', 'lead'] as const satisfies readonly TRole[];

export const REQUEST_STEPS = {
  start: { from: ['received'], to: 'in_progress', roles: OFFICE },
  produce: { from: ['received', 'in_progress'], to: 'produced', roles: OFFICE },
  handOver: { from: ['produced'], to: 'handed_over', roles: OFFICE },
  refuse: { from: ['received', 'in_progress'], to: 'refused', roles: OFFICE },
} as const satisfies Record<string, Step>;

export type RequestStep = keyof typeof REQUEST_STEPS;

export const requestCan = (step: RequestStep, state: TPrivacyRequestState, role: TRole) => can(REQUEST_STEPS, step, state, role);
export const requestActions = (state: TPrivacyRequestState, role: TRole) => stepsFor(REQUEST_STEPS, state, role) as RequestStep[];
/** The state `step` leads to; 403 for a role that may never take it, 409 in a state it cannot start from. */
export const requestNext = (step: RequestStep, state: TPrivacyRequestState, role: TRole) => next(REQUEST_STEPS, step, state, role);
export const OPEN_REQUEST_STATES: readonly TPrivacyRequestState[] = ['received', 'in_progress', 'produced'];
