import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { TContactChannel, TContactResult, THouseholdMatch, ZCaseListQuery } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import type {
  PreventionCasesTable,
  PreventionContactAttemptsTable,
  PreventionMeasuresTable,
  PreventionReferralsTable,
} from '../../db/types.js';
import { overdueDeadline } from '../../platform/deadlines/deadlines.service.js';
import type { AttemptFact } from './contact.js';
import type { DerivedColumns } from './prevention.derive.js';
import type { MatchRow } from './prevention.matching.js';
import { containsPattern, PLAN_PER_CALL } from '../../db/patterns.js';

export type CaseRow = Selectable<PreventionCasesTable>;
export type AttemptRow = Selectable<PreventionContactAttemptsTable> & { by_name: string | null };
export type MeasureRow = Selectable<PreventionMeasuresTable>;
export type ReferralRow = Selectable<PreventionReferralsTable>;
export interface AttemptWrite {
  channel: string;
  at: string | Date;
  result: string;
  stepIndex: number | null;
  note: string | null;
}
export interface MeasureWrite {
  kind: string;
  status: string;
  note: string | null;
  data: unknown;
}
export interface ReferralWrite {
  kind: string;
  status: string;
  service: string | null;
  referredOn: string | null;
  note: string | null;
}
export type CaseDetail = CaseRow & {
  hh_reference: string;
  hh_name: string;
  hh_persons: number;
  hh_situation: string;
  hh_seeking: boolean;
  hh_case_manager_id: string | null;
  cm_name: string | null;
  sw_name: string | null;
  carrier_name: string | null;
};

/** Data access for prevention cases, bound to one agency: no query here can leave it. */
export function preventionRepository(tx: Tx, agencyId: string) {
  const detail = () =>
    tx
      .selectFrom('prevention_cases as c')
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .leftJoin('users as cm', 'cm.id', 'c.case_manager_id')
      .leftJoin('users as sw', 'sw.id', 'c.social_worker_id')
      .leftJoin('carriers as ca', 'ca.id', 'c.aftercare_carrier_id')
      .selectAll('c')
      .select([
        'h.reference as hh_reference',
        'h.head_name as hh_name',
        'h.persons as hh_persons',
        'h.situation as hh_situation',
        'h.seeking_housing as hh_seeking',
        'h.case_manager_id as hh_case_manager_id',
        'cm.display_name as cm_name',
        'sw.display_name as sw_name',
        'ca.name as carrier_name',
      ])
      .where('c.agency_id', '=', agencyId);

  return {
    find: (id: string) => detail().where('c.id', '=', id).executeTakeFirst() as Promise<CaseDetail | undefined>,
    /** The case row locked for a change (concurrent steps on one case run one after the other). */
    lock: (id: string) =>
      tx.selectFrom('prevention_cases').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).forUpdate().executeTakeFirst(),

    attempts: (caseId: string) =>
      tx
        .selectFrom('prevention_contact_attempts as a')
        .leftJoin('users as u', 'u.id', 'a.created_by')
        .selectAll('a')
        .select('u.display_name as by_name')
        .where('a.agency_id', '=', agencyId)
        .where('a.case_id', '=', caseId)
        .orderBy('a.at')
        .orderBy('a.id')
        .execute() as Promise<AttemptRow[]>,
    measures: (caseId: string) =>
      tx
        .selectFrom('prevention_measures')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    referrals: (caseId: string) =>
      tx
        .selectFrom('prevention_referrals')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    measure: (id: string) =>
      tx.selectFrom('prevention_measures').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    referral: (id: string) =>
      tx.selectFrom('prevention_referrals').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),

    /** The global search: cases whose number, court file number, street or tenant names contain `text`; an exact number first, then the newest. */
    search: (text: string, limit: number) =>
      tx
        .selectFrom('prevention_cases as c')
        .innerJoin('households as h', 'h.id', 'c.household_id')
        .select([
          'c.id',
          'c.reference',
          'c.status',
          'c.household_id',
          'c.court_file_number',
          'h.head_name',
          'c.street',
          'c.postal_code',
          'c.city',
        ])
        .where('c.agency_id', '=', agencyId)
        .where('c.search_text', 'like', containsPattern(text))
        .orderBy(sql`lower(c.reference) = ${text}`, 'desc')
        .orderBy('c.received_on', 'desc')
        .orderBy('c.id')
        .limit(limit)
        .modifyEnd(PLAN_PER_CALL)
        .execute(),

    async list(q: z.output<typeof ZCaseListQuery>, userId: string, today: string) {
      const base = tx
        .selectFrom('prevention_cases as c')
        .where('c.agency_id', '=', agencyId)
        .$if(q.status === 'open', (b) => b.where('c.status', '<>', 'closed'))
        .$if(q.status !== 'open', (b) => b.where('c.status', '=', q.status))
        .$if(!!q.source, (b) => b.where('c.source', '=', q.source!))
        .$if(!!q.threatStage, (b) => b.where('c.threat_stage', '=', q.threatStage!))
        .$if(!!q.outcome, (b) => b.where('c.outcome', '=', q.outcome!))
        .$if(!!q.caseManagerId, (b) => b.where('c.case_manager_id', '=', q.caseManagerId!))
        .$if(q.mine === true, (b) => b.where((eb) => eb.or([eb('c.case_manager_id', '=', userId), eb('c.social_worker_id', '=', userId)])))
        .$if(q.evictionScheduled === true, (b) => b.where('c.eviction_at', 'is not', null))
        .$if(q.overdue === true, (b) => b.where(overdueDeadline('c.id', agencyId, new Date())))
        .$if(!!q.q, (b) => b.where('c.search_text', 'like', containsPattern(q.q!.toLowerCase())).modifyEnd(PLAN_PER_CALL));
      const ordered =
        q.sort === 'urgency'
          ? // Urgency as the office ranks it: eviction date first, then cure end, then the next contact step, then age.
            base
              .orderBy('c.eviction_at', (ob) => ob.asc().nullsLast())
              .orderBy('c.cure_end', (ob) => ob.asc().nullsLast())
              .orderBy('c.next_contact_due_on', (ob) => ob.asc().nullsLast())
              .orderBy('c.received_on')
              .orderBy('c.id')
          : q.sort === 'receivedOn'
            ? base.orderBy('c.received_on', 'desc').orderBy('c.id')
            : base.orderBy('c.reference', 'desc');
      const [items, total] = await Promise.all([
        ordered
          .innerJoin('households as h', 'h.id', 'c.household_id')
          .leftJoin('users as cm', 'cm.id', 'c.case_manager_id')
          .leftJoin('users as sw', 'sw.id', 'c.social_worker_id')
          .select([
            'c.id',
            'c.reference',
            'c.status',
            'c.household_id',
            'h.head_name',
            'c.street',
            'c.postal_code',
            'c.city',
            'c.source',
            'c.threat_stage',
            'c.arrears_cents',
            'c.received_on',
            'c.eviction_at',
            'c.cure_end',
            'c.cure_available',
            'c.hearing_at',
            'c.next_contact_step',
            'c.next_contact_due_on',
            'c.first_attempt_at',
            'c.first_contact_at',
            'c.urgent_at',
            'c.outcome',
            'c.case_manager_id',
            'cm.display_name as cm_name',
            'c.social_worker_id',
            'sw.display_name as sw_name',
            sql<number>`(${today}::date - c.received_on)`.as('age_days'),
          ])
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    /** A change of the case: the given columns, a new version and the time of the change. */
    async touch(id: string, set: Record<string, unknown> = {}) {
      await tx
        .updateTable('prevention_cases')
        .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }) as never)
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },
    /** The derived columns (legal clock, contact procedure, queue order) as `derive` computed them. */
    async setDerived(id: string, columns: DerivedColumns) {
      await tx.updateTable('prevention_cases').set(columns).where('agency_id', '=', agencyId).where('id', '=', id).execute();
    },
    async saveClearing(id: string, clearing: { threatStage?: string | null | undefined }) {
      await tx
        .updateTable('prevention_cases')
        .set((eb) => ({
          clearing: JSON.stringify(clearing),
          clearing_version: eb('clearing_version', '+', 1),
          version: eb('version', '+', 1),
          updated_at: new Date(),
          ...(clearing.threatStage ? { threat_stage: clearing.threatStage } : {}),
        }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    /** The attempts of a case as the contact procedure reads them. */
    async attemptFacts(caseId: string): Promise<AttemptFact[]> {
      const rows = await tx
        .selectFrom('prevention_contact_attempts')
        .select(['id', 'channel', 'at', 'result', 'step_index'])
        .where('agency_id', '=', agencyId)
        .where('case_id', '=', caseId)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        channel: r.channel as TContactChannel,
        at: r.at as Date,
        result: r.result as TContactResult,
        stepIndex: r.step_index,
      }));
    },
    async insertAttempt(caseId: string, a: AttemptWrite, by: string) {
      await tx
        .insertInto('prevention_contact_attempts')
        .values({
          agency_id: agencyId,
          case_id: caseId,
          channel: a.channel,
          at: a.at,
          result: a.result,
          step_index: a.stepIndex,
          note: a.note,
          created_by: by,
        })
        .execute();
    },

    insertMeasure: (caseId: string, m: MeasureWrite, by: string) =>
      tx
        .insertInto('prevention_measures')
        .values({
          agency_id: agencyId,
          case_id: caseId,
          kind: m.kind,
          status: m.status,
          note: m.note,
          data: JSON.stringify(m.data),
          created_by: by,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    async updateMeasure(id: string, m: Omit<MeasureWrite, 'kind'>) {
      await tx
        .updateTable('prevention_measures')
        .set((eb) => ({
          status: m.status,
          note: m.note,
          data: JSON.stringify(m.data),
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },
    insertReferral: (caseId: string, r: ReferralWrite, by: string) =>
      tx
        .insertInto('prevention_referrals')
        .values({
          agency_id: agencyId,
          case_id: caseId,
          kind: r.kind,
          status: r.status,
          service: r.service,
          referred_on: r.referredOn,
          note: r.note,
          created_by: by,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    async updateReferral(id: string, r: ReferralWrite) {
      await tx
        .updateTable('prevention_referrals')
        .set((eb) => ({
          kind: r.kind,
          status: r.status,
          service: r.service,
          referred_on: r.referredOn,
          note: r.note,
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute();
    },

    householdMatches: (rows: readonly MatchRow[]) => householdMatches(tx, agencyId, rows),
  };
}
export type PreventionRepository = ReturnType<typeof preventionRepository>;

/**
 * Matching (see prevention.matching.ts), one statement for all rows. It reads the members of
 * households because the match is by person: splitting it per module would cost a round trip per
 * row set and the ranking of both reasons in one pass.
 *
 * Matches of each row (by index in `rows`), best first: both reasons before one, then by
 * reference. Rows without matches are absent from the map.
 */
async function householdMatches(tx: Tx, agencyId: string, rows: readonly MatchRow[]): Promise<Map<number, THouseholdMatch[]>> {
  const people = rows.flatMap((r, i) =>
    r.tenants
      .filter((t) => t.birthDate)
      .map((t) => ({ i, f: t.firstName.trim().toLowerCase(), l: t.lastName.trim().toLowerCase(), b: t.birthDate })),
  );
  const homes = rows.map((r, i) => ({ i, s: r.street ?? null, p: r.postalCode ?? null })).filter((h) => h.s);
  const out = new Map<number, THouseholdMatch[]>();
  if (!people.length && !homes.length) return out;
  const { rows: found } = await sql<{
    i: number;
    household_id: string;
    reference: string;
    head_name: string;
    persons: number;
    situation: string;
    reasons: string[];
    open_case_id: string | null;
  }>`
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
    list.push({
      householdId: r.household_id,
      reference: r.reference,
      name: r.head_name,
      persons: r.persons,
      situation: r.situation,
      reasons: r.reasons as THouseholdMatch['reasons'],
      openCaseId: r.open_case_id,
    });
    out.set(r.i, list);
  }
  return out;
}
