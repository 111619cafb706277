import type { TRole } from '../../../contracts/common.js';
import type { TAftercareState } from '../../../contracts/aftercare.js';
export { can, next, stepsFor } from '../placement/placement.machine.js';

/*
 * The aftercare case's state machine. Every step names the states it may start from, the state it
 * leads to (`null`: stays) and the roles that may take it. The service checks the permission
 * (registry) and the scope first, then the step here; `actions` in a case response are the steps
 * the current user may take now.
 *
 *   referred ─check→ checked ─grant→ granted ─activate (consent given)→ active ─end(reason)→ ended
 *   referred/checked ─refuse (comparable help exists, letter)→ refused
 *   referred/checked/granted/active ─withdrawConsent→ ended (reason declined_withdrawn)
 *   active ─expire (deadline: time limit passed)→ ended (reason time_limit)
 *
 * The Fachstelle selects, checks, grants, extends and ends (seed § 7); the carrier performs the
 * help (visits, plan, referrals, mediation) once the household has consented.
 * Deadlines: grant/extend → "aftercare_end" (the granted-until date, reminder before, assigned to
 *   whoever granted); activate/visit → "aftercare_visit" (the next visit, assigned to the carrier
 *   worker, no escalation to the agency lead); end → "aftercare_follow_up" per follow-up month.
 */

interface Step {
  from: readonly TAftercareState[];
  to: TAftercareState | null;
  roles: readonly TRole[];
}

const OFFICE = ['case_manager', 'social_worker', 'lead'] as const satisfies readonly TRole[];
const CARRIER = ['carrier_worker'] as const satisfies readonly TRole[];
const BOTH = [...OFFICE, ...CARRIER] as const satisfies readonly TRole[];
const RUNNING = ['granted', 'active'] as const satisfies readonly TAftercareState[];

export const AFTERCARE_STEPS = {
  check: { from: ['referred'], to: 'checked', roles: OFFICE },
  refuse: { from: ['referred', 'checked'], to: 'refused', roles: OFFICE },
  grant: { from: ['checked'], to: 'granted', roles: OFFICE },
  recordConsent: { from: ['referred', 'checked', 'granted'], to: null, roles: OFFICE },
  activate: { from: ['granted'], to: 'active', roles: OFFICE },
  withdrawConsent: { from: ['referred', 'checked', 'granted', 'active'], to: 'ended', roles: OFFICE },
  extend: { from: RUNNING, to: null, roles: OFFICE },
  assign: { from: RUNNING, to: null, roles: BOTH },
  addGoal: { from: ['active'], to: null, roles: BOTH },
  updateGoal: { from: ['active'], to: null, roles: BOTH },
  reviewGoal: { from: ['active'], to: null, roles: BOTH },
  documentVisit: { from: ['active'], to: null, roles: CARRIER },
  addReferral: { from: ['active'], to: null, roles: BOTH },
  updateReferral: { from: ['active', 'ended'], to: null, roles: BOTH },
  logContact: { from: ['active'], to: null, roles: BOTH },
  end: { from: ['active'], to: 'ended', roles: OFFICE },
  expire: { from: ['active'], to: 'ended', roles: OFFICE },
  recordFollowUp: { from: ['ended'], to: null, roles: OFFICE },
} as const satisfies Record<string, Step>;

export type AftercareStep = keyof typeof AFTERCARE_STEPS;
export const RUNNING_STATES: readonly TAftercareState[] = RUNNING;
export const OPEN_STATES: readonly TAftercareState[] = ['referred', 'checked', 'granted', 'active'];
