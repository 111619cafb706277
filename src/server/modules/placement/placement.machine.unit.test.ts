import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/common.js';
import { CANDIDATE_STATES, OFFER_STATES } from '../../../contracts/placement.js';
import { AppError } from '../../platform/errors/app-error.js';
import { CANDIDATE_STEPS, OFFER_STEPS, next, stepsFor } from './placement.machine.js';

/**
 * The transitions as the process describes them, written out independently of the machine: every
 * (step, from) pair not listed here must be refused with 409 and the current state.
 */
const OFFER_EXPECTED = `
submit draft submitted
approve submitted shortlisting
decline submitted declined
withdraw draft withdrawn
withdraw submitted withdrawn
withdraw shortlisting withdrawn
withdraw round_table withdrawn
scheduleRoundTable shortlisting round_table
allocate round_table allocated
concludeLease allocated let
restart round_table shortlisting
restart allocated shortlisting
edit draft draft
edit submitted submitted
check submitted submitted
rank shortlisting shortlisting
rank round_table round_table
pick shortlisting shortlisting
pick round_table round_table
updateRoundTable round_table round_table
attach draft draft
attach submitted submitted
attach shortlisting shortlisting
attach round_table round_table`;

const CANDIDATE_EXPECTED = `
present shortlisted presented
withdraw shortlisted withdrawn
withdraw presented withdrawn
scheduleViewing presented viewing_scheduled
updateViewing viewing_scheduled viewing_scheduled
cancelViewing viewing_scheduled presented
recordViewing viewing_scheduled viewed
accept viewed accepted
accept refused accepted
refuse viewed refused
talk refused refused
talk viewed viewed
talk accepted accepted
veto presented vetoed
veto viewing_scheduled vetoed
veto viewed vetoed
veto accepted vetoed
veto refused vetoed
allocate accepted allocated
release shortlisted not_selected
release presented not_selected
release viewing_scheduled not_selected
release viewed not_selected
release accepted not_selected
release refused not_selected
release allocated not_selected`;

const table = (s: string) =>
  new Map(
    s
      .trim()
      .split('\n')
      .map((l) => {
        const [step, from, to] = l.trim().split(' ');
        return [`${step} ${from}`, to!];
      }),
  );

function checkMachine(machine: Record<string, { roles: readonly string[] }>, states: readonly string[], expected: Map<string, string>) {
  for (const step of Object.keys(machine)) {
    const role = machine[step]!.roles[0] as (typeof ROLES)[number];
    for (const state of states) {
      const want = expected.get(`${step} ${state}`);
      if (want) {
        expect(next(machine as never, step, state, role), `${step} from ${state}`).toBe(want);
      } else {
        let err: unknown;
        try {
          next(machine as never, step, state, role);
        } catch (e) {
          err = e;
        }
        expect(err, `${step} from ${state} must be refused`).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('invalid_transition');
        expect((err as AppError).extra.currentState).toBe(state);
      }
    }
  }
  // Nothing expected is missing from the machine.
  for (const key of expected.keys()) expect(Object.keys(machine)).toContain(key.split(' ')[0]);
}

describe('placement state machines', () => {
  it('offer: every allowed transition leads where the process says, every other is a 409', () => {
    checkMachine(OFFER_STEPS, OFFER_STATES, table(OFFER_EXPECTED));
  });

  it('candidate: every allowed transition leads where the process says, every other is a 409', () => {
    checkMachine(CANDIDATE_STEPS, CANDIDATE_STATES, table(CANDIDATE_EXPECTED));
  });

  it('a role outside a step is refused with 403 whatever the state', () => {
    for (const machine of [OFFER_STEPS, CANDIDATE_STEPS] as Record<string, { from: readonly string[]; roles: readonly string[] }>[]) {
      for (const [name, step] of Object.entries(machine)) {
        for (const role of ROLES.filter((r) => !step.roles.includes(r))) {
          let code: string | undefined;
          try {
            next(machine as never, name, step.from[0] as never, role);
          } catch (e) {
            code = (e as AppError).code;
          }
          expect(code, `${role} ${name}`).toBe('forbidden');
        }
      }
    }
  });

  it('housing companies may only veto candidates; the office allocates', () => {
    expect(stepsFor(CANDIDATE_STEPS, 'accepted', 'provider_user')).toEqual(['veto']);
    expect(stepsFor(CANDIDATE_STEPS, 'accepted', 'case_manager')).toEqual(['talk', 'allocate', 'release']);
    expect(stepsFor(OFFER_STEPS, 'draft', 'provider_user')).toEqual(['edit', 'submit', 'withdraw', 'attach']);
    expect(stepsFor(OFFER_STEPS, 'submitted', 'provider_user')).not.toContain('approve');
    expect(stepsFor(OFFER_STEPS, 'let', 'lead')).toEqual([]);
  });
});
