import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Accommodation minimum standards and inspections: versioned checklist, inspections, results, findings.
export interface AccommodationChecklistsTable {
  id: Generated<string>;
  agency_id: string;
  version: number;
  routine_months: number;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AccommodationChecklistItemsTable {
  id: Generated<string>;
  agency_id: string;
  checklist_id: string;
  position: number;
  key: string;
  title: string;
  category: string;
  norm: string | null;
}

export interface AccommodationInspectionsTable {
  id: Generated<string>;
  agency_id: string;
  facility_id: string;
  checklist_id: string;
  kind: string;
  state: Generated<string>;
  planned_on: DateCol;
  inspector_id: string | null;
  reason: string | null;
  summary: string | null;
  started_on: DateCol | null;
  completed_on: DateCol | null;
  cancel_reason: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AccommodationInspectionResultsTable {
  id: Generated<string>;
  agency_id: string;
  inspection_id: string;
  item_id: string;
  result: string | null;
  note: string | null;
  severity: string | null;
  remedy_due: DateCol | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AccommodationFindingsTable {
  id: Generated<string>;
  agency_id: string;
  facility_id: string;
  inspection_id: string;
  item_key: string;
  title: string;
  severity: string;
  note: string | null;
  remedy_due: DateCol;
  state: Generated<string>;
  closed_on: DateCol | null;
  closed_by_inspection_id: string | null;
  closed_note: string | null;
  closed_by: string | null;
  created_at: Generated<Date>;
}
