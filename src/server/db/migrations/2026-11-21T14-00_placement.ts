import { type Kysely, sql } from 'kysely';

/*
 * Placement (WohnenPlus) and the platform pieces it needs: deadlines, in-app notifications, the
 * mail outbox, documents and their templates; programme conditions, offers with attachments,
 * rankings, candidates, consents and disclosures, round tables, viewings, the offer timeline and
 * tenancies (carried on by sustainment). Households gain the columns the ranking filters on.
 * Frozen: never import app code.
 */

const AGENCY_TABLES = [
  'deadlines',
  'notifications',
  'outbox_mails',
  'document_templates',
  'documents',
  'programme_conditions',
  'offers',
  'offer_attachments',
  'offer_events',
  'rankings',
  'consents',
  'candidates',
  'disclosures',
  'round_tables',
  'viewings',
  'tenancies',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- What the ranking filters and scores on, kept in step with members and needs on every write.
    ALTER TABLE households
      ADD COLUMN step_free boolean NOT NULL DEFAULT false,
      ADD COLUMN pets boolean NOT NULL DEFAULT false,
      ADD COLUMN health boolean NOT NULL DEFAULT false,
      ADD COLUMN children integer NOT NULL DEFAULT 0,
      ADD COLUMN eldest_birth_date date,
      ADD COLUMN districts_avoid text[] NOT NULL DEFAULT '{}',
      ADD COLUMN districts_prefer text[] NOT NULL DEFAULT '{}';
    UPDATE households h SET
      step_free = coalesce((needs->>'stepFree')::boolean, false),
      pets = coalesce((needs->>'pets')::boolean, false),
      health = coalesce((needs->>'health')::boolean, false),
      districts_avoid = coalesce(ARRAY(SELECT jsonb_array_elements_text(needs->'districtsAvoid')), '{}'),
      districts_prefer = coalesce(ARRAY(SELECT jsonb_array_elements_text(needs->'districtsPrefer')), '{}'),
      children = (SELECT count(*) FROM household_members m WHERE m.household_id = h.id
                  AND (m.relationship = 'child' OR m.birth_date > current_date - interval '18 years')),
      eldest_birth_date = (SELECT min(birth_date) FROM household_members m WHERE m.household_id = h.id);
    -- The ranking reads the whole pool: a covering index lets it scan only these narrow entries.
    CREATE INDEX households_pool_rank ON households (agency_id)
      INCLUDE (id, reference, persons, children, health, pets, wheelchair, step_free, situation_since, eldest_birth_date, districts_avoid, districts_prefer)
      WHERE seeking_housing AND status = 'active' AND situation IN ('in_accommodation','hidden_homeless','rough_sleeping');

    CREATE TABLE deadlines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      subject_type text NOT NULL,
      subject_id uuid NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      link text,
      due_at timestamptz NOT NULL,
      remind_at timestamptz,
      assignee_id uuid,
      escalate_to_lead boolean NOT NULL DEFAULT true,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
      reminded_at timestamptz,
      alerted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      closed_by uuid,
      FOREIGN KEY (agency_id, assignee_id) REFERENCES users (agency_id, id)
    );
    CREATE INDEX deadlines_subject ON deadlines (subject_id, status);
    CREATE INDEX deadlines_open ON deadlines (agency_id, due_at) WHERE status = 'open';
    CREATE INDEX deadlines_assignee ON deadlines (agency_id, assignee_id, due_at) WHERE status = 'open';

    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      user_id uuid NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      body text,
      link text,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      FOREIGN KEY (agency_id, user_id) REFERENCES users (agency_id, id)
    );
    CREATE INDEX notifications_user ON notifications (agency_id, user_id, created_at DESC);

    CREATE TABLE outbox_mails (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      to_addresses text[] NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      attachments jsonb NOT NULL DEFAULT '[]',
      kind text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','captured','failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      last_error text,
      message_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX outbox_due ON outbox_mails (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX outbox_agency ON outbox_mails (agency_id, created_at DESC);

    CREATE TABLE document_templates (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, kind)
    );

    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      owner_type text NOT NULL,
      owner_id uuid NOT NULL,
      kind text NOT NULL,
      filename text NOT NULL,
      content_type text NOT NULL,
      content bytea NOT NULL,
      template_version integer,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX documents_owner ON documents (owner_id, created_at);

    CREATE TABLE programme_conditions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      valid_from date NOT NULL,
      rent_caps jsonb NOT NULL,
      extra_person_cents integer NOT NULL CHECK (extra_person_cents >= 0),
      space_base_sqm numeric(6,2) NOT NULL,
      space_per_person_sqm numeric(6,2) NOT NULL,
      required_equipment text[] NOT NULL DEFAULT '{}',
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, valid_from)
    );

    CREATE TABLE offers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      reference text NOT NULL,
      provider_id uuid NOT NULL,
      status text NOT NULL,
      street text NOT NULL,
      postal_code text NOT NULL,
      city text NOT NULL,
      district text NOT NULL,
      floor integer NOT NULL,
      lift boolean NOT NULL,
      living_space numeric(7,2) NOT NULL,
      rooms numeric(3,1) NOT NULL,
      cold_rent_cents integer NOT NULL,
      service_charges_cents integer NOT NULL,
      heating_cents integer NOT NULL,
      heating_type text,
      deposit_cents integer NOT NULL,
      equipment text[] NOT NULL DEFAULT '{}',
      step_free boolean NOT NULL,
      wheelchair boolean NOT NULL,
      available_from date NOT NULL,
      pets_allowed boolean NOT NULL,
      preferred text[] NOT NULL DEFAULT '{}',
      hints text,
      conditions_id uuid,
      check_result jsonb,
      checked_at timestamptz,
      decline_reason text,
      round integer NOT NULL DEFAULT 1,
      case_manager_id uuid,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, reference),
      FOREIGN KEY (agency_id, provider_id) REFERENCES housing_providers (agency_id, id),
      FOREIGN KEY (agency_id, conditions_id) REFERENCES programme_conditions (agency_id, id),
      FOREIGN KEY (agency_id, case_manager_id) REFERENCES users (agency_id, id)
    );
    CREATE INDEX offers_status ON offers (agency_id, status, updated_at DESC);
    CREATE INDEX offers_provider ON offers (agency_id, provider_id, updated_at DESC);

    CREATE TABLE offer_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      offer_id uuid NOT NULL,
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes integer NOT NULL,
      content bytea NOT NULL,
      uploaded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, offer_id) REFERENCES offers (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX offer_attachments_offer ON offer_attachments (offer_id);

    CREATE TABLE offer_events (
      id bigserial PRIMARY KEY,
      agency_id uuid NOT NULL,
      offer_id uuid NOT NULL,
      candidate_id uuid,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor_id uuid,
      kind text NOT NULL,
      provider_visible boolean NOT NULL DEFAULT false,
      details jsonb NOT NULL DEFAULT '{}',
      FOREIGN KEY (agency_id, offer_id) REFERENCES offers (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX offer_events_offer ON offer_events (offer_id, id);

    CREATE TABLE rankings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      offer_id uuid NOT NULL,
      round integer NOT NULL,
      conditions_id uuid,
      weights jsonb NOT NULL,
      pool_size integer NOT NULL,
      eligible_count integer NOT NULL,
      entries jsonb NOT NULL,
      exclusions jsonb NOT NULL,
      exclusion_counts jsonb NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, offer_id) REFERENCES offers (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX rankings_offer ON rankings (offer_id, created_at DESC);

    CREATE TABLE consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      household_id uuid NOT NULL,
      purpose text NOT NULL,
      recipient_provider_id uuid NOT NULL,
      given_by text NOT NULL,
      given_on date NOT NULL,
      form text NOT NULL CHECK (form IN ('written','electronic','oral')),
      minute text,
      text_version text NOT NULL,
      valid_until date,
      recorded_by uuid,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      withdrawn_by uuid,
      withdrawal_note text,
      UNIQUE (agency_id, id),
      CHECK (form <> 'oral' OR minute IS NOT NULL),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id) ON DELETE CASCADE,
      FOREIGN KEY (agency_id, recipient_provider_id) REFERENCES housing_providers (agency_id, id)
    );
    CREATE INDEX consents_household ON consents (household_id, recipient_provider_id);

    CREATE TABLE candidates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      offer_id uuid NOT NULL,
      household_id uuid NOT NULL,
      round integer NOT NULL,
      ranking_id uuid,
      rank integer,
      score numeric(8,2),
      status text NOT NULL,
      pseudonym text NOT NULL,
      comment text NOT NULL,
      move_in_from date,
      picked_by uuid,
      consent_id uuid,
      refusal_reason text,
      refusal_text text,
      veto_reason text,
      decision_due_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (offer_id, household_id, round),
      FOREIGN KEY (agency_id, offer_id) REFERENCES offers (agency_id, id) ON DELETE CASCADE,
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id),
      FOREIGN KEY (agency_id, ranking_id) REFERENCES rankings (agency_id, id),
      FOREIGN KEY (agency_id, consent_id) REFERENCES consents (agency_id, id)
    );
    CREATE INDEX candidates_offer ON candidates (offer_id, round);
    CREATE INDEX candidates_household ON candidates (agency_id, household_id, status);

    CREATE TABLE disclosures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      household_id uuid NOT NULL,
      provider_id uuid NOT NULL,
      consent_id uuid NOT NULL,
      fields text[] NOT NULL,
      disclosed_by uuid,
      disclosed_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, candidate_id) REFERENCES candidates (agency_id, id) ON DELETE CASCADE,
      FOREIGN KEY (agency_id, consent_id) REFERENCES consents (agency_id, id)
    );
    CREATE INDEX disclosures_household ON disclosures (household_id, disclosed_at);

    CREATE TABLE round_tables (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      offer_id uuid NOT NULL,
      round integer NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      participant_ids uuid[] NOT NULL,
      video_url text,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','cancelled')),
      minutes text,
      ics_uid text NOT NULL,
      sequence integer NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, offer_id) REFERENCES offers (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX round_tables_offer ON round_tables (offer_id);

    CREATE TABLE viewings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      offer_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      place text NOT NULL,
      attendee_ids uuid[] NOT NULL,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','cancelled')),
      outcome text,
      ics_uid text NOT NULL,
      sequence integer NOT NULL DEFAULT 0,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, candidate_id) REFERENCES candidates (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX viewings_offer ON viewings (offer_id);

    CREATE TABLE tenancies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      reference text NOT NULL,
      household_id uuid NOT NULL,
      provider_id uuid NOT NULL,
      offer_id uuid,
      candidate_id uuid,
      street text NOT NULL,
      postal_code text NOT NULL,
      city text NOT NULL,
      district text,
      lease_start date NOT NULL,
      lease_signed_on date,
      cold_rent_cents integer NOT NULL,
      service_charges_cents integer NOT NULL,
      heating_cents integer NOT NULL,
      guarantee_start date NOT NULL,
      guarantee_end date NOT NULL,
      guarantee_max_cents integer NOT NULL,
      guarantee_items text[] NOT NULL,
      guarantee_signed_on date,
      contact_person_id uuid,
      social_worker_id uuid,
      status text NOT NULL DEFAULT 'active',
      end_reason text,
      ended_on date,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, reference),
      UNIQUE (candidate_id),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id),
      FOREIGN KEY (agency_id, provider_id) REFERENCES housing_providers (agency_id, id),
      FOREIGN KEY (agency_id, offer_id) REFERENCES offers (agency_id, id),
      FOREIGN KEY (agency_id, contact_person_id) REFERENCES users (agency_id, id),
      FOREIGN KEY (agency_id, social_worker_id) REFERENCES users (agency_id, id)
    );
    CREATE INDEX tenancies_household ON tenancies (agency_id, household_id);
    CREATE INDEX tenancies_provider ON tenancies (agency_id, provider_id);

    -- Background workers serve every agency but read each under its own RLS context: this tells them
    -- which agencies have work, and nothing else.
    CREATE FUNCTION wh_agencies_with_work(now_ timestamptz) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT agency_id FROM outbox_mails
          WHERE status = 'pending' AND next_attempt_at <= now_ AND (locked_until IS NULL OR locked_until <= now_)
        UNION
        SELECT agency_id FROM deadlines
          WHERE status = 'open' AND ((remind_at <= now_ AND reminded_at IS NULL) OR (due_at <= now_ AND alerted_at IS NULL))
      $$;
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
  await sql`
    GRANT USAGE ON SEQUENCE offer_events_id_seq TO wohnhilfe_app;
    REVOKE ALL ON FUNCTION wh_agencies_with_work(timestamptz) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_agencies_with_work(timestamptz) TO wohnhilfe_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The placement migration is not reversible.');
}
