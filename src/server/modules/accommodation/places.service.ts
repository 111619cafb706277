import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  TFacilityDetail,
  TOperatorDetail,
  ZContactInput,
  ZContractInput,
  ZFacilityInput,
  ZFacilityStateInput,
  ZFacilityUpdate,
  ZOperatorInput,
  ZOperatorUpdate,
  ZPlaceBlockInput,
  ZRateInput,
  ZRoomInput,
} from '../../../contracts/accommodation.js';
import { todayInBerlin } from '../../../contracts/plausible.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { AccessDenied, AppError, fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { FACILITY_STEP_TO, FACILITY_STEPS, next } from './accommodation.machine.js';
import { presentFacility, presentOperator, presentRooms } from './accommodation.present.js';
import { placesRepository, type FacilityWrite, type OperatorWrite } from './places.repository.js';
import { staysRepository } from './stays.repository.js';

type Out<T extends z.ZodTypeAny> = z.output<T>;

const operatorWrite = (i: Out<typeof ZOperatorInput>): OperatorWrite => ({
  name: i.name,
  kind: i.kind,
  welfare_association: i.welfareAssociation,
  street: i.street,
  postal_code: i.postalCode,
  city: i.city,
  email: i.email,
  phone: i.phone,
  note: i.note,
});

const facilityWrite = (i: Out<typeof ZFacilityInput>): FacilityWrite => ({
  operator_id: i.operatorId,
  contract_id: i.contractId,
  name: i.name,
  street: i.street,
  postal_code: i.postalCode,
  city: i.city,
  district: i.district,
  provision: i.provision,
  capacity: i.capacity,
  social_service: i.socialService,
  night_service: i.nightService,
  protection_concept: i.protectionConcept,
  substance_tolerant: i.substanceTolerant,
  note: i.note,
});

const stale = (version: number) => new AppError('precondition_failed', undefined, { currentState: String(version) });

/** Operators, contracts with dated rates, facilities with their state, rooms and places. */
export function placesService(db: Kysely<DB>) {
  const notFound = (permission: 'accommodation.read' | 'accommodation.manage', type: string, id: string) =>
    new AccessDenied(permission, { type, id });

  async function operatorDetail(tx: Tx, agencyId: string, id: string): Promise<TOperatorDetail | undefined> {
    const repo = placesRepository(tx, agencyId);
    const o = await repo.operator(id);
    if (!o) return undefined;
    const [contacts, contracts] = await Promise.all([repo.contacts(id), repo.contracts(id)]);
    const rates = await repo.rates(contracts.map((c) => c.id));
    return {
      ...presentOperator(o),
      contacts,
      contracts: contracts.map((c) => ({
        id: c.id,
        kind: c.kind as 'contract' | 'agreed_rate',
        reference: c.reference,
        validFrom: c.valid_from,
        validTo: c.valid_to,
        rateBasis: c.rate_basis as 'person' | 'place',
        includes: c.includes,
        noticeDays: c.notice_days,
        note: c.note,
        rates: rates
          .filter((r) => r.contract_id === c.id)
          .map((r) => ({ id: r.id, validFrom: r.valid_from, centsPerDay: r.cents_per_day, note: r.note })),
      })),
    };
  }

  async function facilityDetail(tx: Tx, ctx: Ctx, id: string): Promise<TFacilityDetail | undefined> {
    const repo = placesRepository(tx, ctx.actor.agencyId);
    const f = await repo.facility(id);
    if (!f) return undefined;
    const today = todayInBerlin();
    const [occ, rooms, places, events, occupants] = await Promise.all([
      repo.occupancy(today, [id]),
      repo.rooms(id),
      repo.places(id),
      repo.events(id),
      staysRepository(tx, ctx.actor.agencyId).occupants(id, today, access.householdScope(ctx.actor)),
    ]);
    const byPlace = new Map<string, NonNullable<TFacilityDetail['rooms'][number]['places'][number]['occupant']> | 'hidden'>(
      occupants.all.map((p) => [p, 'hidden']),
    );
    for (const v of occupants.visible)
      byPlace.set(v.place_id, {
        assignmentId: v.assignment_id,
        householdId: v.household_id,
        reference: v.reference,
        name: v.head_name,
        since: v.from_date,
      });
    return {
      ...presentFacility(f, occ[0], ctx.actor.role),
      rooms: presentRooms(rooms, places, byPlace),
      events: events.map((e) => ({
        from: e.from_state,
        to: e.to_state,
        note: e.note,
        effectiveOn: e.effective_on,
        by: e.display_name,
        at: e.created_at.toISOString(),
      })),
    };
  }

  /** The operator must exist, and a named contract must be the operator's. */
  async function checkOperatorContract(tx: Tx, agencyId: string, operatorId: string, contractId: string | null) {
    const repo = placesRepository(tx, agencyId);
    if (!(await repo.operator(operatorId))) throw fieldError('operatorId', 'Diesen Betreiber gibt es nicht.', 'not_found');
    if (contractId) {
      const c = await repo.contract(contractId);
      if (!c || c.operator_id !== operatorId) throw fieldError('contractId', 'Der Vertrag gehört nicht zu diesem Betreiber.', 'not_found');
    }
  }

  return {
    operators: (ctx: Ctx) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read');
        const items = (await placesRepository(tx, ctx.actor.agencyId).operators()).map(presentOperator);
        audit(tx, ctx, { action: 'accommodation.operator_list', details: { results: items.length } });
        return { items };
      }),

    operator: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read', { type: 'accommodation_operator', id });
        const o = await operatorDetail(tx, ctx.actor.agencyId, id);
        if (!o) throw notFound('accommodation.read', 'accommodation_operator', id);
        audit(tx, ctx, { action: 'accommodation.operator_read', entityId: id });
        return o;
      }),

    createOperator: (ctx: Ctx, input: Out<typeof ZOperatorInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage');
        const { id } = await placesRepository(tx, ctx.actor.agencyId).insertOperator(operatorWrite(input), ctx.actor.userId);
        audit(tx, ctx, { action: 'accommodation.operator_create', entityId: id, details: { kind: input.kind } });
        return (await operatorDetail(tx, ctx.actor.agencyId, id))!;
      }),

    updateOperator: (ctx: Ctx, id: string, input: Out<typeof ZOperatorUpdate>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage', { type: 'accommodation_operator', id });
        const repo = placesRepository(tx, ctx.actor.agencyId);
        const o = await repo.operator(id);
        if (!o) throw notFound('accommodation.manage', 'accommodation_operator', id);
        if (!(await repo.updateOperator(id, input.version, operatorWrite(input)))) throw stale(o.version);
        audit(tx, ctx, { action: 'accommodation.operator_update', entityId: id, details: { version: input.version + 1 } });
        return (await operatorDetail(tx, ctx.actor.agencyId, id))!;
      }),

    addContact: (ctx: Ctx, operatorId: string, input: Out<typeof ZContactInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage', { type: 'accommodation_operator', id: operatorId });
        const repo = placesRepository(tx, ctx.actor.agencyId);
        if (!(await repo.operator(operatorId))) throw notFound('accommodation.manage', 'accommodation_operator', operatorId);
        const c = await repo.insertContact(operatorId, input, ctx.actor.userId);
        audit(tx, ctx, { action: 'accommodation.contact_add', entityId: operatorId, details: { contact: c.id } });
        return (await operatorDetail(tx, ctx.actor.agencyId, operatorId))!;
      }),

    addContract: (ctx: Ctx, operatorId: string, input: Out<typeof ZContractInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage', { type: 'accommodation_operator', id: operatorId });
        const repo = placesRepository(tx, ctx.actor.agencyId);
        if (!(await repo.operator(operatorId))) throw notFound('accommodation.manage', 'accommodation_operator', operatorId);
        const { centsPerDay, validFrom, validTo, rateBasis, noticeDays, ...rest } = input;
        const c = await repo.insertContract(
          operatorId,
          { ...rest, valid_from: validFrom, valid_to: validTo, rate_basis: rateBasis, notice_days: noticeDays },
          ctx.actor.userId,
        );
        await repo.insertRate(c.id, { valid_from: validFrom, cents_per_day: centsPerDay, note: null }, ctx.actor.userId);
        audit(tx, ctx, {
          action: 'accommodation.contract_create',
          entityId: c.id,
          details: { operator: operatorId, centsPerDay, validFrom },
        });
        return (await operatorDetail(tx, ctx.actor.agencyId, operatorId))!;
      }),

    /** A new day rate from a date on; earlier nights keep the rate they had. */
    addRate: (ctx: Ctx, contractId: string, input: Out<typeof ZRateInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage', { type: 'accommodation_contract', id: contractId });
        const repo = placesRepository(tx, ctx.actor.agencyId);
        const c = await repo.contract(contractId);
        if (!c) throw notFound('accommodation.manage', 'accommodation_contract', contractId);
        if (input.validFrom < c.valid_from || (c.valid_to && input.validFrom > c.valid_to))
          throw fieldError('validFrom', 'Der Tag liegt außerhalb der Laufzeit des Vertrags.', 'range');
        const r = await repo.insertRate(
          contractId,
          { valid_from: input.validFrom, cents_per_day: input.centsPerDay, note: input.note },
          ctx.actor.userId,
        );
        if (!r) throw fieldError('validFrom', 'Ab diesem Tag gilt schon ein Tagessatz.', 'duplicate');
        audit(tx, ctx, {
          action: 'accommodation.rate_add',
          entityId: contractId,
          details: { validFrom: input.validFrom, centsPerDay: input.centsPerDay },
        });
        return (await operatorDetail(tx, ctx.actor.agencyId, c.operator_id))!;
      }),

    facilities: (ctx: Ctx, operatorId: string | null) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read');
        const repo = placesRepository(tx, ctx.actor.agencyId);
        const [rows, occ] = await Promise.all([repo.facilities(operatorId), repo.occupancy(todayInBerlin(), null)]);
        const byId = new Map(occ.map((o) => [o.facility_id, o]));
        const items = rows.map((r) => presentFacility(r, byId.get(r.id), ctx.actor.role));
        audit(tx, ctx, { action: 'accommodation.facility_list', details: { results: items.length } });
        return { items };
      }),

    facility: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read', { type: 'accommodation_facility', id });
        const f = await facilityDetail(tx, ctx, id);
        if (!f) throw notFound('accommodation.read', 'accommodation_facility', id);
        audit(tx, ctx, { action: 'accommodation.facility_read', entityId: id, details: { occupants: f.occupancy.occupied } });
        return f;
      }),

    createFacility: (ctx: Ctx, input: Out<typeof ZFacilityInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage');
        await checkOperatorContract(tx, ctx.actor.agencyId, input.operatorId, input.contractId);
        const repo = placesRepository(tx, ctx.actor.agencyId);
        const { id } = await repo.insertFacility(facilityWrite(input), ctx.actor.userId);
        await repo.insertEvent(id, { from_state: null, to_state: 'admitted', note: null, effective_on: todayInBerlin() }, ctx.actor.userId);
        audit(tx, ctx, { action: 'accommodation.facility_create', entityId: id, details: { operator: input.operatorId } });
        return (await facilityDetail(tx, ctx, id))!;
      }),

    updateFacility: (ctx: Ctx, id: string, input: Out<typeof ZFacilityUpdate>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage', { type: 'accommodation_facility', id });
        const repo = placesRepository(tx, ctx.actor.agencyId);
        const f = await repo.facilityForUpdate(id);
        if (!f) throw notFound('accommodation.manage', 'accommodation_facility', id);
        next(FACILITY_STEPS, 'edit', f.state as 'admitted', ctx.actor.role);
        await checkOperatorContract(tx, ctx.actor.agencyId, input.operatorId, input.contractId);
        if (!(await repo.updateFacility(id, input.version, facilityWrite(input)))) throw stale(f.version);
        audit(tx, ctx, { action: 'accommodation.facility_update', entityId: id, details: { version: input.version + 1 } });
        return (await facilityDetail(tx, ctx, id))!;
      }),

    /** Admit, admit with conditions, or block for new assignments (with the reason); the history keeps every change. */
    setState: (ctx: Ctx, id: string, input: Out<typeof ZFacilityStateInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage', { type: 'accommodation_facility', id });
        const repo = placesRepository(tx, ctx.actor.agencyId);
        const f = await repo.facilityForUpdate(id);
        if (!f) throw notFound('accommodation.manage', 'accommodation_facility', id);
        if (f.version !== input.version) throw stale(f.version);
        const to = next(FACILITY_STEPS, FACILITY_STEP_TO[input.to], f.state as 'admitted', ctx.actor.role);
        const today = todayInBerlin();
        await repo.updateFacility(id, input.version, { state: to, state_note: to === 'admitted' ? null : input.note, state_since: today });
        await repo.insertEvent(id, { from_state: f.state, to_state: to, note: input.note, effective_on: today }, ctx.actor.userId);
        audit(tx, ctx, { action: 'accommodation.facility_state', entityId: id, details: { from: f.state, to } });
        return (await facilityDetail(tx, ctx, id))!;
      }),

    addRoom: (ctx: Ctx, facilityId: string, input: Out<typeof ZRoomInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage', { type: 'accommodation_facility', id: facilityId });
        const repo = placesRepository(tx, ctx.actor.agencyId);
        const f = await repo.facilityForUpdate(facilityId);
        if (!f) throw notFound('accommodation.manage', 'accommodation_facility', facilityId);
        next(FACILITY_STEPS, 'addRoom', f.state as 'admitted', ctx.actor.role);
        const { places, sizeM2, stepFree, singleRoom, ...flags } = input;
        const room = await repo.insertRoom(
          facilityId,
          { ...flags, size_m2: sizeM2, step_free: stepFree, single_room: singleRoom },
          places,
          ctx.actor.userId,
        );
        if (!room) throw fieldError('label', 'Einen Raum mit dieser Bezeichnung gibt es in der Unterkunft schon.', 'duplicate');
        audit(tx, ctx, { action: 'accommodation.room_create', entityId: facilityId, details: { room: room.id, places } });
        return (await facilityDetail(tx, ctx, facilityId))!;
      }),

    blockPlace: (ctx: Ctx, facilityId: string, placeId: string, input: Out<typeof ZPlaceBlockInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.manage', { type: 'accommodation_facility', id: facilityId });
        if (!(await placesRepository(tx, ctx.actor.agencyId).blockPlace(facilityId, placeId, input.reason)))
          throw notFound('accommodation.manage', 'accommodation_facility', facilityId);
        audit(tx, ctx, { action: 'accommodation.place_block', entityId: facilityId, details: { place: placeId, blocked: !!input.reason } });
        return (await facilityDetail(tx, ctx, facilityId))!;
      }),
  };
}
export type PlacesService = ReturnType<typeof placesService>;

/** For other modules: the agency's accommodation operators, id and name only (e.g. the admin's picker for operator users). */
export async function operatorChoices(tx: Tx, agencyId: string): Promise<{ id: string; name: string }[]> {
  return (await placesRepository(tx, agencyId).operators()).map((o) => ({ id: o.id, name: o.name }));
}

/** For other modules: whether this is an accommodation operator of the agency. */
export async function isOperatorOf(tx: Tx, agencyId: string, id: string): Promise<boolean> {
  return !!(await placesRepository(tx, agencyId).operator(id));
}
