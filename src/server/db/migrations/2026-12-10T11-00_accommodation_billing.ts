import { sql, type Kysely } from 'kysely';

/*
 * Accommodation (issue 16), billing to the day: an operator's invoice for one month (entered by hand
 * or imported from CSV/XLSX) with its lines (one person of an assignment, first and last night,
 * nights, amount as the operator states them; the person by id only, no names stored), checked against the nights computed from the stays
 * and the dated rates, then approved or disputed. Approving records every invoiced night that was
 * stayed as a billed night with the rate it had then (`accommodation_billed_nights`, one row per
 * stay and night, never changed): a later rate change never touches a billed night, and no night
 * can be billed twice (primary key). Frozen: never import app code.
 */
const TABLES = ['accommodation_invoices', 'accommodation_invoice_lines', 'accommodation_billed_nights'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE accommodation_invoices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      operator_id uuid NOT NULL,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      invoice_no text NOT NULL CHECK (length(invoice_no) BETWEEN 1 AND 60),
      received_on date NOT NULL,
      source text NOT NULL CHECK (source IN ('manual','csv','xlsx')),
      state text NOT NULL DEFAULT 'received' CHECK (state IN ('received','checked','approved','disputed')),
      total_cents bigint NOT NULL,
      computed_cents bigint,
      differences integer,
      dispute_reason text,
      checked_at timestamptz,
      decided_at timestamptz,
      decided_by uuid,
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, operator_id, invoice_no),
      FOREIGN KEY (agency_id, operator_id) REFERENCES accommodation_operators (agency_id, id),
      CHECK ((state = 'disputed') = (dispute_reason IS NOT NULL))
    );
    CREATE INDEX accommodation_invoices_month ON accommodation_invoices (agency_id, month, operator_id);

    CREATE TABLE accommodation_invoice_lines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      invoice_id uuid NOT NULL,
      line_no integer NOT NULL,
      assignment_id uuid NOT NULL,
      household_id uuid NOT NULL,
      member_id uuid NOT NULL,
      first_night date NOT NULL,
      last_night date NOT NULL CHECK (last_night >= first_night),
      nights integer NOT NULL CHECK (nights BETWEEN 1 AND 31),
      amount_cents bigint NOT NULL CHECK (amount_cents BETWEEN 0 AND 100000000),
      UNIQUE (invoice_id, line_no),
      FOREIGN KEY (agency_id, invoice_id) REFERENCES accommodation_invoices (agency_id, id),
      FOREIGN KEY (agency_id, assignment_id) REFERENCES accommodation_assignments (agency_id, id),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id)
    );
    CREATE INDEX accommodation_invoice_lines_invoice ON accommodation_invoice_lines (agency_id, invoice_id);
    CREATE INDEX accommodation_invoice_lines_household ON accommodation_invoice_lines (agency_id, household_id);

    CREATE TABLE accommodation_billed_nights (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      stay_id uuid NOT NULL REFERENCES accommodation_stays(id),
      night date NOT NULL,
      invoice_id uuid NOT NULL,
      cents integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (stay_id, night),
      FOREIGN KEY (agency_id, invoice_id) REFERENCES accommodation_invoices (agency_id, id)
    );
    CREATE INDEX accommodation_billed_nights_invoice ON accommodation_billed_nights (agency_id, invoice_id);
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
  // Billed nights are only ever added (the anonymisation keeps them: they hold no free text).
  await sql`GRANT SELECT, INSERT, UPDATE ON accommodation_invoices, accommodation_invoice_lines TO wohnhilfe_app`.execute(db);
  await sql`GRANT SELECT, INSERT ON accommodation_billed_nights TO wohnhilfe_app`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The accommodation billing migration is not reversible.');
}
