import { sql, type Kysely } from 'kysely';

/*
 * The start page shows a user's recently opened records: the audit trail's successful reads by that
 * actor, newest first. Without this index that is a walk back through the agency's whole trail.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX audit_actor_reads ON audit_events (agency_id, actor_id, id DESC)
      WHERE outcome = 'success' AND action IN ('household.read', 'offer.read', 'tenancy.read', 'incident.read', 'prevention.read', 'aftercare.read')
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX audit_actor_reads`.execute(db);
}
