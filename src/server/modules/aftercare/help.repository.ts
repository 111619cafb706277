import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/* The statements on the help itself: plan goals and reviews, visits, referrals, contacts, follow-up checks, the transfer log. */

/** How a carrier got a case's data: reading the case, a list page, the start page. */
type TransferKind = 'case_read' | 'case_list' | 'queue';

export function helpRepository(tx: Tx, agencyId: string) {
  return {
    addGoal: (caseId: string, g: { goal: string; measures: string | null; responsible: string | null; reviewOn: string }, by: string) =>
      tx
        .insertInto('aftercare_goals')
        .values({
          agency_id: agencyId,
          case_id: caseId,
          goal: g.goal,
          measures: g.measures,
          responsible: g.responsible,
          review_on: g.reviewOn,
          created_by: by,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    /** The goal and its case id (the service checks the case's scope). */
    goalCase: (goalId: string) =>
      tx
        .selectFrom('aftercare_goals')
        .select(['id', 'case_id'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', goalId)
        .executeTakeFirst(),

    updateGoal: (
      goalId: string,
      set: { goal?: string; measures?: string | null; responsible?: string | null; review_on?: string | null; state?: string },
    ) => tx.updateTable('aftercare_goals').set(set).where('agency_id', '=', agencyId).where('id', '=', goalId).execute(),

    addReview: (goalId: string, caseId: string, r: { reviewedOn: string; progress: string; note: string | null }, by: string) =>
      tx
        .insertInto('aftercare_goal_reviews')
        .values({
          agency_id: agencyId,
          goal_id: goalId,
          case_id: caseId,
          reviewed_on: r.reviewedOn,
          progress: r.progress,
          note: r.note,
          created_by: by,
        })
        .execute(),

    addVisit: (v: {
      case_id: string;
      status: string;
      planned_on: string | null;
      visited_on: string;
      topics: string[];
      risk_signs: string[];
      arrears_cents: number | null;
      household_view: string | null;
      note: string | null;
      documented_by: string;
    }) =>
      tx
        .insertInto('aftercare_visits')
        .values({ ...v, agency_id: agencyId })
        .returning('id')
        .executeTakeFirstOrThrow(),

    markVisitNotified: (visitId: string, preventionCaseId: string) =>
      tx
        .updateTable('aftercare_visits')
        .set({ prevention_case_id: preventionCaseId, prevention_notified_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', visitId)
        .execute(),

    addReferral: (caseId: string, r: { kind: string; status: string; provider: string | null; note: string | null }, by: string) =>
      tx
        .insertInto('aftercare_referrals')
        .values({ agency_id: agencyId, case_id: caseId, ...r, created_by: by })
        .execute(),

    referralCase: (id: string) =>
      tx
        .selectFrom('aftercare_referrals')
        .select(['id', 'case_id'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst(),

    updateReferral: (id: string, set: { status: string; note: string | null }) =>
      tx
        .updateTable('aftercare_referrals')
        .set({ ...set, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute(),

    addContact: (
      caseId: string,
      c: { occurredOn: string; counterpart: string; counterpartName: string | null; outcome: string; note: string | null },
      by: string,
    ) =>
      tx
        .insertInto('aftercare_contacts')
        .values({
          agency_id: agencyId,
          case_id: caseId,
          occurred_on: c.occurredOn,
          counterpart: c.counterpart,
          counterpart_name: c.counterpartName,
          outcome: c.outcome,
          note: c.note,
          created_by: by,
        })
        .execute(),

    addFollowUps: (caseId: string, rows: { months: number; due_on: string }[]) =>
      rows.length
        ? tx
            .insertInto('aftercare_follow_ups')
            .values(rows.map((r) => ({ ...r, agency_id: agencyId, case_id: caseId })))
            .returning(['id', 'months', 'due_on'])
            .execute()
        : Promise.resolve([]),

    followUpCase: (id: string) =>
      tx
        .selectFrom('aftercare_follow_ups')
        .select(['id', 'case_id', 'checked_on'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst(),

    recordFollowUp: (id: string, set: { home_kept: boolean; checked_on: string; note: string | null; checked_by: string }) =>
      tx.updateTable('aftercare_follow_ups').set(set).where('agency_id', '=', agencyId).where('id', '=', id).execute(),

    /** Logs data passed to the carrier: one row per case and read, in one statement whatever the number of cases. */
    /**
     * Logs what went to the carrier. A list view (start page, case list) records each case once per
     * user and day — repeating the same fields to the same person that day adds nothing — a case read
     * every time.
     */
    logTransfers: async (rows: { case_id: string; carrier_id: string; user_id: string; kind: TransferKind; fields: string[] }[]) => {
      if (!rows.length) return;
      const { user_id, kind, fields } = rows[0]!;
      const insert = sql`
        INSERT INTO aftercare_transfers (agency_id, case_id, carrier_id, user_id, kind, fields)
        SELECT ${agencyId}, t.case_id, t.carrier_id, ${user_id}, ${kind}, ${fields}::text[]
        FROM unnest(${rows.map((r) => r.case_id)}::uuid[], ${rows.map((r) => r.carrier_id)}::uuid[]) AS t(case_id, carrier_id)`;
      await (
        kind === 'case_read'
          ? insert
          : sql`${insert} ON CONFLICT (agency_id, case_id, user_id, kind, on_day) WHERE kind IN ('queue', 'case_list') DO NOTHING`
      ).execute(tx);
    },

    transfers: (caseId: string) =>
      tx
        .selectFrom('aftercare_transfers as t')
        .innerJoin('carriers as c', 'c.id', 't.carrier_id')
        .leftJoin('users as u', 'u.id', 't.user_id')
        .select([
          't.id',
          't.at',
          't.kind',
          't.fields',
          't.carrier_id',
          'c.name as carrier_name',
          't.user_id',
          'u.display_name as user_name',
        ])
        .where('t.agency_id', '=', agencyId)
        .where('t.case_id', '=', caseId)
        .orderBy('t.at', 'desc')
        .limit(500)
        .execute(),
  };
}
