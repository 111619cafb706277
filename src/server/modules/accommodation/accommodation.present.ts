import type { TFacility, TFacilityDetail, TOperator } from '../../../contracts/accommodation.js';
import type { TAssignment } from '../../../contracts/accommodationStays.js';
import type { TRole } from '../../../contracts/common.js';
import { ASSIGNMENT_STEPS, FACILITY_STEPS, stepsFor } from './accommodation.machine.js';
import type { PlacesRepository } from './places.repository.js';
import type { StaysRepository } from './stays.repository.js';

/* API shapes of accommodation records (rows → contracts). */

type OperatorRow = Awaited<ReturnType<PlacesRepository['operators']>>[number];
type FacilityRow = NonNullable<Awaited<ReturnType<PlacesRepository['facility']>>>;
type OccupancyRow = Awaited<ReturnType<PlacesRepository['occupancy']>>[number];
type AssignmentRow = NonNullable<Awaited<ReturnType<StaysRepository['assignment']>>>;
type StayRow = Awaited<ReturnType<StaysRepository['stays']>>[number];

export const presentOperator = (r: OperatorRow): TOperator => ({
  id: r.id,
  name: r.name,
  kind: r.kind as TOperator['kind'],
  welfareAssociation: r.welfare_association as TOperator['welfareAssociation'],
  street: r.street,
  postalCode: r.postal_code,
  city: r.city,
  email: r.email,
  phone: r.phone,
  note: r.note,
  facilities: Number(r.facilities ?? 0),
  version: r.version,
});

export function presentFacility(r: FacilityRow, occ: OccupancyRow | undefined, role: TRole): TFacility {
  const places = occ?.places ?? 0;
  const occupied = occ?.occupied ?? 0;
  const blocked = occ?.blocked ?? 0;
  return {
    id: r.id,
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    contractId: r.contract_id,
    name: r.name,
    street: r.street,
    postalCode: r.postal_code,
    city: r.city,
    district: r.district,
    provision: r.provision as TFacility['provision'],
    capacity: r.capacity,
    socialService: r.social_service,
    nightService: r.night_service,
    protectionConcept: r.protection_concept,
    substanceTolerant: r.substance_tolerant,
    state: r.state as TFacility['state'],
    stateNote: r.state_note,
    stateSince: r.state_since,
    note: r.note,
    occupancy: { places, occupied, blocked, free: Math.max(0, places - occupied - blocked) },
    version: r.version,
    actions: stepsFor(FACILITY_STEPS, r.state as TFacility['state'], role),
  };
}

export type RoomRow = Awaited<ReturnType<PlacesRepository['rooms']>>[number];
export type PlaceRow = Awaited<ReturnType<PlacesRepository['places']>>[number];

export function presentRooms(
  rooms: RoomRow[],
  places: PlaceRow[],
  occupants: Map<string, TFacilityDetail['rooms'][number]['places'][number]['occupant'] | 'hidden'>,
): TFacilityDetail['rooms'] {
  return rooms.map((r) => ({
    id: r.id,
    label: r.label,
    sizeM2: r.size_m2 === null ? null : Number(r.size_m2),
    sex: r.sex as 'any' | 'female' | 'male',
    family: r.family,
    wheelchair: r.wheelchair,
    stepFree: r.step_free,
    pets: r.pets,
    singleRoom: r.single_room,
    places: places
      .filter((p) => p.room_id === r.id)
      .map((p) => {
        const o = occupants.get(p.id);
        return { id: p.id, label: p.label, blockedReason: p.blocked_reason, occupant: o && o !== 'hidden' ? o : null, occupied: !!o };
      }),
  }));
}

export function presentAssignment(r: AssignmentRow, stays: StayRow[], role: TRole, documents: TAssignment['documents']): TAssignment {
  return {
    id: r.id,
    household: { id: r.household_id, reference: r.reference, name: r.head_name },
    facility: { id: r.facility_id, name: r.facility_name, operatorName: r.operator_name },
    state: r.state as TAssignment['state'],
    fromDate: r.from_date,
    movedInOn: r.moved_in_on,
    movedOutOn: r.moved_out_on,
    moveOutReason: r.move_out_reason as TAssignment['moveOutReason'],
    moveOutNote: r.move_out_note,
    cancelReason: r.cancel_reason,
    payer: r.payer as TAssignment['payer'],
    ownContributionCents: r.own_contribution_cents,
    contributionNote: r.contribution_note,
    legalBasis: r.legal_basis,
    previousId: r.previous_id,
    historyId: r.history_id,
    persons: stays
      .filter((s) => s.assignment_id === r.id)
      .map((s) => ({
        memberId: s.member_id,
        name: `${s.first_name} ${s.last_name}`,
        placeId: s.place_id,
        placeLabel: s.label,
        roomLabel: s.room_label,
        fromDate: s.from_date,
        untilDate: s.until_date,
      })),
    documents,
    version: r.version,
    actions: stepsFor(ASSIGNMENT_STEPS, r.state as TAssignment['state'], role),
  };
}
