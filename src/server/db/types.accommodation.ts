import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Accommodation (Unterbringung): operators, contracts, dated rates, facilities, rooms, places, stays.
export interface AccommodationOperatorsTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  kind: string;
  welfare_association: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AccommodationOperatorContactsTable {
  id: Generated<string>;
  agency_id: string;
  operator_id: string;
  name: string;
  function: string | null;
  email: string | null;
  phone: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AccommodationContractsTable {
  id: Generated<string>;
  agency_id: string;
  operator_id: string;
  kind: string;
  reference: string | null;
  valid_from: DateCol;
  valid_to: DateCol | null;
  rate_basis: string;
  includes: Generated<string[]>;
  notice_days: number | null;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** A day rate from a date on; never changed (a change is a new row), so billed nights keep their rate. */
export interface AccommodationRatesTable {
  id: Generated<string>;
  agency_id: string;
  contract_id: string;
  valid_from: DateCol;
  cents_per_day: number;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AccommodationFacilitiesTable {
  id: Generated<string>;
  agency_id: string;
  operator_id: string;
  contract_id: string | null;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  district: string | null;
  provision: string;
  capacity: number;
  social_service: Generated<boolean>;
  night_service: Generated<boolean>;
  protection_concept: Generated<boolean>;
  substance_tolerant: Generated<boolean>;
  state: Generated<string>;
  state_note: string | null;
  state_since: ColumnType<string, string | undefined, string>;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AccommodationFacilityEventsTable {
  id: Generated<string>;
  agency_id: string;
  facility_id: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
  effective_on: DateCol;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AccommodationRoomsTable {
  id: Generated<string>;
  agency_id: string;
  facility_id: string;
  label: string;
  /** numeric: read as a string. */
  size_m2: ColumnType<string | null, number | string | null, number | string | null>;
  sex: Generated<string>;
  family: Generated<boolean>;
  wheelchair: Generated<boolean>;
  step_free: Generated<boolean>;
  pets: Generated<boolean>;
  single_room: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AccommodationPlacesTable {
  id: Generated<string>;
  agency_id: string;
  facility_id: string;
  room_id: string;
  label: string;
  blocked_reason: string | null;
  created_at: Generated<Date>;
}

export interface AccommodationAssignmentsTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  facility_id: string;
  previous_id: string | null;
  history_id: string;
  from_date: DateCol;
  payer: string;
  own_contribution_cents: Generated<number>;
  contribution_note: string | null;
  legal_basis: string;
  state: Generated<string>;
  moved_in_on: DateCol | null;
  moved_in_by: string | null;
  moved_out_on: DateCol | null;
  move_out_reason: string | null;
  move_out_note: string | null;
  cancel_reason: string | null;
  order_document_id: string | null;
  cost_note_document_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** One person in one place: nights from `from_date` (inclusive) to `until_date` (exclusive, null = open). */
export interface AccommodationStaysTable {
  id: Generated<string>;
  agency_id: string;
  assignment_id: string;
  household_id: string;
  member_id: string;
  facility_id: string;
  place_id: string;
  from_date: DateCol;
  until_date: DateCol | null;
  created_at: Generated<Date>;
}

/** The federal statistics (WoBerichtsG) of one year: its due date and when the export was submitted. */
export interface AccommodationStatisticsReportsTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  due_on: DateCol;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  submitted_persons: number | null;
  note: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

/** An incident an operator reports about a person placed with it (insert-only; the text is anonymised with the household). */
export interface AccommodationIncidentsTable {
  id: Generated<string>;
  agency_id: string;
  assignment_id: string;
  household_id: string;
  facility_id: string;
  kind: string;
  occurred_on: ColumnType<string, string, string>;
  text: string;
  reported_by: string;
  created_at: Generated<Date>;
}
