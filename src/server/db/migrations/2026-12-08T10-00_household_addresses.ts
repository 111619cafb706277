import { sql, type Kysely } from 'kysely';

/*
 * A household's address and whereabouts over time: one row per period (own flat, sublet, with
 * relatives, shelter, clinic, prison, street, …), at most one current row (valid_to IS NULL) per
 * household. And the household of each deadline, so the household list can show the next open one
 * with one index probe per row: `deadlines.household_id`, backfilled from the subjects (a household
 * itself; a prevention case, candidate, tenancy or aftercare case by its household; an incident by its
 * tenancy's household; an aftercare follow-up by its case's household). Offers and annual reports
 * belong to no single household and keep null.
 * Frozen: never import app code.
 */
const KINDS = ['own_flat', 'sublet', 'relatives_friends', 'shelter', 'clinic', 'prison', 'street', 'unknown', 'other'];

export async function up(db: Kysely<any>): Promise<void> {
  const kinds = sql.join(KINDS.map((k) => sql.lit(k)));
  await sql`
    CREATE TABLE household_addresses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      household_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN (${kinds})),
      street text CHECK (length(street) <= 200),
      postal_code text CHECK (postal_code ~ '^[0-9]{5}$'),
      city text CHECK (length(city) <= 100),
      district text CHECK (length(district) <= 80),
      valid_from date NOT NULL,
      valid_to date,
      note text CHECK (length(note) <= 2000),
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id) ON DELETE CASCADE,
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );
    CREATE UNIQUE INDEX household_addresses_current ON household_addresses (agency_id, household_id) WHERE valid_to IS NULL;
    CREATE INDEX household_addresses_history ON household_addresses (agency_id, household_id, valid_from DESC);
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  const table = sql.table('household_addresses');
  await sql`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON ${table} TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO wohnhilfe_app`.execute(db);

  await sql`ALTER TABLE deadlines ADD COLUMN household_id uuid`.execute(db);
  await linkDeadlineHouseholds(db);
  await sql`CREATE INDEX deadlines_household_open ON deadlines (agency_id, household_id, due_at) WHERE status = 'open'`.execute(db);
}

/**
 * Sets the household of every deadline without one from its subject (a household itself, or the
 * household of the case, candidate, tenancy, incident or follow-up); subjects of no single household
 * (offers, annual reports) keep null. Also run by the demo seed, which writes some deadlines directly.
 */
export async function linkDeadlineHouseholds(db: Kysely<any>): Promise<void> {
  await sql`
    UPDATE deadlines d SET household_id = h.id
      FROM households h WHERE d.household_id IS NULL AND d.subject_type = 'household' AND h.agency_id = d.agency_id AND h.id = d.subject_id;
    UPDATE deadlines d SET household_id = c.household_id
      FROM prevention_cases c WHERE d.household_id IS NULL AND d.subject_type = 'prevention_case' AND c.agency_id = d.agency_id AND c.id = d.subject_id;
    UPDATE deadlines d SET household_id = c.household_id
      FROM candidates c WHERE d.household_id IS NULL AND d.subject_type = 'candidate' AND c.agency_id = d.agency_id AND c.id = d.subject_id;
    UPDATE deadlines d SET household_id = t.household_id
      FROM tenancies t WHERE d.household_id IS NULL AND d.subject_type = 'tenancy' AND t.agency_id = d.agency_id AND t.id = d.subject_id;
    UPDATE deadlines d SET household_id = t.household_id
      FROM incidents i JOIN tenancies t ON t.agency_id = i.agency_id AND t.id = i.tenancy_id
      WHERE d.household_id IS NULL AND d.subject_type = 'incident' AND i.agency_id = d.agency_id AND i.id = d.subject_id;
    UPDATE deadlines d SET household_id = c.household_id
      FROM aftercare_cases c WHERE d.household_id IS NULL AND d.subject_type = 'aftercare_case' AND c.agency_id = d.agency_id AND c.id = d.subject_id;
    UPDATE deadlines d SET household_id = c.household_id
      FROM aftercare_follow_ups f JOIN aftercare_cases c ON c.agency_id = f.agency_id AND c.id = f.case_id
      WHERE d.household_id IS NULL AND d.subject_type = 'aftercare_follow_up' AND f.agency_id = d.agency_id AND f.id = d.subject_id;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The household-address migration is not reversible.');
}
