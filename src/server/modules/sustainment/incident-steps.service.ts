import type { TextRef } from '../../../contracts/notify.js';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { formatEuro, formatGermanDate } from '../../../contracts/format.js';
import type {
  ZAssignmentReceipt,
  ZCancelInput,
  ZContactInput,
  ZInformProviderInput,
  ZPayoutInput,
  ZReasonsInput,
  ZRecheckUnpaidInput,
  ZSolveInput,
  ZStepNote,
  ZTerminateInput,
  ZWaitInput,
  ZWarningInput,
} from '../../../contracts/sustainment.js';
import type { DB } from '../../db/types.js';
import { audit } from '../../platform/audit/audit.js';
import { endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { KIND_TITLES } from './sustainment.present.js';
import { incidentRepository } from './incidents.repository.js';
import { runStep, socialWorkerOf } from './incidents.service.js';
import { INCIDENT_DEADLINES, incidentLink, today } from './sustainment.effects.js';
import { assignmentStep, payoutStep, terminateStep } from './incident-payouts.service.js';

type In<T extends z.ZodTypeAny> = z.output<T>;
const dateField = (field: string, message: string) =>
  new AppError('validation_failed', undefined, { errors: [{ field, code: 'custom', message }] });

/** The steps of both incident machines (see sustainment.machine.ts), one service method each. */
export function incidentStepService(db: Kysely<DB>) {
  return {
    forward: (ctx: Ctx, id: string, b: In<typeof ZStepNote>) =>
      runStep(db, ctx, id, 'incident.forward', 'forward', b.version, async (tx, i, _to, fx) => {
        const { sustainment } = await fx.settings();
        const sw = socialWorkerOf(i);
        const conflict = i.kind === 'conflict';
        await fx.closeDeadlines(id, ['incident_forward'], 'done');
        await fx.openDeadline({
          subjectType: 'incident',
          subjectId: id,
          householdId: i.household_id,
          kind: conflict ? 'incident_contact' : 'incident_clarify',
          link: incidentLink(id),
          assigneeId: sw,
          title: conflict
            ? `${i.reference}: Haushalt sofort kontaktieren (Konflikt, ${i.tenancy_reference})`
            : `${i.reference}: Gründe des Mietausfalls mit dem Haushalt klären (${i.tenancy_reference})`,
          text: {
            key: conflict ? 'deadlineTitle.incident_contact' : 'deadlineTitle.incident_clarify',
            params: { incident: i.reference, tenancy: i.tenancy_reference },
          },
          dueAt: await fx.dueAfterWorkingDays(conflict ? sustainment.conflictContactWorkingDays : sustainment.clarifyWorkingDays),
        });
        await fx.inform(
          [sw],
          'incident.forwarded',
          `${KIND_TITLES[i.kind]} ${i.reference}: bitte übernehmen`,
          conflict
            ? `Konflikt im Mietverhältnis ${i.street}. Bitte umgehend Kontakt zum Haushalt aufnehmen.`
            : `Die Miete für ${i.street} ist nicht bezahlt. Bitte die Gründe mit dem Haushalt klären.${b.note ? ` Hinweis: ${b.note}` : ''}`,
          incidentLink(id),
          {
            text: {
              key: conflict ? 'notice.conflictForwarded' : 'notice.rentDefaultForwarded',
              params: { incident: i.reference, street: i.street, note: b.note ? b.note : null },
            },
          },
        );
        return { details: { note: b.note } };
      }),

    recordReasons: (ctx: Ctx, id: string, b: In<typeof ZReasonsInput>) =>
      runStep(db, ctx, id, 'incident.clarify', 'recordReasons', b.version, async (_tx, i, _to, fx) => {
        const { sustainment } = await fx.settings();
        await fx.closeDeadlines(id, ['incident_clarify'], 'done');
        await fx.openDeadline({
          subjectType: 'incident',
          subjectId: id,
          householdId: i.household_id,
          kind: 'incident_inform_provider',
          link: incidentLink(id),
          assigneeId: i.contact_person_id,
          title: `${i.reference}: Wohnungsunternehmen über die Gründe informieren (${i.tenancy_reference})`,
          text: { key: 'deadlineTitle.incident_inform_provider', params: { incident: i.reference, tenancy: i.tenancy_reference } },
          dueAt: await fx.dueAfterWorkingDays(sustainment.informProviderWorkingDays),
        });
        await fx.inform(
          await fx.office(i.contact_person_id),
          'incident.reasons',
          `Gründe geklärt: ${i.reference}`,
          'Die Sozialarbeit hat die Gründe festgehalten. Bitte das Wohnungsunternehmen informieren.',
          incidentLink(id),
          { text: { key: 'notice.reasonsClarified', params: { incident: i.reference } } },
        );
        return { set: { reasons: b.reasons }, details: { reasons: b.reasons }, providerDetails: null };
      }),

    informProvider: (ctx: Ctx, id: string, b: In<typeof ZInformProviderInput>) =>
      runStep(db, ctx, id, 'incident.informProvider', 'informProvider', b.version, async (_tx, i, _to, fx) => {
        await fx.closeDeadlines(id, ['incident_inform_provider'], 'done');
        const conflict = i.kind === 'conflict';
        await fx.toProvider(
          i.provider_id,
          'incident.provider_informed',
          conflict ? `Konflikt gelöst: ${i.tenancy_reference}` : `Mietausfall ${i.tenancy_reference}: bitte entscheiden`,
          conflict
            ? `Nachricht der Fachstelle: ${b.message}`
            : `Nachricht der Fachstelle: ${b.message}\n\nBitte im Portal entscheiden: abwarten (mit Wiedervorlage) oder Zahlung sofort verlangen.`,
          incidentLink(id),
          {
            text: {
              key: conflict ? 'notice.providerConflictSolved' : 'notice.providerDecide',
              params: { tenancy: i.tenancy_reference, message: b.message },
            },
          },
        );
        if (conflict)
          await fx.inform(
            [socialWorkerOf(i)],
            'incident.secured',
            `Mietverhältnis gesichert: ${i.tenancy_reference}`,
            'Das Wohnungsunternehmen wurde über die Lösung informiert.',
            incidentLink(id),
            { text: { key: 'notice.tenancySecuredSolved', params: { tenancy: i.tenancy_reference } } },
          );
        return { set: { provider_message: b.message }, details: { message: b.message }, providerDetails: { message: b.message } };
      }),

    wait: (ctx: Ctx, id: string, b: In<typeof ZWaitInput>) =>
      runStep(db, ctx, id, 'incident.decide', 'wait', b.version, async (_tx, i, _to, fx) => {
        if (b.recheckOn < today()) throw dateField('recheckOn', 'Die Wiedervorlage liegt in der Vergangenheit.');
        await fx.openDeadline({
          subjectType: 'incident',
          subjectId: id,
          householdId: i.household_id,
          kind: 'incident_recheck',
          link: incidentLink(id),
          assigneeId: i.contact_person_id,
          dueAt: endOfDayBerlin(b.recheckOn),
          title: `${i.reference}: Wiedervorlage – ist die Miete bezahlt? (${i.tenancy_reference})`,
          text: { key: 'deadlineTitle.incident_recheck', params: { incident: i.reference, tenancy: i.tenancy_reference } },
        });
        await notifyDecision(
          fx,
          ctx,
          i,
          `Wohnungsunternehmen wartet ab: ${i.reference}`,
          `Wiedervorlage am ${formatGermanDate(b.recheckOn)}.`,
          { text: { key: 'notice.providerWaits', params: { incident: i.reference, recheckOn: b.recheckOn } } },
        );
        return {
          set: { decision: 'wait', recheck_on: b.recheckOn },
          details: { recheckOn: b.recheckOn, note: b.note },
          providerDetails: { recheckOn: b.recheckOn, note: b.note },
        };
      }),

    demandPayment: (ctx: Ctx, id: string, b: In<typeof ZStepNote>) =>
      runStep(db, ctx, id, 'incident.decide', 'demandPayment', b.version, async (_tx, i, _to, fx) => {
        const { sustainment } = await fx.settings();
        await fx.closeDeadlines(id, ['incident_recheck'], 'done');
        await fx.openDeadline({
          subjectType: 'incident',
          subjectId: id,
          householdId: i.household_id,
          kind: 'incident_payout',
          link: incidentLink(id),
          assigneeId: i.contact_person_id,
          title: `${i.reference}: Garantieleistung sofort auszahlen (${i.tenancy_reference})`,
          text: { key: 'deadlineTitle.incident_payout', params: { incident: i.reference, tenancy: i.tenancy_reference } },
          dueAt: await fx.dueAfterWorkingDays(sustainment.payoutWorkingDays),
        });
        await notifyDecision(
          fx,
          ctx,
          i,
          `Zahlung verlangt: ${i.reference}`,
          `Das Wohnungsunternehmen wartet nicht länger. Bitte die Garantieleistung (${formatEuro(i.amount_cents)}) sofort veranlassen.`,
          { text: { key: 'notice.paymentDemanded', params: { incident: i.reference, amountCents: i.amount_cents } } },
        );
        return { set: { decision: 'demand_payment' }, details: { note: b.note }, providerDetails: { note: b.note } };
      }),

    recheckUnpaid: (ctx: Ctx, id: string, b: In<typeof ZRecheckUnpaidInput>) =>
      runStep(db, ctx, id, 'incident.decide', 'recheckUnpaid', b.version, async (_tx, i, _to, fx) => {
        const { sustainment } = await fx.settings();
        const sw = socialWorkerOf(i);
        await fx.closeDeadlines(id, ['incident_recheck'], 'done');
        await fx.openDeadline({
          subjectType: 'incident',
          subjectId: id,
          householdId: i.household_id,
          kind: 'incident_clarify',
          link: incidentLink(id),
          assigneeId: sw,
          title: `${i.reference}: Miete weiter unbezahlt – Gründe erneut klären (${i.tenancy_reference})`,
          text: { key: 'deadlineTitle.incident_clarify_again', params: { incident: i.reference, tenancy: i.tenancy_reference } },
          dueAt: await fx.dueAfterWorkingDays(sustainment.clarifyWorkingDays),
        });
        const months = b.months ? [...new Set(b.months)].sort() : i.months;
        const amount = b.amountCents ?? i.amount_cents;
        await fx.inform(
          [sw, ...(await fx.office(i.contact_person_id))],
          'incident.still_unpaid',
          `Miete weiter unbezahlt: ${i.reference}`,
          `Offen: ${formatEuro(amount)}. Die Klärung beginnt erneut (Durchlauf ${i.round + 1}).`,
          incidentLink(id),
          { text: { key: 'notice.stillUnpaid', params: { incident: i.reference, amountCents: amount, round: i.round + 1 } } },
        );
        const figures = { months, amountCents: amount, note: b.note };
        return {
          set: { round: i.round + 1, months, amount_cents: amount, decision: null, recheck_on: null },
          details: figures,
          providerDetails: figures,
        };
      }),

    markPaid: (ctx: Ctx, id: string, b: In<typeof ZStepNote>) =>
      runStep(db, ctx, id, 'incident.decide', 'markPaid', b.version, async (_tx, i, _to, fx) => {
        await fx.closeDeadlines(id, INCIDENT_DEADLINES, 'done');
        await notifyDecision(fx, ctx, i, `Miete bezahlt: ${i.reference}`, 'Der Mietausfall ist erledigt.', {
          text: { key: 'notice.rentPaid', params: { incident: i.reference } },
        });
        await fx.inform(
          [socialWorkerOf(i)],
          'incident.resolved',
          `Miete bezahlt: ${i.reference}`,
          'Der Mietausfall ist erledigt.',
          incidentLink(id),
          { text: { key: 'notice.rentPaid', params: { incident: i.reference } } },
        );
        return { details: { note: b.note }, providerDetails: { note: b.note } };
      }),

    payout: (ctx: Ctx, id: string, b: In<typeof ZPayoutInput>) =>
      runStep(db, ctx, id, 'incident.payout', 'payout', b.version, (tx, i, _to, fx) => payoutStep(tx, ctx, fx, i, b)),
    confirmAssignment: (ctx: Ctx, id: string, b: In<typeof ZAssignmentReceipt>) =>
      runStep(db, ctx, id, 'incident.payout', 'confirmAssignment', b.version, (tx, i, _to, fx) => assignmentStep(tx, ctx, fx, i, b)),

    recordContact: (ctx: Ctx, id: string, b: In<typeof ZContactInput>) =>
      runStep(db, ctx, id, 'incident.clarify', 'recordContact', b.version, async (tx, i, _to, fx) => {
        if (new Date(b.occurredAt) > new Date(Date.now() + 5 * 60_000)) throw dateField('occurredAt', 'Der Kontakt liegt in der Zukunft.');
        const c = await incidentRepository(tx, ctx.actor.agencyId).addContact({
          incident_id: id,
          occurred_at: b.occurredAt,
          channel: b.channel,
          reached: b.reached,
          note: b.note,
          recorded_by: ctx.actor.userId,
        });
        // The first contact that reached the household meets the "contact at once" deadline.
        if (b.reached) await fx.closeDeadlines(id, ['incident_contact'], 'done');
        await fx.inform(
          await fx.office(i.contact_person_id),
          'incident.contact',
          `Kontakt dokumentiert: ${i.reference}`,
          b.reached
            ? 'Die Sozialarbeit hat den Haushalt erreicht.'
            : 'Die Sozialarbeit hat den Haushalt nicht erreicht und versucht es weiter.',
          incidentLink(id),
          { text: { key: b.reached ? 'notice.contactReached' : 'notice.contactNotReached', params: { incident: i.reference } } },
        );
        audit(tx, ctx, { action: 'incident.contact', entityId: id, details: { contact: c.id, reached: b.reached, channel: b.channel } });
        return { details: { contact: c.id, channel: b.channel, reached: b.reached }, providerDetails: null };
      }),

    warning: (ctx: Ctx, id: string, b: In<typeof ZWarningInput>) =>
      runStep(db, ctx, id, 'incident.warning', 'warning', b.version, async (tx, i, _to, fx) => {
        if (b.issuedOn > today()) throw dateField('issuedOn', 'Die Abmahnung liegt in der Zukunft.');
        await notifyDecision(
          fx,
          ctx,
          i,
          `Abmahnung erfasst: ${i.reference}`,
          `Abmahnung vom ${formatGermanDate(b.issuedOn)}${b.note ? `: ${b.note}` : ''}.`,
          {
            text: {
              key: 'notice.warningRecordedProvider',
              params: { incident: i.reference, issuedOn: b.issuedOn, note: b.note ? `: ${b.note}` : '' },
            },
          },
        );
        await fx.inform(
          [socialWorkerOf(i)],
          'incident.warning',
          `Abmahnung erfasst: ${i.reference}`,
          `Abmahnung vom ${formatGermanDate(b.issuedOn)}.`,
          incidentLink(id),
          { text: { key: 'notice.warningRecorded', params: { incident: i.reference, issuedOn: b.issuedOn } } },
        );
        audit(tx, ctx, { action: 'incident.warning', entityId: id, details: { issuedOn: b.issuedOn } });
        return { details: { issuedOn: b.issuedOn, note: b.note }, providerDetails: { issuedOn: b.issuedOn, note: b.note } };
      }),

    solve: (ctx: Ctx, id: string, b: In<typeof ZSolveInput>) =>
      runStep(db, ctx, id, 'incident.clarify', 'solve', b.version, async (_tx, i, _to, fx) => {
        const { sustainment } = await fx.settings();
        await fx.closeDeadlines(id, ['incident_contact', 'incident_forward'], 'done');
        await fx.openDeadline({
          subjectType: 'incident',
          subjectId: id,
          householdId: i.household_id,
          kind: 'incident_inform_provider',
          link: incidentLink(id),
          assigneeId: i.contact_person_id,
          title: `${i.reference}: Wohnungsunternehmen über die Lösung informieren (${i.tenancy_reference})`,
          text: { key: 'deadlineTitle.incident_inform_provider_solved', params: { incident: i.reference, tenancy: i.tenancy_reference } },
          dueAt: await fx.dueAfterWorkingDays(sustainment.informProviderWorkingDays),
        });
        await fx.inform(
          await fx.office(i.contact_person_id),
          'incident.solved',
          `Konflikt gelöst: ${i.reference}`,
          'Die Sozialarbeit meldet: das Problem ist gelöst. Bitte das Wohnungsunternehmen informieren.',
          incidentLink(id),
          { text: { key: 'notice.conflictSolved', params: { incident: i.reference } } },
        );
        return { set: { resolution: b.resolution }, details: { resolution: b.resolution }, providerDetails: null };
      }),

    terminate: (ctx: Ctx, id: string, b: In<typeof ZTerminateInput>) =>
      runStep(db, ctx, id, 'incident.terminate', 'terminate', b.version, (tx, i, _to, fx) => terminateStep(tx, ctx, fx, i, b)),

    cancel: (ctx: Ctx, id: string, b: In<typeof ZCancelInput>) =>
      runStep(db, ctx, id, 'incident.cancel', 'cancel', b.version, async (_tx, i, _to, fx) => {
        await fx.closeDeadlines(id, INCIDENT_DEADLINES, 'cancelled');
        await fx.inform([socialWorkerOf(i)], 'incident.cancelled', `Vorgang eingestellt: ${i.reference}`, b.reason, incidentLink(id), {
          text: { key: 'notice.incidentCancelled', params: { incident: i.reference, reason: b.reason } },
        });
        if (i.reported_via === 'portal')
          await fx.toProvider(
            i.provider_id,
            'incident.cancelled',
            `Vorgang eingestellt: ${i.tenancy_reference}`,
            b.reason,
            incidentLink(id),
            { text: { key: 'notice.incidentCancelled', params: { incident: i.tenancy_reference, reason: b.reason } } },
          );
        return { set: { cancel_reason: b.reason }, details: { reason: b.reason }, providerDetails: { reason: b.reason } };
      }),
  };
}
export type IncidentStepService = ReturnType<typeof incidentStepService>;

/** A company's decision goes to the office; the office's (recorded on the company's behalf) goes to the company. */
async function notifyDecision(
  fx: Parameters<Parameters<typeof runStep>[6]>[3],
  ctx: Ctx,
  i: { provider_id: string; contact_person_id: string | null; id: string },
  title: string,
  body: string,
  more: { text?: TextRef } = {},
) {
  if (ctx.actor.role === 'provider_user')
    await fx.inform(await fx.office(i.contact_person_id), 'incident.decision', title, body, incidentLink(i.id), more);
  else await fx.toProvider(i.provider_id, 'incident.decision', title, body, incidentLink(i.id), more);
}
