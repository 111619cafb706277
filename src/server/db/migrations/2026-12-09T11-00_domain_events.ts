import { sql, type Kysely } from 'kysely';

/*
 * Steering (issue 17): the domain event log — every state transition of the explicit machines
 * (prevention cases, placement offers and candidates, sustainment incidents and tenancies, aftercare
 * cases) with its time, actor, case and household, so the figures can answer "how long until"
 * questions the state columns cannot (e.g. until the clearing was completed, until a household
 * was placed).
 *
 * The one place a transition is recorded is the state column itself: an AFTER INSERT / AFTER
 * UPDATE OF <state> trigger per table writes the row in the same transaction as the change, so no
 * service path (nor a job, import or the seed) can change a state without its event. The actor is
 * the transaction-local setting `app.actor_id` (set by actorTx; jobs leave it empty = system).
 *
 * Back-filled from what exists, marked `backfilled`: prevention from created_at, first_contact_at,
 * the audited completeClearing step and closed_at; offers and candidates from offer_events; incidents
 * from incident_events (which already hold from/to); tenancies from created_at and ended_on;
 * aftercare from created_at, checked_on, granted_from and ended_on. A back-filled event's from_state
 * is the previous back-filled state of the case (null for the first). Frozen: never import app code.
 */
const TABLES = [
  { table: 'prevention_cases', kind: 'prevention_case', column: 'status' },
  { table: 'offers', kind: 'offer', column: 'status' },
  { table: 'candidates', kind: 'candidate', column: 'status' },
  { table: 'incidents', kind: 'incident', column: 'state' },
  { table: 'tenancies', kind: 'tenancy', column: 'status' },
  { table: 'aftercare_cases', kind: 'aftercare_case', column: 'state' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE domain_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_kind text NOT NULL CHECK (case_kind IN ('prevention_case','offer','candidate','incident','tenancy','aftercare_case')),
      case_id uuid NOT NULL,
      household_id uuid,
      from_state text,
      to_state text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      backfilled boolean NOT NULL DEFAULT false
    );
    CREATE INDEX domain_events_by_state ON domain_events (agency_id, case_kind, to_state, at);
    CREATE INDEX domain_events_by_case ON domain_events (agency_id, case_id, at);
  `.execute(db);
  const agencyExpr = sql.raw(`nullif(current_setting('app.agency_id', true), '')::uuid`);
  await sql`ALTER TABLE domain_events ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE domain_events FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY agency_isolation ON domain_events TO wohnhilfe_app USING (agency_id = ${agencyExpr}) WITH CHECK (agency_id = ${agencyExpr})`.execute(
    db,
  );
  await sql`CREATE POLICY maintenance ON domain_events TO CURRENT_USER USING (true) WITH CHECK (true)`.execute(db);
  // A recorded transition is a fact: the app reads and (through the triggers) adds, never changes one.
  await sql`GRANT SELECT, INSERT ON domain_events TO wohnhilfe_app`.execute(db);

  // TG_ARGV: case kind, state column. The household: the row's own, for an incident its tenancy's.
  await sql`
    CREATE FUNCTION record_transition() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      rec jsonb := to_jsonb(NEW);
      old_state text := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ->> TG_ARGV[1] END;
      hh uuid := (rec ->> 'household_id')::uuid;
    BEGIN
      IF TG_ARGV[0] = 'incident' THEN
        SELECT t.household_id INTO hh FROM tenancies t WHERE t.id = NEW.tenancy_id;
      END IF;
      INSERT INTO domain_events (agency_id, case_kind, case_id, household_id, from_state, to_state, actor_id)
      VALUES (NEW.agency_id, TG_ARGV[0], NEW.id, hh, old_state, rec ->> TG_ARGV[1],
              nullif(current_setting('app.actor_id', true), '')::uuid);
      RETURN NULL;
    END
    $fn$`.execute(db);
  for (const t of TABLES) {
    const table = sql.raw(t.table);
    const col = sql.raw(t.column);
    const args = sql.raw(`'${t.kind}', '${t.column}'`);
    await sql`CREATE TRIGGER ${sql.raw(`${t.table}_created_event`)} AFTER INSERT ON ${table}
      FOR EACH ROW EXECUTE FUNCTION record_transition(${args})`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${t.table}_transition_event`)} AFTER UPDATE OF ${col} ON ${table}
      FOR EACH ROW WHEN (OLD.${col} IS DISTINCT FROM NEW.${col}) EXECUTE FUNCTION record_transition(${args})`.execute(db);
  }

  await sql`
    INSERT INTO domain_events (agency_id, case_kind, case_id, household_id, from_state, to_state, at, actor_id, backfilled)
    SELECT agency_id, case_kind, case_id, household_id,
           lag(to_state) OVER (PARTITION BY case_id ORDER BY at, ord), to_state, at, actor_id, true
    FROM (
      SELECT agency_id, 'prevention_case' AS case_kind, id AS case_id, household_id, 'contacting' AS to_state, created_at AS at, created_by AS actor_id, 0 AS ord
      FROM prevention_cases
      UNION ALL
      SELECT agency_id, 'prevention_case', id, household_id, 'clearing', first_contact_at, NULL, 1
      FROM prevention_cases WHERE first_contact_at IS NOT NULL AND status <> 'contacting'
      UNION ALL
      SELECT c.agency_id, 'prevention_case', c.id, c.household_id, 'measures', a.occurred_at, a.actor_id, 2
      FROM audit_events a JOIN prevention_cases c ON c.agency_id = a.agency_id AND c.id::text = a.entity_id
      WHERE a.action = 'prevention.transition' AND a.outcome = 'success' AND a.details ->> 'step' = 'completeClearing'
      UNION ALL
      SELECT agency_id, 'prevention_case', id, household_id, 'closed', closed_at, closed_by, 3
      FROM prevention_cases WHERE closed_at IS NOT NULL
      UNION ALL
      SELECT o.agency_id, 'offer', o.id, NULL, 'draft', o.created_at, o.created_by, 0 FROM offers o
      UNION ALL
      SELECT e.agency_id, 'offer', e.offer_id, NULL,
             CASE e.kind WHEN 'submitted' THEN 'submitted' WHEN 'approved' THEN 'shortlisting' WHEN 'declined' THEN 'declined'
                         WHEN 'withdrawn' THEN 'withdrawn' WHEN 'round_table_scheduled' THEN 'round_table'
                         WHEN 'restarted' THEN 'shortlisting' WHEN 'contracts' THEN 'let' END,
             e.at, e.actor_id, 1
      FROM offer_events e
      WHERE e.candidate_id IS NULL AND e.kind IN ('submitted','approved','declined','withdrawn','round_table_scheduled','restarted','contracts')
      UNION ALL
      SELECT c.agency_id, 'candidate', c.id, c.household_id, 'shortlisted', c.created_at, c.picked_by, 0 FROM candidates c
      UNION ALL
      SELECT e.agency_id, 'candidate', c.id, c.household_id,
             CASE e.kind WHEN 'presented' THEN 'presented' WHEN 'viewing_scheduled' THEN 'viewing_scheduled'
                         WHEN 'viewing_cancelled' THEN 'presented' WHEN 'viewing_recorded' THEN 'viewed'
                         WHEN 'accepted' THEN 'accepted' WHEN 'refused' THEN 'refused' WHEN 'vetoed' THEN 'vetoed'
                         WHEN 'allocated' THEN 'allocated' WHEN 'released' THEN 'not_selected'
                         WHEN 'candidate_withdrawn' THEN 'withdrawn' END,
             e.at, e.actor_id, 1
      FROM offer_events e JOIN candidates c ON c.agency_id = e.agency_id AND c.id = e.candidate_id
      WHERE e.kind IN ('presented','viewing_scheduled','viewing_cancelled','viewing_recorded','accepted','refused','vetoed',
                       'allocated','released','candidate_withdrawn')
      UNION ALL
      SELECT t.agency_id, 'tenancy', t.id, t.household_id, 'active', t.created_at, t.created_by, 0 FROM tenancies t
      UNION ALL
      SELECT t.agency_id, 'tenancy', t.id, t.household_id, 'ended', greatest(t.ended_on::timestamptz, t.created_at), NULL, 1
      FROM tenancies t WHERE t.status = 'ended' AND t.ended_on IS NOT NULL
      UNION ALL
      SELECT a.agency_id, 'aftercare_case', a.id, a.household_id, 'referred', a.created_at, a.created_by, 0 FROM aftercare_cases a
      UNION ALL
      SELECT a.agency_id, 'aftercare_case', a.id, a.household_id, 'checked', greatest(a.checked_on::timestamptz, a.created_at), a.checked_by, 1
      FROM aftercare_cases a WHERE a.checked_on IS NOT NULL
      UNION ALL
      SELECT a.agency_id, 'aftercare_case', a.id, a.household_id, 'granted', greatest(a.granted_from::timestamptz, a.created_at), a.granted_by, 2
      FROM aftercare_cases a WHERE a.granted_from IS NOT NULL
      UNION ALL
      SELECT a.agency_id, 'aftercare_case', a.id, a.household_id, 'ended', greatest(a.ended_on::timestamptz, a.created_at), NULL, 3
      FROM aftercare_cases a WHERE a.state = 'ended' AND a.ended_on IS NOT NULL
    ) b`.execute(db);
  // Incidents already log their transitions with from and to.
  await sql`
    INSERT INTO domain_events (agency_id, case_kind, case_id, household_id, from_state, to_state, at, actor_id, backfilled)
    SELECT e.agency_id, 'incident', e.incident_id, t.household_id, e.from_state, e.to_state, e.at, e.actor_id, true
    FROM incident_events e JOIN incidents i ON i.id = e.incident_id JOIN tenancies t ON t.id = i.tenancy_id
    WHERE e.from_state IS DISTINCT FROM e.to_state`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await sql`DROP TRIGGER ${sql.raw(`${t.table}_created_event`)} ON ${sql.raw(t.table)}`.execute(db);
    await sql`DROP TRIGGER ${sql.raw(`${t.table}_transition_event`)} ON ${sql.raw(t.table)}`.execute(db);
  }
  await sql`DROP FUNCTION record_transition()`.execute(db);
  await sql`DROP TABLE domain_events`.execute(db);
}
