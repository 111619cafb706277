import { sql, type Kysely } from 'kysely';

/*
 * The background job queue (pg-boss) keeps its tables in the schema `pgboss`. pg-boss creates and
 * upgrades them itself, as the owner, right after the migrations (platform/jobs/queue.ts,
 * installJobs); each queue is a partition table created then. The app role owns none of them: it
 * may use the schema and read and write every table the owner creates there (default privileges),
 * which is all pg-boss needs to send, fetch, complete, retry, expire and archive jobs.
 * Frozen: never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE SCHEMA IF NOT EXISTS pgboss;
    GRANT USAGE ON SCHEMA pgboss TO wohnhilfe_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO wohnhilfe_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO wohnhilfe_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The job-queue migration is not reversible.');
}
