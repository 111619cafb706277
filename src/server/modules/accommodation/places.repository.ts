import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/* Operators, contacts, contracts with dated rates, facilities with their state history, rooms and places. */

export interface OperatorWrite {
  name: string;
  kind: string;
  welfare_association: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
}

export interface FacilityWrite {
  operator_id: string;
  contract_id: string | null;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  district: string | null;
  provision: string;
  capacity: number;
  social_service: boolean;
  night_service: boolean;
  protection_concept: boolean;
  substance_tolerant: boolean;
  note: string | null;
}

export interface RoomWrite {
  label: string;
  size_m2: number | null;
  sex: string;
  family: boolean;
  wheelchair: boolean;
  step_free: boolean;
  pets: boolean;
  single_room: boolean;
}

const OPERATOR_COLUMNS = [
  'o.id',
  'o.name',
  'o.kind',
  'o.welfare_association',
  'o.street',
  'o.postal_code',
  'o.city',
  'o.email',
  'o.phone',
  'o.note',
  'o.version',
] as const;

export function placesRepository(tx: Tx, agencyId: string) {
  const facilities = () =>
    tx
      .selectFrom('accommodation_facilities as f')
      .innerJoin('accommodation_operators as o', 'o.id', 'f.operator_id')
      .selectAll('f')
      .select('o.name as operator_name')
      .where('f.agency_id', '=', agencyId);

  return {
    operators: () =>
      tx
        .selectFrom('accommodation_operators as o')
        .select(OPERATOR_COLUMNS)
        .select((eb) =>
          eb
            .selectFrom('accommodation_facilities as f')
            .whereRef('f.operator_id', '=', 'o.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('facilities'),
        )
        .where('o.agency_id', '=', agencyId)
        .orderBy('o.name')
        .execute(),

    operator: (id: string) =>
      tx
        .selectFrom('accommodation_operators as o')
        .select(OPERATOR_COLUMNS)
        .select((eb) =>
          eb
            .selectFrom('accommodation_facilities as f')
            .whereRef('f.operator_id', '=', 'o.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('facilities'),
        )
        .where('o.agency_id', '=', agencyId)
        .where('o.id', '=', id)
        .executeTakeFirst(),

    insertOperator: (w: OperatorWrite, by: string) =>
      tx
        .insertInto('accommodation_operators')
        .values({ ...w, agency_id: agencyId, created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow(),

    updateOperator: (id: string, version: number, w: OperatorWrite) =>
      tx
        .updateTable('accommodation_operators')
        .set((eb) => ({ ...w, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),

    contacts: (operatorId: string) =>
      tx
        .selectFrom('accommodation_operator_contacts')
        .select(['id', 'name', 'function', 'email', 'phone'])
        .where('agency_id', '=', agencyId)
        .where('operator_id', '=', operatorId)
        .orderBy('created_at')
        .execute(),

    insertContact: (
      operatorId: string,
      c: { name: string; function: string | null; email: string | null; phone: string | null },
      by: string,
    ) =>
      tx
        .insertInto('accommodation_operator_contacts')
        .values({ ...c, operator_id: operatorId, agency_id: agencyId, created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow(),

    contracts: (operatorId: string) =>
      tx
        .selectFrom('accommodation_contracts')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('operator_id', '=', operatorId)
        .orderBy('valid_from', 'desc')
        .execute(),

    contract: (id: string) =>
      tx.selectFrom('accommodation_contracts').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),

    insertContract: (
      operatorId: string,
      c: {
        kind: string;
        reference: string | null;
        valid_from: string;
        valid_to: string | null;
        rate_basis: string;
        includes: string[];
        notice_days: number | null;
        note: string | null;
      },
      by: string,
    ) =>
      tx
        .insertInto('accommodation_contracts')
        .values({ ...c, operator_id: operatorId, agency_id: agencyId, created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow(),

    /** Rates of some contracts, newest first. */
    rates: (contractIds: string[]) =>
      contractIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('accommodation_rates')
            .select(['id', 'contract_id', 'valid_from', 'cents_per_day', 'note'])
            .where('agency_id', '=', agencyId)
            .where('contract_id', 'in', contractIds)
            .orderBy('valid_from', 'desc')
            .execute(),

    /** A new rate from a day on; a second rate from the same day is refused (unique) → undefined. */
    insertRate: (contractId: string, r: { valid_from: string; cents_per_day: number; note: string | null }, by: string) =>
      tx
        .insertInto('accommodation_rates')
        .values({ ...r, contract_id: contractId, agency_id: agencyId, created_by: by })
        .onConflict((oc) => oc.columns(['contract_id', 'valid_from']).doNothing())
        .returning('id')
        .executeTakeFirst(),

    facilities: (operatorId: string | null) =>
      facilities()
        .$if(operatorId !== null, (q) => q.where('f.operator_id', '=', operatorId!))
        .orderBy('f.name')
        .execute(),

    facility: (id: string) => facilities().where('f.id', '=', id).executeTakeFirst(),

    facilityForUpdate: (id: string) =>
      tx
        .selectFrom('accommodation_facilities')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    insertFacility: (w: FacilityWrite, by: string) =>
      tx
        .insertInto('accommodation_facilities')
        .values({ ...w, agency_id: agencyId, created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow(),

    updateFacility: (id: string, version: number, w: FacilityWrite | { state: string; state_note: string | null; state_since: string }) =>
      tx
        .updateTable('accommodation_facilities')
        .set((eb) => ({ ...w, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),

    insertEvent: (
      facilityId: string,
      e: { from_state: string | null; to_state: string; note: string | null; effective_on: string },
      by: string,
    ) =>
      tx
        .insertInto('accommodation_facility_events')
        .values({ ...e, facility_id: facilityId, agency_id: agencyId, created_by: by })
        .execute(),

    events: (facilityId: string) =>
      tx
        .selectFrom('accommodation_facility_events as e')
        .leftJoin('users as u', 'u.id', 'e.created_by')
        .select(['e.from_state', 'e.to_state', 'e.note', 'e.effective_on', 'e.created_at', 'u.display_name'])
        .where('e.agency_id', '=', agencyId)
        .where('e.facility_id', '=', facilityId)
        .orderBy('e.created_at', 'desc')
        .execute(),

    /** Places, occupied and blocked places per facility on a day (one pass over the agency's places). */
    occupancy: (day: string, facilityIds: string[] | null) =>
      sql<{ facility_id: string; places: number; occupied: number; blocked: number }>`
        SELECT p.facility_id, count(*)::int AS places,
          count(*) FILTER (WHERE EXISTS (
            SELECT 1 FROM accommodation_stays s
            WHERE s.agency_id = ${agencyId} AND s.place_id = p.id AND s.from_date <= ${day}::date
              AND (s.until_date IS NULL OR s.until_date > ${day}::date)))::int AS occupied,
          count(*) FILTER (WHERE p.blocked_reason IS NOT NULL)::int AS blocked
        FROM accommodation_places p
        WHERE p.agency_id = ${agencyId} ${facilityIds ? sql`AND p.facility_id = ANY(${facilityIds}::uuid[])` : sql``}
        GROUP BY p.facility_id`
        .execute(tx)
        .then((r) => r.rows),

    rooms: (facilityId: string) =>
      tx
        .selectFrom('accommodation_rooms')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('facility_id', '=', facilityId)
        .orderBy('label')
        .execute(),

    places: (facilityId: string) =>
      tx
        .selectFrom('accommodation_places')
        .select(['id', 'room_id', 'label', 'blocked_reason'])
        .where('agency_id', '=', agencyId)
        .where('facility_id', '=', facilityId)
        .orderBy('label')
        .execute(),

    insertRoom: async (facilityId: string, w: RoomWrite, places: number, by: string) => {
      const room = await tx
        .insertInto('accommodation_rooms')
        .values({ ...w, facility_id: facilityId, agency_id: agencyId, created_by: by })
        .onConflict((oc) => oc.columns(['facility_id', 'label']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!room) return undefined;
      await tx
        .insertInto('accommodation_places')
        .values(
          Array.from({ length: places }, (_, i) => ({
            agency_id: agencyId,
            facility_id: facilityId,
            room_id: room.id,
            label: `${w.label}/${i + 1}`,
          })),
        )
        .execute();
      return room;
    },

    blockPlace: (facilityId: string, placeId: string, reason: string | null) =>
      tx
        .updateTable('accommodation_places')
        .set({ blocked_reason: reason })
        .where('agency_id', '=', agencyId)
        .where('facility_id', '=', facilityId)
        .where('id', '=', placeId)
        .returning('id')
        .executeTakeFirst(),
  };
}
export type PlacesRepository = ReturnType<typeof placesRepository>;
