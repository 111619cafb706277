import { sql, type RawBuilder, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { z } from 'zod';
import type { ZAftercareListQuery } from '../../../contracts/aftercare.js';
import type { Tx } from '../../db/database.js';
import type { AftercareCasesTable } from '../../db/types.js';
import { containsPattern, PLAN_PER_CALL } from '../../db/patterns.js';

/* Every statement on the aftercare case tables (agreements: agreements.repository.ts). */

export type AftercareRow = Selectable<AftercareCasesTable>;
export type Scope = RawBuilder<SqlBool>;

export type QueueBucket = 'overdue' | 'due' | 'ending';
export interface QueueRow {
  bucket: QueueBucket;
  id: string;
  household_id: string;
  reference: string;
  head_name: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  carrier_id: string;
  carrier_worker_id: string | null;
  worker_name: string | null;
  next_visit_due: string | null;
  granted_until: string | null;
  missed_in_row: number;
  /** How many cases the bucket has in all. */
  total: number;
}

/** One case with everything its page shows, read in one statement (the case page must stay fast). */
export interface CaseDetailRow extends AftercareRow {
  head_name: string;
  household_reference: string;
  persons: number;
  children: number;
  carrier_name: string;
  worker_name: string | null;
  checked_by_name: string | null;
  consent: { id: string; purpose: string; form: string; given_on: string; withdrawn_on: string | null } | null;
  extensions: { from_until: string; to_until: string; reason: string; created_at: string }[];
  goals: {
    id: string;
    goal: string;
    measures: string | null;
    responsible: string | null;
    review_on: string | null;
    state: string;
    reviews: { id: string; reviewed_on: string; progress: string; note: string | null }[];
  }[];
  visits: {
    id: string;
    status: string;
    planned_on: string | null;
    visited_on: string | null;
    topics: string[];
    risk_signs: string[];
    arrears_cents: number | null;
    household_view: string | null;
    note: string | null;
    notified: boolean;
    documented_by: string | null;
  }[];
  referrals: { id: string; kind: string; status: string; provider: string | null; note: string | null; updated_at: string }[];
  contacts: {
    id: string;
    occurred_on: string;
    counterpart: string;
    counterpart_name: string | null;
    outcome: string;
    note: string | null;
  }[];
  follow_ups: { id: string; months: number; due_on: string; checked_on: string | null; home_kept: boolean | null; note: string | null }[];
}

export function aftercareRepository(tx: Tx, agencyId: string) {
  return {
    insertCase: (
      values: Omit<AftercareCasesTable, 'id' | 'agency_id' | 'state' | 'missed_in_row' | 'version' | 'created_at' | 'updated_at'> &
        Partial<AftercareCasesTable>,
    ) =>
      tx
        .insertInto('aftercare_cases')
        .values({ ...values, agency_id: agencyId } as never)
        .returning('id')
        .executeTakeFirstOrThrow(),

    /** The case, locked for a step, if `scope` shows it to the actor. */
    lockVisible: (id: string, scope: Scope) =>
      tx
        .selectFrom('aftercare_cases as ac')
        .selectAll('ac')
        .where('ac.agency_id', '=', agencyId)
        .where('ac.id', '=', id)
        .where(scope)
        .forUpdate()
        .executeTakeFirst(),

    /** Whether `scope` shows this case to the actor. */
    visible: async (id: string, scope: Scope) =>
      !!(await tx
        .selectFrom('aftercare_cases as ac')
        .select('ac.id')
        .where('ac.agency_id', '=', agencyId)
        .where('ac.id', '=', id)
        .where(scope)
        .executeTakeFirst()),

    /** The carrier of the case, if `scope` shows it to the actor. */
    carrierOfVisible: async (id: string, scope: Scope) =>
      (
        await tx
          .selectFrom('aftercare_cases as ac')
          .select('ac.carrier_id')
          .where('ac.agency_id', '=', agencyId)
          .where('ac.id', '=', id)
          .where(scope)
          .executeTakeFirst()
      )?.carrier_id,

    update: (id: string, set: Updateable<AftercareCasesTable>) =>
      tx
        .updateTable('aftercare_cases')
        .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute(),

    /** The open (not ended or refused) case of a household, if any: one household, one open aftercare case. */
    openCaseOf: (householdId: string) =>
      tx
        .selectFrom('aftercare_cases')
        .select(['id', 'reference'])
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .where('state', 'in', ['referred', 'checked', 'granted', 'active'])
        .executeTakeFirst(),

    /** Cases of the carrier that count against the agreement's capacity (granted or active). */
    runningCount: async (carrierId: string) =>
      Number(
        (
          await tx
            .selectFrom('aftercare_cases')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('agency_id', '=', agencyId)
            .where('carrier_id', '=', carrierId)
            .where('state', 'in', ['granted', 'active'])
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** The case page in one statement: case, household, carrier, consent, plan, visits, referrals, contacts, follow-ups. */
    detail: (id: string) =>
      sql<CaseDetailRow>`
        SELECT ac.*, h.head_name, h.reference AS household_reference, h.persons, h.children,
          c.name AS carrier_name, w.display_name AS worker_name, cb.display_name AS checked_by_name,
          (SELECT json_build_object('id', k.id, 'purpose', k.purpose, 'form', k.form, 'given_on', k.given_on, 'withdrawn_on', k.withdrawn_on)
             FROM aftercare_consents k WHERE k.agency_id = ac.agency_id AND k.case_id = ac.id
             ORDER BY k.withdrawn_on IS NULL DESC, k.created_at DESC LIMIT 1) AS consent,
          COALESCE((SELECT json_agg(json_build_object('from_until', e.from_until, 'to_until', e.to_until, 'reason', e.reason,
                      'created_at', e.created_at) ORDER BY e.created_at)
             FROM aftercare_extensions e WHERE e.agency_id = ac.agency_id AND e.case_id = ac.id), '[]') AS extensions,
          COALESCE((SELECT json_agg(json_build_object('id', g.id, 'goal', g.goal, 'measures', g.measures, 'responsible', g.responsible,
                      'review_on', g.review_on, 'state', g.state,
                      'reviews', COALESCE((SELECT json_agg(json_build_object('id', r.id, 'reviewed_on', r.reviewed_on, 'progress', r.progress,
                                   'note', r.note) ORDER BY r.reviewed_on, r.created_at)
                                 FROM aftercare_goal_reviews r WHERE r.agency_id = ac.agency_id AND r.goal_id = g.id), '[]'))
                      ORDER BY g.created_at)
             FROM aftercare_goals g WHERE g.agency_id = ac.agency_id AND g.case_id = ac.id), '[]') AS goals,
          COALESCE((SELECT json_agg(json_build_object('id', v.id, 'status', v.status, 'planned_on', v.planned_on, 'visited_on', v.visited_on,
                      'topics', v.topics, 'risk_signs', v.risk_signs, 'arrears_cents', v.arrears_cents, 'household_view', v.household_view,
                      'note', v.note, 'notified', v.prevention_notified_at IS NOT NULL, 'documented_by', du.display_name)
                      ORDER BY v.visited_on DESC NULLS FIRST, v.created_at DESC)
             FROM aftercare_visits v LEFT JOIN users du ON du.id = v.documented_by
             WHERE v.agency_id = ac.agency_id AND v.case_id = ac.id), '[]') AS visits,
          COALESCE((SELECT json_agg(json_build_object('id', f.id, 'kind', f.kind, 'status', f.status, 'provider', f.provider, 'note', f.note,
                      'updated_at', f.updated_at) ORDER BY f.created_at)
             FROM aftercare_referrals f WHERE f.agency_id = ac.agency_id AND f.case_id = ac.id), '[]') AS referrals,
          COALESCE((SELECT json_agg(json_build_object('id', m.id, 'occurred_on', m.occurred_on, 'counterpart', m.counterpart,
                      'counterpart_name', m.counterpart_name, 'outcome', m.outcome, 'note', m.note) ORDER BY m.occurred_on DESC, m.created_at DESC)
             FROM aftercare_contacts m WHERE m.agency_id = ac.agency_id AND m.case_id = ac.id), '[]') AS contacts,
          COALESCE((SELECT json_agg(json_build_object('id', u.id, 'months', u.months, 'due_on', u.due_on, 'checked_on', u.checked_on,
                      'home_kept', u.home_kept, 'note', u.note) ORDER BY u.due_on)
             FROM aftercare_follow_ups u WHERE u.agency_id = ac.agency_id AND u.case_id = ac.id), '[]') AS follow_ups
        FROM aftercare_cases ac
        JOIN households h ON h.id = ac.household_id AND h.agency_id = ac.agency_id
        JOIN carriers c ON c.id = ac.carrier_id AND c.agency_id = ac.agency_id
        LEFT JOIN users w ON w.id = ac.carrier_worker_id
        LEFT JOIN users cb ON cb.id = ac.checked_by
        WHERE ac.agency_id = ${agencyId} AND ac.id = ${id}`
        .execute(tx)
        .then((r) => r.rows[0]),

    /** The global search: cases `scope` shows whose number, visit address or household name contains `text`; an exact number first, then the newest. */
    search: (scope: Scope, text: string, limit: number) => {
      const like = containsPattern(text);
      return sql<{
        id: string;
        reference: string;
        state: string;
        household_id: string;
        head_name: string;
        street: string | null;
        postal_code: string | null;
        city: string | null;
      }>`
        SELECT ac.id, ac.reference, ac.state, ac.household_id, h.head_name, ac.street, ac.postal_code, ac.city
        FROM aftercare_cases ac
        JOIN households h ON h.id = ac.household_id AND h.agency_id = ac.agency_id
        WHERE ac.agency_id = ${agencyId} AND ${scope}
          AND (lower(ac.reference) LIKE ${like} OR lower(h.head_name) LIKE ${like} OR lower(ac.street) LIKE ${like}
            OR ac.postal_code LIKE ${like} OR lower(ac.city) LIKE ${like})
        ORDER BY lower(ac.reference) = ${text} DESC, ac.referred_on DESC, ac.id
        LIMIT ${limit} ${PLAN_PER_CALL}`
        .execute(tx)
        .then((r) => r.rows);
    },

    /** The cases `scope` shows, filtered and paged, with the total in the same statement. */
    async list(q: z.output<typeof ZAftercareListQuery>, scope: Scope) {
      const like = q.q ? `%${q.q.toLowerCase()}%` : null;
      const rows = await sql<{
        id: string;
        reference: string;
        state: string;
        head_name: string;
        carrier_id: string;
        carrier_name: string;
        carrier_worker_id: string | null;
        worker_name: string | null;
        target_group: string;
        referred_on: string;
        granted_until: string | null;
        next_visit_due: string | null;
        consent_id: string | null;
        total: number;
      }>`
        SELECT ac.id, ac.reference, ac.state, h.head_name, ac.carrier_id, c.name AS carrier_name, ac.carrier_worker_id,
          w.display_name AS worker_name, ac.target_group, ac.referred_on, ac.granted_until, ac.next_visit_due, ac.consent_id,
          count(*) OVER () AS total
        FROM aftercare_cases ac
        JOIN households h ON h.id = ac.household_id AND h.agency_id = ac.agency_id
        JOIN carriers c ON c.id = ac.carrier_id AND c.agency_id = ac.agency_id
        LEFT JOIN users w ON w.id = ac.carrier_worker_id
        WHERE ac.agency_id = ${agencyId} AND ${scope}
          AND (${q.carrierId ?? null}::uuid IS NULL OR ac.carrier_id = ${q.carrierId ?? null}::uuid)
          AND (${q.state ?? null}::text IS NULL OR ac.state = ${q.state ?? null}::text)
          AND (${q.targetGroup ?? null}::text IS NULL OR ac.target_group = ${q.targetGroup ?? null}::text)
          AND (${like}::text IS NULL OR lower(ac.reference) LIKE ${like} OR lower(h.head_name) LIKE ${like})
        ORDER BY ac.referred_on DESC, ac.reference DESC
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx);
      return { items: rows.rows, total: Number(rows.rows[0]?.total ?? 0) };
    },

    /**
     * The carrier's start page in one statement: active cases whose next visit is overdue or due by
     * `weekEnd`, and granted or active cases ending by `soonUntil`; `scope` narrows to the actor's.
     * Each bucket returns at most `limit` rows (most urgent first) and its full count.
     */
    /**
     * The start page's three buckets, the most urgent `limit` of each, and how many there are in all.
     * Each bucket is an index-ordered scan that stops after `limit` rows (aftercare_cases_due/_until
     * end in the reference, so nothing is sorted); the counts are one pass over the scoped cases.
     */
    queue: async (scope: Scope, today: string, weekEnd: string, soonUntil: string, limit: number) => {
      const bucket = (name: QueueBucket, where: RawBuilder<unknown>, order: RawBuilder<unknown>) => sql`
        (SELECT ${name}::text AS bucket, ac.id, ac.household_id, ac.reference, ac.street, ac.postal_code, ac.city, ac.carrier_id,
           ac.carrier_worker_id, ac.next_visit_due, ac.granted_until, ac.missed_in_row
         FROM aftercare_cases ac
         WHERE ac.agency_id = ${agencyId} AND ${where} AND ${scope}
         ORDER BY ${order}, ac.reference LIMIT ${limit})`;
      const active = sql`ac.state = 'active'`;
      const rows = await sql<Omit<QueueRow, 'total'>>`
          WITH hits AS (
            ${bucket('overdue', sql`${active} AND ac.next_visit_due < ${today}::date`, sql`ac.next_visit_due`)}
            UNION ALL
            ${bucket('due', sql`${active} AND ac.next_visit_due BETWEEN ${today}::date AND ${weekEnd}::date`, sql`ac.next_visit_due`)}
            UNION ALL
            ${bucket('ending', sql`ac.state IN ('granted', 'active') AND ac.granted_until <= ${soonUntil}::date`, sql`ac.granted_until`)})
          SELECT hits.*, h.head_name, w.display_name AS worker_name
          FROM hits
          -- One index lookup per shown case (as a plain join the planner read all of the agency's households).
          CROSS JOIN LATERAL (SELECT hh.head_name FROM households hh
                              WHERE hh.id = hits.household_id AND hh.agency_id = ${agencyId} LIMIT 1) h
          LEFT JOIN users w ON w.id = hits.carrier_worker_id
          ORDER BY hits.bucket, CASE WHEN hits.bucket = 'ending' THEN hits.granted_until ELSE hits.next_visit_due END, hits.reference`.execute(
        tx,
      );
      const counts = await sql<Record<QueueBucket, number>>`
          SELECT count(*) FILTER (WHERE ${active} AND ac.next_visit_due < ${today}::date)::int AS overdue,
            count(*) FILTER (WHERE ${active} AND ac.next_visit_due BETWEEN ${today}::date AND ${weekEnd}::date)::int AS due,
            count(*) FILTER (WHERE ac.granted_until <= ${soonUntil}::date)::int AS ending
          FROM aftercare_cases ac
          WHERE ac.agency_id = ${agencyId} AND ac.state IN ('granted', 'active') AND ${scope}
            AND (ac.next_visit_due <= ${weekEnd}::date OR ac.granted_until <= ${soonUntil}::date)`.execute(tx);
      const total = counts.rows[0]!;
      return rows.rows.map((r) => ({ ...r, total: total[r.bucket] }));
    },

    addExtension: (caseId: string, fromUntil: string, toUntil: string, reason: string, by: string) =>
      tx
        .insertInto('aftercare_extensions')
        .values({ agency_id: agencyId, case_id: caseId, from_until: fromUntil, to_until: toUntil, reason, created_by: by })
        .execute(),

    addConsent: (v: {
      case_id: string;
      household_id: string;
      carrier_id: string;
      purpose: string;
      form: string;
      given_on: string;
      recorded_by: string;
    }) =>
      tx
        .insertInto('aftercare_consents')
        .values({ ...v, agency_id: agencyId })
        .returning('id')
        .executeTakeFirstOrThrow(),

    withdrawConsent: (consentId: string, on: string, note: string | null) =>
      tx
        .updateTable('aftercare_consents')
        .set({ withdrawn_on: on, withdrawal_note: note })
        .where('agency_id', '=', agencyId)
        .where('id', '=', consentId)
        .execute(),
  };
}
export type AftercareRepository = ReturnType<typeof aftercareRepository>;
