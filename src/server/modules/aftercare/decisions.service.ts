import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ZAssignInput,
  ZCheckInput,
  ZConsentInput,
  ZConsentWithdraw,
  ZEndInput,
  ZExtendInput,
  ZFollowUpInput,
  ZGrantInput,
  ZRefuseInput,
} from '../../../contracts/aftercare.js';
import type { DB } from '../../db/types.js';
import { audit } from '../../platform/audit/audit.js';
import { endOfDayBerlin, germanDate } from '../../platform/deadlines/workdays.js';
import { generateDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { householdMembers } from '../households/households.service.js';
import { userFacts } from '../users/users.service.js';
import { addDays, addMonths, grantEnd } from './aftercare.dates.js';
import type { AftercareRow } from './aftercare.repository.js';
import { caseLink, kit, type Kit } from './aftercare.shared.js';
import { agreementInForce } from './agreements.service.js';
import { fieldError, todayBerlin } from './cases.service.js';

const HELP_TEXT = {
  sgb12_67: 'Hilfe zur Überwindung besonderer sozialer Schwierigkeiten (§§ 67 ff. SGB XII)',
  sgb9_integration: 'Eingliederungshilfe nach SGB IX (früher § 53 SGB XII)',
  sgb8: 'Hilfe nach dem SGB VIII (Kinder- und Jugendhilfe)',
} as const;

const END_TEXT: Record<string, string> = {
  goals_reached: 'Ziele erreicht',
  lease_signed: 'Mietvertrag abgeschlossen',
  declined_withdrawn: 'abgelehnt / Einwilligung widerrufen',
  moved_away: 'verzogen',
  no_contact: 'kein Kontakt',
  other_help_installed: 'andere Hilfe installiert',
  time_limit: 'Befristung abgelaufen',
};

type StepCtx = { tx: Parameters<typeof kit>[0]; ctx: Ctx };

/** Granted and consented: the help starts, the first visit is due within a week, the carrier is told. */
async function activate(k: Kit, c: StepCtx, row: AftercareRow) {
  const to = k.step(row, 'activate');
  const firstVisit = addDays(row.granted_from! > todayBerlin() ? row.granted_from! : todayBerlin(), 7);
  await k.repo.update(row.id, { state: to, next_visit_due: firstVisit });
  await k.planVisit(row, firstVisit);
  audit(c.tx, c.ctx, { action: 'aftercare.transition', entityId: row.id, details: { step: 'activate', to } });
  await k.fx.inform(
    row.carrier_worker_id ? [row.carrier_worker_id] : await k.fx.carrierWorkers(row.carrier_id),
    'aftercare.started',
    `Nachsorge beginnt: ${row.reference}`,
    `Die Fachstelle hat die Wohnintegrationshilfe bewilligt, die Einwilligung liegt vor. Erster Hausbesuch bis ${germanDate(firstVisit)}.`,
    caseLink(row.id),
    { text: { key: 'notice.aftercareStarted', params: { reference: row.reference, firstVisitOn: firstVisit } } },
  );
}

/** Closes the case's open deadlines and plans the follow-up checks (only after help that ran). */
async function finish(k: Kit, row: AftercareRow, endedOn: string, wasActive: boolean) {
  await k.fx.closeDeadlines(row.id, ['aftercare_visit', 'aftercare_end'], wasActive ? 'done' : 'cancelled');
  if (!wasActive) return;
  const s = await k.settings();
  const rows = await k.help.addFollowUps(
    row.id,
    s.followUpMonths.map((m) => ({ months: m, due_on: addMonths(endedOn, m) })),
  );
  for (const f of rows) {
    await k.fx.openDeadline({
      subjectType: 'aftercare_follow_up',
      subjectId: f.id,
      householdId: row.household_id,
      kind: 'aftercare_follow_up',
      title: `Nachprüfung ${row.reference} (${f.months} Monate nach Ende): Wohnung noch gehalten?`,
      text: { key: 'deadlineTitle.aftercare_follow_up', params: { reference: row.reference, months: f.months } },
      link: caseLink(row.id),
      dueAt: endOfDayBerlin(f.due_on),
      assigneeId: row.granted_by,
    });
  }
}

/** The Fachstelle's decisions: check, refuse (letter), grant, consent, withdrawal, extension, assignment, end, follow-up. */
export function decisionService(db: Kysely<DB>) {
  const run = <T>(ctx: Ctx, fn: (k: Kit, c: StepCtx) => Promise<T>) => actorTx(db, ctx, (tx) => fn(kit(tx, ctx), { tx, ctx }));

  return {
    check: (ctx: Ctx, id: string, input: z.output<typeof ZCheckInput>) =>
      run(ctx, async (k, c) => {
        const row = await k.locked(id, 'aftercare.decide');
        const to = k.step(row, 'check');
        k.checkVersion(row.version, input.version);
        await k.repo.update(id, {
          state: to,
          comparable_help: [...new Set(input.comparableHelp)],
          check_note: input.note,
          checked_on: todayBerlin(),
          checked_by: ctx.actor.userId,
        });
        audit(c.tx, ctx, {
          action: 'aftercare.transition',
          entityId: id,
          details: { step: 'check', to, comparableHelp: input.comparableHelp },
        });
        return k.full(id);
      }),

    refuse: (ctx: Ctx, id: string, input: z.output<typeof ZRefuseInput>) =>
      run(ctx, async (k, c) => {
        const row = await k.locked(id, 'aftercare.decide');
        const to = k.step(row, 'refuse');
        k.checkVersion(row.version, input.version);
        const members = await householdMembers(c.tx, ctx.actor.agencyId, row.household_id);
        const names = members
          .filter((m) => m.relationship !== 'child')
          .map((m) => `${m.first_name} ${m.last_name}`)
          .join(' und ');
        const doc = await generateDocument(c.tx, ctx.actor.agencyId, {
          ownerType: 'aftercare_case',
          ownerId: id,
          kind: 'aftercare_refusal',
          filename: `ablehnung-nachsorge-${row.reference}`,
          createdBy: ctx.actor.userId,
          data: {
            reference: row.reference,
            household: { names, address: row.street ? `${row.street}\n${row.postal_code ?? ''} ${row.city ?? ''}` : '' },
            refusal: {
              existingHelp: `${HELP_TEXT[input.existingHelp]}${input.existingHelpDetail ? ` (${input.existingHelpDetail})` : ''}`,
              reason: input.reason ?? '',
            },
          },
        });
        await k.repo.update(id, {
          state: to,
          refused_help: input.existingHelp,
          refused_help_detail: input.existingHelpDetail,
          refusal_reason: input.reason,
          refusal_document_id: doc.id,
          checked_on: row.checked_on ?? todayBerlin(),
          checked_by: row.checked_by ?? ctx.actor.userId,
          comparable_help: [...new Set([...(row.comparable_help ?? []), input.existingHelp])],
        });
        audit(c.tx, ctx, {
          action: 'aftercare.transition',
          entityId: id,
          details: { step: 'refuse', to, existingHelp: input.existingHelp, document: doc.id },
        });
        return k.full(id);
      }),

    grant: (ctx: Ctx, id: string, input: z.output<typeof ZGrantInput>) =>
      run(ctx, async (k, c) => {
        const row = await k.locked(id, 'aftercare.decide');
        const to = k.step(row, 'grant');
        k.checkVersion(row.version, input.version);
        if ((row.comparable_help ?? []).length)
          throw new AppError('invalid_transition', 'Bei der Prüfung wurde eine vergleichbare Hilfe festgestellt: bitte ablehnen.', {
            currentState: row.state,
          });
        const s = await k.settings();
        const months = input.months ?? s.grantMonths;
        if (months > s.maxTotalMonths) throw fieldError('months', 'too_big', `Höchstens ${s.maxTotalMonths} Monate insgesamt.`);
        const agreement = await agreementInForce(c.tx, ctx.actor.agencyId, row.carrier_id, input.grantedFrom);
        if (!agreement)
          throw new AppError(
            'conflict',
            `Mit dem Träger besteht am ${germanDate(input.grantedFrom)} keine gültige Kooperationsvereinbarung.`,
          );
        if (Number(agreement.running ?? 0) >= agreement.capacity_cases)
          throw new AppError('conflict', `Die vereinbarte Kapazität des Trägers (${agreement.capacity_cases} Fälle) ist ausgeschöpft.`);
        const until = grantEnd(input.grantedFrom, months);
        await k.repo.update(id, {
          state: to,
          granted_from: input.grantedFrom,
          granted_until: until,
          granted_by: ctx.actor.userId,
          visit_every_weeks: input.visitEveryWeeks ?? agreement.visit_every_weeks ?? s.visitEveryWeeks,
        });
        await k.planEnd(row, until, ctx.actor.userId);
        audit(c.tx, ctx, { action: 'aftercare.transition', entityId: id, details: { step: 'grant', to, from: input.grantedFrom, until } });
        const granted = (await k.repo.lockVisible(id, k.scope))!;
        if (granted.consent_id) await activate(k, c, granted);
        return k.full(id);
      }),

    recordConsent: (ctx: Ctx, id: string, input: z.output<typeof ZConsentInput>) =>
      run(ctx, async (k, c) => {
        const row = await k.locked(id, 'aftercare.consent');
        k.step(row, 'recordConsent');
        if (row.consent_id) throw new AppError('conflict', 'Eine Einwilligung liegt bereits vor.');
        if (input.givenOn > todayBerlin()) throw fieldError('givenOn', 'too_big', 'Das Datum liegt in der Zukunft.');
        const { id: consentId } = await k.repo.addConsent({
          case_id: id,
          household_id: row.household_id,
          carrier_id: row.carrier_id,
          purpose: input.purpose,
          form: input.form,
          given_on: input.givenOn,
          recorded_by: ctx.actor.userId,
        });
        await k.repo.update(id, { consent_id: consentId });
        audit(c.tx, ctx, {
          action: 'aftercare.consent',
          entityId: id,
          details: { consent: consentId, carrierId: row.carrier_id, form: input.form },
        });
        if (row.state === 'granted') await activate(k, c, { ...row, consent_id: consentId });
        return k.full(id);
      }),

    withdrawConsent: (ctx: Ctx, id: string, input: z.output<typeof ZConsentWithdraw>) =>
      run(ctx, async (k, c) => {
        const row = await k.locked(id, 'aftercare.consent');
        const to = k.step(row, 'withdrawConsent');
        k.checkVersion(row.version, input.version);
        if (!row.consent_id) throw new AppError('invalid_transition', 'Es liegt keine Einwilligung vor.', { currentState: row.state });
        if (input.withdrawnOn > todayBerlin()) throw fieldError('withdrawnOn', 'too_big', 'Das Datum liegt in der Zukunft.');
        await k.repo.withdrawConsent(row.consent_id, input.withdrawnOn, input.note);
        // Clearing consent_id takes the case out of the carrier's scope: its next request is a 404.
        await k.repo.update(id, {
          consent_id: null,
          state: to,
          end_reason: 'declined_withdrawn',
          ended_on: input.withdrawnOn,
          end_note: input.note,
          next_visit_due: null,
        });
        await finish(k, row, input.withdrawnOn, row.state === 'active');
        audit(c.tx, ctx, { action: 'aftercare.consent_withdraw', entityId: id, details: { consent: row.consent_id, to } });
        await k.fx.inform(
          await k.fx.carrierWorkers(row.carrier_id),
          'aftercare.ended',
          `Nachsorge ${row.reference} beendet`,
          'Der Haushalt hat seine Einwilligung widerrufen. Die Hilfe endet; der Fall steht Ihnen nicht mehr zur Verfügung.',
          '/aftercare',
          { text: { key: 'notice.aftercareWithdrawn', params: { reference: row.reference } } },
        );
        return k.full(id);
      }),

    extend: (ctx: Ctx, id: string, input: z.output<typeof ZExtendInput>) =>
      run(ctx, async (k, c) => {
        const row = await k.locked(id, 'aftercare.decide');
        k.step(row, 'extend');
        k.checkVersion(row.version, input.version);
        const s = await k.settings();
        const max = grantEnd(row.granted_from!, s.maxTotalMonths);
        const until = addMonths(row.granted_until!, input.months);
        if (until > max)
          throw fieldError(
            'months',
            'too_big',
            `Die Höchstdauer von ${s.maxTotalMonths} Monaten erlaubt eine Verlängerung höchstens bis ${germanDate(max)}.`,
          );
        await k.repo.addExtension(id, row.granted_until!, until, input.reason, ctx.actor.userId);
        await k.repo.update(id, { granted_until: until });
        await k.planEnd(row, until, ctx.actor.userId);
        audit(c.tx, ctx, { action: 'aftercare.extend', entityId: id, details: { from: row.granted_until, to: until } });
        await k.fx.inform(
          row.carrier_worker_id ? [row.carrier_worker_id] : [],
          'aftercare.extended',
          `Nachsorge ${row.reference} verlängert`,
          `Die Hilfe ist bis ${germanDate(until)} verlängert.`,
          caseLink(id),
          { text: { key: 'notice.aftercareExtended', params: { reference: row.reference, untilOn: until } } },
        );
        return k.full(id);
      }),

    assign: (ctx: Ctx, id: string, input: z.output<typeof ZAssignInput>) =>
      run(ctx, async (k, c) => {
        const row = await k.locked(id, 'aftercare.assign');
        k.step(row, 'assign');
        k.checkVersion(row.version, input.version);
        if (ctx.actor.role === 'carrier_worker' && !(await k.isCarrierLead()))
          throw new AccessDenied('aftercare.assign', { type: 'aftercare_case', id });
        if (input.carrierWorkerId) {
          const [u] = await userFacts(c.tx, ctx.actor.agencyId, [input.carrierWorkerId]);
          if (!u || u.role !== 'carrier_worker' || u.carrier_id !== row.carrier_id || !u.active)
            throw fieldError('carrierWorkerId', 'invalid_value', 'Keine aktive Fachkraft dieses Trägers.');
        }
        const weeks = input.visitEveryWeeks ?? row.visit_every_weeks;
        await k.repo.update(id, { carrier_worker_id: input.carrierWorkerId, visit_every_weeks: weeks });
        if (row.state === 'active') await k.planVisit({ ...row, carrier_worker_id: input.carrierWorkerId }, row.next_visit_due);
        audit(c.tx, ctx, {
          action: 'aftercare.assign',
          entityId: id,
          details: { carrierWorkerId: input.carrierWorkerId, visitEveryWeeks: weeks },
        });
        await k.fx.inform(
          [input.carrierWorkerId],
          'aftercare.assigned',
          `Nachsorgefall ${row.reference} zugewiesen`,
          `Besuchsrhythmus: alle ${weeks ?? '–'} Wochen.`,
          caseLink(id),
          { text: { key: 'notice.aftercareAssigned', params: { reference: row.reference, weeks: weeks ?? '–' } } },
        );
        return k.full(id);
      }),

    end: (ctx: Ctx, id: string, input: z.output<typeof ZEndInput>) =>
      run(ctx, async (k, c) => {
        const row = await k.locked(id, 'aftercare.decide');
        const to = k.step(row, input.reason === 'time_limit' ? 'expire' : 'end');
        k.checkVersion(row.version, input.version);
        if (input.endedOn < (row.granted_from ?? row.referred_on))
          throw fieldError('endedOn', 'too_small', 'Das Ende liegt vor dem Beginn der Hilfe.');
        await k.repo.update(id, {
          state: to,
          end_reason: input.reason,
          ended_on: input.endedOn,
          end_note: input.note,
          next_visit_due: null,
        });
        await finish(k, row, input.endedOn, true);
        audit(c.tx, ctx, { action: 'aftercare.transition', entityId: id, details: { step: 'end', to, reason: input.reason } });
        await k.fx.inform(
          await k.fx.carrierWorkers(row.carrier_id),
          'aftercare.ended',
          `Nachsorge ${row.reference} beendet: ${END_TEXT[input.reason]}`,
          `Ende der Hilfe am ${germanDate(input.endedOn)}.`,
          caseLink(id),
          { text: { key: 'notice.aftercareEnded', params: { reference: row.reference, reason: input.reason, endedOn: input.endedOn } } },
        );
        return k.full(id);
      }),

    recordFollowUp: (ctx: Ctx, followUpId: string, input: z.output<typeof ZFollowUpInput>) =>
      run(ctx, async (k, c) => {
        const f = await k.help.followUpCase(followUpId);
        if (!f) throw new AccessDenied('aftercare.followUp', { type: 'aftercare_follow_up', id: followUpId });
        const row = await k.locked(f.case_id, 'aftercare.followUp');
        k.step(row, 'recordFollowUp');
        if (f.checked_on) throw new AppError('conflict', 'Diese Nachprüfung ist bereits erfasst.');
        await k.help.recordFollowUp(followUpId, {
          home_kept: input.homeKept,
          checked_on: input.checkedOn,
          note: input.note,
          checked_by: ctx.actor.userId,
        });
        await k.repo.update(row.id, {});
        await k.fx.closeDeadlines(followUpId, ['aftercare_follow_up'], 'done');
        audit(c.tx, ctx, { action: 'aftercare.follow_up', entityId: row.id, details: { followUp: followUpId, homeKept: input.homeKept } });
        return k.full(row.id);
      }),
  };
}
