import { sql, type RawBuilder } from 'kysely';
import { EU, GERMAN } from './figures.repository.js';

/*
 * The person attributes of the federal statistics (WoBerichtsG § 4) for a set of household members
 * another module gives as an SQL fragment (accommodation: the persons staying over the reference
 * night). An SQL fragment in turn, so the caller computes records, checks and the published table in
 * one statement in PostgreSQL.
 *
 * Household type and size are derived from the household's members in the given set (those
 * accommodated together that night), by their relationship to the main person:
 * - single: one person;
 * - couple without children: main person and one partner, nobody else;
 * - couple with children: main person, one partner and children, nobody else;
 * - single parent: the main person or one partner (not both) with children, nobody else;
 * - other multi-person household: every other combination (e.g. adult children, relatives).
 * Children: members with the relationship "child" under 18 on the day (or without a birth date),
 * as the steering breakdowns count them. Nationality groups as the steering breakdowns: German,
 * other EU state, third country (stateless too), not stated.
 */

export interface StatisticsPersonRow {
  member_id: string;
  household_id: string;
  reference: string;
  name: string;
  gender: string;
  birth_date: string | null;
  age: number | null;
  age_band: string;
  nationality: string;
  household_type: string;
  household_size: number;
}

export function statisticsPersonsSql(
  agencyId: string,
  day: string,
  persons: RawBuilder<{ member_id: string; household_id: string }>,
): RawBuilder<StatisticsPersonRow> {
  return sql<StatisticsPersonRow>`
    SELECT p.member_id, p.household_id, h.reference, m.first_name || ' ' || m.last_name AS name, m.gender, m.birth_date,
      a.age,
      CASE WHEN a.age IS NULL THEN 'unknown' WHEN a.age < 18 THEN 'u18' WHEN a.age < 25 THEN '18_24'
        WHEN a.age < 30 THEN '25_29' WHEN a.age < 40 THEN '30_39' WHEN a.age < 50 THEN '40_49'
        WHEN a.age < 65 THEN '50_64' ELSE '65plus' END AS age_band,
      CASE WHEN nullif(lower(trim(m.nationality)), '') IS NULL THEN 'unknown'
        WHEN lower(trim(m.nationality)) = ANY (${GERMAN}::text[]) THEN 'german'
        WHEN lower(trim(m.nationality)) = ANY (${EU}::text[]) THEN 'eu'
        ELSE 'non_eu' END AS nationality,
      CASE WHEN hh.n = 1 THEN 'single'
        WHEN hh.heads = 1 AND hh.partners = 1 AND hh.n = 2 THEN 'couple'
        WHEN hh.heads = 1 AND hh.partners = 1 AND hh.kids > 0 AND hh.n = 2 + hh.kids THEN 'couple_children'
        WHEN hh.heads + hh.partners = 1 AND hh.kids > 0 AND hh.n = 1 + hh.kids THEN 'single_parent'
        ELSE 'other' END AS household_type,
      hh.n AS household_size
    FROM (${persons}) p
    JOIN household_members m ON m.agency_id = ${agencyId} AND m.id = p.member_id
    JOIN households h ON h.agency_id = ${agencyId} AND h.id = p.household_id
    CROSS JOIN LATERAL (SELECT CASE WHEN m.birth_date IS NULL THEN NULL
      ELSE date_part('year', age(${day}::date, m.birth_date))::int END AS age) a
    JOIN (
      SELECT q.household_id, count(*)::int AS n,
        count(*) FILTER (WHERE k.relationship = 'head')::int AS heads,
        count(*) FILTER (WHERE k.relationship = 'partner')::int AS partners,
        count(*) FILTER (WHERE k.relationship = 'child'
          AND (k.birth_date IS NULL OR k.birth_date > ${day}::date - interval '18 years'))::int AS kids
      FROM (${persons}) q
      JOIN household_members k ON k.agency_id = ${agencyId} AND k.id = q.member_id
      GROUP BY q.household_id) hh ON hh.household_id = p.household_id`;
}
