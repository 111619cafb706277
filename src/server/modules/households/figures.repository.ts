import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';

/*
 * The profile of the households a programme reached, for the steering breakdowns: one aggregate
 * statement over the reached set (an SQL fragment from the programme's own repository) joined to the
 * household's members. Only counts leave the database.
 */

/** Nationalities as recorded (free text, lower case) that count as German. */
export const GERMAN = ['deutsch', 'deutschland', 'german', 'de'];
/** The other EU member states, as the form and the import write them (adjective, country, English). */
export const EU = [
  ...['belgisch', 'bulgarisch', 'dänisch', 'estnisch', 'finnisch', 'französisch', 'griechisch', 'irisch', 'italienisch'],
  ...['kroatisch', 'lettisch', 'litauisch', 'luxemburgisch', 'maltesisch', 'niederländisch', 'österreichisch', 'polnisch'],
  ...['portugiesisch', 'rumänisch', 'schwedisch', 'slowakisch', 'slowenisch', 'spanisch', 'tschechisch', 'ungarisch', 'zyprisch'],
  ...['belgien', 'bulgarien', 'dänemark', 'estland', 'finnland', 'frankreich', 'griechenland', 'irland', 'italien', 'kroatien'],
  ...['lettland', 'litauen', 'luxemburg', 'malta', 'niederlande', 'österreich', 'polen', 'portugal', 'rumänien', 'schweden'],
  ...['slowakei', 'slowenien', 'spanien', 'tschechien', 'ungarn', 'zypern'],
];

export interface ProfileRow {
  /** A dimension (gender, age, household, children, nationality) or `month` for the women's share. */
  dim: string;
  key: string;
  n: number;
  /** For `month`: the reached households with a woman as main person. */
  women: number | null;
}

export function figuresRepository(tx: Tx) {
  return {
    /**
     * Per reached household its main person (the member recorded as head, else the first member):
     * gender, age band on the day reached, nationality group; from all members the household type and
     * whether minor children (relationship child, under 18 or no birth date) live in it. Counted per
     * dimension and key, plus per month reached the households and those with a woman as main person.
     */
    profile: (agencyId: string, reached: RawBuilder<{ household_id: string; reached_on: string }>) =>
      sql<ProfileRow>`
        WITH r AS (${reached}),
        h AS (
          SELECT r.reached_on::date AS reached_on, hd.gender, hd.birth_date, lower(trim(hd.nationality)) AS nationality,
            coalesce(m.n, 0) AS n, coalesce(m.partners, 0) AS partners, coalesce(m.kids, 0) AS kids
          FROM r
          LEFT JOIN LATERAL (
            SELECT gender, birth_date, nationality FROM household_members
            WHERE agency_id = ${agencyId} AND household_id = r.household_id
            ORDER BY (relationship = 'head') DESC, position LIMIT 1) hd ON true
          LEFT JOIN LATERAL (
            SELECT count(*)::int AS n,
              count(*) FILTER (WHERE relationship = 'partner')::int AS partners,
              count(*) FILTER (WHERE relationship = 'child'
                AND (birth_date IS NULL OR birth_date > r.reached_on::date - interval '18 years'))::int AS kids
            FROM household_members WHERE agency_id = ${agencyId} AND household_id = r.household_id) m ON true),
        c AS (
          SELECT reached_on,
            coalesce(gender, 'unspecified') AS gender,
            CASE WHEN birth_date IS NULL THEN 'unknown'
              WHEN birth_date > reached_on - interval '25 years' THEN 'u25'
              WHEN birth_date > reached_on - interval '35 years' THEN '25_34'
              WHEN birth_date > reached_on - interval '50 years' THEN '35_49'
              WHEN birth_date > reached_on - interval '65 years' THEN '50_64'
              ELSE '65plus' END AS age,
            CASE WHEN n <= 1 THEN 'single'
              WHEN partners > 0 AND kids = 0 AND n = 2 THEN 'couple'
              WHEN partners > 0 AND kids > 0 AND n = 1 + partners + kids THEN 'couple_children'
              WHEN partners = 0 AND kids > 0 AND n = 1 + kids THEN 'single_parent'
              ELSE 'other' END AS household,
            CASE WHEN kids > 0 THEN 'with' ELSE 'without' END AS children,
            CASE WHEN nullif(nationality, '') IS NULL THEN 'unknown'
              WHEN nationality = ANY (${GERMAN}::text[]) THEN 'german'
              WHEN nationality = ANY (${EU}::text[]) THEN 'eu'
              ELSE 'non_eu' END AS nationality
          FROM h)
        SELECT v.dim, v.key, count(*)::int AS n, NULL::int AS women
        FROM c CROSS JOIN LATERAL (VALUES ('gender', c.gender), ('age', c.age), ('household', c.household),
          ('children', c.children), ('nationality', c.nationality)) v(dim, key)
        GROUP BY v.dim, v.key
        UNION ALL
        SELECT 'month', to_char(reached_on, 'YYYY-MM'), count(*)::int, count(*) FILTER (WHERE gender = 'female')::int
        FROM c GROUP BY 2`
        .execute(tx)
        .then((r) => r.rows),
  };
}
