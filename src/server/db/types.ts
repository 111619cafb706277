import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;

export interface AgenciesTable {
  id: Generated<string>;
  name: string;
  ags: string;
  federal_state: string;
  reference_prefix: string;
  settings: ColumnType<Record<string, unknown>, string, string>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface OrgTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  agency_id: string;
  email: string;
  display_name: string;
  role: string;
  provider_id: string | null;
  carrier_id: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: ColumnType<string | null, number | null, number | null>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  agency_id: string;
  user_id: string;
  csrf_token: string;
  mfa_verified: boolean;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AgencyCountersTable {
  agency_id: string;
  name: string;
  value: ColumnType<string, number, number>;
}

export interface HouseholdsTable {
  id: Generated<string>;
  agency_id: string;
  reference: string;
  head_name: string;
  search_text: string;
  persons: number;
  situation: string;
  situation_since: DateCol | null;
  seeking_housing: boolean;
  needs: ColumnType<Record<string, unknown>, string, string>;
  wheelchair: boolean;
  case_manager_id: string | null;
  social_worker_id: string | null;
  status: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
}

export interface HouseholdMembersTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  position: number;
  first_name: string;
  last_name: string;
  birth_date: DateCol | null;
  gender: string;
  nationality: string | null;
  relationship: string;
  phone: string | null;
  email: string | null;
}

export interface JournalEntriesTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  occurred_at: Timestamp;
  kind: string;
  participation: boolean;
  text: string;
  author_id: string | null;
  created_at: Generated<Date>;
}

export interface IdempotencyKeysTable {
  agency_id: string;
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  agency_id: string;
  seq: number | null;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  purpose: string | null;
  outcome: string;
  ip: string | null;
  details: ColumnType<unknown, string | null, never>;
  prev_hash: string | null;
  hash: string | null;
}

export interface DB {
  agencies: AgenciesTable;
  housing_providers: OrgTable;
  carriers: OrgTable;
  users: UsersTable;
  sessions: SessionsTable;
  agency_counters: AgencyCountersTable;
  households: HouseholdsTable;
  household_members: HouseholdMembersTable;
  journal_entries: JournalEntriesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  audit_events_v: AuditEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type NewHousehold = Insertable<HouseholdsTable>;
export type HouseholdUpdate = Updateable<HouseholdsTable>;
