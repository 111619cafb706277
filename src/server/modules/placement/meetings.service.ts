import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZRoundTableInput, ZRoundTableUpdate, ZViewingInput, ZViewingUpdate } from '../../../contracts/placement.js';
import { formatDate } from '../../../contracts/format.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { readableTime } from '../../platform/calendar/ics.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { candidateRepository, type RoundTableRow, type ViewingRow } from './candidates.repository.js';
import { offerStep, visibleOffer } from './offers.service.js';
import { offerLink, placementEffects } from './placement.effects.js';
import { presentRoundTable } from './placement.present.js';
import { placementRepository, type OfferRow } from './placement.repository.js';
import { candidateStep, candidateView, visibleCandidate } from './shortlist.service.js';

const MEETING_ROLES = ['case_manager', 'social_worker', 'accommodation_worker', 'lead', 'provider_user'];
const uid = () => `${crypto.randomUUID()}@wohnhilfe`;
const stale = () => new AppError('precondition_failed');

/** Participants must be active staff of the agency or users of the offer's housing company. */
async function checkPeople(tx: Tx, ctx: Ctx, offer: OfferRow, ids: string[], field: string) {
  const users = await placementRepository(tx, ctx.actor.agencyId).users(ids);
  const bad = ids.filter((id) => {
    const u = users.find((x) => x.id === id);
    return !u || !u.active || !MEETING_ROLES.includes(u.role) || (u.role === 'provider_user' && u.provider_id !== offer.provider_id);
  });
  if (bad.length) {
    throw new AppError('validation_failed', undefined, {
      errors: [
        {
          field,
          code: 'invalid_value',
          message: 'Nur aktive Mitarbeitende der Fachstelle und des Wohnungsunternehmens dieses Angebots können teilnehmen.',
        },
      ],
    });
  }
  return new Map(users.map((u) => [u.id, u.display_name]));
}

export function videoUrl(template: string, reference: string, startsAt: Date): string {
  return template
    .replaceAll('{offer}', encodeURIComponent(reference.toLowerCase()))
    .replaceAll('{token}', crypto.randomBytes(6).toString('hex'))
    .replaceAll('{date}', startsAt.toISOString().slice(0, 10));
}

const endOf = (startsAt: string, minutes: number) => new Date(new Date(startsAt).getTime() + minutes * 60_000);

export function meetingService(db: Kysely<DB>) {
  const repoOf = (tx: Tx, ctx: Ctx) => placementRepository(tx, ctx.actor.agencyId);

  async function roundTableOf(tx: Tx, ctx: Ctx, id: string, permission: 'roundTable.manage' | 'roundTable.read') {
    access.require(ctx.actor, permission, { type: 'round_table', id });
    const rt = await candidateRepository(tx, ctx.actor.agencyId).roundTable(id);
    if (!rt) throw new AccessDenied(permission, { type: 'round_table', id });
    const offer = await visibleOffer(repoOf(tx, ctx), ctx, rt.offer_id, permission, true);
    return { rt, offer };
  }

  const rtInvite = async (
    tx: Tx,
    ctx: Ctx,
    offer: OfferRow,
    rt: RoundTableRow,
    method: 'REQUEST' | 'CANCEL',
    participantIds = rt.participant_ids,
  ) =>
    placementEffects(tx, ctx).invite({
      uid: rt.ics_uid,
      sequence: rt.sequence,
      method,
      start: rt.starts_at,
      end: rt.ends_at,
      summary: `Runder Tisch WohnenPlus ${offer.reference}`,
      description: `Runder Tisch zum Wohnungsangebot ${offer.reference} (${offer.street}, ${offer.district}) am ${readableTime(rt.starts_at, rt.ends_at)}.${rt.video_url ? `\nVideokonferenz: ${rt.video_url}` : ''}`,
      url: rt.video_url ?? undefined,
      location: rt.video_url ?? undefined,
      participantIds,
      link: offerLink(offer.id),
      kind: 'round_table',
      text: {
        key: 'notice.roundTableInvite',
        params: {
          offer: offer.reference,
          street: offer.street,
          district: offer.district,
          startsAt: rt.starts_at.toISOString(),
          video: rt.video_url ?? '',
        },
      },
    });

  async function viewingOf(tx: Tx, ctx: Ctx, id: string) {
    access.require(ctx.actor, 'viewing.manage', { type: 'viewing', id });
    const v = await candidateRepository(tx, ctx.actor.agencyId).viewing(id);
    if (!v) throw new AccessDenied('viewing.manage', { type: 'viewing', id });
    return { v, ...(await visibleCandidate(tx, ctx, v.candidate_id, 'viewing.manage')) };
  }

  const vInvite = async (
    tx: Tx,
    ctx: Ctx,
    offer: OfferRow,
    pseudonym: string,
    v: ViewingRow,
    method: 'REQUEST' | 'CANCEL',
    attendees = v.attendee_ids,
  ) =>
    placementEffects(tx, ctx).invite({
      uid: v.ics_uid,
      sequence: v.sequence,
      method,
      start: v.starts_at,
      end: v.ends_at,
      summary: `Wohnungsbesichtigung ${offer.reference} (${pseudonym})`,
      description: `Besichtigung der Wohnung ${offer.street}, ${offer.postal_code} ${offer.city} mit ${pseudonym} am ${readableTime(v.starts_at, v.ends_at)}. Treffpunkt: ${v.place}.`,
      location: v.place,
      participantIds: attendees,
      link: offerLink(offer.id),
      text: {
        key: 'notice.viewingInvite',
        params: {
          offer: offer.reference,
          pseudonym,
          street: offer.street,
          postalCode: offer.postal_code,
          city: offer.city,
          startsAt: v.starts_at.toISOString(),
          place: v.place,
        },
      },
      kind: 'viewing',
    });

  const candidateOut = async (tx: Tx, ctx: Ctx, offer: OfferRow, id: string) =>
    (await candidateView(tx, ctx, offer)).items.find((c) => c.id === id)!;

  return {
    roundTables: (ctx: Ctx, offerId: string) =>
      actorTx(db, ctx, async (tx) => {
        await visibleOffer(repoOf(tx, ctx), ctx, offerId, 'roundTable.read');
        const rows = await candidateRepository(tx, ctx.actor.agencyId).roundTables(offerId);
        const names = new Map(
          (await repoOf(tx, ctx).users([...new Set(rows.flatMap((r) => r.participant_ids))])).map((u) => [u.id, u.display_name]),
        );
        // Minutes can name households: they stay in the office, and reading them is audited.
        audit(tx, ctx, { action: 'round_table.list', entityId: offerId, details: { roundTables: rows.length } });
        return {
          items: rows.map((r) => ({ ...presentRoundTable(r, names), minutes: ctx.actor.role === 'provider_user' ? null : r.minutes })),
        };
      }),

    scheduleRoundTable: (ctx: Ctx, offerId: string, input: z.output<typeof ZRoundTableInput>) =>
      actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        const offer = await visibleOffer(repo, ctx, offerId, 'roundTable.manage', true);
        const to =
          offer.status === 'shortlisting' ? offerStep(ctx, offer, 'scheduleRoundTable') : offerStep(ctx, offer, 'updateRoundTable');
        const names = await checkPeople(tx, ctx, offer, input.participantIds, 'participantIds');
        const { placement } = await placementEffects(tx, ctx).settings();
        const startsAt = new Date(input.startsAt);
        const rt = await candidateRepository(tx, ctx.actor.agencyId).insertRoundTable({
          offer_id: offerId,
          round: offer.round,
          starts_at: startsAt,
          ends_at: endOf(input.startsAt, input.durationMinutes),
          participant_ids: input.participantIds,
          video_url: placement.videoUrlTemplate ? videoUrl(placement.videoUrlTemplate, offer.reference, startsAt) : null,
          ics_uid: uid(),
          created_by: ctx.actor.userId,
        });
        if (to !== offer.status) await repo.setOffer(offerId, { status: to });
        await placementEffects(tx, ctx).closeDeadlines(offerId, ['round_table'], 'done');
        await repo.addEvent(offerId, ctx.actor.userId, 'round_table_scheduled', { startsAt: input.startsAt }, { providerVisible: true });
        await rtInvite(tx, ctx, offer, rt, 'REQUEST');
        audit(tx, ctx, {
          action: 'round_table.schedule',
          entityId: offerId,
          details: { roundTable: rt.id, participants: input.participantIds.length },
        });
        return presentRoundTable(rt, names);
      }),

    updateRoundTable: (ctx: Ctx, id: string, input: z.output<typeof ZRoundTableUpdate>) =>
      actorTx(db, ctx, async (tx) => {
        const { rt, offer } = await roundTableOf(tx, ctx, id, 'roundTable.manage');
        offerStep(ctx, offer, 'updateRoundTable');
        if (rt.status !== 'scheduled')
          throw new AppError('invalid_transition', 'Nur ein geplanter runder Tisch kann verlegt werden.', { currentState: rt.status });
        const names = await checkPeople(tx, ctx, offer, input.participantIds, 'participantIds');
        const updated = await candidateRepository(tx, ctx.actor.agencyId).updateRoundTable(id, input.version, {
          starts_at: new Date(input.startsAt),
          ends_at: endOf(input.startsAt, input.durationMinutes),
          participant_ids: input.participantIds,
          bumpSequence: true,
        });
        if (!updated) throw stale();
        const removed = rt.participant_ids.filter((p) => !input.participantIds.includes(p));
        await rtInvite(tx, ctx, offer, updated, 'REQUEST');
        if (removed.length) await rtInvite(tx, ctx, offer, updated, 'CANCEL', removed);
        await repoOf(tx, ctx).addEvent(
          offer.id,
          ctx.actor.userId,
          'round_table_updated',
          { startsAt: input.startsAt },
          { providerVisible: true },
        );
        audit(tx, ctx, { action: 'round_table.update', entityId: offer.id, details: { roundTable: id, sequence: updated.sequence } });
        return presentRoundTable(updated, names);
      }),

    cancelRoundTable: (ctx: Ctx, id: string, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const { rt, offer } = await roundTableOf(tx, ctx, id, 'roundTable.manage');
        offerStep(ctx, offer, 'updateRoundTable');
        if (rt.status !== 'scheduled')
          throw new AppError('invalid_transition', 'Nur ein geplanter runder Tisch kann abgesagt werden.', { currentState: rt.status });
        const updated = await candidateRepository(tx, ctx.actor.agencyId).updateRoundTable(id, version, {
          status: 'cancelled',
          bumpSequence: true,
        });
        if (!updated) throw stale();
        await rtInvite(tx, ctx, offer, updated, 'CANCEL');
        await repoOf(tx, ctx).addEvent(offer.id, ctx.actor.userId, 'round_table_cancelled', {}, { providerVisible: true });
        audit(tx, ctx, { action: 'round_table.cancel', entityId: offer.id, details: { roundTable: id } });
        return presentRoundTable(
          updated,
          new Map((await repoOf(tx, ctx).users(updated.participant_ids)).map((u) => [u.id, u.display_name])),
        );
      }),

    minutes: (ctx: Ctx, id: string, minutes: string, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const { rt, offer } = await roundTableOf(tx, ctx, id, 'roundTable.manage');
        if (rt.status === 'cancelled')
          throw new AppError('invalid_transition', 'Der runde Tisch wurde abgesagt.', { currentState: rt.status });
        const updated = await candidateRepository(tx, ctx.actor.agencyId).updateRoundTable(id, version, { status: 'held', minutes });
        if (!updated) throw stale();
        await repoOf(tx, ctx).addEvent(offer.id, ctx.actor.userId, 'round_table_minutes', {});
        audit(tx, ctx, { action: 'round_table.minutes', entityId: offer.id, details: { roundTable: id } });
        return presentRoundTable(
          updated,
          new Map((await repoOf(tx, ctx).users(updated.participant_ids)).map((u) => [u.id, u.display_name])),
        );
      }),

    scheduleViewing: (ctx: Ctx, candidateId: string, input: z.output<typeof ZViewingInput>) =>
      actorTx(db, ctx, async (tx) => {
        const { c, offer, crepo, repo } = await visibleCandidate(tx, ctx, candidateId, 'viewing.manage');
        offerStep(ctx, offer, 'pick');
        const to = candidateStep(ctx, c, 'scheduleViewing');
        await checkPeople(tx, ctx, offer, input.attendeeIds, 'attendeeIds');
        const v = await crepo.insertViewing({
          offer_id: offer.id,
          candidate_id: candidateId,
          starts_at: new Date(input.startsAt),
          ends_at: endOf(input.startsAt, input.durationMinutes),
          place: input.place,
          attendee_ids: input.attendeeIds,
          ics_uid: uid(),
          created_by: ctx.actor.userId,
        });
        await crepo.set(candidateId, { status: to });
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'viewing_scheduled',
          { pseudonym: c.pseudonym, household: c.reference, startsAt: input.startsAt },
          { candidateId, providerVisible: true },
        );
        await vInvite(tx, ctx, offer, c.pseudonym, v, 'REQUEST');
        audit(tx, ctx, { action: 'viewing.schedule', entityId: candidateId, details: { viewing: v.id } });
        return candidateOut(tx, ctx, offer, candidateId);
      }),

    updateViewing: (ctx: Ctx, id: string, input: z.output<typeof ZViewingUpdate>) =>
      actorTx(db, ctx, async (tx) => {
        const { v, c, offer, crepo, repo } = await viewingOf(tx, ctx, id);
        candidateStep(ctx, c, 'updateViewing');
        if (v.status !== 'scheduled')
          throw new AppError('invalid_transition', 'Nur eine geplante Besichtigung kann verlegt werden.', { currentState: v.status });
        await checkPeople(tx, ctx, offer, input.attendeeIds, 'attendeeIds');
        const updated = await crepo.updateViewing(id, input.version, {
          starts_at: new Date(input.startsAt),
          ends_at: endOf(input.startsAt, input.durationMinutes),
          place: input.place,
          attendee_ids: input.attendeeIds,
          bumpSequence: true,
        });
        if (!updated) throw stale();
        const removed = v.attendee_ids.filter((p) => !input.attendeeIds.includes(p));
        await vInvite(tx, ctx, offer, c.pseudonym, updated, 'REQUEST');
        if (removed.length) await vInvite(tx, ctx, offer, c.pseudonym, updated, 'CANCEL', removed);
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'viewing_updated',
          { pseudonym: c.pseudonym, household: c.reference, startsAt: input.startsAt },
          { candidateId: c.id, providerVisible: true },
        );
        audit(tx, ctx, { action: 'viewing.update', entityId: c.id, details: { viewing: id, sequence: updated.sequence } });
        return candidateOut(tx, ctx, offer, c.id);
      }),

    cancelViewing: (ctx: Ctx, id: string, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const { v, c, offer, crepo, repo } = await viewingOf(tx, ctx, id);
        const to = candidateStep(ctx, c, 'cancelViewing');
        if (v.status !== 'scheduled')
          throw new AppError('invalid_transition', 'Die Besichtigung ist nicht mehr geplant.', { currentState: v.status });
        const updated = await crepo.updateViewing(id, version, { status: 'cancelled', bumpSequence: true });
        if (!updated) throw stale();
        await crepo.set(c.id, { status: to });
        await vInvite(tx, ctx, offer, c.pseudonym, updated, 'CANCEL');
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'viewing_cancelled',
          { pseudonym: c.pseudonym, household: c.reference },
          { candidateId: c.id, providerVisible: true },
        );
        audit(tx, ctx, { action: 'viewing.cancel', entityId: c.id, details: { viewing: id } });
        return candidateOut(tx, ctx, offer, c.id);
      }),

    /** The viewing took place: its outcome is recorded and the household's decision deadline opens. */
    recordViewing: (ctx: Ctx, id: string, outcome: string, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const { v, c, offer, crepo, repo } = await viewingOf(tx, ctx, id);
        const to = candidateStep(ctx, c, 'recordViewing');
        // Recorded before it began, the decision deadline (counted from the start) would open early.
        if (v.starts_at.getTime() > Date.now())
          throw new AppError(
            'viewing_not_started',
            `Die Besichtigung ist erst am ${readableTime(v.starts_at, v.ends_at)}; sie kann erst ab ihrem Beginn als stattgefunden erfasst werden.`,
            { currentState: v.status },
          );
        const updated = await crepo.updateViewing(id, version, { status: 'held', outcome });
        if (!updated) throw stale();
        const fx = placementEffects(tx, ctx);
        const { placement } = await fx.settings();
        const dueAt = await fx.dueAfterWorkingDays(placement.decisionWorkingDays, v.starts_at);
        await crepo.set(c.id, { status: to, decision_due_at: dueAt });
        await fx.openDeadline({
          subjectType: 'candidate',
          subjectId: c.id,
          householdId: c.household_id,
          kind: 'household_decision',
          title: `Entscheidung ${c.pseudonym} (${c.reference}) zu ${offer.reference}`,
          text: {
            key: 'deadlineTitle.household_decision',
            params: { pseudonym: c.pseudonym, candidate: c.reference, offer: offer.reference },
          },
          link: offerLink(offer.id),
          dueAt,
          remindAt: new Date(dueAt.getTime() - 24 * 3600_000),
          assigneeId: c.social_worker_id ?? offer.case_manager_id,
        });
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'viewing_recorded',
          { pseudonym: c.pseudonym, household: c.reference, dueAt: dueAt.toISOString() },
          { candidateId: c.id },
        );
        audit(tx, ctx, {
          action: 'viewing.outcome',
          entityId: c.id,
          details: { viewing: id, decisionDue: dueAt.toISOString(), due: formatDate(dueAt.toISOString(), 'Europe/Berlin') },
        });
        return candidateOut(tx, ctx, offer, c.id);
      }),
  };
}
export type MeetingService = ReturnType<typeof meetingService>;
