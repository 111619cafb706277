import type { TRole } from '../../../contracts/common.js';
import type { TCandidateState, TOfferState } from '../../../contracts/placement.js';
import { AppError } from '../../platform/errors/app-error.js';

/*
 * The two state machines of placement. Every step names the states it may start from, the state it
 * leads to (or `null` when the state stays, as for rescheduling) and the roles that may take it.
 * Relationship rules (a provider user acts only on its own company's offers) are checked by the
 * service; deadlines each step opens or closes are listed here as documentation and applied there.
 *
 * Offer:
 *   draft ─submit→ submitted ─approve→ shortlisting ─scheduleRoundTable→ round_table ─allocate→ allocated ─concludeLease→ let
 *                  submitted ─decline→ declined          round_table/allocated ─restart→ shortlisting (round + 1)
 *   draft/submitted/shortlisting/round_table ─withdraw→ withdrawn
 *   Deadlines: allocate opens "Verträge abschließen" (case manager); concludeLease, restart and withdraw close them.
 *
 * Candidate (one household on one offer in one round):
 *   shortlisted ─present→ presented ─scheduleViewing→ viewing_scheduled ─recordViewing→ viewed
 *   viewing_scheduled ─cancelViewing→ presented
 *   viewed ─accept→ accepted ─allocate→ allocated
 *   viewed ─refuse→ refused ─accept→ accepted (the household may still accept after talks)
 *   presented…refused ─veto→ vetoed (housing company)
 *   shortlisted/presented ─withdraw→ withdrawn (staff take the household off the list)
 *   any open state ─release→ not_selected (another was allocated, or the offer restarted or ended)
 *   Deadlines: recordViewing opens the household's decision deadline (agency working days, state
 *   holidays); accept/refuse/veto/release close it; refuse opens the social worker's follow-up talk,
 *   which a recorded talk, accept or release closes.
 */

interface Step<S extends string> {
  from: readonly S[];
  to: S | null;
  roles: readonly TRole[];
}

const CM = ['case_manager', 'lead'] as const satisfies readonly TRole[];
const CASE_STAFF = ['case_manager', 'social_worker', 'lead'] as const satisfies readonly TRole[];

export const OFFER_STEPS = {
  edit: { from: ['draft', 'submitted'], to: null, roles: [...CM, 'provider_user'] },
  submit: { from: ['draft'], to: 'submitted', roles: [...CM, 'provider_user'] },
  check: { from: ['submitted'], to: null, roles: CM },
  approve: { from: ['submitted'], to: 'shortlisting', roles: CM },
  decline: { from: ['submitted'], to: 'declined', roles: CM },
  withdraw: { from: ['draft', 'submitted', 'shortlisting', 'round_table'], to: 'withdrawn', roles: [...CM, 'provider_user'] },
  rank: { from: ['shortlisting', 'round_table'], to: null, roles: CASE_STAFF },
  pick: { from: ['shortlisting', 'round_table'], to: null, roles: CASE_STAFF },
  scheduleRoundTable: { from: ['shortlisting'], to: 'round_table', roles: CM },
  updateRoundTable: { from: ['round_table'], to: null, roles: CM },
  allocate: { from: ['round_table'], to: 'allocated', roles: CM },
  concludeLease: { from: ['allocated'], to: 'let', roles: CM },
  restart: { from: ['round_table', 'allocated'], to: 'shortlisting', roles: CM },
  attach: { from: ['draft', 'submitted', 'shortlisting', 'round_table'], to: null, roles: [...CM, 'provider_user'] },
} as const satisfies Record<string, Step<TOfferState>>;

const OPEN_CANDIDATE = [
  'shortlisted',
  'presented',
  'viewing_scheduled',
  'viewed',
  'accepted',
  'refused',
] as const satisfies readonly TCandidateState[];

export const CANDIDATE_STEPS = {
  present: { from: ['shortlisted'], to: 'presented', roles: CM },
  withdraw: { from: ['shortlisted', 'presented'], to: 'withdrawn', roles: CASE_STAFF },
  scheduleViewing: { from: ['presented'], to: 'viewing_scheduled', roles: CASE_STAFF },
  updateViewing: { from: ['viewing_scheduled'], to: null, roles: CASE_STAFF },
  cancelViewing: { from: ['viewing_scheduled'], to: 'presented', roles: CASE_STAFF },
  recordViewing: { from: ['viewing_scheduled'], to: 'viewed', roles: CASE_STAFF },
  accept: { from: ['viewed', 'refused'], to: 'accepted', roles: CASE_STAFF },
  refuse: { from: ['viewed'], to: 'refused', roles: CASE_STAFF },
  talk: { from: ['refused', 'viewed', 'accepted'], to: null, roles: CASE_STAFF },
  veto: { from: ['presented', 'viewing_scheduled', 'viewed', 'accepted', 'refused'], to: 'vetoed', roles: ['provider_user'] },
  allocate: { from: ['accepted'], to: 'allocated', roles: CM },
  release: { from: [...OPEN_CANDIDATE, 'allocated'], to: 'not_selected', roles: CM },
} as const satisfies Record<string, Step<TCandidateState>>;

export type OfferStep = keyof typeof OFFER_STEPS;
export type CandidateStep = keyof typeof CANDIDATE_STEPS;
export const OPEN_CANDIDATE_STATES: readonly TCandidateState[] = OPEN_CANDIDATE;
export const OPEN_OFFER_STATES: readonly TOfferState[] = ['submitted', 'shortlisting', 'round_table', 'allocated'];

type Machine<S extends string> = Record<string, Step<S>>;

/** Whether `role` may take `step` from `state` (state and role both fit). */
export function can<S extends string>(machine: Machine<S>, step: string, state: S, role: TRole): boolean {
  const s = machine[step];
  return !!s && (s.from as readonly S[]).includes(state) && (s.roles as readonly TRole[]).includes(role);
}

/**
 * The state `step` leads to from `state`. A role that may never take the step is a 403 (checked
 * before: the caller's permission); a step impossible in this state is a 409 with the current state.
 */
export function next<S extends string>(machine: Machine<S>, step: string, state: S, role: TRole): S {
  const s = machine[step];
  if (!s || !(s.roles as readonly TRole[]).includes(role)) throw new AppError('forbidden');
  if (!(s.from as readonly S[]).includes(state)) {
    throw new AppError('invalid_transition', `Dieser Schritt ist im Zustand „${state}“ nicht möglich.`, { currentState: state });
  }
  return (s.to ?? state) as S;
}

/** The steps `role` may take now, for the UI's buttons. */
export function stepsFor<S extends string>(machine: Machine<S>, state: S, role: TRole): string[] {
  return Object.keys(machine).filter((k) => can(machine, k, state, role));
}
