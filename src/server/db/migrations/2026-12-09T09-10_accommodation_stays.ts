import { sql, type Kysely } from 'kysely';

/*
 * Accommodation (issue 16), stays: an assignment (Einweisung) places a household's persons in
 * places of one facility from a date; one row per person and place (`accommodation_stays`) carries
 * the nights billing will count (from_date inclusive, until_date exclusive: the day of departure is
 * not a night). A transfer is a new assignment pointing at the one it follows; `history_id` (the
 * first assignment's id) keeps one stay history across facilities. The order-law decision and the
 * cost-coverage note are documents of the assignment. Frozen: never import app code.
 */
const TABLES = ['accommodation_assignments', 'accommodation_stays'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE accommodation_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      household_id uuid NOT NULL,
      facility_id uuid NOT NULL,
      previous_id uuid,
      history_id uuid NOT NULL,
      from_date date NOT NULL,
      payer text NOT NULL CHECK (payer IN ('agency','jobcenter')),
      own_contribution_cents integer NOT NULL DEFAULT 0 CHECK (own_contribution_cents BETWEEN 0 AND 10000000),
      contribution_note text,
      legal_basis text NOT NULL,
      state text NOT NULL DEFAULT 'assigned' CHECK (state IN ('assigned','moved_in','moved_out','cancelled')),
      moved_in_on date,
      moved_in_by uuid,
      moved_out_on date,
      move_out_reason text CHECK (move_out_reason IN ('own_flat','other_facility','left_unknown','hospital','prison','deceased','other')),
      move_out_note text,
      cancel_reason text,
      order_document_id uuid,
      cost_note_document_id uuid,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id),
      FOREIGN KEY (agency_id, facility_id) REFERENCES accommodation_facilities (agency_id, id),
      FOREIGN KEY (agency_id, previous_id) REFERENCES accommodation_assignments (agency_id, id),
      CHECK ((state IN ('moved_in','moved_out')) = (moved_in_on IS NOT NULL)),
      CHECK ((state = 'moved_out') = (moved_out_on IS NOT NULL AND move_out_reason IS NOT NULL)),
      CHECK (moved_in_on IS NULL OR moved_in_on >= from_date),
      CHECK (moved_out_on IS NULL OR moved_out_on >= moved_in_on)
    );
    CREATE INDEX accommodation_assignments_household ON accommodation_assignments (agency_id, household_id, from_date);
    CREATE INDEX accommodation_assignments_facility ON accommodation_assignments (agency_id, facility_id, state);
    CREATE INDEX accommodation_assignments_history ON accommodation_assignments (agency_id, history_id);

    CREATE TABLE accommodation_stays (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      assignment_id uuid NOT NULL,
      household_id uuid NOT NULL,
      member_id uuid NOT NULL,
      facility_id uuid NOT NULL,
      place_id uuid NOT NULL,
      from_date date NOT NULL,
      until_date date CHECK (until_date IS NULL OR until_date >= from_date),
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, assignment_id) REFERENCES accommodation_assignments (agency_id, id),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id),
      FOREIGN KEY (agency_id, place_id) REFERENCES accommodation_places (agency_id, id),
      FOREIGN KEY (agency_id, facility_id) REFERENCES accommodation_facilities (agency_id, id),
      UNIQUE (assignment_id, member_id)
    );
    -- Occupancy on a day: the stays of a place whose period covers it (the open ones first of all).
    CREATE INDEX accommodation_stays_place ON accommodation_stays (agency_id, place_id, from_date, until_date);
    CREATE INDEX accommodation_stays_facility ON accommodation_stays (agency_id, facility_id, from_date);
    CREATE INDEX accommodation_stays_assignment ON accommodation_stays (agency_id, assignment_id);
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
    await sql`GRANT SELECT, INSERT, UPDATE ON ${table} TO wohnhilfe_app`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The accommodation stays migration is not reversible.');
}
