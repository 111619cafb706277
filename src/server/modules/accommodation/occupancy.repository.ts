import { sql, type RawBuilder } from 'kysely';
import type { TOccupancyQuery, TPlaceAttribute } from '../../../contracts/accommodationOccupancy.js';
import type { THouseholdType } from '../../../contracts/aftercareReports.js';
import type { Tx } from '../../db/database.js';

/*
 * The occupancy board in PostgreSQL. A place is occupied on a day when a stay covers the night after
 * it (from_date inclusive, until_date exclusive: the day of a move-out is no longer occupied); the
 * stays are found through the GiST index on their range of nights (migration 2026-12-10T12-00).
 * A place not occupied is blocked when it is blocked itself or its facility is blocked for new
 * assignments, else free. Blocks have no history: they count as recorded today on every date.
 */

export type OccupancyFilter = Omit<TOccupancyQuery, 'date'>;

export interface CountRow {
  kind: 'facility' | 'attribute';
  key: string;
  name: string | null;
  district: string | null;
  provision: string | null;
  state: string | null;
  operator_name: string | null;
  capacity: number | null;
  places: number;
  occupied: number;
  blocked: number;
}

/** The facilities on the board (filtered by district, operator, type of provision). */
const facilities = (agencyId: string, f: OccupancyFilter) => sql`
  SELECT f.id, f.name, f.district, f.provision, f.state, f.capacity, o.name AS operator_name
  FROM accommodation_facilities f JOIN accommodation_operators o ON o.agency_id = f.agency_id AND o.id = f.operator_id
  WHERE f.agency_id = ${agencyId}
    ${f.district ? sql`AND f.district = ${f.district}` : sql``}
    ${f.operatorId ? sql`AND f.operator_id = ${f.operatorId}` : sql``}
    ${f.provision ? sql`AND f.provision = ${f.provision}` : sql``}`;

const nights = sql`daterange(s.from_date, s.until_date, '[)')`;

/** The attributes of a place (its room's, as columns of `pl` in the board) as rows for the attribute view. */
const ATTRIBUTE_SQL: Record<TPlaceAttribute, RawBuilder<unknown>> = {
  family: sql`pl.family`,
  wheelchair: sql`pl.wheelchair`,
  step_free: sql`pl.step_free`,
  women_only: sql`pl.sex = 'female'`,
  men_only: sql`pl.sex = 'male'`,
  pets: sql`pl.pets`,
  single_room: sql`pl.single_room`,
};
const attributeValues = sql.join(
  Object.entries(ATTRIBUTE_SQL).map(([k, v]) => sql`(${k}, ${v})`),
  sql`, `,
);

export function occupancyRepository(tx: Tx, agencyId: string) {
  return {
    /** Per facility and per place attribute: places, occupied and blocked on `day` (one statement). */
    board: (day: string, f: OccupancyFilter) =>
      sql<CountRow>`
        WITH fac AS MATERIALIZED (${facilities(agencyId, f)}),
        occ AS (
          SELECT DISTINCT s.place_id FROM accommodation_stays s
          WHERE s.agency_id = ${agencyId} AND ${nights} @> ${day}::date),
        pl AS MATERIALIZED (
          SELECT p.facility_id, r.sex, r.family, r.wheelchair, r.step_free, r.pets, r.single_room,
            occ.place_id IS NOT NULL AS occupied,
            occ.place_id IS NULL AND (p.blocked_reason IS NOT NULL OR fac.state = 'blocked') AS blocked
          FROM fac
          JOIN accommodation_places p ON p.agency_id = ${agencyId} AND p.facility_id = fac.id
          JOIN accommodation_rooms r ON r.agency_id = ${agencyId} AND r.id = p.room_id
          LEFT JOIN occ ON occ.place_id = p.id)
        SELECT 'facility' AS kind, fac.id::text AS key, fac.name, fac.district, fac.provision, fac.state, fac.operator_name,
          fac.capacity, coalesce(c.places, 0) AS places, coalesce(c.occupied, 0) AS occupied, coalesce(c.blocked, 0) AS blocked
        FROM fac LEFT JOIN (
          SELECT facility_id, count(*)::int AS places, count(*) FILTER (WHERE occupied)::int AS occupied,
            count(*) FILTER (WHERE blocked)::int AS blocked
          FROM pl GROUP BY facility_id) c ON c.facility_id = fac.id
        UNION ALL
        SELECT 'attribute', a.k, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int,
          count(*) FILTER (WHERE pl.occupied)::int, count(*) FILTER (WHERE pl.blocked)::int
        FROM pl CROSS JOIN LATERAL (VALUES ${attributeValues}) a(k, has)
        WHERE a.has GROUP BY a.k
        ORDER BY 1 DESC, 3, 2`
        .execute(tx)
        .then((r) => r.rows),

    /**
     * Per month of the 12 up to `until` (the last month up to and including that day): the days,
     * the occupied place-nights (stays × nights in the month) and the places of the board.
     */
    trend: (until: string, f: OccupancyFilter) =>
      sql<{ month: string; days: number; nights: number; places: number }>`
        WITH fac AS MATERIALIZED (${facilities(agencyId, f)}),
        m AS (
          SELECT g::date AS m_from, least((g + interval '1 month')::date, ${until}::date + 1) AS m_to
          FROM generate_series(date_trunc('month', ${until}::timestamp) - interval '11 months', date_trunc('month', ${until}::timestamp), interval '1 month') g),
        s AS (
          SELECT s.from_date, coalesce(s.until_date, 'infinity'::date) AS until_date FROM accommodation_stays s
          WHERE s.agency_id = ${agencyId} AND s.facility_id IN (SELECT id FROM fac)
            AND ${nights} && daterange((SELECT min(m_from) FROM m), ${until}::date + 1, '[)'))
        SELECT to_char(m.m_from, 'YYYY-MM') AS month, (m.m_to - m.m_from)::int AS days,
          coalesce(sum(least(s.until_date, m.m_to) - greatest(s.from_date, m.m_from)) FILTER (WHERE s.from_date IS NOT NULL), 0)::int AS nights,
          (SELECT count(*)::int FROM accommodation_places p WHERE p.agency_id = ${agencyId} AND p.facility_id IN (SELECT id FROM fac)) AS places
        FROM m LEFT JOIN s ON s.from_date < m.m_to AND s.until_date > m.m_from
        GROUP BY m.m_from, m.m_to ORDER BY m.m_from`
        .execute(tx)
        .then((r) => r.rows),

    /**
     * Length of stay per household type: a stay history (transfers between facilities are one stay,
     * cancelled assignments do not count) from its first move-in (or assignment day) to the last
     * move-out; completed = ended in [completedFrom, day], running = begun by `day` and not ended
     * by then (its length up to `day`). Quartiles in days; the facility of the history's last assignment
     * decides the filter. Household type from the household's persons and children.
     */
    stayLengths: (day: string, completedFrom: string, f: OccupancyFilter) =>
      sql<{ household_type: THouseholdType; status: 'completed' | 'running'; stays: number; q: number[] | null }>`
        WITH fac AS MATERIALIZED (${facilities(agencyId, f)}),
        h AS (
          SELECT min(a.household_id::text)::uuid AS household_id,
            min(coalesce(a.moved_in_on, a.from_date)) AS started,
            CASE WHEN bool_or(a.state IN ('assigned', 'moved_in')) THEN NULL ELSE max(a.moved_out_on) END AS ended,
            (array_agg(a.facility_id ORDER BY a.from_date DESC, a.created_at DESC))[1] AS facility_id
          FROM accommodation_assignments a
          WHERE a.agency_id = ${agencyId} AND a.state <> 'cancelled'
          GROUP BY a.history_id),
        l AS (
          SELECT CASE WHEN hh.persons = 1 THEN 'single'
                      WHEN hh.children > 0 AND hh.persons - hh.children = 1 THEN 'single_parent'
                      WHEN hh.children > 0 THEN 'couple_children'
                      ELSE 'multi_no_children' END AS household_type,
            CASE WHEN h.ended BETWEEN ${completedFrom}::date AND ${day}::date THEN 'completed' ELSE 'running' END AS status,
            CASE WHEN h.ended <= ${day}::date THEN h.ended - h.started ELSE ${day}::date - h.started END AS days
          FROM h JOIN households hh ON hh.agency_id = ${agencyId} AND hh.id = h.household_id
          WHERE h.facility_id IN (SELECT id FROM fac) AND h.started <= ${day}::date
            AND (h.ended IS NULL OR h.ended >= ${completedFrom}::date))
        SELECT household_type, status, count(*)::int AS stays,
          percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY days) AS q
        FROM l GROUP BY household_type, status`
        .execute(tx)
        .then((r) => r.rows),
  };
}
