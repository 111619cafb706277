import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';

/*
 * The operator portal's queries. Every read is narrowed by the operator scope (a condition on
 * `f.operator_id`, from access.operatorScope) and selects only the portal's allow-list: the head's
 * and the persons' names, places, dates, household size and the needs relevant to a place.
 */
export function portalRepository(tx: Tx, agencyId: string) {
  return {
    operatorName: (scope: RawBuilder<SqlBool>) =>
      tx
        .selectFrom('accommodation_operators as o')
        .select('o.name')
        .where('o.agency_id', '=', agencyId)
        .where(() => sql<SqlBool>`${scope}`)
        .executeTakeFirst(),

    facilities: (scope: RawBuilder<SqlBool>) =>
      tx
        .selectFrom('accommodation_facilities as f')
        .select(['f.id', 'f.name', 'f.street', 'f.postal_code', 'f.city', 'f.protection_concept'])
        .where('f.agency_id', '=', agencyId)
        .where(() => scope)
        .orderBy('f.name')
        .execute(),

    /** Places per facility on `day`: all, occupied (a stay covers the night), blocked and not occupied. */
    occupancy: (facilityIds: string[], day: string) =>
      facilityIds.length === 0
        ? Promise.resolve([])
        : sql<{ facility_id: string; places: number; occupied: number; blocked: number }>`
            SELECT x.facility_id, count(*)::int AS places, count(*) FILTER (WHERE x.occ)::int AS occupied,
              count(*) FILTER (WHERE NOT x.occ AND x.blocked_reason IS NOT NULL)::int AS blocked
            FROM (SELECT p.facility_id, p.blocked_reason, EXISTS (
                    SELECT 1 FROM accommodation_stays s WHERE s.agency_id = ${agencyId} AND s.place_id = p.id
                      AND s.from_date <= ${day}::date AND (s.until_date IS NULL OR s.until_date > ${day}::date)) AS occ
                  FROM accommodation_places p WHERE p.agency_id = ${agencyId} AND p.facility_id = ANY (${facilityIds}::uuid[])) x
            GROUP BY x.facility_id`
            .execute(tx)
            .then((r) => r.rows),

    /** The running assignments (expected or moved in) at the operator's facilities, with the household's needs. */
    running: (scope: RawBuilder<SqlBool>, assignmentId: string | null = null) =>
      tx
        .selectFrom('accommodation_assignments as a')
        .innerJoin('accommodation_facilities as f', 'f.id', 'a.facility_id')
        .innerJoin('households as h', 'h.id', 'a.household_id')
        .select([
          'a.id',
          'a.state',
          'a.from_date',
          'a.moved_in_on',
          'a.version',
          'a.facility_id',
          'a.household_id',
          'f.name as facility_name',
          'h.head_name',
          'h.children',
          'h.wheelchair',
          'h.pets',
        ])
        .where('a.agency_id', '=', agencyId)
        .where('a.state', 'in', ['assigned', 'moved_in'])
        .where(() => scope)
        .$if(assignmentId !== null, (q) => q.where('a.id', '=', assignmentId!))
        .orderBy('a.from_date')
        .orderBy('h.head_name')
        .execute(),

    /** The persons of some assignments with their places (stays never begun are left out). */
    persons: (assignmentIds: string[]) =>
      assignmentIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('accommodation_stays as s')
            .innerJoin('household_members as m', 'm.id', 's.member_id')
            .innerJoin('accommodation_places as p', 'p.id', 's.place_id')
            .innerJoin('accommodation_rooms as r', 'r.id', 'p.room_id')
            .select(['s.assignment_id', 'm.first_name', 'm.last_name', 'm.gender', 'p.label as place_label', 'r.label as room_label'])
            .where('s.agency_id', '=', agencyId)
            .where('s.assignment_id', 'in', assignmentIds)
            .where((eb) => eb.or([eb('s.until_date', 'is', null), eb('s.until_date', '>', eb.ref('s.from_date'))]))
            .orderBy('m.position')
            .execute(),

    insertIncident: (v: {
      assignment_id: string;
      household_id: string;
      facility_id: string;
      kind: string;
      occurred_on: string;
      text: string;
      reported_by: string;
    }) =>
      tx
        .insertInto('accommodation_incidents')
        .values({ ...v, agency_id: agencyId })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id),

    incidents: (assignmentId: string) =>
      tx
        .selectFrom('accommodation_incidents as i')
        .innerJoin('accommodation_facilities as f', 'f.id', 'i.facility_id')
        .innerJoin('users as u', 'u.id', 'i.reported_by')
        .select([
          'i.id',
          'i.assignment_id',
          'f.name as facility_name',
          'i.kind',
          'i.occurred_on',
          'i.text',
          'u.display_name as reported_by',
          'i.created_at',
        ])
        .where('i.agency_id', '=', agencyId)
        .where('i.assignment_id', '=', assignmentId)
        .orderBy('i.occurred_on', 'desc')
        .orderBy('i.created_at', 'desc')
        .execute(),

    /** Expected arrivals at the operator's facilities (its start page), the earliest first. */
    arrivalsExpected: (scope: RawBuilder<SqlBool>, limit: number) =>
      sql<{ id: string; head_name: string; facility_name: string; from_date: string; total: number }>`
        SELECT a.id, h.head_name, f.name AS facility_name, a.from_date::text AS from_date, count(*) OVER ()::int AS total
        FROM accommodation_assignments a
        JOIN accommodation_facilities f ON f.id = a.facility_id
        JOIN households h ON h.id = a.household_id
        WHERE a.agency_id = ${agencyId} AND a.state = 'assigned' AND ${scope}
        ORDER BY a.from_date, h.head_name
        LIMIT ${limit}`
        .execute(tx)
        .then((r) => r.rows),
  };
}
