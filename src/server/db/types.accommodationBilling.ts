import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Accommodation billing (issue 16): operators' invoices, their lines, and the nights billed by approval.
export interface AccommodationInvoicesTable {
  id: Generated<string>;
  agency_id: string;
  operator_id: string;
  month: DateCol;
  invoice_no: string;
  received_on: DateCol;
  source: string;
  state: Generated<string>;
  total_cents: number;
  computed_cents: number | null;
  differences: number | null;
  dispute_reason: string | null;
  checked_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** One person of an assignment on an invoice: first and last night (inclusive), nights and amount as stated. */
export interface AccommodationInvoiceLinesTable {
  id: Generated<string>;
  agency_id: string;
  invoice_id: string;
  line_no: number;
  assignment_id: string;
  household_id: string;
  member_id: string;
  first_night: DateCol;
  last_night: DateCol;
  nights: number;
  amount_cents: number;
}

/** A night of a stay billed by an approved invoice, with the rate it had then; never changed. */
export interface AccommodationBilledNightsTable {
  agency_id: string;
  stay_id: string;
  night: DateCol;
  invoice_id: string;
  cents: number;
  created_at: Generated<Date>;
}
