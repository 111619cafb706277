import type { TCaseNotice, TClearing, TPreventionCase } from '../../../contracts/prevention.js';
import { ZClearing } from '../../../contracts/prevention.js';
import type { TPreventionSettings } from '../../../contracts/admin.js';
import type { Tx } from '../../db/database.js';
import { openDeadlinesOf } from '../../platform/deadlines/deadlines.service.js';
import { endOfDayBerlin, type FederalState } from '../../platform/deadlines/workdays.js';
import { documentsOf } from '../../platform/documents/documents.js';
import type { Actor } from '../../platform/http/context.js';
import { contactProcedure, hoursBetween } from './contact.js';
import { legalClock } from './legal.js';
import { addDays, berlinToday } from './prevention.derive.js';
import { CASE_STEPS, stepsFor } from './prevention.machine.js';
import type { AttemptRow, CaseDetail, MeasureRow, ReferralRow } from './prevention.repository.js';
import type { TCaseState } from '../../../contracts/prevention.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The steps this actor may take on the case now: the machine's, narrowed by the case's facts. */
export function caseActions(actor: Actor, c: Pick<CaseDetail, 'status' | 'outcome' | 'aftercare_carrier_id'>): string[] {
  return stepsFor(CASE_STEPS, c.status as TCaseState, actor.role).filter(
    (s) => s !== 'reach' && (s !== 'handOver' || (c.outcome === 'home_kept' && !c.aftercare_carrier_id)),
  );
}

/** When the notice's clock starts: its arrival when recorded the same day, else the start of the arrival day. */
export function noticeStart(c: Pick<CaseDetail, 'received_on' | 'created_at'>): Date {
  const created = c.created_at as Date;
  return berlinToday(created) === c.received_on ? created : new Date(endOfDayBerlin(addDays(c.received_on, -1)).getTime() + 1);
}

export interface PresentInput {
  row: CaseDetail;
  attempts: AttemptRow[];
  measures: MeasureRow[];
  referrals: ReferralRow[];
  notices: TCaseNotice[];
  settings: TPreventionSettings;
  state: FederalState;
}

export async function presentCase(tx: Tx, actor: Actor, p: PresentInput, now = new Date()): Promise<TPreventionCase> {
  const { row: c } = p;
  const owners = [c.id, ...p.measures.map((m) => m.id)];
  const [docs, deadlines] = await Promise.all([documentsOf(tx, owners), openDeadlinesOf(tx, [c.id])]);
  const hearingAt = iso(c.hearing_at);
  const evictionAt = iso(c.eviction_at);
  const legal = legalClock(
    {
      lawsuitServedOn: c.lawsuit_served_on,
      terminationOn: c.termination_on,
      previousCureOn: c.previous_cure_on,
      ordinaryTermination: c.ordinary_termination,
      writtenProceedingsServedOn: c.written_proceedings_served_on,
      hearingAt,
      evictionAt,
    },
    p.state,
    berlinToday(now),
  );
  const proc = contactProcedure(
    p.settings.contactSteps,
    c.received_on,
    p.attempts.map((a) => ({
      id: a.id,
      channel: a.channel as never,
      at: a.at as Date,
      result: a.result as never,
      stepIndex: a.step_index,
    })),
    p.state,
  );
  const start = noticeStart(c);
  const step = (s: (typeof proc.steps)[number]) => ({ ...s, doneAt: iso(s.doneAt) });
  const docRef = (d: { id: string; kind: string; filename: string; createdAt: string }) => ({
    id: d.id,
    kind: d.kind,
    filename: d.filename,
    createdAt: d.createdAt,
  });
  return {
    id: c.id,
    reference: c.reference,
    status: c.status as TPreventionCase['status'],
    household: {
      id: c.household_id,
      reference: c.hh_reference,
      name: c.hh_name,
      persons: c.hh_persons,
      situation: c.hh_situation,
      seekingHousing: c.hh_seeking,
    },
    source: c.source as TPreventionCase['source'],
    sourceDetail: c.source_detail,
    selfReferralVia: c.self_referral_via as TPreventionCase['selfReferralVia'],
    receivedOn: c.received_on,
    tenants: c.tenants.map((t) => ({ firstName: t.firstName, lastName: t.lastName, birthDate: t.birthDate ?? null })),
    street: c.street,
    postalCode: c.postal_code,
    city: c.city,
    landlordName: c.landlord_name,
    landlordAddress: c.landlord_address,
    monthlyRentCents: c.monthly_rent_cents,
    arrearsCents: c.arrears_cents,
    compensationCents: c.compensation_cents,
    courtName: c.court_name,
    courtFileNumber: c.court_file_number,
    parties: c.parties as TPreventionCase['parties'],
    threatStage: c.threat_stage as TPreventionCase['threatStage'],
    terminationOn: c.termination_on,
    ordinaryTermination: c.ordinary_termination,
    previousCureOn: c.previous_cure_on,
    lawsuitServedOn: c.lawsuit_served_on,
    hearingAt,
    writtenProceedingsServedOn: c.written_proceedings_served_on,
    evictionAt,
    note: c.note,
    legal,
    contact: {
      steps: proc.steps.map(step),
      next: proc.next ? step(proc.next) : null,
      reached: proc.reached,
      exhausted: proc.exhausted,
      firstAttemptAt: iso(proc.firstAttemptAt),
      firstContactAt: iso(proc.firstContactAt),
      hoursToFirstAttempt: hoursBetween(start, proc.firstAttemptAt),
      hoursToFirstContact: hoursBetween(start, proc.firstContactAt),
    },
    attempts: p.attempts.map((a) => ({
      id: a.id,
      channel: a.channel as never,
      at: iso(a.at)!,
      result: a.result as never,
      stepIndex: a.step_index,
      note: a.note,
      by: a.created_by ? { id: a.created_by, displayName: a.by_name ?? '' } : null,
    })),
    clearing: { ...(ZClearing.parse(c.clearing ?? {}) as TClearing), version: c.clearing_version },
    measures: p.measures.map((m) => ({
      id: m.id,
      kind: m.kind as never,
      status: m.status as never,
      note: m.note,
      data: m.data,
      version: m.version,
      documents: docs.filter((d) => d.ownerId === m.id).map(docRef),
      createdAt: iso(m.created_at)!,
      updatedAt: iso(m.updated_at)!,
    })),
    notices: p.notices,
    referrals: p.referrals.map((r) => ({
      id: r.id,
      kind: r.kind as never,
      status: r.status as never,
      service: r.service,
      referredOn: r.referred_on,
      note: r.note,
      version: r.version,
      updatedAt: iso(r.updated_at)!,
    })),
    outcome: c.outcome as TPreventionCase['outcome'],
    outcomeNote: c.outcome_note,
    closedAt: iso(c.closed_at),
    aftercare:
      c.aftercare_carrier_id && c.aftercare_on
        ? { carrier: { id: c.aftercare_carrier_id, name: c.carrier_name ?? '' }, handedOverOn: c.aftercare_on, note: c.aftercare_note }
        : null,
    caseManager: c.case_manager_id ? { id: c.case_manager_id, displayName: c.cm_name ?? '' } : null,
    socialWorker: c.social_worker_id ? { id: c.social_worker_id, displayName: c.sw_name ?? '' } : null,
    documents: docs.filter((d) => d.ownerId === c.id).map(docRef),
    deadlines: deadlines.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      titleKey: d.title_key,
      titleParams: d.title_params,
      dueAt: iso(d.due_at)!,
      overdue: (d.due_at as Date).getTime() < now.getTime(),
    })),
    version: c.version,
    createdAt: iso(c.created_at)!,
    updatedAt: iso(c.updated_at)!,
    actions: caseActions(actor, c),
  };
}
