import { REAL_CONTACT_RESULTS, type TContactChannel, type TContactResult } from '../../../contracts/prevention.js';
import { addWorkingDays, type FederalState } from '../../platform/deadlines/workdays.js';

/*
 * The standardised contact procedure as a pure function: the agency's ordered steps (channel and
 * working-day offset from the notice's arrival), the attempts recorded so far → which steps are
 * done, which one is due next and when, and the two clocks "notice → first attempt" and
 * "notice → first real contact".
 *
 * An attempt completes the step it names (stepIndex), else the first open step with its channel.
 * Any attempt with real contact (reached, declined) ends the procedure. A step's due date is its
 * planned day, but never before the day of the latest attempt (a late attempt does not make the
 * following step due in the past before it even could be taken).
 */

export interface ContactStep {
  channel: TContactChannel;
  dayOffset: number;
  label: string;
}

export interface AttemptFact {
  id: string;
  channel: TContactChannel;
  at: Date;
  result: TContactResult;
  stepIndex: number | null;
}

export interface StepStatus extends ContactStep {
  index: number;
  dueOn: string;
  doneAt: Date | null;
  attemptId: string | null;
}

export interface ProcedureState {
  steps: StepStatus[];
  next: StepStatus | null;
  reached: boolean;
  exhausted: boolean;
  firstAttemptAt: Date | null;
  firstContactAt: Date | null;
}

const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

export function contactProcedure(
  steps: readonly ContactStep[],
  receivedOn: string,
  attempts: readonly AttemptFact[],
  state: FederalState,
): ProcedureState {
  const sorted = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  const done = new Map<number, AttemptFact>();
  for (const a of sorted) {
    if (a.stepIndex !== null && a.stepIndex < steps.length && !done.has(a.stepIndex)) {
      done.set(a.stepIndex, a);
      continue;
    }
    const i = steps.findIndex((s, idx) => s.channel === a.channel && !done.has(idx));
    if (i >= 0) done.set(i, a);
  }
  const latest = sorted.length ? berlinDay.format(sorted[sorted.length - 1]!.at) : null;
  const status: StepStatus[] = steps.map((s, index) => {
    const planned = addWorkingDays(receivedOn, s.dayOffset, state);
    const a = done.get(index);
    // Written out: a spread into a wider object takes V8's slow path (a list import derives 100,000 cases).
    return {
      channel: s.channel,
      dayOffset: s.dayOffset,
      label: s.label,
      index,
      dueOn: latest && latest > planned && !a ? latest : planned,
      doneAt: a?.at ?? null,
      attemptId: a?.id ?? null,
    };
  });
  const firstContact = sorted.find((a) => REAL_CONTACT_RESULTS.includes(a.result)) ?? null;
  const reached = !!firstContact;
  const next = reached ? null : (status.find((s) => !s.doneAt) ?? null);
  return {
    steps: status,
    next,
    reached,
    exhausted: !reached && !next,
    firstAttemptAt: sorted[0]?.at ?? null,
    firstContactAt: firstContact?.at ?? null,
  };
}

/** Hours between two instants, one decimal; null when either is missing. */
export function hoursBetween(from: Date | null, to: Date | null): number | null {
  if (!from || !to) return null;
  return Math.round((to.getTime() - from.getTime()) / 360_000) / 10;
}
