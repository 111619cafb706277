import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/* The place search's reads: every place of the agency with the facts its rules look at, on a day. */

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
  provision: string;
  facility_state: string;
  state_note: string | null;
  operator_name: string;
  occupied_since: string | null;
}

export function placeSearchRepository(tx: Tx, agencyId: string) {
  return {
    /**
     * Every place of the agency with its room, facility, operator and the stay holding it on `day`,
     * in the order of facility, room and place (one statement; the stays of the day through the
     * nights index, the places per room in one pass, not a probe per place).
     */
    places: (day: string) =>
      sql<PlaceRow>`
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
          o.name AS operator_name, occ.since::text AS occupied_since
        FROM accommodation_places p
        JOIN accommodation_rooms r ON r.id = p.room_id
        JOIN rp ON rp.room_id = r.id
        JOIN accommodation_facilities f ON f.id = p.facility_id
        JOIN accommodation_operators o ON o.id = f.operator_id
        LEFT JOIN occ ON occ.place_id = p.id
        WHERE p.agency_id = ${agencyId}
        ORDER BY f.name, r.label, p.label, p.id`
        .execute(tx)
        .then((r) => r.rows),
  };
}
