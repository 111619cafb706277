import type { z } from 'zod';
import { formatEuro, formatGermanDate } from '../../../contracts/format.js';
import type { ZAssignmentReceipt, ZPayoutInput, ZTerminateInput } from '../../../contracts/sustainment.js';
import type { Tx } from '../../db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { generateDocument, loadDocument } from '../../platform/documents/documents.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { flagHouseholdFollowUp } from '../households/households.service.js';
import type { IncidentRow } from './incidents.repository.js';
import { socialWorkerOf, type StepResult } from './incidents.service.js';
import * as ledger from './ledger.js';
import {
  GUARANTEE_DEADLINES,
  INCIDENT_DEADLINES,
  householdLink,
  incidentLink,
  today,
  type SustainmentEffects,
} from './sustainment.effects.js';
import { guaranteeActive } from './sustainment.present.js';
import { tenancyRepository } from './tenancies.repository.js';

/*
 * The steps that move money or end a tenancy: the guarantee payout with its assignment declaration,
 * the receipt of the signed declaration, and the termination after a conflict.
 */

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
export const monthLabel = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** Pays out at most the remaining guarantee (else 422 with the figures) and generates the assignment declaration. */
export async function payoutStep(
  tx: Tx,
  ctx: Ctx,
  fx: SustainmentEffects,
  i: IncidentRow,
  b: z.output<typeof ZPayoutInput>,
): Promise<StepResult> {
  const repo = tenancyRepository(tx, ctx.actor.agencyId);
  // Locked: two payouts at once are serialised, and the second sees what the first left.
  const t = (await repo.find(i.tenancy_id, true))!;
  const paidOn = b.paidOn ?? today();
  if (!guaranteeActive(t, paidOn)) {
    throw new AppError(
      'invalid_transition',
      `Die Garantie gilt am ${formatGermanDate(paidOn)} nicht (Laufzeit ${formatGermanDate(t.guarantee_start)} bis ${formatGermanDate(t.guarantee_end)}).`,
      { currentState: i.state },
    );
  }
  const after = ledger.payout(
    { maxCents: t.guarantee_max_cents, paidOutCents: t.paid_out_cents, recoveredCents: t.recovered_cents },
    b.amountCents,
  );
  const p = await repo.insertPayout({
    tenancy_id: t.id,
    incident_id: i.id,
    amount_cents: b.amountCents,
    paid_on: paidOn,
    months: i.months,
    note: b.note,
    created_by: ctx.actor.userId,
  });
  const provider = (await repo.provider(t.provider_id))!;
  const doc = await generateDocument(tx, ctx.actor.agencyId, {
    ownerType: 'incident',
    ownerId: i.id,
    kind: 'assignment_declaration',
    filename: `Abtretungserklaerung-${i.reference}`,
    createdBy: ctx.actor.userId,
    data: {
      reference: `${t.reference} / ${i.reference}`,
      provider: {
        name: provider.name,
        address: [provider.street, `${provider.postal_code ?? ''} ${provider.city ?? ''}`.trim()].filter(Boolean).join('\n'),
      },
      household: { names: t.head_name.split(', ').reverse().join(' ') },
      object: { address: `${t.street}, ${t.postal_code} ${t.city}` },
      assignment: { amount: b.amountCents, months: i.months.map(monthLabel) },
      guarantee: { signedOn: t.guarantee_signed_on ?? t.guarantee_start },
    },
  });
  await repo.setPayout(p.id, { assignment_document_id: doc.id });
  const { sustainment } = await fx.settings();
  await fx.closeDeadlines(i.id, ['incident_payout'], 'done');
  await fx.openDeadline({
    subjectType: 'incident',
    subjectId: i.id,
    householdId: i.household_id,
    kind: 'incident_assignment',
    link: incidentLink(i.id),
    assigneeId: i.contact_person_id,
    title: `${i.reference}: unterschriebene Abtretungserklärung des Unternehmens erfassen (${t.reference})`,
    text: { key: 'deadlineTitle.incident_assignment', params: { incident: i.reference, tenancy: t.reference } },
    dueAt: await fx.dueAfterWorkingDays(sustainment.assignmentWorkingDays),
  });
  const pdf = (await loadDocument(tx, doc.id))!;
  const title = `Garantieleistung ${formatEuro(b.amountCents)} für ${t.reference}`;
  const body = `Die Fachstelle zahlt ${formatEuro(b.amountCents)} aus dem Garantievertrag (${i.months.map(monthLabel).join(', ')}). Bitte die beigefügte Abtretungserklärung unterschreiben und zurücksenden.`;
  await fx.inform(await fx.providerUsers(t.provider_id), 'incident.payout', title, body, incidentLink(i.id), {
    attachments: [{ filename: pdf.filename, contentType: 'application/pdf', content: pdf.content.toString('base64') }],
    text: { key: 'notice.payoutProvider', params: { amountCents: b.amountCents, tenancy: t.reference, months: i.months.join(', ') } },
  });
  await fx.inform(
    [socialWorkerOf(i)],
    'incident.payout',
    title,
    'Die Forderung geht auf die Fachstelle über. Bitte mit dem Haushalt an der Rückzahlung arbeiten.',
    incidentLink(i.id),
    { text: { key: 'notice.payoutSocialWork', params: { amountCents: b.amountCents, tenancy: t.reference } } },
  );
  audit(tx, ctx, {
    action: 'incident.payout',
    entityId: i.id,
    details: { payout: p.id, amountCents: b.amountCents, remainingCents: ledger.remainingCents(after), document: doc.id },
  });
  const figures = { payout: p.id, amountCents: b.amountCents, paidOn, document: doc.id };
  return { details: { ...figures, note: b.note }, providerDetails: figures };
}

/** The company's signed assignment declaration came in: the tenancy is secured. */
export async function assignmentStep(
  tx: Tx,
  ctx: Ctx,
  fx: SustainmentEffects,
  i: IncidentRow,
  b: z.output<typeof ZAssignmentReceipt>,
): Promise<StepResult> {
  if (b.receivedOn > today())
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'receivedOn', code: 'custom', message: 'Der Eingang liegt in der Zukunft.' }],
    });
  const repo = tenancyRepository(tx, ctx.actor.agencyId);
  for (const id of await repo.payoutsAwaitingAssignment(i.id)) await repo.setPayout(id, { assignment_received_on: b.receivedOn });
  await fx.closeDeadlines(i.id, ['incident_assignment'], 'done');
  await fx.toProvider(
    i.provider_id,
    'incident.secured',
    `Mietverhältnis gesichert: ${i.tenancy_reference}`,
    'Die Abtretungserklärung ist eingegangen. Die Fachstelle kümmert sich um die abgetretene Forderung.',
    incidentLink(i.id),
    { text: { key: 'notice.securedProvider', params: { tenancy: i.tenancy_reference } } },
  );
  await fx.inform(
    [socialWorkerOf(i)],
    'incident.secured',
    `Mietverhältnis gesichert: ${i.tenancy_reference}`,
    'Die Rückführung der abgetretenen Forderung geht weiter: bitte Ratenvereinbarung und Zahlungen erfassen.',
    incidentLink(i.id),
    { text: { key: 'notice.securedSocialWork', params: { tenancy: i.tenancy_reference } } },
  );
  return { details: { receivedOn: b.receivedOn, note: b.note }, providerDetails: { receivedOn: b.receivedOn } };
}

/**
 * The company terminates after a conflict that could not be solved: the tenancy ends on the lease's
 * last day, the guarantee continues or lapses as the contract says (recorded), and the household is
 * flagged for prevention/placement follow-up (journal entry, flag, its case manager told).
 */
export async function terminateStep(
  tx: Tx,
  ctx: Ctx,
  fx: SustainmentEffects,
  i: IncidentRow,
  b: z.output<typeof ZTerminateInput>,
): Promise<StepResult> {
  const errors = [];
  if (b.terminatedOn > today()) errors.push({ field: 'terminatedOn', code: 'custom', message: 'Die Kündigung liegt in der Zukunft.' });
  if (b.leaseEndsOn < b.terminatedOn)
    errors.push({ field: 'leaseEndsOn', code: 'custom', message: 'Das Mietende liegt vor der Kündigung.' });
  if (errors.length) throw new AppError('validation_failed', undefined, { errors });
  const repo = tenancyRepository(tx, ctx.actor.agencyId);
  const t = (await repo.find(i.tenancy_id, true))!;
  await fx.closeDeadlines(i.id, INCIDENT_DEADLINES, 'cancelled');
  if (t.status === 'active') {
    await repo.update(t.id, {
      status: 'ended',
      end_reason: 'terminated_by_provider',
      ended_on: b.leaseEndsOn,
      guarantee_continues: b.guaranteeContinues,
      end_note: b.note,
    });
  } else {
    await repo.update(t.id, { guarantee_continues: b.guaranteeContinues });
  }
  if (!b.guaranteeContinues) await fx.closeDeadlines(t.id, GUARANTEE_DEADLINES, 'cancelled');
  await flagHouseholdFollowUp(
    tx,
    ctx,
    t.household_id,
    'tenancy_terminated',
    `Kündigung des Mietverhältnisses ${t.reference} durch das Wohnungsunternehmen nach Konfliktfall ${i.reference} (Kündigung vom ${formatGermanDate(b.terminatedOn)}, Mietende ${formatGermanDate(b.leaseEndsOn)}). Anschlusshilfe (Prävention/Vermittlung) klären.`,
  );
  audit(tx, ctx, {
    action: 'household.follow_up',
    entityId: t.household_id,
    details: { tenancy: t.id, incident: i.id, reason: 'tenancy_terminated' },
  });
  await fx.inform(
    [t.household_case_manager_id ?? t.contact_person_id, socialWorkerOf(i)],
    'household.follow_up',
    `Anschlusshilfe nötig: ${t.household_reference}`,
    `Das Mietverhältnis ${t.street} wurde gekündigt (Mietende ${formatGermanDate(b.leaseEndsOn)}). Bitte Prävention oder erneute Vermittlung prüfen.`,
    householdLink(t.household_id),
    { text: { key: 'notice.followUpNeeded', params: { household: t.household_reference, street: t.street, leaseEndsOn: b.leaseEndsOn } } },
  );
  await fx.toProvider(
    i.provider_id,
    'incident.terminated',
    `Kündigung erfasst: ${t.reference}`,
    `Die Fachstelle hat die Kündigung zum ${formatGermanDate(b.leaseEndsOn)} erfasst. Garantie ${b.guaranteeContinues ? 'bleibt bestehen' : 'endet mit dem Mietverhältnis'}.`,
    incidentLink(i.id),
    {
      text: {
        key: b.guaranteeContinues ? 'notice.terminationGuaranteeContinues' : 'notice.terminationGuaranteeEnds',
        params: { reference: t.reference, leaseEndsOn: b.leaseEndsOn },
      },
    },
  );
  const figures = { terminatedOn: b.terminatedOn, leaseEndsOn: b.leaseEndsOn, guaranteeContinues: b.guaranteeContinues };
  return {
    set: { terminated_on: b.terminatedOn, lease_ends_on: b.leaseEndsOn, guarantee_continues: b.guaranteeContinues },
    details: { ...figures, note: b.note },
    providerDetails: figures,
  };
}
