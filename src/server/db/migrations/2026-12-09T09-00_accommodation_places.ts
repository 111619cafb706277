import { sql, type Kysely } from 'kysely';

/*
 * Accommodation (issue 16), places: operators (Betreiber) with contacts, contracts or contract-free
 * use at an agreed rate, dated day rates (a row is never changed: a new rate is a new row from a
 * date on, so billing can take nights × the rate in force on each night), facilities with the
 * type of provision the federal statistics need, their admission state and its history (written by
 * the facility machine; inspections will add rows later), rooms with their attributes and places.
 * Frozen: never import app code.
 */
const TABLES = [
  'accommodation_operators',
  'accommodation_operator_contacts',
  'accommodation_contracts',
  'accommodation_rates',
  'accommodation_facilities',
  'accommodation_facility_events',
  'accommodation_rooms',
  'accommodation_places',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE accommodation_operators (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('municipality','welfare','commercial','other')),
      welfare_association text CHECK (welfare_association IN ('awo','caritas','drk','paritaetischer','diakonie','zwst','other')),
      street text, postal_code text, city text, email text, phone text, note text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      CHECK ((kind = 'welfare') = (welfare_association IS NOT NULL))
    );
    CREATE INDEX accommodation_operators_name ON accommodation_operators (agency_id, name);

    CREATE TABLE accommodation_operator_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      operator_id uuid NOT NULL,
      name text NOT NULL,
      function text,
      email text,
      phone text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, operator_id) REFERENCES accommodation_operators (agency_id, id)
    );
    CREATE INDEX accommodation_operator_contacts_operator ON accommodation_operator_contacts (agency_id, operator_id);

    CREATE TABLE accommodation_contracts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      operator_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('contract','agreed_rate')),
      reference text,
      valid_from date NOT NULL,
      valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
      rate_basis text NOT NULL CHECK (rate_basis IN ('person','place')),
      includes text[] NOT NULL DEFAULT '{}',
      notice_days integer CHECK (notice_days BETWEEN 0 AND 730),
      note text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, operator_id) REFERENCES accommodation_operators (agency_id, id)
    );
    CREATE INDEX accommodation_contracts_operator ON accommodation_contracts (agency_id, operator_id, valid_from);

    CREATE TABLE accommodation_rates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      contract_id uuid NOT NULL,
      valid_from date NOT NULL,
      cents_per_day integer NOT NULL CHECK (cents_per_day BETWEEN 0 AND 100000000),
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (contract_id, valid_from),
      FOREIGN KEY (agency_id, contract_id) REFERENCES accommodation_contracts (agency_id, id)
    );
    CREATE INDEX accommodation_rates_in_force ON accommodation_rates (agency_id, contract_id, valid_from DESC);

    CREATE TABLE accommodation_facilities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      operator_id uuid NOT NULL,
      contract_id uuid,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      street text NOT NULL, postal_code text NOT NULL, city text NOT NULL,
      district text,
      provision text NOT NULL CHECK (provision IN ('short_term','partly_residential','residential','other')),
      capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 100000),
      social_service boolean NOT NULL DEFAULT false,
      night_service boolean NOT NULL DEFAULT false,
      protection_concept boolean NOT NULL DEFAULT false,
      substance_tolerant boolean NOT NULL DEFAULT false,
      state text NOT NULL DEFAULT 'admitted' CHECK (state IN ('admitted','admitted_conditions','blocked')),
      state_note text,
      state_since date NOT NULL DEFAULT CURRENT_DATE,
      note text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, operator_id) REFERENCES accommodation_operators (agency_id, id),
      FOREIGN KEY (agency_id, contract_id) REFERENCES accommodation_contracts (agency_id, id),
      CHECK (state = 'admitted' OR state_note IS NOT NULL)
    );
    CREATE INDEX accommodation_facilities_operator ON accommodation_facilities (agency_id, operator_id);
    CREATE INDEX accommodation_facilities_name ON accommodation_facilities (agency_id, name);

    CREATE TABLE accommodation_facility_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      facility_id uuid NOT NULL,
      from_state text,
      to_state text NOT NULL,
      note text,
      effective_on date NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, facility_id) REFERENCES accommodation_facilities (agency_id, id)
    );
    CREATE INDEX accommodation_facility_events_facility ON accommodation_facility_events (agency_id, facility_id, created_at);

    CREATE TABLE accommodation_rooms (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      facility_id uuid NOT NULL,
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
      size_m2 numeric(6,2) CHECK (size_m2 > 0),
      sex text NOT NULL DEFAULT 'any' CHECK (sex IN ('any','female','male')),
      family boolean NOT NULL DEFAULT false,
      wheelchair boolean NOT NULL DEFAULT false,
      step_free boolean NOT NULL DEFAULT false,
      pets boolean NOT NULL DEFAULT false,
      single_room boolean NOT NULL DEFAULT false,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (facility_id, label),
      FOREIGN KEY (agency_id, facility_id) REFERENCES accommodation_facilities (agency_id, id)
    );
    CREATE INDEX accommodation_rooms_facility ON accommodation_rooms (agency_id, facility_id);

    CREATE TABLE accommodation_places (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      facility_id uuid NOT NULL,
      room_id uuid NOT NULL,
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
      blocked_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (room_id, label),
      FOREIGN KEY (agency_id, room_id) REFERENCES accommodation_rooms (agency_id, id),
      FOREIGN KEY (agency_id, facility_id) REFERENCES accommodation_facilities (agency_id, id)
    );
    CREATE INDEX accommodation_places_facility ON accommodation_places (agency_id, facility_id);
  `.execute(db);

  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  for (const t of TABLES) {
    const table = sql.table(t);
    await sql`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY agency_isolation ON ${table} TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
      db,
    );
    await sql`CREATE POLICY maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  }
  // Dated rates and the state history are only ever added: the app may read and insert them.
  for (const t of ['accommodation_rates', 'accommodation_facility_events'])
    await sql`GRANT SELECT, INSERT ON ${sql.table(t)} TO wohnhilfe_app`.execute(db);
  for (const t of TABLES.filter((x) => x !== 'accommodation_rates' && x !== 'accommodation_facility_events'))
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${sql.table(t)} TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The accommodation places migration is not reversible.');
}
