import { type Kysely, sql } from 'kysely';

/*
 * Sustainment (the five guarantee years): tenancies gain their end, closing review and a running
 * ledger (paid out, recovered); rent-default and conflict incidents with their step log and
 * documented contacts; guarantee payouts with the claim assignment; recovery agreements and
 * payments on the assigned claim. Households can be flagged for follow-up after a lost tenancy.
 *
 * Money is integer cents. The ledger invariant lives in the database: inserting a payout or a
 * recovery payment moves the tenancy's sums by trigger, and the tenancy's CHECK refuses a state in
 * which payouts exceed the guarantee maximum or recoveries exceed payouts. Ledger rows cannot be
 * deleted or re-valued by the app role.
 * Frozen: never import app code.
 */

const AGENCY_TABLES = [
  'incidents',
  'incident_events',
  'incident_contacts',
  'guarantee_payouts',
  'recovery_agreements',
  'recovery_payments',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE tenancies
      ADD COLUMN paid_out_cents integer NOT NULL DEFAULT 0,
      ADD COLUMN recovered_cents integer NOT NULL DEFAULT 0,
      ADD COLUMN guarantee_continues boolean,
      ADD COLUMN end_note text,
      ADD COLUMN closing_outcome text CHECK (closing_outcome IN ('independent','further_support','lost')),
      ADD COLUMN closing_note text,
      ADD COLUMN closing_reviewed_on date,
      ADD COLUMN closing_reviewed_by uuid,
      ADD CONSTRAINT tenancies_status CHECK (status IN ('active','ended')),
      ADD CONSTRAINT tenancies_end_reason CHECK (end_reason IS NULL OR end_reason IN ('moved_out','terminated_by_provider','terminated_by_tenant','guarantee_ended')),
      ADD CONSTRAINT tenancies_ended CHECK ((status = 'ended') = (end_reason IS NOT NULL AND ended_on IS NOT NULL)),
      ADD CONSTRAINT tenancies_money CHECK (cold_rent_cents >= 0 AND service_charges_cents >= 0 AND heating_cents >= 0 AND guarantee_max_cents >= 0),
      ADD CONSTRAINT tenancies_guarantee_period CHECK (guarantee_end >= guarantee_start),
      -- payouts − recoveries = open claim, never negative; payouts never above the guarantee maximum
      ADD CONSTRAINT tenancies_ledger CHECK (paid_out_cents >= 0 AND paid_out_cents <= guarantee_max_cents AND recovered_cents >= 0 AND recovered_cents <= paid_out_cents),
      ADD CONSTRAINT tenancies_closing_by FOREIGN KEY (agency_id, closing_reviewed_by) REFERENCES users (agency_id, id);
    CREATE INDEX tenancies_guarantee_end ON tenancies (agency_id, guarantee_end) WHERE status = 'active';

    ALTER TABLE households
      ADD COLUMN follow_up_reason text,
      ADD COLUMN follow_up_at timestamptz;

    CREATE TABLE incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      reference text NOT NULL,
      tenancy_id uuid NOT NULL,
      provider_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('rent_default','conflict')),
      state text NOT NULL,
      round integer NOT NULL DEFAULT 1,
      reported_via text NOT NULL CHECK (reported_via IN ('portal','office')),
      reported_by uuid,
      reported_at timestamptz NOT NULL DEFAULT now(),
      months text[] NOT NULL DEFAULT '{}',
      amount_cents integer CHECK (amount_cents > 0),
      recheck_on date,
      decision text CHECK (decision IN ('wait','demand_payment')),
      category text CHECK (category IN ('noise','hygiene','damage','threats','neighbours','other')),
      description text,
      occurred_on date,
      reasons text,
      resolution text,
      provider_message text,
      terminated_on date,
      lease_ends_on date,
      guarantee_continues boolean,
      cancel_reason text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, reference),
      CHECK (kind <> 'rent_default' OR (amount_cents IS NOT NULL AND cardinality(months) > 0)),
      CHECK (kind <> 'conflict' OR (category IS NOT NULL AND description IS NOT NULL AND occurred_on IS NOT NULL)),
      FOREIGN KEY (agency_id, tenancy_id) REFERENCES tenancies (agency_id, id),
      FOREIGN KEY (agency_id, provider_id) REFERENCES housing_providers (agency_id, id),
      FOREIGN KEY (agency_id, reported_by) REFERENCES users (agency_id, id)
    );
    CREATE INDEX incidents_tenancy ON incidents (tenancy_id, reported_at);
    CREATE INDEX incidents_open ON incidents (agency_id, state, kind) WHERE state NOT IN ('secured','resolved','terminated','cancelled');
    CREATE INDEX incidents_provider ON incidents (agency_id, provider_id);

    CREATE TABLE incident_events (
      id bigserial PRIMARY KEY,
      agency_id uuid NOT NULL,
      incident_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor_id uuid,
      step text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      round integer NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      provider_details jsonb,
      FOREIGN KEY (agency_id, incident_id) REFERENCES incidents (agency_id, id)
    );
    CREATE INDEX incident_events_incident ON incident_events (incident_id, id);

    CREATE TABLE incident_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      incident_id uuid NOT NULL,
      occurred_at timestamptz NOT NULL,
      channel text NOT NULL CHECK (channel IN ('phone','home_visit','office','letter','email','other')),
      reached boolean NOT NULL,
      note text NOT NULL,
      recorded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, incident_id) REFERENCES incidents (agency_id, id)
    );
    CREATE INDEX incident_contacts_incident ON incident_contacts (incident_id, occurred_at);

    CREATE TABLE guarantee_payouts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      tenancy_id uuid NOT NULL,
      incident_id uuid,
      amount_cents integer NOT NULL CHECK (amount_cents > 0),
      paid_on date NOT NULL,
      months text[] NOT NULL DEFAULT '{}',
      note text,
      assignment_document_id uuid,
      assignment_received_on date,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, tenancy_id) REFERENCES tenancies (agency_id, id),
      FOREIGN KEY (agency_id, incident_id) REFERENCES incidents (agency_id, id)
    );
    CREATE INDEX guarantee_payouts_tenancy ON guarantee_payouts (tenancy_id, paid_on);

    CREATE TABLE recovery_agreements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      tenancy_id uuid NOT NULL,
      incident_id uuid,
      instalment_cents integer NOT NULL CHECK (instalment_cents > 0),
      starts_on date NOT NULL,
      interval_months integer NOT NULL CHECK (interval_months IN (1, 3)),
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, tenancy_id) REFERENCES tenancies (agency_id, id),
      FOREIGN KEY (agency_id, incident_id) REFERENCES incidents (agency_id, id)
    );
    CREATE INDEX recovery_agreements_tenancy ON recovery_agreements (tenancy_id, starts_on);

    CREATE TABLE recovery_payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      tenancy_id uuid NOT NULL,
      agreement_id uuid,
      amount_cents integer NOT NULL CHECK (amount_cents > 0),
      paid_on date NOT NULL,
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, tenancy_id) REFERENCES tenancies (agency_id, id),
      FOREIGN KEY (agency_id, agreement_id) REFERENCES recovery_agreements (agency_id, id)
    );
    CREATE INDEX recovery_payments_tenancy ON recovery_payments (tenancy_id, paid_on);

    -- The ledger sums move with every row, in the same statement; the tenancy's CHECK guards them.
    CREATE FUNCTION wh_ledger_payout() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tenancies SET paid_out_cents = paid_out_cents + NEW.amount_cents WHERE id = NEW.tenancy_id AND agency_id = NEW.agency_id;
        RETURN NEW;
      END $$;
    CREATE TRIGGER guarantee_payouts_ledger AFTER INSERT ON guarantee_payouts FOR EACH ROW EXECUTE FUNCTION wh_ledger_payout();
    CREATE FUNCTION wh_ledger_recovery() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tenancies SET recovered_cents = recovered_cents + NEW.amount_cents WHERE id = NEW.tenancy_id AND agency_id = NEW.agency_id;
        RETURN NEW;
      END $$;
    CREATE TRIGGER recovery_payments_ledger AFTER INSERT ON recovery_payments FOR EACH ROW EXECUTE FUNCTION wh_ledger_recovery();
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
  }
  await sql`
    GRANT SELECT, INSERT, UPDATE ON incidents TO wohnhilfe_app;
    GRANT SELECT, INSERT ON incident_events, incident_contacts, recovery_agreements, recovery_payments TO wohnhilfe_app;
    GRANT SELECT, INSERT ON guarantee_payouts TO wohnhilfe_app;
    GRANT UPDATE (assignment_document_id, assignment_received_on) ON guarantee_payouts TO wohnhilfe_app;
    GRANT USAGE ON SEQUENCE incident_events_id_seq TO wohnhilfe_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The sustainment migration is not reversible.');
}
