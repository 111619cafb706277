import { contactStepCode } from '../../../contracts/admin.js';
import type { TNotice, TThreatStage } from '../../../contracts/prevention.js';
import type { TPreventionSettings } from '../../../contracts/admin.js';
import { endOfDayBerlin, germanDate, type FederalState } from '../../platform/deadlines/workdays.js';
import type { DeadlineInput } from '../../platform/deadlines/deadlines.service.js';
import { contactProcedure, type AttemptFact, type ProcedureState } from './contact.js';
import { addDays, legalClock, type LegalFacts } from './legal.js';

/*
 * Everything a case derives from its facts, as pure functions: the stored columns the queue sorts
 * on (cure end, next contact step, urgency) and the deadline rows the case should have open. The
 * service, the bulk opener of the list import and the demo seed all use these, so a case looks
 * the same however it came in.
 */

export const caseLink = (caseId: string) => `/prevention/cases/${caseId}`;

/** Threat stage from the notice when none is given: the furthest stage its facts show. */
export function defaultThreatStage(
  n: Pick<TNotice, 'threatStage' | 'source' | 'evictionAt' | 'lawsuitServedOn' | 'terminationOn' | 'courtFileNumber'>,
): TThreatStage {
  if (n.threatStage) return n.threatStage;
  if (n.evictionAt) return 'eviction_date';
  if (n.source === 'court_notice' || n.lawsuitServedOn || n.courtFileNumber) return 'lawsuit';
  if (n.terminationOn) return 'termination';
  return 'reminder';
}

export const legalFacts = (n: LegalFacts): LegalFacts => ({
  lawsuitServedOn: n.lawsuitServedOn,
  terminationOn: n.terminationOn,
  previousCureOn: n.previousCureOn,
  ordinaryTermination: n.ordinaryTermination,
  writtenProceedingsServedOn: n.writtenProceedingsServedOn,
  hearingAt: n.hearingAt,
  evictionAt: n.evictionAt,
});

export interface DerivedColumns {
  cure_end: string | null;
  cure_available: boolean;
  defence_end: string | null;
  next_contact_step: number | null;
  next_contact_due_on: string | null;
  first_attempt_at: Date | null;
  first_contact_at: Date | null;
  urgent_at: Date | null;
  search_text: string;
}

export interface CaseFacts extends LegalFacts {
  reference: string;
  receivedOn: string;
  street: string;
  courtFileNumber: string | null;
  tenants: { firstName: string; lastName: string }[];
  closed: boolean;
}

/** The stored derived columns of a case. */
export function derive(
  c: CaseFacts,
  attempts: readonly AttemptFact[],
  settings: TPreventionSettings,
  state: FederalState,
  today: string,
): { columns: DerivedColumns; procedure: ProcedureState } {
  const legal = legalClock(legalFacts(c), state, today);
  const procedure = contactProcedure(settings.contactSteps, c.receivedOn, attempts, state);
  const candidates = c.closed
    ? []
    : [
        c.evictionAt ? new Date(c.evictionAt) : null,
        legal.cureEnd ? endOfDayBerlin(legal.cureEnd) : null,
        legal.defenceEnd ? endOfDayBerlin(legal.defenceEnd) : null,
        c.hearingAt ? new Date(c.hearingAt) : null,
        procedure.next ? endOfDayBerlin(procedure.next.dueOn) : null,
      ].filter((d): d is Date => !!d);
  const urgent = candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
  return {
    procedure,
    columns: {
      cure_end: legal.cureEnd,
      cure_available: legal.cureAvailable,
      defence_end: legal.defenceEnd,
      next_contact_step: procedure.next?.index ?? null,
      next_contact_due_on: procedure.next?.dueOn ?? null,
      first_attempt_at: procedure.firstAttemptAt,
      first_contact_at: procedure.firstContactAt,
      urgent_at: urgent,
      search_text: [c.reference, c.courtFileNumber ?? '', c.street, ...c.tenants.map((t) => `${t.firstName} ${t.lastName}`)]
        .join(' ')
        .toLowerCase(),
    },
  };
}

export type PlannedDeadline = Omit<DeadlineInput, 'subjectType' | 'subjectId' | 'link'>;

/** Kinds of deadline rows a prevention case owns; syncing replaces exactly these. */
export const CASE_DEADLINE_KINDS = [
  'prevention_contact',
  'prevention_cure_end',
  'prevention_hearing',
  'prevention_defence_end',
  'prevention_eviction',
] as const;

const before = (at: Date, days: number) => new Date(at.getTime() - days * 86_400_000);
const berlinTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The deadline rows an open case should have: the next contact step, and each legal date still
 * ahead of `now` (a date already past is shown on the case, but no longer reminded). Eviction and
 * cure end escalate to the lead; reminders come the configured days before.
 */
export function plannedDeadlines(
  reference: string,
  c: LegalFacts & { closed: boolean },
  d: DerivedColumns,
  procedure: ProcedureState,
  settings: TPreventionSettings,
  assigneeId: string | null,
  now: Date,
): PlannedDeadline[] {
  if (c.closed) return [];
  const out: PlannedDeadline[] = [];
  const ahead = (at: Date) => at.getTime() > now.getTime();
  if (procedure.next) {
    out.push({
      kind: 'prevention_contact',
      title: `${reference}: ${procedure.next.label} (Schritt ${procedure.next.index + 1})`,
      text: {
        key: 'deadlineTitle.prevention_contact',
        params: { reference, step: procedure.next.label, stepCode: contactStepCode(procedure.next), n: procedure.next.index + 1 },
      },
      dueAt: endOfDayBerlin(procedure.next.dueOn),
      assigneeId,
      escalateToLead: false,
    });
  }
  if (d.cure_end && ahead(endOfDayBerlin(d.cure_end))) {
    const due = endOfDayBerlin(d.cure_end);
    out.push({
      kind: 'prevention_cure_end',
      title: `${reference}: Schonfrist endet am ${germanDate(d.cure_end)}`,
      text: { key: 'deadlineTitle.prevention_cure_end', params: { reference, endOn: d.cure_end } },
      dueAt: due,
      remindAt: before(due, settings.cureReminderDays),
      assigneeId,
      escalateToLead: true,
    });
  }
  if (d.defence_end && ahead(endOfDayBerlin(d.defence_end))) {
    const due = endOfDayBerlin(d.defence_end);
    out.push({
      kind: 'prevention_defence_end',
      title: `${reference}: Verteidigungsanzeige bis ${germanDate(d.defence_end)}`,
      text: { key: 'deadlineTitle.prevention_defence_end', params: { reference, endOn: d.defence_end } },
      dueAt: due,
      remindAt: before(due, settings.defenceReminderDays),
      assigneeId,
      escalateToLead: false,
    });
  }
  if (c.hearingAt && ahead(new Date(c.hearingAt))) {
    const due = new Date(c.hearingAt);
    out.push({
      kind: 'prevention_hearing',
      title: `${reference}: Verhandlungstermin ${berlinTime.format(due)} Uhr`,
      text: { key: 'deadlineTitle.prevention_hearing', params: { reference, hearingAt: due.toISOString() } },
      dueAt: due,
      remindAt: before(due, settings.hearingReminderDays),
      assigneeId,
      escalateToLead: false,
    });
  }
  if (c.evictionAt && ahead(new Date(c.evictionAt))) {
    const due = new Date(c.evictionAt);
    out.push({
      kind: 'prevention_eviction',
      title: `${reference}: Räumungstermin ${berlinTime.format(due)} Uhr`,
      text: { key: 'deadlineTitle.prevention_eviction', params: { reference, evictionAt: due.toISOString() } },
      dueAt: due,
      remindAt: before(due, settings.evictionReminderDays),
      assigneeId,
      escalateToLead: true,
    });
  }
  return out;
}

/** Today's date in Europe/Berlin. */
export const berlinToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
export { addDays };
