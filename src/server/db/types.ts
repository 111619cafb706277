import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AccommodationAssignmentsTable,
  AccommodationContractsTable,
  AccommodationFacilitiesTable,
  AccommodationFacilityEventsTable,
  AccommodationOperatorContactsTable,
  AccommodationOperatorsTable,
  AccommodationPlacesTable,
  AccommodationRatesTable,
  AccommodationRoomsTable,
  AccommodationStaysTable,
  AccommodationStatisticsReportsTable,
  AccommodationIncidentsTable,
} from './types.accommodation.js';
import type {
  AccommodationBilledNightsTable,
  AccommodationInvoiceLinesTable,
  AccommodationInvoicesTable,
} from './types.accommodationBilling.js';
import type {
  AccommodationChecklistItemsTable,
  AccommodationChecklistsTable,
  AccommodationFindingsTable,
  AccommodationInspectionResultsTable,
  AccommodationInspectionsTable,
} from './types.inspections.js';

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
  /** A carrier worker who leads the carrier's aftercare team: sees all of the carrier's cases. */
  carrier_lead: Generated<boolean>;
  /** The user wants the daily mail digest (own setting, off by default). */
  mail_digest: Generated<boolean>;
  /** The Berlin day and the time of the last digest sent: at most one a day, the next lists what came since. */
  digest_sent_on: ColumnType<string | null, string | null, string | null>;
  digest_sent_at: Timestamp | null;
  /** Single sign-on: the identity provider and its subject (both or neither; unique pair). */
  oidc_issuer: string | null;
  oidc_subject: string | null;
  /** An operator user's accommodation operator (role `operator_user` only). */
  operator_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Opened by single sign-on: its logout continues at the identity provider. */
  sso: Generated<boolean>;
  /** The identity provider's session id (`sid`) of a single sign-on session, for back-channel logout. */
  oidc_sid: string | null;
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
  step_free: Generated<boolean>;
  pets: Generated<boolean>;
  health: Generated<boolean>;
  children: Generated<number>;
  eldest_birth_date: DateCol | null;
  districts_avoid: Generated<string[]>;
  districts_prefer: Generated<string[]>;
  case_manager_id: string | null;
  social_worker_id: string | null;
  status: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
  /** Set by sustainment when a tenancy was lost: the household needs prevention/placement follow-up. */
  follow_up_reason: string | null;
  follow_up_at: Timestamp | null;
  /** When retention anonymised the household (names, birth dates, contacts, free text removed). */
  anonymised_at: Timestamp | null;
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

/** A period of a household's address or whereabouts; `valid_to` null = current (at most one). */
export interface HouseholdAddressesTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  kind: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  district: string | null;
  valid_from: DateCol;
  valid_to: DateCol | null;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Generated<Date>;
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
  /** The key that sealed the event (null: not sealed yet). */
  key_id: string | null;
  /** When actor, subject and details were replaced by pseudonyms (audit retention; migration 2026-12-10T15-00). */
  pseudonymised_at: Timestamp | null;
  /** HMAC over the original link hash and the pseudonymised text, and its key (see the migration). */
  pseudo_hash: string | null;
  pseudo_key_id: string | null;
}

/** The view the household search reads (the transaction's agency only; see its migration). */
export interface HouseholdSearchView {
  id: string;
  reference: string;
  head_name: string;
  persons: number;
  situation: string;
  situation_since: string | null;
  seeking_housing: boolean;
  wheelchair: boolean;
  case_manager_id: string | null;
  social_worker_id: string | null;
  updated_at: Date;
  search_text: string;
}

/** The last event of an agency's keyed chain (written only by wh_audit_seal_apply). */
export interface AuditChainHeadsTable {
  agency_id: string;
  seq: number;
  hash: string;
}

export interface AuditCheckpointsTable {
  agency_id: string;
  seq: number;
  head_hash: string;
  created_at: Date;
  key_id: string;
  signature: string;
}

type Json<T = unknown> = ColumnType<T, string, string>;
/** Parameters of a stored text key: references, names, numbers, dates as ISO strings. */
export type TextParams = Record<string, string | number | null>;
type Numeric = ColumnType<string, number | string, number | string>;

export interface DeadlinesTable {
  id: Generated<string>;
  agency_id: string;
  subject_type: string;
  subject_id: string;
  kind: string;
  title: string;
  /** The title as a translation key (`deadlineTitle.<kind>`) and its parameters; null on old rows. */
  title_key: string | null;
  title_params: Json<TextParams> | null;
  link: string | null;
  due_at: Timestamp;
  remind_at: Timestamp | null;
  assignee_id: string | null;
  escalate_to_lead: Generated<boolean>;
  status: Generated<string>;
  reminded_at: Timestamp | null;
  alerted_at: Timestamp | null;
  created_at: Generated<Date>;
  closed_at: Timestamp | null;
  closed_by: string | null;
  /** The household the deadline concerns (through its subject), if any; the household list's next deadline. */
  household_id: string | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  agency_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  /** Title and body as a translation key (`notice.<kind>`, texts `.title`/`.body`) and parameters; null on old rows. */
  key: string | null;
  params: Json<TextParams> | null;
  link: string | null;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
  /** e.g. `REQUEST` or `CANCEL` for iCalendar parts */
  method?: string;
}

export interface OutboxMailsTable {
  id: Generated<string>;
  agency_id: string;
  to_addresses: string[];
  subject: string;
  text_body: string;
  attachments: Json<MailAttachment[]>;
  kind: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  locked_until: Timestamp | null;
  last_error: string | null;
  message_id: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export interface DocumentTemplatesTable {
  agency_id: string;
  kind: string;
  title: string;
  body: string;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface DocumentsTable {
  id: Generated<string>;
  agency_id: string;
  owner_type: string;
  owner_id: string;
  kind: string;
  filename: string;
  content_type: string;
  content: Buffer;
  template_version: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ProgrammeConditionsTable {
  id: Generated<string>;
  agency_id: string;
  valid_from: DateCol;
  rent_caps: Json<{ persons: number; maxColdRentCents: number }[]>;
  extra_person_cents: number;
  space_base_sqm: Numeric;
  space_per_person_sqm: Numeric;
  required_equipment: string[];
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface OffersTable {
  id: Generated<string>;
  agency_id: string;
  reference: string;
  provider_id: string;
  status: string;
  street: string;
  postal_code: string;
  city: string;
  district: string;
  floor: number;
  lift: boolean;
  living_space: Numeric;
  rooms: Numeric;
  cold_rent_cents: number;
  service_charges_cents: number;
  heating_cents: number;
  heating_type: string | null;
  deposit_cents: number;
  equipment: string[];
  step_free: boolean;
  wheelchair: boolean;
  available_from: DateCol;
  pets_allowed: boolean;
  preferred: string[];
  hints: string | null;
  conditions_id: string | null;
  check_result: Json | null;
  checked_at: Timestamp | null;
  decline_reason: string | null;
  round: Generated<number>;
  case_manager_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OfferAttachmentsTable {
  id: Generated<string>;
  agency_id: string;
  offer_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface OfferEventsTable {
  id: Generated<string>;
  agency_id: string;
  offer_id: string;
  candidate_id: string | null;
  at: Generated<Date>;
  actor_id: string | null;
  kind: string;
  provider_visible: Generated<boolean>;
  details: Json<Record<string, unknown>>;
}

export interface RankingsTable {
  id: Generated<string>;
  agency_id: string;
  offer_id: string;
  round: number;
  conditions_id: string | null;
  weights: Json;
  pool_size: number;
  eligible_count: number;
  entries: Json;
  exclusions: Json;
  exclusion_counts: Json;
  created_by: string | null;
  created_at: Generated<Date>;
  /** The offer's figures and the conditions the ranking was made under; null for rankings stored with explained entries. */
  basis: Json | null;
}

export interface ConsentsTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  purpose: string;
  recipient_provider_id: string;
  given_by: string;
  given_on: DateCol;
  form: string;
  minute: string | null;
  text_version: string;
  valid_until: DateCol | null;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
}

export interface CandidatesTable {
  id: Generated<string>;
  agency_id: string;
  offer_id: string;
  household_id: string;
  round: number;
  ranking_id: string | null;
  rank: number | null;
  score: Numeric | null;
  status: string;
  pseudonym: string;
  comment: string;
  move_in_from: DateCol | null;
  picked_by: string | null;
  consent_id: string | null;
  refusal_reason: string | null;
  refusal_text: string | null;
  veto_reason: string | null;
  decision_due_at: Timestamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DisclosuresTable {
  id: Generated<string>;
  agency_id: string;
  candidate_id: string;
  household_id: string;
  provider_id: string;
  consent_id: string;
  fields: string[];
  disclosed_by: string | null;
  disclosed_at: Generated<Date>;
}

export interface RoundTablesTable {
  id: Generated<string>;
  agency_id: string;
  offer_id: string;
  round: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  participant_ids: string[];
  video_url: string | null;
  status: Generated<string>;
  minutes: string | null;
  ics_uid: string;
  sequence: Generated<number>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ViewingsTable {
  id: Generated<string>;
  agency_id: string;
  offer_id: string;
  candidate_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string;
  attendee_ids: string[];
  status: Generated<string>;
  outcome: string | null;
  ics_uid: string;
  sequence: Generated<number>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface TenanciesTable {
  id: Generated<string>;
  agency_id: string;
  reference: string;
  household_id: string;
  provider_id: string;
  offer_id: string | null;
  candidate_id: string | null;
  street: string;
  postal_code: string;
  city: string;
  district: string | null;
  lease_start: DateCol;
  lease_signed_on: DateCol | null;
  cold_rent_cents: number;
  service_charges_cents: number;
  heating_cents: number;
  guarantee_start: DateCol;
  guarantee_end: DateCol;
  guarantee_max_cents: number;
  guarantee_items: string[];
  guarantee_signed_on: DateCol | null;
  contact_person_id: string | null;
  social_worker_id: string | null;
  status: Generated<string>;
  end_reason: string | null;
  ended_on: DateCol | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  paid_out_cents: Generated<number>;
  recovered_cents: Generated<number>;
  guarantee_continues: boolean | null;
  end_note: string | null;
  closing_outcome: string | null;
  closing_note: string | null;
  closing_reviewed_on: DateCol | null;
  closing_reviewed_by: string | null;
}

export interface IncidentsTable {
  id: Generated<string>;
  agency_id: string;
  reference: string;
  tenancy_id: string;
  provider_id: string;
  kind: string;
  state: string;
  round: Generated<number>;
  reported_via: string;
  reported_by: string | null;
  reported_at: Generated<Date>;
  months: Generated<string[]>;
  amount_cents: number | null;
  recheck_on: DateCol | null;
  decision: string | null;
  category: string | null;
  description: string | null;
  occurred_on: DateCol | null;
  reasons: string | null;
  resolution: string | null;
  provider_message: string | null;
  terminated_on: DateCol | null;
  lease_ends_on: DateCol | null;
  guarantee_continues: boolean | null;
  cancel_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IncidentEventsTable {
  id: Generated<string>;
  agency_id: string;
  incident_id: string;
  at: Generated<Date>;
  actor_id: string | null;
  step: string;
  from_state: string | null;
  to_state: string;
  round: number;
  details: Json<Record<string, unknown>>;
  provider_details: Json<Record<string, unknown>> | null;
}

export interface IncidentContactsTable {
  id: Generated<string>;
  agency_id: string;
  incident_id: string;
  occurred_at: Timestamp;
  channel: string;
  reached: boolean;
  note: string;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface GuaranteePayoutsTable {
  id: Generated<string>;
  agency_id: string;
  tenancy_id: string;
  incident_id: string | null;
  amount_cents: number;
  paid_on: DateCol;
  months: Generated<string[]>;
  note: string | null;
  assignment_document_id: string | null;
  assignment_received_on: DateCol | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface RecoveryAgreementsTable {
  id: Generated<string>;
  agency_id: string;
  tenancy_id: string;
  incident_id: string | null;
  instalment_cents: number;
  starts_on: DateCol;
  interval_months: number;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface RecoveryPaymentsTable {
  id: Generated<string>;
  agency_id: string;
  tenancy_id: string;
  agreement_id: string | null;
  amount_cents: number;
  paid_on: DateCol;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** One statement's accommodation changes (migration 2026-12-11T10-00_accommodation_log); xid as text. */
export interface AccommodationLogTable {
  agency_id: string;
  xid: Generated<string>;
  at: Generated<Date>;
}

/** One statement's household changes (migration 2026-11-22T09-00_household_log); xid as text. */
export interface HouseholdLogTable {
  agency_id: string;
  xid: Generated<string>;
  ids: string[];
}

export interface PreventionCasesTable {
  id: Generated<string>;
  agency_id: string;
  reference: string;
  household_id: string;
  status: Generated<string>;
  source: string;
  source_detail: string | null;
  self_referral_via: string | null;
  received_on: DateCol;
  tenants: Json<{ firstName: string; lastName: string; birthDate: string | null }[]>;
  street: string;
  postal_code: string;
  city: string;
  /** Generated by the database (wh_address_key); never written. */
  address_key: ColumnType<string | null, never, never>;
  landlord_name: string | null;
  landlord_address: string | null;
  monthly_rent_cents: number | null;
  arrears_cents: number | null;
  compensation_cents: number | null;
  court_name: string | null;
  court_file_number: string | null;
  parties: Json<{ role: string; name: string; address: string | null }[]>;
  threat_stage: string;
  termination_on: DateCol | null;
  ordinary_termination: Generated<boolean>;
  previous_cure_on: DateCol | null;
  lawsuit_served_on: DateCol | null;
  hearing_at: Timestamp | null;
  written_proceedings_served_on: DateCol | null;
  eviction_at: Timestamp | null;
  note: string | null;
  cure_end: DateCol | null;
  cure_available: Generated<boolean>;
  defence_end: DateCol | null;
  next_contact_step: number | null;
  next_contact_due_on: DateCol | null;
  first_attempt_at: Timestamp | null;
  first_contact_at: Timestamp | null;
  urgent_at: Timestamp | null;
  search_text: Generated<string>;
  clearing: ColumnType<Record<string, unknown>, string | undefined, string>;
  clearing_version: Generated<number>;
  outcome: string | null;
  outcome_note: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  aftercare_carrier_id: string | null;
  aftercare_on: DateCol | null;
  aftercare_note: string | null;
  case_manager_id: string | null;
  social_worker_id: string | null;
  visit_id: string | null;
  import_job_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PreventionContactAttemptsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  channel: string;
  at: Timestamp;
  result: string;
  step_index: number | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PreventionMeasuresTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  kind: string;
  status: string;
  note: string | null;
  data: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PreventionReferralsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  kind: string;
  status: string;
  service: string | null;
  referred_on: DateCol | null;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PreventionVisitsTable {
  id: Generated<string>;
  agency_id: string;
  kind: string;
  visited_at: Timestamp;
  name: string;
  birth_date: DateCol | null;
  concern: string;
  outcome: string;
  note: string | null;
  household_id: string | null;
  case_id: string | null;
  during_walk_in: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PreventionImportJobsTable {
  id: Generated<string>;
  agency_id: string;
  created_by: string;
  filename: string;
  size_bytes: Generated<number>;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  state: Generated<string>;
  columns: Generated<string[]>;
  suggested_mapping: ColumnType<unknown, string | null, string | null> | null;
  mapping: ColumnType<unknown, string | null, string | null> | null;
  source: string | null;
  default_city: string | null;
  total_rows: Generated<number>;
  counts: ColumnType<unknown, string | null, string | null> | null;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  report: ColumnType<unknown, string | null, string | null> | null;
  error: string | null;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  finished_at: Timestamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PreventionImportRowsTable {
  agency_id: string;
  job_id: string;
  row_no: number;
  cells: ColumnType<unknown, string, string>;
  status: Generated<string>;
  record: ColumnType<unknown, string | null, string | null> | null;
  errors: ColumnType<unknown, string | null, string | null> | null;
  match_household_id: string | null;
  match_by: string | null;
  possible_household_id: string | null;
  possible_decision: string | null;
  duplicate_of: number | null;
  household_id: string | null;
  new_household: boolean | null;
  case_id: string | null;
}

/** Login failure counters, keyed by a hash of scope and values (no agency). */
export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

/** Security events without an agency (insert-only for the app). */
export interface InstallationAuditEventsTable {
  id: Generated<string>;
  occurred_at: Generated<Date>;
  action: string;
  outcome: string;
  ip: string | null;
  details: ColumnType<unknown, string | null, never>;
}

export interface PreventionNoticesTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  source: string;
  received_on: DateCol;
  notice: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

// ---------------------------------------------------------------------------------------------
// Aftercare (Wohnintegrationshilfe)
export interface AftercareAgreementsTable {
  id: Generated<string>;
  agency_id: string;
  carrier_id: string;
  valid_from: DateCol;
  valid_to: DateCol | null;
  capacity_cases: number;
  visit_every_weeks: number;
  reporting_duties: string;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AftercareCasesTable {
  id: Generated<string>;
  agency_id: string;
  reference: string;
  household_id: string;
  carrier_id: string;
  carrier_worker_id: string | null;
  target_group: string;
  source: string;
  source_detail: string | null;
  prevention_case_id: string | null;
  referred_on: DateCol;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  note: string | null;
  state: Generated<string>;
  comparable_help: string[] | null;
  check_note: string | null;
  checked_on: DateCol | null;
  checked_by: string | null;
  refused_help: string | null;
  refused_help_detail: string | null;
  refusal_reason: string | null;
  refusal_document_id: string | null;
  granted_from: DateCol | null;
  granted_until: DateCol | null;
  granted_by: string | null;
  visit_every_weeks: number | null;
  next_visit_due: DateCol | null;
  missed_in_row: Generated<number>;
  consent_id: string | null;
  end_reason: string | null;
  ended_on: DateCol | null;
  end_note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AftercareExtensionsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  from_until: DateCol;
  to_until: DateCol;
  reason: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AftercareConsentsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  household_id: string;
  carrier_id: string;
  purpose: string;
  form: string;
  given_on: DateCol;
  withdrawn_on: DateCol | null;
  withdrawal_note: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
  /** Expiry date of the consent (null: until withdrawn). */
  valid_until: DateCol | null;
}

export interface AftercareGoalsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  goal: string;
  measures: string | null;
  responsible: string | null;
  review_on: DateCol | null;
  state: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AftercareGoalReviewsTable {
  id: Generated<string>;
  agency_id: string;
  goal_id: string;
  case_id: string;
  reviewed_on: DateCol;
  progress: string;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AftercareVisitsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  status: string;
  planned_on: DateCol | null;
  visited_on: DateCol | null;
  topics: Generated<string[]>;
  risk_signs: Generated<string[]>;
  arrears_cents: number | null;
  household_view: string | null;
  note: string | null;
  prevention_case_id: string | null;
  prevention_notified_at: Timestamp | null;
  documented_by: string | null;
  created_at: Generated<Date>;
}

export interface AftercareReferralsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  kind: string;
  status: string;
  provider: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AftercareContactsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  occurred_on: DateCol;
  counterpart: string;
  counterpart_name: string | null;
  outcome: string;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AftercareFollowUpsTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  months: number;
  due_on: DateCol;
  checked_on: DateCol | null;
  home_kept: boolean | null;
  note: string | null;
  checked_by: string | null;
  created_at: Generated<Date>;
}

export interface AftercareAnnualReportsTable {
  id: Generated<string>;
  agency_id: string;
  carrier_id: string;
  year: number;
  state: Generated<string>;
  focus: string | null;
  goals: string | null;
  developments: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** A version of an agency's minimum and target value for one key figure (insert-only). */
export interface SteeringTargetsTable {
  id: Generated<string>;
  agency_id: string;
  figure_id: string;
  minimum: ColumnType<string | null, number | string | null, never>;
  target: ColumnType<string | null, number | string | null, never>;
  valid_from: DateCol;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** An agency's figures or breakdowns for a period, materialised with the time of their data. */
export interface SteeringSnapshotsTable {
  agency_id: string;
  kind: 'figures' | 'breakdowns';
  period_from: DateCol;
  period_to: DateCol;
  data: ColumnType<unknown, string, string>;
  data_as_of: Date;
  compute_ms: number;
}

/** A steering body (platform data, written by the owner): its own tenant `agency_id` holds only its users and audit trail. */
export interface SteeringBodiesTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  created_at: Generated<Date>;
}

/** A target agreement of a steering body (`agency_id`: the body's tenant) over a period and a set of figures. */
export interface TargetAgreementsTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  valid_from: DateCol;
  valid_to: DateCol | null;
  figure_ids: string[];
  created_at: Generated<Date>;
}

/** A member agency of a target agreement (`agency_id`: the steering body's tenant). */
export interface TargetAgreementMembersTable {
  agreement_id: string;
  agency_id: string;
  member_agency_id: string;
  joined_on: DateCol;
}

/** A state transition of an explicit machine, written by a trigger on the state column (insert-only). */
export interface DomainEventsTable {
  id: Generated<string>;
  agency_id: string;
  case_kind: string;
  case_id: string;
  household_id: string | null;
  from_state: string | null;
  to_state: string;
  at: Generated<Date>;
  actor_id: string | null;
  backfilled: Generated<boolean>;
}

export interface AftercareAnnualReportSubmissionsTable {
  id: Generated<string>;
  agency_id: string;
  report_id: string;
  no: number;
  focus: string | null;
  goals: string | null;
  developments: string | null;
  /** The report data (contracts ZAnnualReport) as it was at submission. */
  snapshot: ColumnType<unknown, string, string>;
  submitted_by: string | null;
  submitted_at: Generated<Date>;
  returned_by: string | null;
  returned_at: Date | null;
  return_reason: string | null;
}

export interface AftercareTransfersTable {
  id: Generated<string>;
  agency_id: string;
  case_id: string;
  carrier_id: string;
  user_id: string | null;
  kind: string;
  fields: string[];
  at: Generated<Date>;
  on_day: Generated<string>;
}

/** An access request of a data subject (Art. 15 DSGVO, § 83 SGB X); `export` is the produced export (JSON). */
export interface PrivacyRequestsTable {
  id: Generated<string>;
  agency_id: string;
  reference: string;
  household_id: string;
  member_id: string | null;
  state: Generated<string>;
  channel: string;
  received_on: DateCol;
  due_on: DateCol;
  requested_by: string;
  note: string | null;
  refusal_reason: string | null;
  export: ColumnType<unknown, string | null, string | null> | null;
  produced_at: Timestamp | null;
  produced_by: string | null;
  handed_over_on: DateCol | null;
  handover_channel: string | null;
  handed_over_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

/** A household due for anonymisation after its retention period, for the lead to confirm (migration 2026-12-09T15-00_retention). */
export interface RetentionReviewsTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  closed_on: DateCol;
  due_on: DateCol;
  programmes: string[];
  status: Generated<string>;
  listed_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  keep_reason: string | null;
  keep_until: DateCol | null;
  /** The daily run that listed it (null: listed before runs were recorded). */
  run_id: string | null;
  /** Files deleted by the anonymisation (null: not anonymised). */
  documents_deleted: number | null;
}

/** One agency's daily retention pass (migration 2026-12-10T15-00_audit_retention). */
export interface RetentionRunsTable {
  id: Generated<string>;
  agency_id: string;
  ran_on: DateCol;
  ran_at: Generated<Date>;
  listed: Generated<number>;
  audit_pseudonymised: Generated<number>;
  audit_reads_before: Timestamp | null;
  audit_others_before: Timestamp | null;
}

/** Restriction of processing (Art. 18 DSGVO, § 84 SGB X); active while `lifted_at` is null. */
export interface HouseholdRestrictionsTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  reason: string;
  note: string | null;
  restricted_by: string | null;
  restricted_at: Generated<Date>;
  lifted_by: string | null;
  lifted_at: Timestamp | null;
  lift_note: string | null;
}

/** Personal values of an audited correction, outside the sealed chain (the event holds id and salted digest). */
export interface AuditValuesTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  salt: string | null;
  value: Json;
  created_at: Generated<Date>;
}

/** A transfer refused for want of a valid consent (withdrawn, expired, missing). */
export interface ConsentRefusalsTable {
  id: Generated<string>;
  agency_id: string;
  household_id: string;
  programme: string;
  consent_id: string | null;
  recipient: string;
  reason: string;
  attempted_by: string | null;
  attempted_at: Generated<Date>;
}

export interface DB {
  login_throttle: LoginThrottleTable;
  installation_audit_events: InstallationAuditEventsTable;
  household_log: HouseholdLogTable;
  accommodation_log: AccommodationLogTable;
  agencies: AgenciesTable;
  housing_providers: OrgTable;
  carriers: OrgTable;
  users: UsersTable;
  sessions: SessionsTable;
  agency_counters: AgencyCountersTable;
  households: HouseholdsTable;
  household_addresses: HouseholdAddressesTable;
  household_members: HouseholdMembersTable;
  journal_entries: JournalEntriesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  audit_events_v: AuditEventsTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_chain_heads: AuditChainHeadsTable;
  household_search_v: HouseholdSearchView;
  deadlines: DeadlinesTable;
  notifications: NotificationsTable;
  outbox_mails: OutboxMailsTable;
  document_templates: DocumentTemplatesTable;
  documents: DocumentsTable;
  programme_conditions: ProgrammeConditionsTable;
  offers: OffersTable;
  offer_attachments: OfferAttachmentsTable;
  offer_events: OfferEventsTable;
  rankings: RankingsTable;
  consents: ConsentsTable;
  candidates: CandidatesTable;
  disclosures: DisclosuresTable;
  round_tables: RoundTablesTable;
  viewings: ViewingsTable;
  tenancies: TenanciesTable;
  prevention_cases: PreventionCasesTable;
  prevention_notices: PreventionNoticesTable;
  prevention_contact_attempts: PreventionContactAttemptsTable;
  prevention_measures: PreventionMeasuresTable;
  prevention_referrals: PreventionReferralsTable;
  prevention_visits: PreventionVisitsTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  incident_contacts: IncidentContactsTable;
  guarantee_payouts: GuaranteePayoutsTable;
  recovery_agreements: RecoveryAgreementsTable;
  recovery_payments: RecoveryPaymentsTable;
  prevention_import_jobs: PreventionImportJobsTable;
  prevention_import_rows: PreventionImportRowsTable;
  aftercare_agreements: AftercareAgreementsTable;
  aftercare_cases: AftercareCasesTable;
  aftercare_extensions: AftercareExtensionsTable;
  aftercare_consents: AftercareConsentsTable;
  aftercare_goals: AftercareGoalsTable;
  aftercare_goal_reviews: AftercareGoalReviewsTable;
  aftercare_visits: AftercareVisitsTable;
  aftercare_referrals: AftercareReferralsTable;
  aftercare_contacts: AftercareContactsTable;
  aftercare_follow_ups: AftercareFollowUpsTable;
  aftercare_transfers: AftercareTransfersTable;
  aftercare_annual_reports: AftercareAnnualReportsTable;
  aftercare_annual_report_submissions: AftercareAnnualReportSubmissionsTable;
  steering_targets: SteeringTargetsTable;
  steering_snapshots: SteeringSnapshotsTable;
  steering_bodies: SteeringBodiesTable;
  target_agreements: TargetAgreementsTable;
  target_agreement_members: TargetAgreementMembersTable;
  domain_events: DomainEventsTable;
  privacy_requests: PrivacyRequestsTable;
  retention_reviews: RetentionReviewsTable;
  household_restrictions: HouseholdRestrictionsTable;
  audit_values: AuditValuesTable;
  consent_refusals: ConsentRefusalsTable;
  retention_runs: RetentionRunsTable;
  accommodation_operators: AccommodationOperatorsTable;
  accommodation_operator_contacts: AccommodationOperatorContactsTable;
  accommodation_contracts: AccommodationContractsTable;
  accommodation_rates: AccommodationRatesTable;
  accommodation_facilities: AccommodationFacilitiesTable;
  accommodation_facility_events: AccommodationFacilityEventsTable;
  accommodation_rooms: AccommodationRoomsTable;
  accommodation_places: AccommodationPlacesTable;
  accommodation_assignments: AccommodationAssignmentsTable;
  accommodation_stays: AccommodationStaysTable;
  accommodation_statistics_reports: AccommodationStatisticsReportsTable;
  accommodation_incidents: AccommodationIncidentsTable;
  accommodation_invoices: AccommodationInvoicesTable;
  accommodation_invoice_lines: AccommodationInvoiceLinesTable;
  accommodation_billed_nights: AccommodationBilledNightsTable;
  accommodation_checklists: AccommodationChecklistsTable;
  accommodation_checklist_items: AccommodationChecklistItemsTable;
  accommodation_inspections: AccommodationInspectionsTable;
  accommodation_inspection_results: AccommodationInspectionResultsTable;
  accommodation_findings: AccommodationFindingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type NewHousehold = Insertable<HouseholdsTable>;
export type HouseholdUpdate = Updateable<HouseholdsTable>;
