import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inAgency } from '../src/server/db/database.js';
import { createAgency, householdInput, testDbs } from './helpers.js';

describe('row-level security catalogue', () => {
  it('enables and forces RLS on every agency table, with a policy on app.agency_id', async () => {
    const { owner } = testDbs();
    const tables = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: string[] }>`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
             coalesce(array_agg(p.qual) FILTER (WHERE p.qual IS NOT NULL), '{}') AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_policies p ON p.tablename = c.relname AND p.schemaname = n.nspname
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND (c.relname = 'agencies' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agency_id' AND NOT a.attisdropped))
      GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity`.execute(owner);
    expect(tables.rows.length).toBeGreaterThanOrEqual(11);
    for (const t of tables.rows) {
      expect(t.relrowsecurity, `${t.relname} RLS enabled`).toBe(true);
      expect(t.relforcerowsecurity, `${t.relname} RLS forced`).toBe(true);
      expect(
        t.policies.some((p) => p.includes('app.agency_id')),
        `${t.relname} policy`,
      ).toBe(true);
    }
    // Every table but the bookkeeping is an agency table: the migrations', the one-row horizons of
    // the household and accommodation logs' pruning (a transaction id, no agency data), the login throttle (hashed
    // keys and counters, read before an agency is known) and the installation's log of events
    // without an agency (insert-only, see below).
    const all = await sql<{
      relname: string;
    }>`SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`.execute(
      owner,
    );
    const agencyTables = new Set(tables.rows.map((t) => t.relname));
    expect(
      all.rows
        .map((r) => r.relname)
        .filter((n) => !agencyTables.has(n))
        .sort(),
    ).toEqual([
      'accommodation_log_horizon',
      'household_log_horizon',
      'installation_audit_events',
      'kysely_migration',
      'kysely_migration_lock',
      'login_throttle',
    ]);
  });

  it('connects the app as a role that is no superuser, has no BYPASSRLS and owns nothing', async () => {
    const { app, owner } = testDbs();
    const me = await sql<{
      rolname: string;
      rolsuper: boolean;
      rolbypassrls: boolean;
    }>`SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`.execute(app);
    expect(me.rows[0]).toEqual({ rolname: 'wohnhilfe_app', rolsuper: false, rolbypassrls: false });
    const owned = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.rolname = 'wohnhilfe_app' AND n.nspname = 'public'`.execute(
      owner,
    );
    expect(owned.rows[0]!.n).toBe(0);
  });

  it.each(['audit_events', 'installation_audit_events'])('lets the app role only insert into the audit table %s', async (table) => {
    const { owner } = testDbs();
    const privs = await sql<{ p: string; has: boolean }>`
      SELECT p, has_table_privilege('wohnhilfe_app', ${table}, p) AS has FROM unnest(array['INSERT','SELECT','UPDATE','DELETE','TRUNCATE']) p`.execute(
      owner,
    );
    expect(Object.fromEntries(privs.rows.map((r) => [r.p, r.has]))).toEqual({
      INSERT: true,
      SELECT: false,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
    });
  });

  it('shows a transaction only its own agency, and refuses writes into another', async () => {
    const { app, owner } = testDbs();
    const a = await createAgency();
    const b = await createAgency();
    const none = await app.selectFrom('users').select('id').execute();
    expect(none).toEqual([]);
    const seen = await inAgency(app, a.id, (tx) => tx.selectFrom('users').select('agency_id').execute());
    expect(new Set(seen.map((r) => r.agency_id))).toEqual(new Set([a.id]));
    await expect(
      inAgency(app, a.id, (tx) => tx.insertInto('carriers').values({ agency_id: b.id, name: 'Fremd' }).execute()),
    ).rejects.toThrow(/row-level security/);
    const input = householdInput();
    await owner
      .insertInto('households')
      .values({
        agency_id: b.id,
        reference: 'X-1',
        head_name: 'x',
        search_text: 'x',
        persons: 1,
        situation: input.situation,
        seeking_housing: false,
        needs: '{}',
        wheelchair: false,
        updated_at: new Date(),
      })
      .execute();
    const updated = await inAgency(app, a.id, (tx) =>
      tx.updateTable('households').set({ head_name: 'gehackt' }).where('reference', '=', 'X-1').executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
  });

  it('lets the search view show only the agency of the transaction, and the app role create nothing to push into it', async () => {
    const { app, owner } = testDbs();
    const a = await createAgency();
    const b = await createAgency();
    const row = (agencyId: string, reference: string) => ({
      agency_id: agencyId,
      reference,
      head_name: 'Suchprobe',
      search_text: `${reference.toLowerCase()} suchprobe`,
      persons: 1,
      situation: householdInput().situation,
      seeking_housing: false,
      needs: '{}',
      wheelchair: false,
      updated_at: new Date(),
    });
    await owner
      .insertInto('households')
      .values([row(a.id, 'A-1'), row(b.id, 'B-1')])
      .execute();
    const seen = await inAgency(app, a.id, (tx) =>
      tx.selectFrom('household_search_v').select('reference').where('search_text', 'like', '%suchprobe%').execute(),
    );
    expect(seen.map((r) => r.reference)).toEqual(['A-1']);
    // Without an agency the view shows nothing.
    expect(await app.selectFrom('household_search_v').select('id').execute()).toEqual([]);
    // The view is no security barrier: only conditions the app writes may be pushed into it, so the
    // app role must not be able to define functions or operators of its own.
    const create = await sql<{ ok: boolean }>`SELECT has_schema_privilege('wohnhilfe_app', 'public', 'CREATE') AS ok`.execute(owner);
    expect(create.rows[0]!.ok).toBe(false);
    await expect(sql`CREATE FUNCTION public.wh_probe() RETURNS int LANGUAGE sql AS 'SELECT 1'`.execute(app)).rejects.toThrow(
      /permission denied/,
    );
  });
});
