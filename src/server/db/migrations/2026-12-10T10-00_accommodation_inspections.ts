import { sql, type Kysely } from 'kysely';

/*
 * Accommodation (issue 16), minimum standards and inspections: the agency's versioned checklist (a
 * change is a new version with all its items; an inspection keeps the version it was planned with),
 * inspections (Begehungen) of a facility with one result row per checklist item, and findings (a
 * failed item with severity and remedy deadline, closed by a re-inspection or a recorded remedy).
 * Photos are documents (owner type `accommodation_inspection_result`).
 * Frozen: never import app code.
 */
const TABLES = [
  'accommodation_checklists',
  'accommodation_checklist_items',
  'accommodation_inspections',
  'accommodation_inspection_results',
  'accommodation_findings',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE accommodation_checklists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      version integer NOT NULL CHECK (version >= 1),
      routine_months integer NOT NULL CHECK (routine_months BETWEEN 1 AND 60),
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, version)
    );

    CREATE TABLE accommodation_checklist_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      checklist_id uuid NOT NULL,
      position integer NOT NULL,
      key text NOT NULL CHECK (key ~ '^[a-z0-9_]{1,60}$'),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      category text NOT NULL CHECK (length(category) BETWEEN 1 AND 100),
      norm text,
      UNIQUE (agency_id, id),
      UNIQUE (checklist_id, key),
      FOREIGN KEY (agency_id, checklist_id) REFERENCES accommodation_checklists (agency_id, id)
    );
    CREATE INDEX accommodation_checklist_items_list ON accommodation_checklist_items (agency_id, checklist_id, position);

    CREATE TABLE accommodation_inspections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      facility_id uuid NOT NULL,
      checklist_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('admission','routine','incident')),
      state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned','in_progress','completed','cancelled')),
      planned_on date NOT NULL,
      inspector_id uuid,
      reason text,
      summary text,
      started_on date,
      completed_on date,
      cancel_reason text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, facility_id) REFERENCES accommodation_facilities (agency_id, id),
      FOREIGN KEY (agency_id, checklist_id) REFERENCES accommodation_checklists (agency_id, id),
      CHECK (kind <> 'incident' OR reason IS NOT NULL),
      CHECK (state <> 'completed' OR completed_on IS NOT NULL),
      CHECK (state <> 'cancelled' OR cancel_reason IS NOT NULL)
    );
    CREATE INDEX accommodation_inspections_facility ON accommodation_inspections (agency_id, facility_id, planned_on DESC);

    CREATE TABLE accommodation_inspection_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      inspection_id uuid NOT NULL,
      item_id uuid NOT NULL,
      result text CHECK (result IN ('passed','failed','not_applicable')),
      note text,
      severity text CHECK (severity IN ('minor','major','critical')),
      remedy_due date,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (inspection_id, item_id),
      FOREIGN KEY (agency_id, inspection_id) REFERENCES accommodation_inspections (agency_id, id),
      FOREIGN KEY (agency_id, item_id) REFERENCES accommodation_checklist_items (agency_id, id),
      CHECK ((result = 'failed') = (severity IS NOT NULL AND remedy_due IS NOT NULL) OR result IS NULL)
    );

    CREATE TABLE accommodation_findings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      facility_id uuid NOT NULL,
      inspection_id uuid NOT NULL,
      item_key text NOT NULL,
      title text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('minor','major','critical')),
      note text,
      remedy_due date NOT NULL,
      state text NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed')),
      closed_on date,
      closed_by_inspection_id uuid,
      closed_note text,
      closed_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, facility_id) REFERENCES accommodation_facilities (agency_id, id),
      FOREIGN KEY (agency_id, inspection_id) REFERENCES accommodation_inspections (agency_id, id),
      FOREIGN KEY (agency_id, closed_by_inspection_id) REFERENCES accommodation_inspections (agency_id, id),
      CHECK ((state = 'closed') = (closed_on IS NOT NULL))
    );
    CREATE INDEX accommodation_findings_facility ON accommodation_findings (agency_id, facility_id, state);
    CREATE INDEX accommodation_findings_inspection ON accommodation_findings (agency_id, inspection_id);
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
  // A checklist version is never changed: a change is a new version.
  for (const t of ['accommodation_checklists', 'accommodation_checklist_items'])
    await sql`GRANT SELECT, INSERT ON ${sql.table(t)} TO wohnhilfe_app`.execute(db);
  for (const t of ['accommodation_inspections', 'accommodation_inspection_results', 'accommodation_findings'])
    await sql`GRANT SELECT, INSERT, UPDATE ON ${sql.table(t)} TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The accommodation inspections migration is not reversible.');
}
