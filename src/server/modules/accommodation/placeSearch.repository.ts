import { sql } from 'kysely';
import type { TPlaceExclusion } from '../../../contracts/accommodationStays.js';
import type { Tx } from '../../db/database.js';
import { MIN_M2_PER_PERSON } from './placeSearch.js';

/*
 * The place search in PostgreSQL: every place of the agency gets the reasons it cannot be given to
 * the household on the day (the rules of placeSearch.ts `exclusions`, same order), computed in one
 * pass, so that only counts, the fitting facilities and the page asked for leave the database.
 */

/** The household's needs as the SQL rules take them (the district names already matched in code). */
export interface SqlNeeds {
  /** Someone in the household is not female (a women-only room does not fit). */
  nonFemale: boolean;
  nonMale: boolean;
  children: boolean;
  /** More than one person (a single room does not fit). */
  several: boolean;
  wheelchair: boolean;
  pets: boolean;
  /** The facility districts, exactly as stored, that the household excludes. */
  excludedDistricts: string[];
}

export interface PlaceRow {
  place_id: string;
  place_label: string;
  blocked_reason: string | null;
  room_id: string;
  room_label: string;
  size_m2: string | null;
  room_places: number;
  sex: string;
  family: boolean;
  wheelchair: boolean;
  step_free: boolean;
  pets: boolean;
  single_room: boolean;
  facility_id: string;
  facility_name: string;
  district: string | null;
  facility_state: string;
  state_note: string | null;
  occupied_since: string | null;
  reasons: TPlaceExclusion[];
}

export interface FittingFacilityRow {
  id: string;
  name: string;
  district: string | null;
  provision: string;
  operator_name: string;
  places: number;
}

export function placeSearchRepository(tx: Tx, agencyId: string) {
  /**
   * Every place (of some facilities, or all) with its facts and reasons. The stay holding a place on
   * the day is found through the nights index (one range scan, not a probe per place).
   */
  const placesWithReasons = (day: string, n: SqlNeeds, facilityIds: string[] | null) => sql`
    WITH occ AS (
      SELECT s.place_id, min(s.from_date) AS since FROM accommodation_stays s
      WHERE s.agency_id = ${agencyId} AND daterange(s.from_date, s.until_date, '[)') @> ${day}::date
      GROUP BY s.place_id),
    rp AS (
      SELECT room_id, count(*)::int AS n FROM accommodation_places WHERE agency_id = ${agencyId} GROUP BY room_id)
    SELECT p.id AS place_id, p.label AS place_label, p.blocked_reason,
      r.id AS room_id, r.label AS room_label, r.size_m2::text AS size_m2, rp.n AS room_places,
      r.sex, r.family, r.wheelchair, r.step_free, r.pets, r.single_room,
      f.id AS facility_id, f.name AS facility_name, f.district, f.provision, f.state AS facility_state, f.state_note,
      f.operator_id, occ.since::text AS occupied_since,
      array_remove(ARRAY[
        CASE WHEN f.state = 'blocked' THEN 'facility_blocked' END,
        CASE WHEN p.blocked_reason IS NOT NULL THEN 'place_blocked' END,
        CASE WHEN occ.since IS NOT NULL THEN 'occupied' END,
        CASE WHEN (r.sex = 'female' AND ${n.nonFemale}::boolean) OR (r.sex = 'male' AND ${n.nonMale}::boolean) THEN 'sex' END,
        CASE WHEN ${n.children}::boolean AND NOT r.family THEN 'family' END,
        CASE WHEN ${n.several}::boolean AND r.single_room THEN 'single_room' END,
        CASE WHEN ${n.wheelchair}::boolean AND NOT r.wheelchair THEN 'wheelchair' END,
        CASE WHEN ${n.pets}::boolean AND NOT r.pets THEN 'pets' END,
        CASE WHEN f.district = ANY(${n.excludedDistricts}::text[]) THEN 'district_excluded' END,
        CASE WHEN r.size_m2 / GREATEST(1, rp.n) < ${MIN_M2_PER_PERSON} THEN 'room_too_small' END
      ]::text[], NULL) AS reasons
    FROM accommodation_places p
    JOIN accommodation_rooms r ON r.id = p.room_id
    JOIN accommodation_facilities f ON f.id = p.facility_id
    JOIN rp ON rp.room_id = r.id
    LEFT JOIN occ ON occ.place_id = p.id
    WHERE p.agency_id = ${agencyId} ${facilityIds ? sql`AND p.facility_id = ANY(${facilityIds}::uuid[])` : sql``}`;

  return {
    /** The distinct facility districts of the agency (to match the household's district wishes in code). */
    districts: () =>
      sql<{ district: string }>`
        SELECT DISTINCT district FROM accommodation_facilities WHERE agency_id = ${agencyId} AND district IS NOT NULL`
        .execute(tx)
        .then((r) => r.rows.map((x) => x.district)),

    /** How many places there are, how many are left out for each reason, and the facilities with fitting places. */
    summary: async (day: string, n: SqlNeeds) => {
      const { rows } = await sql<{ places: number; counts: Record<string, number> | null; facilities: FittingFacilityRow[] | null }>`
        WITH c AS MATERIALIZED (${placesWithReasons(day, n, null)})
        SELECT (SELECT count(*)::int FROM c) AS places,
          (SELECT json_object_agg(reason, k) FROM (
             SELECT reason, count(*)::int AS k FROM c, unnest(c.reasons) AS reason GROUP BY reason) x) AS counts,
          (SELECT json_agg(x) FROM (
             SELECT c.facility_id AS id, c.facility_name AS name, c.district, c.provision, o.name AS operator_name,
               count(*)::int AS places
             FROM c JOIN accommodation_operators o ON o.id = c.operator_id
             WHERE cardinality(c.reasons) = 0
             GROUP BY c.facility_id, c.facility_name, c.district, c.provision, o.name) x) AS facilities`.execute(tx);
      const r = rows[0]!;
      return { places: r.places, counts: r.counts ?? {}, facilities: r.facilities ?? [] };
    },

    /** The fitting places of these facilities, in the order of facility, room and place. */
    fitting: (day: string, n: SqlNeeds, facilityIds: string[]) =>
      facilityIds.length === 0
        ? Promise.resolve([] as PlaceRow[])
        : sql<PlaceRow>`
            SELECT * FROM (${placesWithReasons(day, n, facilityIds)}) c
            WHERE cardinality(c.reasons) = 0
            ORDER BY c.facility_name, c.room_label, c.place_label`
            .execute(tx)
            .then((r) => r.rows),

    /** One page of the places left out for `reason` (each with all its reasons). */
    excluded: (day: string, n: SqlNeeds, reason: TPlaceExclusion, limit: number, offset: number) =>
      sql<PlaceRow>`
        SELECT * FROM (${placesWithReasons(day, n, null)}) c
        WHERE ${reason}::text = ANY(c.reasons)
        ORDER BY c.facility_name, c.room_label, c.place_label, c.place_id
        LIMIT ${limit} OFFSET ${offset}`
        .execute(tx)
        .then((r) => r.rows),
  };
}
