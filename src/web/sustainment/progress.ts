import type { TIncidentKind, TIncidentState } from '../../contracts/sustainment';

/** Who takes a stage: the housing company, the fixed contact person or the social worker. */
export type Actor = 'provider' | 'contactPerson' | 'socialWorker' | 'reporter';

export interface Stage {
  /** Stage key (labels under sustainment.stage.*). */
  key: string;
  /** Step names whose history entries complete this stage. */
  steps: readonly string[];
  actor: Actor;
}

export const RENT_DEFAULT_STAGES: readonly Stage[] = [
  { key: 'report', steps: ['report'], actor: 'reporter' },
  { key: 'forward', steps: ['forward'], actor: 'contactPerson' },
  { key: 'recordReasons', steps: ['recordReasons'], actor: 'socialWorker' },
  { key: 'informProvider', steps: ['informProvider'], actor: 'contactPerson' },
  { key: 'decide', steps: ['demandPayment'], actor: 'provider' },
  { key: 'payout', steps: ['payout'], actor: 'contactPerson' },
  { key: 'confirmAssignment', steps: ['confirmAssignment'], actor: 'contactPerson' },
];

export const CONFLICT_STAGES: readonly Stage[] = [
  { key: 'report', steps: ['report'], actor: 'reporter' },
  { key: 'forward', steps: ['forward'], actor: 'contactPerson' },
  { key: 'contact', steps: ['solve'], actor: 'socialWorker' },
  { key: 'informProvider', steps: ['informProvider'], actor: 'contactPerson' },
];

/** The stage that is being worked on in each open state (index into the stage list). */
const CURRENT: Partial<Record<TIncidentState, number>> = {
  reported: 1,
  clarifying: 2,
  reasons_recorded: 3,
  awaiting_decision: 4,
  waiting: 4,
  payout_due: 5,
  assignment_pending: 6,
  secured: 99,
  in_progress: 2,
  solved: 3,
};

export type StageStatus = 'done' | 'current' | 'next' | 'skipped';

/**
 * Where an incident stands on its path: stages before the current one are done, the current one is
 * being worked on, later ones are next. A closed incident (paid, cancelled, terminated) keeps the
 * stages it completed and marks the rest as skipped.
 */
export function stageStatuses(
  kind: TIncidentKind,
  state: TIncidentState,
  doneSteps: readonly string[],
): { stage: Stage; status: StageStatus }[] {
  const stages = kind === 'conflict' ? CONFLICT_STAGES : RENT_DEFAULT_STAGES;
  const current = CURRENT[state];
  return stages.map((stage, i) => {
    if (current === undefined) return { stage, status: stage.steps.some((s) => doneSteps.includes(s)) || i === 0 ? 'done' : 'skipped' };
    return { stage, status: i < current ? 'done' : i === current ? 'current' : 'next' };
  });
}
