import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  TAssignment,
  ZAssignInput,
  ZCancelInput,
  ZMoveInInput,
  ZMoveOutInput,
  ZStayListQuery,
} from '../../../contracts/accommodationStays.js';
import { todayInBerlin } from '../../../contracts/plausible.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { documentsOf, loadDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { householdForAccommodation, householdMovedIn, householdMovedOut } from '../households/situation.service.js';
import { ASSIGNMENT_STEPS, checkDay, next, takesAssignments } from './accommodation.machine.js';
import { presentAssignment } from './accommodation.present.js';
import { assignmentLetters, legalBasisFor } from './letters.js';
import { placesRepository } from './places.repository.js';
import { staysRepository } from './stays.repository.js';

type Out<T extends z.ZodTypeAny> = z.output<T>;
type State = TAssignment['state'];

const invalid = (errors: FieldError[]) => new AppError('validation_failed', 'Die Eingaben sind ungültig.', { errors });
const stale = (version: number) => new AppError('precondition_failed', undefined, { currentState: String(version) });

/** Assignments: assign (with the two letters), move in, move out, cancel, transfer; the household's situation follows. */
export function staysService(db: Kysely<DB>) {
  async function full(tx: Tx, ctx: Ctx, id: string): Promise<TAssignment | undefined> {
    const repo = staysRepository(tx, ctx.actor.agencyId);
    const row = await repo.assignment(id, access.householdScope(ctx.actor));
    if (!row) return undefined;
    const [stays, docs] = await Promise.all([repo.stays([id]), documentsOf(tx, [id])]);
    return presentAssignment(
      row,
      stays,
      ctx.actor.role,
      docs.map((d) => ({ id: d.id, kind: d.kind, filename: d.filename })),
    );
  }

  /** The office moves through the household's scope; an operator's user only in its own facilities (portal). */
  const moveScope = (ctx: Ctx): Parameters<ReturnType<typeof staysRepository>['assignmentForUpdate']>[1] =>
    ctx.actor.role === 'operator_user' ? () => access.operatorScope(ctx.actor, 'f.operator_id') : access.householdScope(ctx.actor);
  const movePermission = (ctx: Ctx): 'accommodation.move' | 'accommodation.portalMove' =>
    ctx.actor.role === 'operator_user' ? 'accommodation.portalMove' : 'accommodation.move';

  async function locked(tx: Tx, ctx: Ctx, id: string, permission: 'accommodation.move' | 'accommodation.portalMove') {
    access.require(ctx.actor, permission, { type: 'accommodation_assignment', id });
    const row = await staysRepository(tx, ctx.actor.agencyId).assignmentForUpdate(id, moveScope(ctx));
    return access.requireVisible(ctx.actor, permission, row, { type: 'accommodation_assignment', id });
  }

  /** Confirms the arrival in the caller's transaction: the nights start that day, the household is in accommodation. */
  async function confirmMoveIn(tx: Tx, ctx: Ctx, id: string, input: Out<typeof ZMoveInInput>) {
    const row = await locked(tx, ctx, id, movePermission(ctx));
    const to = next(ASSIGNMENT_STEPS, 'moveIn', row.state as State, ctx.actor.role);
    if (row.version !== input.version) throw stale(row.version);
    checkDay('moveIn', input.movedInOn, { from: row.from_date, today: todayInBerlin() });
    const repo = staysRepository(tx, ctx.actor.agencyId);
    await repo.update(id, row.version, { state: to, moved_in_on: input.movedInOn, moved_in_by: ctx.actor.userId });
    await repo.startStays(id, input.movedInOn);
    const { since } = await householdMovedIn(tx, ctx.actor.agencyId, row.household_id, input.movedInOn);
    audit(tx, ctx, {
      action: 'accommodation.move_in',
      entityId: id,
      details: { household: row.household_id, on: input.movedInOn, homelessSince: since, portal: ctx.actor.role === 'operator_user' },
    });
  }

  /** Confirms the departure (day and reason) in the caller's transaction. */
  async function confirmMoveOut(tx: Tx, ctx: Ctx, id: string, input: Out<typeof ZMoveOutInput>) {
    const row = await locked(tx, ctx, id, movePermission(ctx));
    next(ASSIGNMENT_STEPS, 'moveOut', row.state as State, ctx.actor.role);
    if (row.version !== input.version) throw stale(row.version);
    checkDay('moveOut', input.movedOutOn, { from: row.moved_in_on!, today: todayInBerlin() });
    await moveOut(tx, ctx, row, input.movedOutOn, input.reason, input.note);
    audit(tx, ctx, {
      action: 'accommodation.move_out',
      entityId: id,
      details: { household: row.household_id, on: input.movedOutOn, reason: input.reason, portal: ctx.actor.role === 'operator_user' },
    });
  }

  /** Moves an assignment out on `day` and lets the household's situation follow when it has no other place. */
  async function moveOut(
    tx: Tx,
    ctx: Ctx,
    row: { id: string; household_id: string; version: number },
    day: string,
    reason: Out<typeof ZMoveOutInput>['reason'],
    note: string | null,
  ) {
    const repo = staysRepository(tx, ctx.actor.agencyId);
    if (!(await repo.update(row.id, row.version, { state: 'moved_out', moved_out_on: day, move_out_reason: reason, move_out_note: note })))
      throw stale(row.version);
    await repo.closeStays(row.id, day);
    if ((await repo.othersMovedIn(row.household_id, row.id)).length === 0)
      await householdMovedOut(tx, ctx.actor.agencyId, row.household_id, day, reason);
  }

  return {
    list: (ctx: Ctx, q: Out<typeof ZStayListQuery>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.stays');
        const repo = staysRepository(tx, ctx.actor.agencyId);
        const rows = await repo.list(access.householdScope(ctx.actor), q);
        const stays = await repo.stays(rows.map((r) => r.id));
        const items = rows.map((r) => {
          const { documents: _, ...rest } = presentAssignment(r, stays, ctx.actor.role, []);
          return rest;
        });
        audit(tx, ctx, {
          action: 'accommodation.stay_list',
          details: { results: items.length, household: q.householdId ?? null, facility: q.facilityId ?? null },
        });
        return { items };
      }),

    read: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.stays', { type: 'accommodation_assignment', id });
        const a = access.requireVisible(ctx.actor, 'accommodation.stays', await full(tx, ctx, id), {
          type: 'accommodation_assignment',
          id,
        });
        audit(tx, ctx, { action: 'accommodation.assignment_read', entityId: id, details: { household: a.household.id } });
        return a;
      }),

    document: (ctx: Ctx, id: string, documentId: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.stays', { type: 'accommodation_assignment', id });
        const a = await staysRepository(tx, ctx.actor.agencyId).assignment(id, access.householdScope(ctx.actor));
        const doc = a ? await loadDocument(tx, documentId) : undefined;
        if (!a || !doc || doc.ownerId !== id) throw new AccessDenied('accommodation.stays', { type: 'accommodation_assignment', id });
        audit(tx, ctx, { action: 'accommodation.document_read', entityId: id, details: { document: documentId, kind: doc.kind } });
        return doc;
      }),

    /** Assigns persons of a household to places of one facility from a day; a transfer ends the previous assignment that day. */
    assign: (ctx: Ctx, input: Out<typeof ZAssignInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.assign');
        const h = access.requireHousehold(
          ctx.actor,
          'accommodation.assign',
          await householdForAccommodation(tx, ctx.actor, input.householdId),
          input.householdId,
        );
        const repo = staysRepository(tx, ctx.actor.agencyId);
        const places = placesRepository(tx, ctx.actor.agencyId);
        const errors: FieldError[] = [];
        const members = new Map(h.members.map((m) => [m.id, m]));
        const seenMembers = new Set<string>();
        const seenPlaces = new Set<string>();
        input.places.forEach((p, i) => {
          if (!members.has(p.memberId))
            errors.push({ field: `places.${i}.memberId`, code: 'not_found', message: 'Diese Person gehört nicht zum Haushalt.' });
          else if (seenMembers.has(p.memberId))
            errors.push({ field: `places.${i}.memberId`, code: 'duplicate', message: 'Die Person ist schon zugewiesen.' });
          if (seenPlaces.has(p.placeId))
            errors.push({ field: `places.${i}.placeId`, code: 'duplicate', message: 'Der Platz ist schon vergeben.' });
          seenMembers.add(p.memberId);
          seenPlaces.add(p.placeId);
        });
        const facility = await places.facilityForUpdate(input.facilityId);
        if (!facility) errors.push({ field: 'facilityId', code: 'not_found', message: 'Diese Unterkunft gibt es nicht.' });
        else if (!takesAssignments(facility.state as 'blocked'))
          errors.push({
            field: 'facilityId',
            code: 'blocked',
            message: `Die Unterkunft ist für Neubelegungen gesperrt: ${facility.state_note ?? ''}`,
          });
        if (errors.length) throw invalid(errors);

        // A transfer: the previous assignment (same household, moved in) ends on the first day of the new one.
        let previous: { id: string; history_id: string } | null = null;
        if (input.transferFromId) {
          const old = await repo.assignmentForUpdate(input.transferFromId, access.householdScope(ctx.actor));
          if (!old || old.household_id !== h.id)
            throw invalid([{ field: 'transferFromId', code: 'not_found', message: 'Diese Zuweisung gibt es für den Haushalt nicht.' }]);
          next(ASSIGNMENT_STEPS, 'transfer', old.state as State, ctx.actor.role);
          if (old.moved_in_on! > input.fromDate)
            throw invalid([
              { field: 'fromDate', code: 'range', message: 'Die Verlegung kann nicht vor dem Einzug in die bisherige Unterkunft liegen.' },
            ]);
          await moveOut(tx, ctx, old, input.fromDate, 'other_facility', null);
          previous = { id: old.id, history_id: old.history_id };
        }

        const locked = await repo.lockPlaces([...seenPlaces]);
        const byId = new Map(locked.map((p) => [p.id, p]));
        const taken = new Set((await repo.collisions([...seenPlaces], input.fromDate, null)).map((c) => c.place_id));
        const busy = new Set((await repo.memberCollisions([...seenMembers], input.fromDate, null)).map((c) => c.member_id));
        input.places.forEach((p, i) => {
          const place = byId.get(p.placeId);
          if (!place || place.facility_id !== input.facilityId)
            errors.push({ field: `places.${i}.placeId`, code: 'not_found', message: 'Dieser Platz gehört nicht zur Unterkunft.' });
          else if (place.blocked_reason)
            errors.push({ field: `places.${i}.placeId`, code: 'blocked', message: `Der Platz ist gesperrt: ${place.blocked_reason}` });
          else if (taken.has(p.placeId))
            errors.push({ field: `places.${i}.placeId`, code: 'occupied', message: 'Der Platz ist ab diesem Tag belegt.' });
          if (busy.has(p.memberId))
            errors.push({ field: `places.${i}.memberId`, code: 'occupied', message: 'Die Person hat ab diesem Tag schon einen Platz.' });
        });
        if (errors.length) throw invalid(errors);

        const agency = await agencyFacts(tx, ctx.actor.agencyId);
        const legalBasis = input.legalBasis ?? legalBasisFor(agency.state);
        const id = await repo.insertAssignment(
          {
            household_id: h.id,
            facility_id: input.facilityId,
            previous_id: previous?.id ?? null,
            from_date: input.fromDate,
            payer: input.payer,
            own_contribution_cents: input.ownContributionCents,
            contribution_note: input.contributionNote,
            legal_basis: legalBasis,
          },
          previous?.history_id ?? null,
          ctx.actor.userId,
        );
        await repo.insertStays(id, h.id, input.facilityId, input.fromDate, input.places);
        const persons = input.places.map((p) => members.get(p.memberId)!).map((m) => `${m.firstName} ${m.lastName}`);
        const letters = await assignmentLetters(tx, ctx.actor.agencyId, {
          assignmentId: id,
          reference: h.reference,
          householdNames: persons.join(', '),
          persons,
          from: input.fromDate,
          legalBasis,
          payer: input.payer,
          ownContributionCents: input.ownContributionCents,
          facility: facility!,
          createdBy: ctx.actor.userId,
        });
        await repo.update(id, 1, { order_document_id: letters.order, cost_note_document_id: letters.costNote });
        audit(tx, ctx, {
          action: 'accommodation.assign',
          entityId: id,
          details: {
            household: h.id,
            facility: input.facilityId,
            persons: input.places.length,
            from: input.fromDate,
            payer: input.payer,
            transferFrom: previous?.id ?? null,
          },
        });
        return (await full(tx, ctx, id))!;
      }),

    /** Staff confirm the arrival: the nights start that day, the household is in accommodation. */
    moveIn: (ctx: Ctx, id: string, input: Out<typeof ZMoveInInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.move', { type: 'accommodation_assignment', id });
        await confirmMoveIn(tx, ctx, id, input);
        return (await full(tx, ctx, id))!;
      }),

    moveOut: (ctx: Ctx, id: string, input: Out<typeof ZMoveOutInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.move', { type: 'accommodation_assignment', id });
        await confirmMoveOut(tx, ctx, id, input);
        return (await full(tx, ctx, id))!;
      }),

    /** The same steps inside another transaction (the operator portal answers with its own view). */
    confirmMoveIn,
    confirmMoveOut,

    /** An assignment the household never moved into: its places are free again from its first day. */
    cancel: (ctx: Ctx, id: string, input: Out<typeof ZCancelInput>) =>
      actorTx(db, ctx, async (tx) => {
        const row = await locked(tx, ctx, id, 'accommodation.move');
        const to = next(ASSIGNMENT_STEPS, 'cancel', row.state as State, ctx.actor.role);
        if (row.version !== input.version) throw stale(row.version);
        const repo = staysRepository(tx, ctx.actor.agencyId);
        await repo.update(id, row.version, { state: to, cancel_reason: input.reason });
        await repo.closeStays(id, row.from_date);
        audit(tx, ctx, { action: 'accommodation.cancel', entityId: id, details: { household: row.household_id } });
        return (await full(tx, ctx, id))!;
      }),
  };
}
export type StaysService = ReturnType<typeof staysService>;
