import { sql, type Kysely } from 'kysely';

/*
 * Aftercare (Wohnintegrationshilfe): cooperation agreements with NGO carriers, aftercare cases with
 * their check, grant and extensions, the household's consent to the transfer to the carrier
 * (§ 67b SGB X), help plan goals and reviews, home visits, referrals to other help, mediation
 * contacts, follow-up checks after the end and the log of every transfer to the carrier. A carrier
 * lead is a carrier worker with `users.carrier_lead` (sees all of the carrier's cases).
 * Frozen: never import app code.
 */
const TABLES = [
  'aftercare_agreements',
  'aftercare_cases',
  'aftercare_extensions',
  'aftercare_consents',
  'aftercare_goals',
  'aftercare_goal_reviews',
  'aftercare_visits',
  'aftercare_referrals',
  'aftercare_contacts',
  'aftercare_follow_ups',
  'aftercare_transfers',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users ADD COLUMN carrier_lead boolean NOT NULL DEFAULT false;
    ALTER TABLE users ADD CONSTRAINT users_carrier_lead_role CHECK (NOT carrier_lead OR role = 'carrier_worker');

    CREATE TABLE aftercare_agreements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      carrier_id uuid NOT NULL,
      valid_from date NOT NULL,
      valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
      capacity_cases integer NOT NULL CHECK (capacity_cases > 0),
      visit_every_weeks integer NOT NULL CHECK (visit_every_weeks BETWEEN 1 AND 26),
      reporting_duties text NOT NULL,
      note text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, carrier_id) REFERENCES carriers (agency_id, id)
    );
    CREATE INDEX aftercare_agreements_carrier ON aftercare_agreements (agency_id, carrier_id, valid_from);

    CREATE TABLE aftercare_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      reference text NOT NULL,
      household_id uuid NOT NULL,
      carrier_id uuid NOT NULL,
      carrier_worker_id uuid,
      target_group text NOT NULL CHECK (target_group IN ('precarious_housing','secured_tenancy')),
      source text NOT NULL CHECK (source IN ('self','carrier','housing_company','job_centre','social_office','senior_counselling',
        'youth_office','fachstelle','social_space_coordination','parish','other')),
      source_detail text,
      prevention_case_id uuid,
      referred_on date NOT NULL,
      street text,
      postal_code text,
      city text,
      phone text,
      note text,
      state text NOT NULL DEFAULT 'referred' CHECK (state IN ('referred','checked','granted','refused','active','ended')),
      comparable_help text[],
      check_note text,
      checked_on date,
      checked_by uuid,
      refused_help text CHECK (refused_help IN ('sgb12_67','sgb9_integration','sgb8')),
      refused_help_detail text,
      refusal_reason text,
      refusal_document_id uuid,
      granted_from date,
      granted_until date,
      granted_by uuid,
      visit_every_weeks integer CHECK (visit_every_weeks BETWEEN 1 AND 26),
      next_visit_due date,
      missed_in_row integer NOT NULL DEFAULT 0,
      consent_id uuid,
      end_reason text CHECK (end_reason IN ('goals_reached','lease_signed','declined_withdrawn','moved_away','no_contact',
        'other_help_installed','time_limit')),
      ended_on date,
      end_note text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, reference),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id),
      FOREIGN KEY (agency_id, carrier_id) REFERENCES carriers (agency_id, id),
      FOREIGN KEY (agency_id, carrier_worker_id) REFERENCES users (agency_id, id),
      CHECK ((state = 'ended') = (end_reason IS NOT NULL))
    );
    CREATE INDEX aftercare_cases_carrier ON aftercare_cases (agency_id, carrier_id, state);
    CREATE INDEX aftercare_cases_worker ON aftercare_cases (agency_id, carrier_worker_id) WHERE carrier_worker_id IS NOT NULL;
    CREATE INDEX aftercare_cases_due ON aftercare_cases (agency_id, carrier_id, next_visit_due) WHERE state = 'active';
    CREATE INDEX aftercare_cases_until ON aftercare_cases (agency_id, carrier_id, granted_until) WHERE state IN ('granted','active');
    CREATE INDEX aftercare_cases_household ON aftercare_cases (agency_id, household_id);
    CREATE INDEX aftercare_cases_prevention ON aftercare_cases (agency_id, prevention_case_id) WHERE prevention_case_id IS NOT NULL;
    CREATE INDEX aftercare_cases_referred ON aftercare_cases (agency_id, referred_on);

    CREATE TABLE aftercare_extensions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      from_until date NOT NULL,
      to_until date NOT NULL CHECK (to_until > from_until),
      reason text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, case_id) REFERENCES aftercare_cases (agency_id, id)
    );
    CREATE INDEX aftercare_extensions_case ON aftercare_extensions (agency_id, case_id);

    CREATE TABLE aftercare_consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      household_id uuid NOT NULL,
      carrier_id uuid NOT NULL,
      purpose text NOT NULL,
      form text NOT NULL CHECK (form IN ('written','electronic','oral_documented')),
      given_on date NOT NULL,
      withdrawn_on date,
      withdrawal_note text,
      recorded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, case_id) REFERENCES aftercare_cases (agency_id, id),
      FOREIGN KEY (agency_id, carrier_id) REFERENCES carriers (agency_id, id)
    );
    CREATE INDEX aftercare_consents_case ON aftercare_consents (agency_id, case_id);
    ALTER TABLE aftercare_cases ADD FOREIGN KEY (agency_id, consent_id) REFERENCES aftercare_consents (agency_id, id)
      DEFERRABLE INITIALLY DEFERRED;

    CREATE TABLE aftercare_goals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      goal text NOT NULL,
      measures text,
      responsible text,
      review_on date,
      state text NOT NULL DEFAULT 'open' CHECK (state IN ('open','reached','dropped')),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, case_id) REFERENCES aftercare_cases (agency_id, id)
    );
    CREATE INDEX aftercare_goals_case ON aftercare_goals (agency_id, case_id);

    CREATE TABLE aftercare_goal_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      goal_id uuid NOT NULL,
      case_id uuid NOT NULL,
      reviewed_on date NOT NULL,
      progress text NOT NULL CHECK (progress IN ('none','some','much','reached')),
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, goal_id) REFERENCES aftercare_goals (agency_id, id)
    );
    CREATE INDEX aftercare_goal_reviews_case ON aftercare_goal_reviews (agency_id, case_id);

    CREATE TABLE aftercare_visits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('planned','held','not_met','refused')),
      planned_on date,
      visited_on date,
      topics text[] NOT NULL DEFAULT '{}',
      risk_signs text[] NOT NULL DEFAULT '{}',
      arrears_cents bigint,
      household_view text,
      note text,
      prevention_case_id uuid,
      prevention_notified_at timestamptz,
      documented_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, case_id) REFERENCES aftercare_cases (agency_id, id)
    );
    CREATE INDEX aftercare_visits_case ON aftercare_visits (agency_id, case_id, visited_on DESC);
    CREATE INDEX aftercare_visits_day ON aftercare_visits (agency_id, visited_on);

    CREATE TABLE aftercare_referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('debt_counselling','addiction_help','family_help','senior_counselling','sgb12_67','other')),
      status text NOT NULL CHECK (status IN ('suggested','made','taken_up','declined')),
      provider text,
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, case_id) REFERENCES aftercare_cases (agency_id, id)
    );
    CREATE INDEX aftercare_referrals_case ON aftercare_referrals (agency_id, case_id);

    CREATE TABLE aftercare_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      occurred_on date NOT NULL,
      counterpart text NOT NULL CHECK (counterpart IN ('landlord','potential_landlord','job_centre','other_institution')),
      counterpart_name text,
      outcome text NOT NULL CHECK (outcome IN ('none','agreement','lease_signed')),
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, case_id) REFERENCES aftercare_cases (agency_id, id)
    );
    CREATE INDEX aftercare_contacts_case ON aftercare_contacts (agency_id, case_id, occurred_on DESC);

    CREATE TABLE aftercare_follow_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      months integer NOT NULL,
      due_on date NOT NULL,
      checked_on date,
      home_kept boolean,
      note text,
      checked_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, case_id) REFERENCES aftercare_cases (agency_id, id)
    );
    CREATE INDEX aftercare_follow_ups_case ON aftercare_follow_ups (agency_id, case_id);

    CREATE TABLE aftercare_transfers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL,
      carrier_id uuid NOT NULL,
      user_id uuid,
      kind text NOT NULL CHECK (kind IN ('case_read','case_list','queue')),
      fields text[] NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX aftercare_transfers_case ON aftercare_transfers (agency_id, case_id, at DESC);
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
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO wohnhilfe_app`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The aftercare migration is not reversible.');
}
