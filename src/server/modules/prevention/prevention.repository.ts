import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { ZCaseListQuery } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import type { PreventionCasesTable, PreventionContactAttemptsTable, PreventionMeasuresTable, PreventionReferralsTable } from '../../db/types.js';

export type CaseRow = Selectable<PreventionCasesTable>;
export type AttemptRow = Selectable<PreventionContactAttemptsTable> & { by_name: string | null };
export type MeasureRow = Selectable<PreventionMeasuresTable>;
export type ReferralRow = Selectable<PreventionReferralsTable>;
export type CaseDetail = CaseRow & {
  hh_reference: string; hh_name: string; hh_persons: number; hh_situation: string; hh_seeking: boolean; hh_case_manager_id: string | null;
  cm_name: string | null; sw_name: string | null; carrier_name: string | null;
};

/** Data access for prevention cases, bound to one agency: no query here can leave it. */
export function preventionRepository(tx: Tx, agencyId: string) {
  const detail = () =>
    tx.selectFrom('prevention_cases as c')
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .leftJoin('users as cm', 'cm.id', 'c.case_manager_id')
      .leftJoin('users as sw', 'sw.id', 'c.social_worker_id')
      .leftJoin('carriers as ca', 'ca.id', 'c.aftercare_carrier_id')
      .selectAll('c')
      .select(['h.reference as hh_reference', 'h.head_name as hh_name', 'h.persons as hh_persons', 'h.situation as hh_situation', 'h.seeking_housing as hh_seeking',
        'h.case_manager_id as hh_case_manager_id', 'cm.display_name as cm_name', 'sw.display_name as sw_name', 'ca.name as carrier_name'])
      .where('c.agency_id', '=', agencyId);

  return {
    find: (id: string) => detail().where('c.id', '=', id).executeTakeFirst() as Promise<CaseDetail | undefined>,
    /** The case row locked for a change (concurrent steps on one case run one after the other). */
    lock: (id: string) => tx.selectFrom('prevention_cases').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).forUpdate().executeTakeFirst(),

    attempts: (caseId: string) =>
      tx.selectFrom('prevention_contact_attempts as a').leftJoin('users as u', 'u.id', 'a.created_by').selectAll('a').select('u.display_name as by_name')
        .where('a.agency_id', '=', agencyId).where('a.case_id', '=', caseId).orderBy('a.at').orderBy('a.id').execute() as Promise<AttemptRow[]>,
    measures: (caseId: string) => tx.selectFrom('prevention_measures').selectAll().where('agency_id', '=', agencyId).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
    referrals: (caseId: string) => tx.selectFrom('prevention_referrals').selectAll().where('agency_id', '=', agencyId).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
    measure: (id: string) => tx.selectFrom('prevention_measures').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    referral: (id: string) => tx.selectFrom('prevention_referrals').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),

    async list(q: z.output<typeof ZCaseListQuery>, userId: string, today: string) {
      const base = tx.selectFrom('prevention_cases as c')
        .where('c.agency_id', '=', agencyId)
        .$if(q.status === 'open', (b) => b.where('c.status', '<>', 'closed'))
        .$if(q.status !== 'open', (b) => b.where('c.status', '=', q.status))
        .$if(!!q.source, (b) => b.where('c.source', '=', q.source!))
        .$if(!!q.threatStage, (b) => b.where('c.threat_stage', '=', q.threatStage!))
        .$if(!!q.outcome, (b) => b.where('c.outcome', '=', q.outcome!))
        .$if(!!q.caseManagerId, (b) => b.where('c.case_manager_id', '=', q.caseManagerId!))
        .$if(q.mine === true, (b) => b.where((eb) => eb.or([eb('c.case_manager_id', '=', userId), eb('c.social_worker_id', '=', userId)])))
        .$if(q.evictionScheduled === true, (b) => b.where('c.eviction_at', 'is not', null))
        .$if(q.overdue === true, (b) => b.where((eb) => eb.exists(eb.selectFrom('deadlines as d').select('d.id')
          .whereRef('d.subject_id', '=', 'c.id').where('d.agency_id', '=', agencyId).where('d.status', '=', 'open').where('d.due_at', '<', new Date()))))
        .$if(!!q.q, (b) => b.where('c.search_text', 'like', `%${q.q!.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
      const ordered = q.sort === 'urgency'
        // Urgency as the office ranks it: eviction date first, then cure end, then the next contact step, then age.
        ? base.orderBy('c.eviction_at', (ob) => ob.asc().nullsLast()).orderBy('c.cure_end', (ob) => ob.asc().nullsLast())
          .orderBy('c.next_contact_due_on', (ob) => ob.asc().nullsLast()).orderBy('c.received_on').orderBy('c.id')
        : q.sort === 'receivedOn' ? base.orderBy('c.received_on', 'desc').orderBy('c.id') : base.orderBy('c.reference', 'desc');
      const [items, total] = await Promise.all([
        ordered
          .innerJoin('households as h', 'h.id', 'c.household_id')
          .leftJoin('users as cm', 'cm.id', 'c.case_manager_id')
          .leftJoin('users as sw', 'sw.id', 'c.social_worker_id')
          .select(['c.id', 'c.reference', 'c.status', 'c.household_id', 'h.head_name', 'c.street', 'c.postal_code', 'c.city', 'c.source', 'c.threat_stage', 'c.arrears_cents',
            'c.received_on', 'c.eviction_at', 'c.cure_end', 'c.cure_available', 'c.hearing_at', 'c.next_contact_step', 'c.next_contact_due_on', 'c.first_attempt_at',
            'c.first_contact_at', 'c.urgent_at', 'c.outcome', 'c.case_manager_id', 'cm.display_name as cm_name', 'c.social_worker_id', 'sw.display_name as sw_name',
            sql<number>`(${today}::date - c.received_on)`.as('age_days')])
          .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    userRoles: (ids: (string | null | undefined)[]) => {
      const wanted = ids.filter((x): x is string => !!x);
      return wanted.length ? tx.selectFrom('users').select(['id', 'role', 'display_name', 'carrier_id']).where('agency_id', '=', agencyId).where('id', 'in', wanted).execute() : Promise.resolve([]);
    },
    householdVisible: (id: string) => tx.selectFrom('households').select(['id', 'situation', 'case_manager_id']).where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
  };
}
export type PreventionRepository = ReturnType<typeof preventionRepository>;
