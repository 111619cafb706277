import type { TAftercareCase, TAftercareState } from '../../../contracts/aftercare.js';
import * as access from '../../platform/access/access.js';
import { roleHas, type Permission } from '../../platform/access/registry.js';
import type { Actor } from '../../platform/http/context.js';
import { AFTERCARE_STEPS, stepsFor, type AftercareStep } from './aftercare.machine.js';
import type { CaseDetailRow } from './aftercare.repository.js';
import { addMonths, addDays } from './aftercare.dates.js';

/**
 * The allow-list of what a carrier receives of a case (like the housing-company portal's): what the
 * help needs — name, address and phone for the visit, household size, the grant period, the plan,
 * visits, referrals and contacts. Never: the household's file (id, reference), the referral
 * source, the check for comparable help, a refusal, extension reasons, follow-up checks or any link
 * to prevention. Every response that carries these fields to a carrier is logged as a transfer.
 */
export const CARRIER_FIELDS = [
  'reference',
  'state',
  'household.name',
  'household.address',
  'household.phone',
  'household.persons',
  'household.children',
  'carrierWorker',
  'targetGroup',
  'referredOn',
  'grantedFrom',
  'grantedUntil',
  'visitEveryWeeks',
  'nextVisitDueOn',
  'consent',
  'endReason',
  'endedOn',
  'goals',
  'visits',
  'referrals',
  'contacts',
] as const;
/** What a list or queue row carries to a carrier. */
export const CARRIER_LIST_FIELDS = ['reference', 'state', 'household.name', 'targetGroup', 'grantedUntil', 'nextVisitDueOn'] as const;
export const CARRIER_QUEUE_FIELDS = ['reference', 'household.name', 'household.address', 'nextVisitDueOn', 'grantedUntil'] as const;

/** Which permission each step needs (the UI shows a button only when both fit). */
const STEP_PERMISSION: Record<AftercareStep, Permission> = {
  check: 'aftercare.decide',
  refuse: 'aftercare.decide',
  grant: 'aftercare.decide',
  recordConsent: 'aftercare.consent',
  activate: 'aftercare.consent',
  withdrawConsent: 'aftercare.consent',
  extend: 'aftercare.decide',
  assign: 'aftercare.assign',
  addGoal: 'aftercare.plan',
  updateGoal: 'aftercare.plan',
  reviewGoal: 'aftercare.plan',
  documentVisit: 'aftercare.visit',
  addReferral: 'aftercare.support',
  updateReferral: 'aftercare.support',
  logContact: 'aftercare.support',
  end: 'aftercare.decide',
  expire: 'aftercare.decide',
  recordFollowUp: 'aftercare.followUp',
};

/** The steps the actor may take on a case now. `activate` and `expire` are internal, never buttons. */
export function caseActions(actor: Actor, state: TAftercareState, carrierLead: boolean): string[] {
  return stepsFor(AFTERCARE_STEPS, state, actor.role).filter(
    (s) =>
      s !== 'activate' &&
      s !== 'expire' &&
      roleHas(actor.role, STEP_PERMISSION[s as AftercareStep]) &&
      !(s === 'assign' && actor.role === 'carrier_worker' && !carrierLead),
  );
}

const address = (r: Pick<CaseDetailRow, 'street' | 'postal_code' | 'city'>) =>
  r.street ? `${r.street}, ${r.postal_code ?? ''} ${r.city ?? ''}`.trim() : null;

/** The case as the API presents it: everything to the Fachstelle, only the allow-list to a carrier. */
export function presentCase(actor: Actor, r: CaseDetailRow, maxTotalMonths: number, carrierLead: boolean): TAftercareCase {
  const carrier = access.isCarrierView(actor);
  const consent = r.consent && !r.consent.withdrawn_on ? r.consent : carrier ? null : r.consent;
  return {
    id: r.id,
    reference: r.reference,
    view: carrier ? 'carrier' : 'office',
    state: r.state as TAftercareState,
    household: {
      id: carrier ? null : r.household_id,
      reference: carrier ? null : r.household_reference,
      name: r.head_name,
      address: address(r),
      phone: r.phone,
      persons: r.persons,
      children: r.children,
    },
    carrier: { id: r.carrier_id, name: r.carrier_name },
    carrierWorker: r.carrier_worker_id ? { id: r.carrier_worker_id, name: r.worker_name ?? '' } : null,
    targetGroup: r.target_group as TAftercareCase['targetGroup'],
    source: carrier ? null : (r.source as TAftercareCase['source']),
    sourceDetail: carrier ? null : r.source_detail,
    referredOn: r.referred_on,
    fromPrevention: carrier ? false : r.prevention_case_id !== null,
    check:
      carrier || !r.checked_on
        ? null
        : {
            comparableHelp: (r.comparable_help ?? []) as never,
            note: r.check_note,
            checkedOn: r.checked_on,
            checkedBy: r.checked_by_name,
          },
    refusal:
      carrier || !r.refused_help
        ? null
        : {
            existingHelp: r.refused_help as never,
            existingHelpDetail: r.refused_help_detail,
            reason: r.refusal_reason,
            documentId: r.refusal_document_id,
          },
    grantedFrom: r.granted_from,
    grantedUntil: r.granted_until,
    maxUntil: carrier || !r.granted_from ? null : addDays(addMonths(r.granted_from, maxTotalMonths), -1),
    extensions: carrier
      ? []
      : r.extensions.map((e) => ({
          fromUntil: e.from_until,
          toUntil: e.to_until,
          reason: e.reason,
          createdAt: new Date(e.created_at).toISOString(),
        })),
    visitEveryWeeks: r.visit_every_weeks,
    nextVisitDueOn: r.next_visit_due,
    missedInRow: r.missed_in_row,
    consent: consent
      ? {
          id: consent.id,
          recipient: { id: r.carrier_id, name: r.carrier_name },
          purpose: consent.purpose,
          form: consent.form as never,
          givenOn: consent.given_on,
          withdrawnOn: consent.withdrawn_on,
        }
      : null,
    endReason: r.end_reason as TAftercareCase['endReason'],
    endedOn: r.ended_on,
    endNote: carrier ? null : r.end_note,
    goals: r.goals.map((g) => ({
      id: g.id,
      goal: g.goal,
      measures: g.measures,
      responsible: g.responsible,
      reviewOn: g.review_on,
      state: g.state as never,
      reviews: g.reviews.map((x) => ({ id: x.id, reviewedOn: x.reviewed_on, progress: x.progress as never, note: x.note })),
    })),
    visits: r.visits.map((v) => ({
      id: v.id,
      status: v.status as never,
      plannedOn: v.planned_on,
      visitedOn: v.visited_on,
      topics: v.topics as never,
      riskSigns: v.risk_signs as never,
      arrearsCents: v.arrears_cents === null ? null : Number(v.arrears_cents),
      householdView: v.household_view,
      note: v.note,
      preventionNotified: v.notified,
      documentedBy: v.documented_by,
    })),
    referrals: r.referrals.map((f) => ({
      id: f.id,
      kind: f.kind as never,
      status: f.status as never,
      provider: f.provider,
      note: f.note,
      updatedAt: new Date(f.updated_at).toISOString(),
    })),
    contacts: r.contacts.map((c) => ({
      id: c.id,
      occurredOn: c.occurred_on,
      counterpart: c.counterpart as never,
      counterpartName: c.counterpart_name,
      outcome: c.outcome as never,
      note: c.note,
    })),
    followUps: carrier
      ? []
      : r.follow_ups.map((f) => ({
          id: f.id,
          months: f.months,
          dueOn: f.due_on,
          checkedOn: f.checked_on,
          homeKept: f.home_kept,
          note: f.note,
        })),
    actions: caseActions(actor, r.state as TAftercareState, carrierLead),
    version: r.version,
  };
}
