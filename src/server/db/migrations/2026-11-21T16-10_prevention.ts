import { type Kysely, sql } from 'kysely';

/*
 * Prevention (keeping the home): cases opened from notices (court, landlord, job centre,
 * self-referral, other services), contact attempts, measures, referrals and the register of
 * walk-in visits and appointments. Derived columns (cure end, next contact step, urgency) are
 * written by the application on every change so the queue sorts by index. The list import adds
 * its own tables in a later migration. Frozen: never import app code.
 */

const AGENCY_TABLES = [
  'prevention_cases',
  'prevention_contact_attempts',
  'prevention_measures',
  'prevention_referrals',
  'prevention_visits',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- One normal form of an address for matching: lower case, "Straße"/"Str." → "str", only letters
    -- and digits, then the postal code. NULL without a street. The TypeScript twin is addressKey().
    CREATE FUNCTION wh_address_key(street text, postal_code text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN coalesce(btrim(street), '') = '' THEN NULL ELSE
          regexp_replace(regexp_replace(lower(street), 'stra(ss|ß)e|str\\.', 'str', 'g'), '[^a-z0-9äöü]', '', 'g')
          || '|' || coalesce(btrim(postal_code), '') END
      $$;

    -- Matching a notice's people against existing households: same last name and birth date.
    CREATE INDEX household_members_match ON household_members (agency_id, lower(last_name), birth_date);

    CREATE TABLE prevention_visits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      kind text NOT NULL CHECK (kind IN ('walk_in','appointment')),
      visited_at timestamptz NOT NULL,
      name text NOT NULL,
      birth_date date,
      concern text NOT NULL,
      outcome text NOT NULL,
      note text,
      household_id uuid,
      case_id uuid,
      during_walk_in boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id)
    );
    CREATE INDEX prevention_visits_at ON prevention_visits (agency_id, visited_at DESC);

    CREATE TABLE prevention_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      reference text NOT NULL,
      household_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'contacting' CHECK (status IN ('contacting','clearing','measures','closed')),
      source text NOT NULL CHECK (source IN ('court_notice','landlord','job_centre','self_referral','other_service')),
      source_detail text,
      self_referral_via text CHECK (self_referral_via IN ('walk_in','appointment')),
      received_on date NOT NULL,
      tenants jsonb NOT NULL DEFAULT '[]',
      street text NOT NULL,
      postal_code text NOT NULL,
      city text NOT NULL,
      address_key text GENERATED ALWAYS AS (wh_address_key(street, postal_code)) STORED,
      landlord_name text,
      landlord_address text,
      monthly_rent_cents integer CHECK (monthly_rent_cents >= 0),
      arrears_cents integer CHECK (arrears_cents >= 0),
      compensation_cents integer CHECK (compensation_cents >= 0),
      court_name text,
      court_file_number text,
      parties jsonb NOT NULL DEFAULT '[]',
      threat_stage text NOT NULL CHECK (threat_stage IN ('reminder','termination','lawsuit','judgment','eviction_date')),
      termination_on date,
      ordinary_termination boolean NOT NULL DEFAULT false,
      previous_cure_on date,
      lawsuit_served_on date,
      hearing_at timestamptz,
      written_proceedings_served_on date,
      eviction_at timestamptz,
      note text,
      -- Derived by the application (legal.ts, contact.ts) on every change; the queue sorts on them.
      cure_end date,
      cure_available boolean NOT NULL DEFAULT true,
      defence_end date,
      next_contact_step integer,
      next_contact_due_on date,
      first_attempt_at timestamptz,
      first_contact_at timestamptz,
      urgent_at timestamptz,
      search_text text NOT NULL DEFAULT '',
      clearing jsonb NOT NULL DEFAULT '{}',
      clearing_version integer NOT NULL DEFAULT 1,
      outcome text CHECK (outcome IN ('home_kept','alternative_housing','home_lost','no_contact','help_declined')),
      outcome_note text,
      closed_at timestamptz,
      closed_by uuid,
      aftercare_carrier_id uuid,
      aftercare_on date,
      aftercare_note text,
      case_manager_id uuid,
      social_worker_id uuid,
      visit_id uuid,
      import_job_id uuid,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, reference),
      CHECK ((status = 'closed') = (outcome IS NOT NULL)),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id),
      FOREIGN KEY (agency_id, case_manager_id) REFERENCES users (agency_id, id),
      FOREIGN KEY (agency_id, social_worker_id) REFERENCES users (agency_id, id),
      FOREIGN KEY (agency_id, aftercare_carrier_id) REFERENCES carriers (agency_id, id),
      FOREIGN KEY (agency_id, visit_id) REFERENCES prevention_visits (agency_id, id)
    );
    CREATE INDEX prevention_cases_queue ON prevention_cases (agency_id, eviction_at, cure_end, next_contact_due_on, received_on) WHERE status <> 'closed';
    CREATE INDEX prevention_cases_status ON prevention_cases (agency_id, status, received_on DESC);
    CREATE INDEX prevention_cases_household ON prevention_cases (agency_id, household_id);
    CREATE INDEX prevention_cases_address ON prevention_cases (agency_id, address_key);
    CREATE INDEX prevention_cases_import ON prevention_cases (import_job_id) WHERE import_job_id IS NOT NULL;
    CREATE INDEX prevention_cases_search ON prevention_cases USING gin (search_text gin_trgm_ops);
    ALTER TABLE prevention_visits ADD FOREIGN KEY (agency_id, case_id) REFERENCES prevention_cases (agency_id, id);

    CREATE TABLE prevention_contact_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      case_id uuid NOT NULL,
      channel text NOT NULL CHECK (channel IN ('letter','phone','home_visit','email','office','other')),
      at timestamptz NOT NULL,
      result text NOT NULL CHECK (result IN ('reached','declined','letter_sent','message_left','not_reached','not_home','wrong_address')),
      step_index integer,
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, case_id) REFERENCES prevention_cases (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX prevention_attempts_case ON prevention_contact_attempts (case_id, at);

    CREATE TABLE prevention_measures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('rent_debt_assumption','commitment','clearance','socio_pedagogical','other')),
      status text NOT NULL CHECK (status IN ('planned','applied','approved','rejected','done','cancelled')),
      note text,
      data jsonb NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, case_id) REFERENCES prevention_cases (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX prevention_measures_case ON prevention_measures (case_id, created_at);

    CREATE TABLE prevention_referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('debt_counselling','addiction_help','family_help','senior_counselling','sgb12_67','other')),
      status text NOT NULL CHECK (status IN ('suggested','referred','accepted','completed','declined')),
      service text,
      referred_on date,
      note text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, case_id) REFERENCES prevention_cases (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX prevention_referrals_case ON prevention_referrals (case_id, created_at);
  `.execute(db);

  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  for (const t of AGENCY_TABLES) {
    const table = sql.table(t);
    await sql`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY agency_isolation ON ${table} TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
      db,
    );
    await sql`CREATE POLICY maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO wohnhilfe_app`.execute(db);
  }
  await sql`GRANT EXECUTE ON FUNCTION wh_address_key(text, text) TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The prevention migration is not reversible.');
}
