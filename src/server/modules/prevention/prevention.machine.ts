import type { TRole } from '../../../contracts/common.js';
import type { TCaseState } from '../../../contracts/prevention.js';
export { can, next, stepsFor } from '../placement/placement.machine.js';

/*
 * The prevention case's state machine. Every step names the states it may start from, the state
 * it leads to (`null`: stays) and the roles that may take it. The service checks the permission
 * (registry) first, then the step here; `actions` in a case response are the steps the current
 * user may take now.
 *
 *   contacting ─reach→ clearing ─completeClearing→ measures
 *   contacting/clearing/measures ─close(outcome)→ closed ─reopen (lead)→ clearing
 *   closed (home_kept) ─handOver→ closed (aftercare carrier recorded)
 *
 * Deadlines (rows through the platform scheduler, kinds in prevention.derive.ts):
 *   create/update/recordAttempt: "prevention_contact" = the next due contact step (case manager);
 *     met by an attempt for that step, gone when contact is reached.
 *   create/update: cure end, defence end, hearing, eviction (reminders before; cure end and
 *     eviction escalate to the lead); recomputed on every change of the legal facts.
 *   close: every open deadline of the case is closed (done for home_kept, else cancelled).
 *   reopen: deadlines are planned again from the facts.
 * Notifications (the next actor): create → case manager (or all case managers and leads);
 *   reach → social worker (clearing); completeClearing → case manager (measures);
 *   eviction date recorded → everyone on the case and the leads; close(home_lost) → the
 *   household's case manager and the leads (accommodation / placement); handOver → the carrier's workers.
 */

interface Step {
  from: readonly TCaseState[];
  to: TCaseState | null;
  roles: readonly TRole[];
}

const STAFF = ['case_manager', 'social_worker', 'lead'] as const satisfies readonly TRole[];
const CM = ['case_manager', 'lead'] as const satisfies readonly TRole[];
const OPEN = ['contacting', 'clearing', 'measures'] as const satisfies readonly TCaseState[];

export const CASE_STEPS = {
  update: { from: OPEN, to: null, roles: STAFF },
  assign: { from: OPEN, to: null, roles: CM },
  recordAttempt: { from: OPEN, to: null, roles: STAFF },
  reach: { from: ['contacting'], to: 'clearing', roles: STAFF },
  contactLetter: { from: ['contacting', 'clearing'], to: null, roles: STAFF },
  saveClearing: { from: ['clearing', 'measures'], to: null, roles: STAFF },
  completeClearing: { from: ['clearing'], to: 'measures', roles: STAFF },
  addMeasure: { from: ['clearing', 'measures'], to: null, roles: STAFF },
  updateMeasure: { from: ['clearing', 'measures'], to: null, roles: STAFF },
  /** Deciding a rent-debt assumption and committing money in writing is the case manager's. */
  decideMeasure: { from: ['clearing', 'measures'], to: null, roles: CM },
  commitmentLetter: { from: ['clearing', 'measures'], to: null, roles: CM },
  addReferral: { from: ['clearing', 'measures'], to: null, roles: STAFF },
  updateReferral: { from: ['clearing', 'measures', 'closed'], to: null, roles: STAFF },
  close: { from: OPEN, to: 'closed', roles: STAFF },
  handOver: { from: ['closed'], to: null, roles: CM },
  reopen: { from: ['closed'], to: 'clearing', roles: ['lead'] },
} as const satisfies Record<string, Step>;

export type CaseStep = keyof typeof CASE_STEPS;
export const OPEN_CASE_STATES: readonly TCaseState[] = OPEN;
