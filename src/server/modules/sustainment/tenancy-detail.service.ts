import { formatEuro, formatGermanDate } from '../../../contracts/format.js';
import { CLOSED_INCIDENT_STATES, type TTenancyDetail } from '../../../contracts/sustainment.js';
import type { Tx } from '../../db/database.js';
import { incidentScope } from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import { openDeadlinesOf } from '../../platform/deadlines/deadlines.service.js';
import { documentsOf } from '../../platform/documents/documents.js';
import type { Ctx } from '../../platform/http/context.js';
import { userFacts } from '../users/users.service.js';
import { incidentRepository } from './incidents.repository.js';
import { nextInstalment, openClaimCents } from './ledger.js';
import {
  deadlineRef,
  documentRef,
  guaranteeActive,
  presentIncidentSummary,
  STEP_TITLES,
  presentPayout,
  presentTenancyItem,
} from './sustainment.present.js';
import { today } from './sustainment.effects.js';
import { tenancyRepository, type TenancyRow } from './tenancies.repository.js';

const END_LABELS: Record<string, string> = {
  moved_out: 'ausgezogen',
  terminated_by_provider: 'Kündigung durch das Wohnungsunternehmen',
  terminated_by_tenant: 'Kündigung durch den Haushalt',
  guarantee_ended: 'Garantie beendet, Haushalt lebt selbstständig',
};
const OUTCOME_LABELS: Record<string, string> = {
  independent: 'lebt selbstständig',
  further_support: 'braucht weitere Unterstützung',
  lost: 'Wohnung verloren',
};
const CHANNEL_LABELS: Record<string, string> = {
  phone: 'Telefon',
  home_visit: 'Hausbesuch',
  office: 'Gespräch im Amt',
  letter: 'Brief',
  email: 'E-Mail',
  other: 'Sonstiges',
};

/** Whether the actor stands in the sustainment relationship to this tenancy (sees its incidents, acts on them). */
export const relates = (_ctx: Ctx, t: TenancyRow) => t.related === true;

/** The tenancy actions the actor may take now, so the UI shows only working buttons. */
export function tenancyActions(ctx: Ctx, t: TenancyRow, todayIso: string): string[] {
  const role = ctx.actor.role;
  const actions: string[] = [];
  if (roleHas(role, 'tenancy.update') && t.status === 'active') actions.push('update');
  if (roleHas(role, 'tenancy.end') && t.status === 'active') actions.push('end');
  if (roleHas(role, 'tenancy.review') && t.closing_outcome === null && (role === 'case_manager' || relates(ctx, t)))
    actions.push('closingReview');
  if (roleHas(role, 'incident.report') && relates(ctx, t) && guaranteeActive(t, todayIso))
    actions.push('reportRentDefault', 'reportConflict');
  const open = openClaimCents({ maxCents: t.guarantee_max_cents, paidOutCents: t.paid_out_cents, recoveredCents: t.recovered_cents });
  if (roleHas(role, 'recovery.record') && relates(ctx, t) && open > 0) actions.push('recordAgreement', 'recordPayment');
  return actions;
}

/** The whole tenancy page: guarantee figures, visible incidents, ledger, documents, deadlines and the timeline. */
export async function loadTenancyView(tx: Tx, ctx: Ctx, t: TenancyRow): Promise<TTenancyDetail> {
  const agencyId = ctx.actor.agencyId;
  const providerView = ctx.actor.role === 'provider_user';
  const trepo = tenancyRepository(tx, agencyId);
  const irepo = incidentRepository(tx, agencyId);
  const todayIso = today();
  const incidents = relates(ctx, t) ? await irepo.ofTenancy(t.id, incidentScope(ctx.actor)) : [];
  const ids = incidents.map((i) => i.id);
  const [events, contacts, payouts, agreements, payments, docs, deadlines] = await Promise.all([
    irepo.events(ids),
    providerView ? Promise.resolve([]) : irepo.contacts(ids),
    trepo.payouts(t.id),
    providerView ? Promise.resolve([]) : trepo.agreements(t.id),
    providerView ? Promise.resolve([]) : trepo.payments(t.id),
    documentsOf(tx, [t.id, ...ids, ...(t.offer_id ? [t.offer_id] : [])]),
    providerView ? Promise.resolve([]) : openDeadlinesOf(tx, [t.id, ...ids]),
  ]);
  // From the offer only the guarantee contract belongs to the tenancy file.
  const documents = docs.filter((d) => d.ownerId !== t.offer_id || d.kind === 'guarantee_contract');
  const open = incidents.filter((i) => !(CLOSED_INCIDENT_STATES as readonly string[]).includes(i.state));
  const claimOpen = t.paid_out_cents > t.recovered_cents;
  const byIncident = new Map(incidents.map((i) => [i.id, i]));
  const item = presentTenancyItem(t, providerView, { openIncidents: open.length, nextDeadline: deadlines[0] ?? null, today: todayIso });

  type Entry = TTenancyDetail['timeline'][number];
  // Who recorded what: one lookup for every author named in the timeline.
  const authorIds = [
    t.created_by,
    ...payouts.map((p) => p.created_by),
    ...agreements.map((a) => a.created_by),
    ...payments.map((p) => p.created_by),
    ...documents.map((d) => d.createdBy),
  ].filter((id): id is string => !!id);
  const authors = new Map((await userFacts(tx, agencyId, [...new Set(authorIds)])).map((u) => [u.id, u.display_name]));
  const by = (id: string | null | undefined): Entry['actor'] => (id && authors.has(id) ? { id, displayName: authors.get(id)! } : null);
  const entry = (at: Date | string, e: Partial<Entry> & Pick<Entry, 'type' | 'title' | 'titleKey' | 'titleParams'>): Entry => ({
    at: new Date(at).toISOString(),
    actor: null,
    incidentId: null,
    step: null,
    amountCents: null,
    refId: null,
    ...e,
  });
  const timeline: Entry[] = [
    entry(t.created_at, {
      type: 'tenancy_created',
      title: `Mietverhältnis ${t.reference} erfasst (Mietbeginn ${formatGermanDate(t.lease_start)})`,
      titleKey: 'tenancyTimeline.tenancy_created',
      titleParams: { reference: t.reference, leaseStartOn: t.lease_start },
      actor: by(t.created_by),
    }),
  ];
  for (const e of events) {
    if (providerView && e.provider_details === null) continue;
    const i = byIncident.get(e.incident_id)!;
    timeline.push(
      entry(e.at, {
        type: 'incident_step',
        title: `${i.reference}: ${STEP_TITLES[e.step] ?? e.step}`,
        titleKey: 'tenancyTimeline.incident_step',
        titleParams: { incident: i.reference, step: e.step },
        incidentId: i.id,
        step: e.step,
        refId: String(e.id),
        actor: e.actor_id ? { id: e.actor_id, displayName: e.actor_name ?? '' } : null,
      }),
    );
  }
  for (const c of contacts) {
    timeline.push(
      entry(c.occurred_at, {
        type: 'contact',
        title: `Kontakt (${CHANNEL_LABELS[c.channel] ?? c.channel}): ${c.reached ? 'erreicht' : 'nicht erreicht'}`,
        titleKey: c.reached ? 'tenancyTimeline.contact_reached' : 'tenancyTimeline.contact_not_reached',
        titleParams: { channel: c.channel },
        incidentId: c.incident_id,
        refId: c.id,
      }),
    );
  }
  for (const p of payouts) {
    timeline.push(
      entry(p.created_at, {
        type: 'payout',
        title: `Garantieleistung ${formatEuro(p.amount_cents)} ausgezahlt am ${formatGermanDate(p.paid_on)}`,
        titleKey: 'tenancyTimeline.payout',
        titleParams: { amountCents: p.amount_cents, paidOn: p.paid_on },
        incidentId: p.incident_id,
        amountCents: p.amount_cents,
        refId: p.id,
        actor: by(p.created_by),
      }),
    );
    // A payout within an incident shows its receipt as that incident's step; only a payout outside one needs its own entry.
    if (p.assignment_received_on && !p.incident_id) {
      timeline.push(
        entry(`${p.assignment_received_on}T12:00:00Z`, {
          type: 'assignment_received',
          title: `Abtretungserklärung eingegangen am ${formatGermanDate(p.assignment_received_on)}`,
          titleKey: 'tenancyTimeline.assignment_received',
          titleParams: { receivedOn: p.assignment_received_on },
          incidentId: p.incident_id,
          refId: p.id,
        }),
      );
    }
  }
  for (const a of agreements) {
    timeline.push(
      entry(a.created_at, {
        type: 'recovery_agreement',
        title: `Ratenvereinbarung: ${formatEuro(a.instalment_cents)} ${a.interval_months === 1 ? 'monatlich' : 'vierteljährlich'} ab ${formatGermanDate(a.starts_on)}`,
        titleKey: a.interval_months === 1 ? 'tenancyTimeline.recovery_agreement_monthly' : 'tenancyTimeline.recovery_agreement_quarterly',
        titleParams: { instalmentCents: a.instalment_cents, startsOn: a.starts_on },
        amountCents: a.instalment_cents,
        refId: a.id,
        incidentId: a.incident_id,
        actor: by(a.created_by),
      }),
    );
  }
  for (const p of payments) {
    timeline.push(
      entry(p.created_at, {
        type: 'recovery_payment',
        title: `Rückzahlung ${formatEuro(p.amount_cents)} am ${formatGermanDate(p.paid_on)}`,
        titleKey: 'tenancyTimeline.recovery_payment',
        titleParams: { amountCents: p.amount_cents, paidOn: p.paid_on },
        amountCents: p.amount_cents,
        refId: p.id,
        actor: by(p.created_by),
      }),
    );
  }
  for (const d of documents)
    timeline.push(
      entry(d.createdAt, {
        type: 'document',
        title: `Dokument: ${d.filename}`,
        titleKey: 'tenancyTimeline.document',
        titleParams: { filename: d.filename },
        refId: d.id,
        actor: by(d.createdBy),
      }),
    );
  if (t.status === 'ended' && t.end_reason) {
    timeline.push(
      entry(t.updated_at, {
        type: 'tenancy_ended',
        title: `Mietverhältnis beendet zum ${formatGermanDate(t.ended_on)}: ${END_LABELS[t.end_reason] ?? t.end_reason}`,
        titleKey: 'tenancyTimeline.tenancy_ended',
        titleParams: { endedOn: t.ended_on, reason: t.end_reason },
      }),
    );
  }
  if (t.closing_outcome && t.closing_reviewed_on) {
    timeline.push(
      entry(`${t.closing_reviewed_on}T12:00:00Z`, {
        type: 'closing_review',
        title: `Abschlussbewertung: ${OUTCOME_LABELS[t.closing_outcome] ?? t.closing_outcome}`,
        titleKey: 'tenancyTimeline.closing_review',
        titleParams: { outcome: t.closing_outcome },
        actor: t.closing_reviewed_by ? { id: t.closing_reviewed_by, displayName: t.closing_reviewer_name ?? '' } : null,
      }),
    );
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  const nextDeadlineOf = (id: string) => deadlines.find((d) => d.subject_id === id) ?? null;
  return {
    ...item,
    street: t.street,
    postalCode: t.postal_code,
    city: t.city,
    district: t.district,
    leaseSignedOn: t.lease_signed_on,
    serviceChargesCents: t.service_charges_cents,
    heatingCents: t.heating_cents,
    warmRentCents: t.cold_rent_cents + t.service_charges_cents + t.heating_cents,
    guaranteeSignedOn: t.guarantee_signed_on,
    guaranteeContinues: t.guarantee_continues,
    endNote: providerView ? null : t.end_note,
    closingReview:
      t.closing_outcome && !providerView
        ? {
            outcome: t.closing_outcome as 'independent',
            reviewedOn: t.closing_reviewed_on!,
            note: t.closing_note,
            reviewedBy: t.closing_reviewed_by ? { id: t.closing_reviewed_by, displayName: t.closing_reviewer_name ?? '' } : null,
          }
        : null,
    incidents: incidents.map((i) => presentIncidentSummary(i, nextDeadlineOf(i.id), providerView)),
    payouts: payouts.map(presentPayout),
    agreements: agreements.map((a) => ({
      id: a.id,
      incidentId: a.incident_id,
      instalmentCents: a.instalment_cents,
      startsOn: a.starts_on,
      intervalMonths: a.interval_months,
      nextDueOn: nextInstalment(a.starts_on, a.interval_months, todayIso, claimOpen),
      note: a.note,
      createdBy: a.created_by ? { id: a.created_by, displayName: a.created_by_name ?? '' } : null,
      createdAt: a.created_at.toISOString(),
    })),
    payments: payments.map((p) => ({
      id: p.id,
      agreementId: p.agreement_id,
      amountCents: p.amount_cents,
      paidOn: p.paid_on,
      note: p.note,
      createdBy: p.created_by ? { id: p.created_by, displayName: p.created_by_name ?? '' } : null,
      createdAt: p.created_at.toISOString(),
    })),
    documents: documents
      .filter((d) => !providerView || d.kind === 'assignment_declaration' || d.kind === 'guarantee_contract')
      .map(documentRef),
    deadlines: deadlines.map((d) => deadlineRef(d)!),
    timeline: providerView
      ? timeline.filter((e) => e.type !== 'contact' && e.type !== 'recovery_agreement' && e.type !== 'recovery_payment')
      : timeline,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
    actions: tenancyActions(ctx, t, todayIso),
  };
}
