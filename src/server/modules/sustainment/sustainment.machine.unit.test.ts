import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/common.js';
import { CONFLICT_STATES, CONFLICT_STEPS, RENT_DEFAULT_STATES, RENT_DEFAULT_STEPS } from '../../../contracts/sustainment.js';
import { AppError } from '../../platform/errors/app-error.js';
import { CONFLICT_MACHINE, RENT_DEFAULT_MACHINE, incidentSteps, next } from './sustainment.machine.js';

/**
 * The transitions as issue 4 and seed 000 describe them, written out independently of the machine:
 * every (step, from) pair not listed here must be refused with 409 and the current state.
 */
const RENT_DEFAULT_EXPECTED = `
forward reported clarifying
recordReasons clarifying reasons_recorded
informProvider reasons_recorded awaiting_decision
wait awaiting_decision waiting
demandPayment awaiting_decision payout_due
demandPayment waiting payout_due
recheckUnpaid waiting clarifying
markPaid reported resolved
markPaid clarifying resolved
markPaid reasons_recorded resolved
markPaid awaiting_decision resolved
markPaid waiting resolved
payout payout_due assignment_pending
confirmAssignment assignment_pending secured
cancel reported cancelled
cancel clarifying cancelled
cancel reasons_recorded cancelled
cancel awaiting_decision cancelled
cancel waiting cancelled
cancel payout_due cancelled`;

const CONFLICT_EXPECTED = `
forward reported in_progress
recordContact in_progress in_progress
warning reported reported
warning in_progress in_progress
solve in_progress solved
informProvider solved secured
terminate reported terminated
terminate in_progress terminated
cancel reported cancelled
cancel in_progress cancelled
cancel solved cancelled`;

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
  for (const step of Object.keys(machine).filter((s) => s !== 'report')) {
    for (const role of machine[step]!.roles as readonly (typeof ROLES)[number][]) {
      for (const state of states) {
        const want = expected.get(`${step} ${state}`);
        if (want) {
          expect(next(machine as never, step, state, role), `${role}: ${step} from ${state}`).toBe(want);
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
  }
  for (const key of expected.keys()) expect(Object.keys(machine)).toContain(key.split(' ')[0]);
}

describe('sustainment incident machines', () => {
  it('names exactly the steps of the contracts', () => {
    expect(Object.keys(RENT_DEFAULT_MACHINE).sort()).toEqual([...RENT_DEFAULT_STEPS].sort());
    expect(Object.keys(CONFLICT_MACHINE).sort()).toEqual([...CONFLICT_STEPS].sort());
  });

  it('rent default: every allowed transition leads where the process says, every other is a 409', () => {
    checkMachine(RENT_DEFAULT_MACHINE, RENT_DEFAULT_STATES, table(RENT_DEFAULT_EXPECTED));
  });

  it('conflict: every allowed transition leads where the process says, every other is a 409', () => {
    checkMachine(CONFLICT_MACHINE, CONFLICT_STATES, table(CONFLICT_EXPECTED));
  });

  it('the waiting loop returns to clarification, as often as the company waits', () => {
    let state: string = 'reported';
    const path = [
      'forward',
      'recordReasons',
      'informProvider',
      'wait',
      'recheckUnpaid',
      'recordReasons',
      'informProvider',
      'wait',
      'recheckUnpaid',
      'recordReasons',
      'informProvider',
      'demandPayment',
      'payout',
      'confirmAssignment',
    ];
    const role = (step: string) =>
      ['wait', 'recheckUnpaid', 'demandPayment'].includes(step)
        ? 'provider_user'
        : step === 'recordReasons'
          ? 'social_worker'
          : 'case_manager';
    const seen = path.map((step) => (state = next(RENT_DEFAULT_MACHINE as never, step, state, role(step))));
    expect(seen.filter((s) => s === 'clarifying')).toHaveLength(3);
    expect(state).toBe('secured');
  });

  it('a role outside a step is refused with 403 whatever the state', () => {
    for (const machine of [RENT_DEFAULT_MACHINE, CONFLICT_MACHINE] as Record<
      string,
      { from: readonly string[]; roles: readonly string[] }
    >[]) {
      for (const [name, step] of Object.entries(machine)) {
        if (name === 'report') continue;
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

  it('each side gets its own buttons: the company decides, the office pays and records, social work clarifies', () => {
    expect(incidentSteps('rent_default', 'awaiting_decision', 'provider_user')).toEqual(['wait', 'demandPayment', 'markPaid']);
    expect(incidentSteps('rent_default', 'payout_due', 'provider_user')).toEqual([]);
    expect(incidentSteps('rent_default', 'payout_due', 'case_manager')).toEqual(['payout', 'cancel']);
    expect(incidentSteps('rent_default', 'clarifying', 'social_worker')).toEqual(['recordReasons']);
    expect(incidentSteps('rent_default', 'secured', 'lead')).toEqual([]);
    expect(incidentSteps('conflict', 'in_progress', 'social_worker')).toEqual(['recordContact', 'solve']);
    expect(incidentSteps('conflict', 'in_progress', 'provider_user')).toEqual(['warning']);
    expect(incidentSteps('conflict', 'solved', 'case_manager')).toEqual(['informProvider', 'cancel']);
    expect(incidentSteps('conflict', 'reported', 'accommodation_worker')).toEqual([]);
  });
});
