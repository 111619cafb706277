import { sql } from 'kysely';
import type { THouseholdMatch } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';

/*
 * Matching a notice against the agency's existing households, set-based: one statement for any
 * number of rows. A household matches when one of its members has the same first name, last name
 * and birth date as a tenant of the row ("person"), or when one of its prevention cases concerns
 * the same home ("address": wh_address_key of street and postal code). Never a silent duplicate:
 * callers show matches and require an explicit choice (link, or create anew).
 */

export interface MatchRow {
  tenants: { firstName: string; lastName: string; birthDate?: string | null }[];
  street?: string | null;
  postalCode?: string | null;
}

/** TypeScript twin of the SQL function wh_address_key (same normal form). */
export function addressKey(street: string | null | undefined, postalCode: string | null | undefined): string | null {
  if (!street || !street.trim()) return null;
  const s = street.toLowerCase().replace(/stra(ss|ß)e|str\./g, 'str').replace(/[^a-z0-9äöü]/g, '');
  return `${s}|${(postalCode ?? '').trim()}`;
}

/**
 * Matches of each row (by index in `rows`), best first: both reasons before one, then by
 * reference. Rows without matches are absent from the map.
 */
export async function findHouseholdMatches(tx: Tx, agencyId: string, rows: readonly MatchRow[]): Promise<Map<number, THouseholdMatch[]>> {
  const people = rows.flatMap((r, i) =>
    r.tenants.filter((t) => t.birthDate).map((t) => ({ i, f: t.firstName.trim().toLowerCase(), l: t.lastName.trim().toLowerCase(), b: t.birthDate })),
  );
  const homes = rows.map((r, i) => ({ i, s: r.street ?? null, p: r.postalCode ?? null })).filter((h) => h.s);
  const out = new Map<number, THouseholdMatch[]>();
  if (!people.length && !homes.length) return out;
  const { rows: found } = await sql<{ i: number; household_id: string; reference: string; head_name: string; persons: number; situation: string; reasons: string[]; open_case_id: string | null }>`
    WITH people AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(people)}::jsonb) AS x(i int, f text, l text, b date)),
         homes AS (SELECT i, wh_address_key(s, p) AS k FROM jsonb_to_recordset(${JSON.stringify(homes)}::jsonb) AS x(i int, s text, p text)),
         hits AS (
           SELECT p.i, m.household_id, 'person' AS reason FROM people p
             JOIN household_members m ON m.agency_id = ${agencyId} AND lower(m.last_name) = p.l AND m.birth_date = p.b AND lower(m.first_name) = p.f
           UNION
           SELECT h.i, c.household_id, 'address' FROM homes h
             JOIN prevention_cases c ON c.agency_id = ${agencyId} AND c.address_key = h.k
         )
    SELECT hits.i, hh.id AS household_id, hh.reference, hh.head_name, hh.persons, hh.situation,
           array_agg(DISTINCT hits.reason ORDER BY hits.reason DESC) AS reasons,
           (SELECT c.id FROM prevention_cases c WHERE c.agency_id = ${agencyId} AND c.household_id = hh.id AND c.status <> 'closed' ORDER BY c.created_at DESC LIMIT 1) AS open_case_id
    FROM hits JOIN households hh ON hh.id = hits.household_id AND hh.agency_id = ${agencyId}
    GROUP BY hits.i, hh.id
    ORDER BY hits.i, count(DISTINCT hits.reason) DESC, hh.reference`.execute(tx);
  for (const r of found) {
    const list = out.get(r.i) ?? [];
    list.push({ householdId: r.household_id, reference: r.reference, name: r.head_name, persons: r.persons, situation: r.situation, reasons: r.reasons as THouseholdMatch['reasons'], openCaseId: r.open_case_id });
    out.set(r.i, list);
  }
  return out;
}
