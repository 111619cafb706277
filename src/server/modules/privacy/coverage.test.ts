import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inAgency } from '../../db/database.js';
import { createAgency, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { fullyPopulatedHousehold } from '../../../../test/subject-fixtures.js';
import { SUBJECT_CONTRIBUTIONS, SUBJECT_EXCLUDED } from './contributions.js';
import { collectRecords } from './privacy.export.js';

/*
 * Export coverage (Art. 15): every table of the database that refers to a household — a foreign key
 * to households or household_members, a household or member column, a case column, a polymorphic
 * owner/subject column — or to a row of such a table (transitively) must be read by some module's
 * SubjectDataContribution or be excluded with a reason. A new table without export coverage fails here.
 */

/** Tables that refer to a household, directly or through the case tables, read from the catalogue. */
async function householdTables(): Promise<string[]> {
  const { owner } = testDbs();
  const { rows: cols } = await sql<{ t: string; c: string; ref: string | null }>`
    SELECT c.relname AS t, a.attname AS c, rt.relname AS ref
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'f' AND a.attnum = ANY(k.conkey) AND a.attname <> 'agency_id'
    LEFT JOIN pg_class rt ON rt.oid = k.confrelid
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`.execute(owner);
  const found = new Set<string>(['households']);
  const direct = /^(.*_)?household_id$|^(.*_)?member_id$|^case_id$|^owner_id$|^subject_id$/;
  for (const r of cols) if (direct.test(r.c)) found.add(r.t);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of cols) {
      if (r.ref && found.has(r.ref) && !found.has(r.t)) {
        found.add(r.t);
        grew = true;
      }
    }
  }
  return [...found].sort();
}

let app: FastifyInstance;
let agency: TestAgency;
let householdId: string;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  ({ householdId } = await fullyPopulatedHousehold(app, agency));
});
afterAll(() => app.close());

describe('Art. 15 export coverage', () => {
  const covered = new Set(SUBJECT_CONTRIBUTIONS.flatMap((c) => c.tables.map((t) => t.table as string)));

  it('covers every table that refers to a household, or excludes it with a reason', async () => {
    const tables = await householdTables();
    expect(tables.length).toBeGreaterThan(30);
    const missing = tables.filter((t) => !covered.has(t) && !SUBJECT_EXCLUDED[t]);
    expect(missing, 'tables without export coverage: add them to a SubjectDataContribution or SUBJECT_EXCLUDED').toEqual([]);
    // Nothing is declared that the catalogue does not know (a renamed table would read nothing).
    expect([...covered].filter((t) => !tables.includes(t))).toEqual([]);
    for (const [t, reason] of Object.entries(SUBJECT_EXCLUDED)) expect(reason.length, t).toBeGreaterThan(20);
  });

  it('exports every kind of record of a fully populated household, and none of another agency', async () => {
    const { owner } = testDbs();
    const other = await createAgency();
    await fullyPopulatedHousehold(app, other);
    const tables = await inAgency(testDbs().app, agency.id, (tx) => collectRecords(tx, SUBJECT_CONTRIBUTIONS, householdId, null));
    const empty = tables.filter((t) => !t.rows.length).map((t) => t.table);
    expect(empty, 'kinds of record missing from the export').toEqual([]);
    expect(new Set(tables.map((t) => t.table))).toEqual(covered);
    // Tables whose every row belongs to a household: the merged household's export holds all of the agency's rows.
    // (A consultation-hour visit may be anonymous; deadlines, documents and import rows may concern no household.)
    const partial = ['deadlines', 'documents', 'prevention_import_rows', 'prevention_visits', 'household_members', 'households'];
    for (const t of tables.filter((x) => !partial.includes(x.table))) {
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(t.table)} WHERE agency_id = ${agency.id}`.execute(owner);
      expect(t.rows.length, t.table).toBe(rows[0]!.n);
    }
    expect(tables.flatMap((t) => t.rows).every((r) => r.agency_id === undefined || r.agency_id === agency.id)).toBe(true);
  });

  it('leaves out the other members of the household when the request is about one person', async () => {
    const { owner } = testDbs();
    const members = await owner.selectFrom('household_members').select('id').where('household_id', '=', householdId).execute();
    expect(members.length).toBeGreaterThan(1);
    const tables = await inAgency(testDbs().app, agency.id, (tx) => collectRecords(tx, SUBJECT_CONTRIBUTIONS, householdId, members[0]!.id));
    expect(tables.find((t) => t.table === 'household_members')!.rows.map((r) => r.id)).toEqual([members[0]!.id]);
  });
});
