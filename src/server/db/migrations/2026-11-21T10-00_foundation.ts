import { type Kysely, sql } from 'kysely';

/*
 * Foundation schema: agencies, users, sessions, housing providers, carriers, households with
 * members and journal, idempotency keys, hash-chained audit events; the application role
 * `wohnhilfe_app` and row-level security on every agency table. Frozen: never import app code.
 */

const AGENCY_TABLES = [
  'users',
  'sessions',
  'housing_providers',
  'carriers',
  'households',
  'household_members',
  'journal_entries',
  'idempotency_keys',
  'agency_counters',
  'audit_events',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wohnhilfe_app') THEN
        CREATE ROLE wohnhilfe_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pgcrypto`.execute(db);

  await sql`
    CREATE TABLE agencies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      ags char(8) NOT NULL CHECK (ags ~ '^[0-9]{8}$'),
      federal_state char(2) NOT NULL,
      reference_prefix text NOT NULL CHECK (reference_prefix ~ '^[A-Z]{1,4}$'),
      settings jsonb NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE housing_providers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      name text NOT NULL,
      contact_name text, email text, phone text, street text, postal_code text, city text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id)
    );

    CREATE TABLE carriers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      name text NOT NULL,
      contact_name text, email text, phone text, street text, postal_code text, city text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id)
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('case_manager','social_worker','accommodation_worker','lead','provider_user','carrier_worker','auditor','admin')),
      provider_id uuid,
      carrier_id uuid,
      password_hash text NOT NULL,
      totp_secret text,
      totp_enabled boolean NOT NULL DEFAULT false,
      totp_last_step bigint,
      active boolean NOT NULL DEFAULT true,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      FOREIGN KEY (agency_id, provider_id) REFERENCES housing_providers (agency_id, id),
      FOREIGN KEY (agency_id, carrier_id) REFERENCES carriers (agency_id, id),
      CHECK ((role = 'provider_user') = (provider_id IS NOT NULL)),
      CHECK ((role = 'carrier_worker') = (carrier_id IS NOT NULL))
    );

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      user_id uuid NOT NULL,
      csrf_token text NOT NULL,
      mfa_verified boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text,
      FOREIGN KEY (agency_id, user_id) REFERENCES users (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX sessions_user ON sessions (user_id);

    CREATE TABLE agency_counters (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      name text NOT NULL,
      value bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (agency_id, name)
    );

    CREATE TABLE households (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      reference text NOT NULL,
      head_name text NOT NULL,
      search_text text NOT NULL,
      persons integer NOT NULL CHECK (persons BETWEEN 1 AND 20),
      situation text NOT NULL CHECK (situation IN ('in_accommodation','hidden_homeless','rough_sleeping','at_risk','housed')),
      situation_since date,
      seeking_housing boolean NOT NULL DEFAULT false,
      needs jsonb NOT NULL DEFAULT '{}',
      wheelchair boolean NOT NULL DEFAULT false,
      case_manager_id uuid,
      social_worker_id uuid,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),
      version integer NOT NULL DEFAULT 1,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, id),
      UNIQUE (agency_id, reference),
      FOREIGN KEY (agency_id, case_manager_id) REFERENCES users (agency_id, id),
      FOREIGN KEY (agency_id, social_worker_id) REFERENCES users (agency_id, id)
    );
    CREATE INDEX households_updated ON households (agency_id, updated_at DESC, id);
    CREATE INDEX households_head_name ON households (agency_id, head_name, id);
    CREATE INDEX households_situation ON households (agency_id, situation, updated_at DESC);
    CREATE INDEX households_case_manager ON households (agency_id, case_manager_id);
    CREATE INDEX households_social_worker ON households (agency_id, social_worker_id);
    CREATE INDEX households_search ON households USING gin (search_text gin_trgm_ops);

    CREATE TABLE household_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      household_id uuid NOT NULL,
      position integer NOT NULL,
      first_name text NOT NULL,
      last_name text NOT NULL,
      birth_date date,
      gender text NOT NULL CHECK (gender IN ('female','male','diverse','unspecified')),
      nationality text,
      relationship text NOT NULL,
      phone text,
      email text,
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id) ON DELETE CASCADE
    );
    CREATE INDEX household_members_household ON household_members (household_id, position);

    CREATE TABLE journal_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      household_id uuid NOT NULL,
      occurred_at timestamptz NOT NULL,
      kind text NOT NULL CHECK (kind IN ('contact','visit','call','note')),
      participation boolean NOT NULL,
      text text NOT NULL,
      author_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (agency_id, household_id) REFERENCES households (agency_id, id) ON DELETE CASCADE,
      FOREIGN KEY (agency_id, author_id) REFERENCES users (agency_id, id)
    );
    CREATE INDEX journal_household ON journal_entries (household_id, occurred_at DESC);

    CREATE TABLE idempotency_keys (
      agency_id uuid NOT NULL REFERENCES agencies(id),
      user_id uuid NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, user_id, key)
    );

    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      occurred_at timestamptz NOT NULL DEFAULT date_trunc('microseconds', clock_timestamp()),
      actor_id uuid,
      actor_role text,
      action text NOT NULL,
      entity_type text,
      entity_id text,
      purpose text,
      outcome text NOT NULL CHECK (outcome IN ('success','denied','failure')),
      ip text,
      details jsonb,
      seq bigint,
      prev_hash text,
      hash text,
      UNIQUE (agency_id, seq)
    );
    CREATE INDEX audit_unsealed ON audit_events (id) WHERE seq IS NULL;
    CREATE INDEX audit_entity ON audit_events (agency_id, entity_id, id DESC);
    CREATE INDEX audit_time ON audit_events (agency_id, occurred_at DESC);
  `.execute(db);

  // The chain link: one canonical text of an event, hashed with its predecessor's hash.
  await sql`
    CREATE FUNCTION wh_audit_hash(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT encode(sha256(convert_to(concat_ws('|',
        e.prev_hash, e.agency_id::text, e.seq::text, e.id::text,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), e.action,
        coalesce(e.entity_type, ''), coalesce(e.entity_id, ''), coalesce(e.purpose, ''),
        e.outcome, coalesce(e.ip, ''), coalesce(e.details::text, '')), 'UTF8')), 'hex')
    $$;

    -- Sealing: events are appended without any lock (so audited requests never queue behind each
    -- other's commits); this function then numbers the new events of each agency in order and links
    -- each to its predecessor by hash. Any app instance may call it; an advisory lock serialises them.
    CREATE FUNCTION wh_audit_seal() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    DECLARE
      a uuid; r audit_events; last_seq bigint; last_hash text; sealed integer := 0;
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtextextended('wohnhilfe:audit-seal', 0)) THEN
        RETURN 0;
      END IF;
      FOR a IN SELECT DISTINCT agency_id FROM audit_events WHERE seq IS NULL LOOP
        SELECT seq, hash INTO last_seq, last_hash FROM audit_events
          WHERE agency_id = a AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
        last_seq := coalesce(last_seq, 0);
        last_hash := coalesce(last_hash, repeat('0', 64));
        FOR r IN SELECT * FROM audit_events WHERE agency_id = a AND seq IS NULL ORDER BY id LOOP
          r.seq := last_seq + 1;
          r.prev_hash := last_hash;
          r.hash := wh_audit_hash(r);
          UPDATE audit_events SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
          last_seq := r.seq;
          last_hash := r.hash;
          sealed := sealed + 1;
        END LOOP;
      END LOOP;
      RETURN sealed;
    END $$;

    -- Pre-authentication look-ups (before the agency is known). PL/pgSQL rather than SQL: its plans
    -- are cached per connection, which matters on the path of every request.
    CREATE FUNCTION wh_auth_user_by_email(p_email text)
    RETURNS TABLE (user_id uuid, agency_id uuid) LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    BEGIN
      RETURN QUERY SELECT u.id, u.agency_id FROM users u WHERE u.email = lower(p_email);
    END $$;

    CREATE FUNCTION wh_auth_session(p_id text)
    RETURNS TABLE (session_id text, agency_id uuid, user_id uuid, role text, provider_id uuid, carrier_id uuid,
                   active boolean, csrf_token text, mfa_verified boolean, last_seen_at timestamptz,
                   expires_at timestamptz, settings jsonb)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      RETURN QUERY
        SELECT s.id, s.agency_id, u.id, u.role, u.provider_id, u.carrier_id, u.active, s.csrf_token,
               s.mfa_verified, s.last_seen_at, s.expires_at, a.settings
        FROM sessions s JOIN users u ON u.id = s.user_id JOIN agencies a ON a.id = s.agency_id
        WHERE s.id = p_id;
    END $$;

    -- Instances cache sessions; any change that could end or alter one is announced to all of them.
    CREATE FUNCTION wh_notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('wohnhilfe_sessions', CASE TG_TABLE_NAME
        WHEN 'sessions' THEN 's:' || OLD.id
        WHEN 'users' THEN 'u:' || OLD.id
        ELSE 'a:' || OLD.id END);
      RETURN NULL;
    END $$;
    CREATE TRIGGER sessions_changed AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION wh_notify_session_change();
    CREATE TRIGGER users_changed AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION wh_notify_session_change();
    CREATE TRIGGER agencies_changed AFTER UPDATE OR DELETE ON agencies FOR EACH ROW EXECUTE FUNCTION wh_notify_session_change();

    -- Name search. Under row-level security PostgreSQL may not use the trigram index for LIKE (the
    -- operator is not leakproof), so a 50,000-household agency would be scanned whole. This function
    -- applies the transaction's agency itself, as the policy does, and returns only what the list
    -- needs to filter and sort; the page's rows are then read from households under RLS.
    CREATE FUNCTION wh_household_search(p_pattern text)
    RETURNS TABLE (id uuid, reference text, head_name text, persons integer, situation text, situation_since date,
                   seeking_housing boolean, wheelchair boolean, case_manager_id uuid, social_worker_id uuid, updated_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT h.id, h.reference, h.head_name, h.persons, h.situation, h.situation_since, h.seeking_housing, h.wheelchair,
             h.case_manager_id, h.social_worker_id, h.updated_at
      FROM households h
      WHERE h.agency_id = nullif(current_setting('app.agency_id', true), '')::uuid AND h.search_text LIKE p_pattern
    $$;

    CREATE VIEW audit_events_v WITH (security_barrier) AS
      SELECT * FROM audit_events
      WHERE agency_id = nullif(current_setting('app.agency_id', true), '')::uuid;
  `.execute(db);

  // Row-level security: enabled and forced; the app role sees only the agency of its transaction.
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE agencies ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE agencies FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON agencies TO wohnhilfe_app USING (id = ${agencyExpr}) WITH CHECK (id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON agencies TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
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
    GRANT USAGE ON SCHEMA public TO wohnhilfe_app;
    GRANT SELECT, UPDATE ON agencies TO wohnhilfe_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, housing_providers, carriers, households,
      household_members, journal_entries, idempotency_keys, agency_counters TO wohnhilfe_app;
    GRANT INSERT ON audit_events TO wohnhilfe_app;
    GRANT SELECT ON audit_events_v TO wohnhilfe_app;
    GRANT SELECT ON kysely_migration TO wohnhilfe_app;
    GRANT USAGE ON SEQUENCE audit_events_id_seq TO wohnhilfe_app;
    REVOKE ALL ON FUNCTION wh_auth_user_by_email(text), wh_auth_session(text), wh_audit_seal(), wh_household_search(text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wh_auth_user_by_email(text), wh_auth_session(text), wh_audit_seal(), wh_household_search(text) TO wohnhilfe_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration is not reversible.');
}
