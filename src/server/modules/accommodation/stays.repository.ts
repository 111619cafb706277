import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

/* Assignments (one household in one facility) and their stays (one person in one place). */

type HouseholdPredicate = (eb: ExpressionBuilder<DB, 'households'>) => Expression<SqlBool>;

export interface AssignmentWrite {
  household_id: string;
  facility_id: string;
  previous_id: string | null;
  from_date: string;
  payer: string;
  own_contribution_cents: number;
  contribution_note: string | null;
  legal_basis: string;
}

export function staysRepository(tx: Tx, agencyId: string) {
  const assignments = (scope: HouseholdPredicate) =>
    tx
      .selectFrom('accommodation_assignments as a')
      .innerJoin('households', 'households.id', 'a.household_id')
      .innerJoin('accommodation_facilities as f', 'f.id', 'a.facility_id')
      .innerJoin('accommodation_operators as o', 'o.id', 'f.operator_id')
      .selectAll('a')
      .select(['households.reference', 'households.head_name', 'f.name as facility_name', 'o.name as operator_name'])
      .where('a.agency_id', '=', agencyId)
      .where(scope);

  return {
    /** Locks the places (two assignments of the same place wait for each other). */
    lockPlaces: (placeIds: string[]) =>
      tx
        .selectFrom('accommodation_places')
        .select(['id', 'facility_id', 'blocked_reason'])
        .where('agency_id', '=', agencyId)
        .where('id', 'in', placeIds)
        .orderBy('id')
        .forUpdate()
        .execute(),

    /** Stays on these places that hold them on `from` or later (an open assignment from `from` would collide). */
    collisions: (placeIds: string[], from: string, exceptAssignment: string | null) =>
      tx
        .selectFrom('accommodation_stays')
        .select(['place_id', 'from_date', 'until_date'])
        .where('agency_id', '=', agencyId)
        .where('place_id', 'in', placeIds)
        .where((eb) => eb.or([eb('until_date', 'is', null), eb('until_date', '>', from)]))
        .$if(exceptAssignment !== null, (q) => q.where('assignment_id', '<>', exceptAssignment!))
        .execute(),

    insertAssignment: async (w: AssignmentWrite, historyId: string | null, by: string) => {
      const id = (await sql<{ id: string }>`SELECT gen_random_uuid() AS id`.execute(tx)).rows[0]!.id;
      await tx
        .insertInto('accommodation_assignments')
        .values({ ...w, id, history_id: historyId ?? id, agency_id: agencyId, created_by: by })
        .execute();
      return id;
    },

    insertStays: (
      assignmentId: string,
      householdId: string,
      facilityId: string,
      from: string,
      places: { memberId: string; placeId: string }[],
    ) =>
      tx
        .insertInto('accommodation_stays')
        .values(
          places.map((p) => ({
            agency_id: agencyId,
            assignment_id: assignmentId,
            household_id: householdId,
            member_id: p.memberId,
            facility_id: facilityId,
            place_id: p.placeId,
            from_date: from,
          })),
        )
        .execute(),

    assignment: (id: string, scope: HouseholdPredicate) => assignments(scope).where('a.id', '=', id).executeTakeFirst(),

    assignmentForUpdate: (id: string, scope: HouseholdPredicate) =>
      assignments(scope).where('a.id', '=', id).forUpdate().executeTakeFirst(),

    list: (scope: HouseholdPredicate, f: { householdId?: string; facilityId?: string; current: boolean }) =>
      assignments(scope)
        .$if(!!f.householdId, (q) => q.where('a.household_id', '=', f.householdId!))
        .$if(!!f.facilityId, (q) => q.where('a.facility_id', '=', f.facilityId!))
        .$if(f.current, (q) => q.where('a.state', 'in', ['assigned', 'moved_in']))
        .orderBy('a.from_date', 'desc')
        .orderBy('a.created_at', 'desc')
        .limit(500)
        .execute(),

    /** The persons and places of some assignments. */
    stays: (assignmentIds: string[]) =>
      assignmentIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('accommodation_stays as s')
            .innerJoin('household_members as m', 'm.id', 's.member_id')
            .innerJoin('accommodation_places as p', 'p.id', 's.place_id')
            .innerJoin('accommodation_rooms as r', 'r.id', 'p.room_id')
            .select([
              's.assignment_id',
              's.member_id',
              's.place_id',
              's.from_date',
              's.until_date',
              'm.first_name',
              'm.last_name',
              'p.label',
              'r.label as room_label',
            ])
            .where('s.agency_id', '=', agencyId)
            .where('s.assignment_id', 'in', assignmentIds)
            .orderBy('m.position')
            .execute(),

    update: (
      id: string,
      version: number,
      set: Partial<{
        state: string;
        moved_in_on: string;
        moved_in_by: string;
        moved_out_on: string;
        move_out_reason: string;
        move_out_note: string | null;
        cancel_reason: string;
        order_document_id: string;
        cost_note_document_id: string;
      }>,
    ) =>
      tx
        .updateTable('accommodation_assignments')
        .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),

    /** Persons already holding a place on `from` or later in another assignment. */
    memberCollisions: (memberIds: string[], from: string, exceptAssignment: string | null) =>
      tx
        .selectFrom('accommodation_stays')
        .select(['member_id'])
        .where('agency_id', '=', agencyId)
        .where('member_id', 'in', memberIds)
        .where((eb) => eb.or([eb('until_date', 'is', null), eb('until_date', '>', from)]))
        .$if(exceptAssignment !== null, (q) => q.where('assignment_id', '<>', exceptAssignment!))
        .execute(),

    /** The nights start on the day of arrival: the stays of an assignment begin on the move-in day. */
    startStays: (assignmentId: string, from: string) =>
      tx
        .updateTable('accommodation_stays')
        .set({ from_date: from })
        .where('agency_id', '=', agencyId)
        .where('assignment_id', '=', assignmentId)
        .execute(),

    /** Ends the open stays of an assignment on `until` (the day of departure is no night). */
    closeStays: (assignmentId: string, until: string) =>
      tx
        .updateTable('accommodation_stays')
        .set({ until_date: until })
        .where('agency_id', '=', agencyId)
        .where('assignment_id', '=', assignmentId)
        .where('until_date', 'is', null)
        .execute(),

    /** The stays holding places of a facility on `day`, with the household where `scope` shows it (else only the place). */
    occupants: async (facilityId: string, day: string, scope: HouseholdPredicate) => {
      const base = () =>
        tx
          .selectFrom('accommodation_stays as s')
          .innerJoin('households', 'households.id', 's.household_id')
          .where('s.agency_id', '=', agencyId)
          .where('s.facility_id', '=', facilityId)
          .where('s.from_date', '<=', day)
          .where((eb) => eb.or([eb('s.until_date', 'is', null), eb('s.until_date', '>', day)]));
      const [all, visible] = await Promise.all([
        base().select('s.place_id').execute(),
        base()
          .where(scope)
          .select(['s.place_id', 's.assignment_id', 's.household_id', 's.from_date', 'households.reference', 'households.head_name'])
          .execute(),
      ]);
      return { all: all.map((r) => r.place_id), visible };
    },

    /** Other assignments of the household in which it lives now (moved in, not out). */
    othersMovedIn: (householdId: string, exceptId: string) =>
      tx
        .selectFrom('accommodation_assignments')
        .select(['id', 'moved_in_on'])
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .where('state', '=', 'moved_in')
        .where('id', '<>', exceptId)
        .execute(),
  };
}
export type StaysRepository = ReturnType<typeof staysRepository>;
