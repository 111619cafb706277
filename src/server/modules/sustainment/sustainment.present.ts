import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { TDocumentMeta } from '../../../contracts/documents.js';
import type { TIncident, ZIncidentListItem, ZIncidentSummary, ZPayout, ZTenancyListItem } from '../../../contracts/sustainment.js';
import type { GuaranteePayoutsTable } from '../../db/types.js';
import type { DeadlineRow } from '../../platform/deadlines/deadlines.service.js';
import type { IncidentRepository, IncidentRow } from './incidents.repository.js';
import { openClaimCents, remainingCents, remainingTime } from './ledger.js';
import type { TenancyRow } from './tenancies.repository.js';

/*
 * Sustainment records as the API shows them. A housing company (provider view) never gets the
 * household's identity, internal notes (reasons, resolution, contacts), deadlines or recovery figures.
 */

const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();
const ref = (id: string | null, name: string | null | undefined) => (id ? { id, displayName: name ?? '' } : null);
type Deadline = Pick<DeadlineRow, 'id' | 'kind' | 'title' | 'due_at'> & Partial<Pick<DeadlineRow, 'title_key' | 'title_params'>>;
export const deadlineRef = (d: Deadline | null | undefined, now = new Date()) =>
  d
    ? {
        id: d.id,
        kind: d.kind,
        title: d.title,
        titleKey: d.title_key ?? null,
        titleParams: d.title_params ?? null,
        dueAt: iso(d.due_at),
        overdue: (d.due_at as Date) <= now,
      }
    : null;
export const documentRef = (d: TDocumentMeta) => ({ id: d.id, kind: d.kind, filename: d.filename, createdAt: d.createdAt });
const address = (r: { street: string; postal_code: string; city: string }) => `${r.street}, ${r.postal_code} ${r.city}`;

/** Whether the guarantee holds today: within its term and not lapsed with an ended tenancy. */
export function guaranteeActive(
  t: Pick<TenancyRow, 'status' | 'guarantee_start' | 'guarantee_end' | 'guarantee_continues'>,
  today: string,
): boolean {
  const inTerm = t.guarantee_start <= today && today <= t.guarantee_end;
  return inTerm && (t.status === 'active' || t.guarantee_continues === true);
}

export function presentTenancyItem(
  t: TenancyRow,
  providerView: boolean,
  x: { openIncidents: number; nextDeadline: Deadline | null; today: string },
): z.infer<typeof ZTenancyListItem> {
  const ledger = { maxCents: t.guarantee_max_cents, paidOutCents: t.paid_out_cents, recoveredCents: t.recovered_cents };
  const time = remainingTime(x.today, t.guarantee_end);
  return {
    id: t.id,
    reference: t.reference,
    // The company knows its tenants from the lease; the office's case reference stays internal.
    household: providerView ? null : { id: t.household_id, reference: t.household_reference, name: t.head_name },
    // The tenant's name is on the lease the company signed: the portal shows it, nothing more of the household.
    tenant: t.head_name,
    provider: { id: t.provider_id, name: t.provider_name },
    offerId: t.offer_id,
    address: address(t),
    leaseStart: t.lease_start,
    coldRentCents: t.cold_rent_cents,
    guaranteeStart: t.guarantee_start,
    guaranteeEnd: t.guarantee_end,
    guaranteeMaxCents: t.guarantee_max_cents,
    guaranteeItems: t.guarantee_items as z.infer<typeof ZTenancyListItem>['guaranteeItems'],
    contactPerson: ref(t.contact_person_id, t.contact_person_name),
    socialWorker: ref(t.social_worker_id, t.social_worker_name),
    status: t.status as 'active' | 'ended',
    endReason: t.end_reason as z.infer<typeof ZTenancyListItem>['endReason'],
    endedOn: t.ended_on,
    guarantee: {
      active: guaranteeActive(t, x.today),
      remainingDays: time.days,
      remainingMonths: time.months,
      maxCents: t.guarantee_max_cents,
      paidOutCents: t.paid_out_cents,
      remainingCents: remainingCents(ledger),
      recoveredCents: providerView ? null : t.recovered_cents,
      openClaimCents: providerView ? null : openClaimCents(ledger),
    },
    openIncidents: x.openIncidents,
    nextDeadline: providerView ? null : deadlineRef(x.nextDeadline),
    version: t.version,
  };
}

export function presentPayout(p: Selectable<GuaranteePayoutsTable>): z.infer<typeof ZPayout> {
  return {
    id: p.id,
    incidentId: p.incident_id,
    amountCents: p.amount_cents,
    paidOn: p.paid_on,
    months: p.months,
    assignmentDocumentId: p.assignment_document_id,
    assignmentReceivedOn: p.assignment_received_on,
    createdAt: iso(p.created_at),
  };
}

export function presentIncidentSummary(
  i: IncidentRow,
  nextDeadline: Deadline | null,
  providerView: boolean,
): z.infer<typeof ZIncidentSummary> {
  return {
    id: i.id,
    reference: i.reference,
    kind: i.kind as TIncident['kind'],
    state: i.state as TIncident['state'],
    reportedAt: iso(i.reported_at),
    amountCents: i.amount_cents,
    category: i.category as TIncident['category'],
    nextDeadline: providerView ? null : deadlineRef(nextDeadline),
  };
}

const incidentTenancy = (i: IncidentRow, providerView: boolean): TIncident['tenancy'] => ({
  id: i.tenancy_id,
  reference: i.tenancy_reference,
  address: address(i),
  provider: { id: i.provider_id, name: i.provider_name },
  household: providerView ? null : { id: i.household_id, reference: i.household_reference, name: i.head_name },
});

export function presentIncidentItem(
  i: IncidentRow,
  nextDeadline: Deadline | null,
  providerView: boolean,
): z.infer<typeof ZIncidentListItem> {
  return {
    id: i.id,
    reference: i.reference,
    kind: i.kind as TIncident['kind'],
    state: i.state as TIncident['state'],
    tenancy: incidentTenancy(i, providerView),
    contactPerson: ref(i.contact_person_id, i.contact_person_name),
    socialWorker: ref(i.social_worker_id, i.social_worker_name),
    reportedAt: iso(i.reported_at),
    amountCents: i.amount_cents,
    category: i.category as TIncident['category'],
    nextDeadline: providerView ? null : deadlineRef(nextDeadline),
    updatedAt: iso(i.updated_at),
  };
}

type EventRow = Awaited<ReturnType<IncidentRepository['events']>>[number];
type ContactRow = Awaited<ReturnType<IncidentRepository['contacts']>>[number];

export interface IncidentExtras {
  events: EventRow[];
  contacts: ContactRow[];
  payouts: Selectable<GuaranteePayoutsTable>[];
  documents: TDocumentMeta[];
  deadlines: DeadlineRow[];
  actions: string[];
}

export function presentIncident(i: IncidentRow, providerView: boolean, x: IncidentExtras, now = new Date()): TIncident {
  const steps = x.events
    .filter((e) => !providerView || e.provider_details !== null)
    .map((e) => ({
      id: String(e.id),
      step: e.step,
      fromState: e.from_state as TIncident['state'] | null,
      toState: e.to_state as TIncident['state'],
      at: iso(e.at),
      actor: ref(e.actor_id, e.actor_name),
      round: e.round,
      details: (providerView ? e.provider_details : e.details) ?? {},
    }));
  const warnings = x.events
    .filter((e) => e.step === 'warning')
    .map((e) => ({ issuedOn: String(e.details.issuedOn), note: (e.details.note as string | null) ?? null, recordedAt: iso(e.at) }));
  return {
    id: i.id,
    reference: i.reference,
    kind: i.kind as TIncident['kind'],
    state: i.state as TIncident['state'],
    tenancy: incidentTenancy(i, providerView),
    contactPerson: ref(i.contact_person_id, i.contact_person_name),
    socialWorker: ref(i.social_worker_id, i.social_worker_name),
    reportedAt: iso(i.reported_at),
    reportedBy: ref(i.reported_by, i.reported_by_name),
    reportedVia: i.reported_via as 'portal' | 'office',
    round: i.round,
    months: i.months,
    amountCents: i.amount_cents,
    recheckOn: i.recheck_on,
    decision: i.decision as TIncident['decision'],
    category: i.category as TIncident['category'],
    description: i.description,
    occurredOn: i.occurred_on,
    warnings,
    contacts: providerView
      ? []
      : x.contacts.map((c) => ({
          id: c.id,
          occurredAt: iso(c.occurred_at),
          channel: c.channel as TIncident['contacts'][number]['channel'],
          reached: c.reached,
          note: c.note,
          recordedBy: ref(c.recorded_by, c.recorded_by_name),
        })),
    terminatedOn: i.terminated_on,
    leaseEndsOn: i.lease_ends_on,
    guaranteeContinues: i.guarantee_continues,
    reasons: providerView ? null : i.reasons,
    resolution: providerView ? null : i.resolution,
    providerMessage: i.provider_message,
    payouts: x.payouts.map(presentPayout),
    documents: x.documents.map(documentRef),
    steps,
    deadlines: providerView ? [] : x.deadlines.map((d) => deadlineRef(d, now)!),
    nextDeadline: providerView ? null : deadlineRef(x.deadlines[0], now),
    version: i.version,
    createdAt: iso(i.created_at),
    updatedAt: iso(i.updated_at),
    actions: x.actions,
  };
}

/** German one-line titles of the incident steps, for timelines and notifications. */
export const STEP_TITLES: Record<string, string> = {
  report: 'gemeldet',
  forward: 'an die Sozialarbeit weitergegeben',
  recordReasons: 'Gründe geklärt',
  informProvider: 'Wohnungsunternehmen informiert',
  wait: 'Unternehmen wartet ab (Wiedervorlage)',
  demandPayment: 'Unternehmen verlangt Zahlung',
  recheckUnpaid: 'Miete weiter unbezahlt: erneute Klärung',
  markPaid: 'Miete bezahlt',
  payout: 'Garantieleistung ausgezahlt',
  confirmAssignment: 'Abtretungserklärung eingegangen: Mietverhältnis gesichert',
  recordContact: 'Kontakt dokumentiert',
  warning: 'Abmahnung',
  solve: 'Konflikt gelöst',
  terminate: 'Kündigung durch das Wohnungsunternehmen',
  cancel: 'eingestellt',
};

export const KIND_TITLES: Record<string, string> = { rent_default: 'Mietausfall', conflict: 'Konfliktfall' };
export const CATEGORY_TITLES: Record<string, string> = {
  noise: 'Lärm',
  hygiene: 'Hygiene',
  damage: 'Schäden',
  threats: 'Bedrohung',
  neighbours: 'Nachbarschaft',
  other: 'Sonstiges',
};
