import type { TRole } from '../../../contracts/common.js';
import type { TFacilityState } from '../../../contracts/accommodation.js';
import type { TAssignmentState } from '../../../contracts/accommodationStays.js';
import { AppError } from '../../platform/errors/app-error.js';
export { can, next, stepsFor } from '../placement/placement.machine.js';

/*
 * Two explicit machines of accommodation. Every step names the states it may start from, the state
 * it leads to and the roles that may take it; the service checks permission and scope first, then
 * the step here; `actions` in a response are the steps the current user may take now.
 *
 * Facility (admission):
 *   admitted ⇄ admitted_conditions ⇄ blocked (and admitted ⇄ blocked); a blocked facility takes no new
 *   assignments (stays already there go on). Conditions and a block carry their note. Inspections
 *   (later) take the same steps.
 *
 * Assignment (one household in one facility):
 *   assigned ─moveIn (staff or the operator confirm the day)→ moved_in ─moveOut (day, reason)→ moved_out
 *   assigned ─cancel (reason; never moved in)→ cancelled
 *   A transfer is moveOut (reason other_facility) of one and a new assignment pointing at it.
 */
interface Step<S extends string> {
  from: readonly S[];
  to: S | null;
  roles: readonly TRole[];
}

const TEAM = ['accommodation_worker', 'lead'] as const satisfies readonly TRole[];
const STAFF = ['case_manager', 'social_worker', 'accommodation_worker', 'lead'] as const satisfies readonly TRole[];

export const FACILITY_STEPS = {
  admit: { from: ['admitted_conditions', 'blocked'], to: 'admitted', roles: TEAM },
  admitWithConditions: { from: ['admitted', 'blocked', 'admitted_conditions'], to: 'admitted_conditions', roles: TEAM },
  block: { from: ['admitted', 'admitted_conditions', 'blocked'], to: 'blocked', roles: TEAM },
  edit: { from: ['admitted', 'admitted_conditions', 'blocked'], to: null, roles: TEAM },
  addRoom: { from: ['admitted', 'admitted_conditions', 'blocked'], to: null, roles: TEAM },
} as const satisfies Record<string, Step<TFacilityState>>;

/** The step that leads to a facility state. */
export const FACILITY_STEP_TO: Record<TFacilityState, keyof typeof FACILITY_STEPS> = {
  admitted: 'admit',
  admitted_conditions: 'admitWithConditions',
  blocked: 'block',
};

/** Move-in and move-out are confirmed by the office or by the operator's staff (portal). */
const RECEIVING = [...STAFF, 'operator_user'] as const satisfies readonly TRole[];

export const ASSIGNMENT_STEPS = {
  moveIn: { from: ['assigned'], to: 'moved_in', roles: RECEIVING },
  moveOut: { from: ['moved_in'], to: 'moved_out', roles: RECEIVING },
  cancel: { from: ['assigned'], to: 'cancelled', roles: STAFF },
  transfer: { from: ['moved_in'], to: 'moved_out', roles: STAFF },
} as const satisfies Record<string, Step<TAssignmentState>>;

/** States in which an assignment holds its places (on the days of its stays). */
export const HOLDING_STATES: readonly TAssignmentState[] = ['assigned', 'moved_in', 'moved_out'];
/** States in which an assignment is running (the household is or will be there). */
export const RUNNING_STATES: readonly TAssignmentState[] = ['assigned', 'moved_in'];

/** A facility in this state takes new assignments. */
export const takesAssignments = (state: TFacilityState): boolean => state !== 'blocked';

/** Refuses a move-in before the assigned day or in the future, and a move-out before the move-in. */
export function checkDay(kind: 'moveIn' | 'moveOut', day: string, bounds: { from: string; today: string }): void {
  const field = kind === 'moveIn' ? 'movedInOn' : 'movedOutOn';
  const fail = (message: string) =>
    new AppError('validation_failed', 'Die Eingaben sind ungültig.', { errors: [{ field, code: 'custom', message }] });
  if (day > bounds.today) throw fail('Der Tag liegt in der Zukunft.');
  if (day < bounds.from)
    throw fail(
      kind === 'moveIn' ? 'Der Einzug kann nicht vor dem Beginn der Zuweisung liegen.' : 'Der Auszug kann nicht vor dem Einzug liegen.',
    );
}
