import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  REAL_CONTACT_RESULTS,
  type ZAftercareHandover,
  type ZAttemptInput,
  type ZClearingUpdate,
  type ZCloseInput,
  type ZContactLetterInput,
  type ZReopen,
} from '../../../contracts/prevention.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { addWorkingDays } from '../../platform/deadlines/workdays.js';
import { generateDocument, loadDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { changeHouseholdSituation, householdFacts } from '../households/households.service.js';
import { organisationOf } from '../providers/providers.service.js';
import { referFromPrevention } from '../aftercare/aftercare.service.js';
import { berlinToday, caseLink } from './prevention.derive.js';
import { fieldError, kit } from './prevention.shared.js';

const OUTCOME_TEXT = {
  home_kept: 'Wohnung erhalten',
  alternative_housing: 'anderer Wohnraum gefunden',
  home_lost: 'Wohnung verloren',
  no_contact: 'kein Kontakt zustande gekommen',
  help_declined: 'Hilfe abgelehnt',
} as const;

/** The work on a case: contact attempts and the contact letter, clearing, closing, aftercare, reopening. */
export function workService(db: Kysely<DB>) {
  return {
    recordAttempt: (ctx: Ctx, id: string, input: z.output<typeof ZAttemptInput>) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.update');
        k.step(row, 'recordAttempt');
        if (new Date(input.at).getTime() > Date.now() + 10 * 60_000)
          throw fieldError('at', 'too_big', 'Der Zeitpunkt liegt in der Zukunft.');
        const s = await k.fx.settings();
        if (input.stepIndex !== null && input.stepIndex >= s.prevention.contactSteps.length)
          throw fieldError('stepIndex', 'too_big', 'Diesen Schritt hat das Kontaktverfahren nicht.');
        await k.repo.insertAttempt(id, input, ctx.actor.userId);
        const reached = REAL_CONTACT_RESULTS.includes(input.result) && row.status === 'contacting';
        await k.touch(id, reached ? { status: k.step(row, 'reach') } : {});
        await k.fx.refresh((await k.repo.lock(id))!);
        audit(tx, ctx, { action: 'prevention.attempt', entityId: id, details: { channel: input.channel, result: input.result } });
        if (reached) {
          await k.fx.inform(
            await k.fx.socialWorkersOr(row.social_worker_id),
            'prevention.reached',
            `Kontakt hergestellt: Fall ${row.reference}`,
            'Der Haushalt ist erreicht. Bitte das Clearing beginnen.',
            caseLink(id),
            { text: { key: 'notice.caseReached', params: { reference: row.reference } } },
          );
        }
        return k.full(id);
      }),

    contactLetter: (ctx: Ctx, id: string, input: z.output<typeof ZContactLetterInput>) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.update');
        k.step(row, 'contactLetter');
        const s = await k.fx.settings();
        const names = row.tenants.map((t) => `${t.firstName} ${t.lastName}`).join(' und ');
        const date = input.appointmentDate ?? addWorkingDays(berlinToday(), s.prevention.appointmentWorkingDays, s.state);
        const doc = await generateDocument(tx, ctx.actor.agencyId, {
          ownerType: 'prevention_case',
          ownerId: id,
          kind: 'contact_letter',
          filename: `anschreiben-${row.reference}`,
          createdBy: ctx.actor.userId,
          data: {
            reference: row.reference,
            household: { names, address: `${row.street}\n${row.postal_code} ${row.city}` },
            landlord: { name: row.landlord_name ?? '' },
            appointment: {
              date,
              time: input.appointmentTime ?? '10:00 Uhr',
              place: input.appointmentPlace ?? (s.prevention.appointmentPlace || s.letterhead.address.split('\n').join(', ')),
            },
          },
        });
        // The letter is the procedure's first step: recorded as an attempt, so the next step becomes due.
        await k.repo.insertAttempt(
          id,
          { channel: 'letter', at: new Date(), result: 'letter_sent', stepIndex: null, note: `Anschreiben ${doc.filename}` },
          ctx.actor.userId,
        );
        await k.touch(id);
        await k.fx.refresh((await k.repo.lock(id))!);
        audit(tx, ctx, { action: 'prevention.document', entityId: id, details: { kind: 'contact_letter', document: doc.id } });
        return k.full(id);
      }),

    document: (ctx: Ctx, id: string, docId: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'prevention.read', { type: 'prevention_case', id });
        const k = kit(tx, ctx);
        if (!(await k.repo.find(id))) throw new AccessDenied('prevention.read', { type: 'prevention_case', id });
        const doc = await loadDocument(tx, docId);
        const measureIds = (await k.repo.measures(id)).map((m) => m.id);
        if (!doc || (doc.ownerId !== id && !measureIds.includes(doc.ownerId)))
          throw new AccessDenied('prevention.read', { type: 'prevention_case', id });
        audit(tx, ctx, { action: 'prevention.document', entityId: id, details: { document: docId, kind: doc.kind, read: true } });
        return doc;
      }),

    saveClearing: (ctx: Ctx, id: string, input: z.output<typeof ZClearingUpdate>, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.update');
        k.step(row, 'saveClearing');
        k.checkVersion(row.clearing_version, version);
        await k.repo.saveClearing(id, input.clearing);
        audit(tx, ctx, { action: 'prevention.clearing', entityId: id, details: { complete: input.clearing.complete } });
        return k.full(id);
      }),

    completeClearing: (ctx: Ctx, id: string, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.update');
        const to = k.step(row, 'completeClearing');
        k.checkVersion(row.version, version);
        const clearing = row.clearing as { complete?: boolean; wishes?: string | null };
        if (!clearing.complete)
          throw new AppError('invalid_transition', 'Das Clearing ist noch nicht als abgeschlossen gespeichert.', {
            currentState: row.status,
          });
        await k.touch(id, { status: to });
        audit(tx, ctx, { action: 'prevention.transition', entityId: id, details: { step: 'completeClearing', to } });
        await k.fx.inform(
          await k.fx.caseManagersOr(row.case_manager_id),
          'prevention.clearing_done',
          `Clearing abgeschlossen: Fall ${row.reference}`,
          'Bitte die Maßnahmen einleiten (z. B. Mietschuldenübernahme).',
          caseLink(id),
          { text: { key: 'notice.clearingDone', params: { reference: row.reference } } },
        );
        return k.full(id);
      }),

    close: (ctx: Ctx, id: string, input: z.output<typeof ZCloseInput>) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.close');
        const to = k.step(row, 'close');
        k.checkVersion(row.version, input.version);
        if (input.newSituation && input.outcome !== 'home_lost')
          throw fieldError('newSituation', 'invalid_value', 'Eine neue Wohnsituation gibt es nur, wenn die Wohnung verloren ist.');
        await k.touch(id, {
          status: to,
          outcome: input.outcome,
          outcome_note: input.note,
          closed_at: new Date(),
          closed_by: ctx.actor.userId,
        });
        await k.fx.closeAll(id, input.outcome === 'home_kept' ? 'done' : 'cancelled');
        await k.fx.refresh((await k.repo.lock(id))!);
        const today = berlinToday();
        const household = await householdFacts(tx, ctx.actor.agencyId, row.household_id);
        if (!household) throw new Error(`case ${id}: household ${row.household_id} missing`);
        if (input.outcome === 'home_kept' || input.outcome === 'alternative_housing') {
          await changeHouseholdSituation(tx, ctx.actor.agencyId, household.id, { situation: 'housed', since: today, from: 'at_risk' });
        }
        if (input.outcome === 'home_lost') {
          if (input.newSituation) {
            await changeHouseholdSituation(tx, ctx.actor.agencyId, household.id, {
              situation: input.newSituation,
              since: today,
              seekingHousing: true,
            });
          }
          await k.fx.inform(
            [household.case_manager_id, row.case_manager_id, ...(await k.fx.leads())],
            'prevention.home_lost',
            `Wohnung verloren: Fall ${row.reference}`,
            'Bitte Unterbringung anbieten und den Haushalt für die Wohnungsvermittlung vormerken.',
            `/households/${household.id}`,
            { text: { key: 'notice.homeLost', params: { reference: row.reference } } },
          );
        }
        audit(tx, ctx, { action: 'prevention.close', entityId: id, details: { outcome: input.outcome, newSituation: input.newSituation } });
        await k.fx.inform(
          [row.case_manager_id, row.social_worker_id],
          'prevention.closed',
          `Fall ${row.reference} abgeschlossen: ${OUTCOME_TEXT[input.outcome]}`,
          input.note ?? '',
          caseLink(id),
          { text: { key: 'notice.caseClosed', params: { reference: row.reference, outcome: input.outcome, note: input.note ?? '' } } },
        );
        return k.full(id);
      }),

    handOver: (ctx: Ctx, id: string, input: z.output<typeof ZAftercareHandover>) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.handover');
        k.step(row, 'handOver');
        k.checkVersion(row.version, input.version);
        if (row.outcome !== 'home_kept' || row.aftercare_carrier_id) {
          throw new AppError(
            'invalid_transition',
            row.aftercare_carrier_id
              ? 'Der Fall ist bereits an die Nachsorge übergeben.'
              : 'Nur ein Fall mit erhaltener Wohnung geht in die Nachsorge.',
            { currentState: row.status },
          );
        }
        const carrier = await organisationOf(tx, ctx.actor.agencyId, 'carrier', input.carrierId);
        if (!carrier) throw fieldError('carrierId', 'invalid_value', 'Diesen Träger gibt es in dieser Behörde nicht.');
        await k.touch(id, { aftercare_carrier_id: carrier.id, aftercare_on: input.handedOverOn, aftercare_note: input.note });
        // The hand-over is an aftercare referral in the same step: check, consent and grant follow there.
        const referral = await referFromPrevention(tx, ctx, {
          householdId: row.household_id,
          carrierId: carrier.id,
          preventionCaseId: id,
          preventionReference: row.reference,
          referredOn: input.handedOverOn,
          street: row.street,
          postalCode: row.postal_code,
          city: row.city,
          phone: null,
          note: input.note,
        });
        audit(tx, ctx, { action: 'prevention.aftercare', entityId: id, details: { carrierId: carrier.id, aftercareCase: referral.id } });
        // The carrier learns of a coming case, not of the household: its data follow the household's consent.
        await k.fx.inform(
          await k.fx.carrierWorkers(carrier.id),
          'prevention.aftercare',
          `Neuer Nachsorgefall ${referral.reference}`,
          `Die Fachstelle übergibt ab ${input.handedOverOn.split('-').reverse().join('.')} einen Haushalt, dessen Wohnung erhalten wurde, an ${carrier.name}. Die Angaben folgen nach Bewilligung und Einwilligung.`,
          '/aftercare',
          {
            text: {
              key: 'notice.aftercareReferral',
              params: { reference: referral.reference, fromOn: input.handedOverOn, carrier: carrier.name },
            },
          },
        );
        return k.full(id);
      }),

    reopen: (ctx: Ctx, id: string, input: z.output<typeof ZReopen>) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(id, 'prevention.reopen');
        const to = k.step(row, 'reopen');
        k.checkVersion(row.version, input.version);
        await k.touch(id, {
          status: to,
          outcome: null,
          outcome_note: null,
          closed_at: null,
          closed_by: null,
          aftercare_carrier_id: null,
          aftercare_on: null,
          aftercare_note: null,
        });
        await k.fx.refresh((await k.repo.lock(id))!);
        audit(tx, ctx, { action: 'prevention.reopen', entityId: id, details: { reason: input.reason } });
        await k.fx.inform(
          [row.case_manager_id, row.social_worker_id],
          'prevention.reopened',
          `Fall ${row.reference} wieder geöffnet`,
          input.reason,
          caseLink(id),
          { text: { key: 'notice.caseReopened', params: { reference: row.reference, reason: input.reason } } },
        );
        return k.full(id);
      }),
  };
}
