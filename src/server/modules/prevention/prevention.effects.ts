import type { TContactChannel, TContactResult } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import { agencySettings } from '../../platform/auth/guard.js';
import { closeDeadlines, openDeadline, openDeadlinesOf } from '../../platform/deadlines/deadlines.js';
import type { FederalState } from '../../platform/deadlines/workdays.js';
import type { Ctx } from '../../platform/http/context.js';
import { notify } from '../../platform/notify/notify.js';
import type { AttemptFact } from './contact.js';
import { berlinToday, CASE_DEADLINE_KINDS, caseLink, derive, plannedDeadlines } from './prevention.derive.js';
import type { CaseRow } from './prevention.repository.js';

/*
 * What prevention steps cause around them, in the step's own transaction: derived columns and
 * deadline rows kept in step with the facts, and notifications to the next actor.
 */

export function preventionEffects(tx: Tx, ctx: Ctx) {
  const agencyId = ctx.actor.agencyId;
  const others = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x && x !== ctx.actor.userId))];
  const usersWithRoles = async (roles: string[]) =>
    (await tx.selectFrom('users').select('id').where('agency_id', '=', agencyId).where('active', '=', true).where('role', 'in', roles).execute()).map((u) => u.id);

  async function settings() {
    const a = await tx.selectFrom('agencies').select(['name', 'federal_state', 'settings']).where('id', '=', agencyId).executeTakeFirstOrThrow();
    const s = agencySettings(a.settings);
    return { agencyName: a.name, state: a.federal_state as FederalState, prevention: s.prevention, letterhead: s.letterhead };
  }

  async function attemptsOf(caseId: string): Promise<AttemptFact[]> {
    const rows = await tx.selectFrom('prevention_contact_attempts').select(['id', 'channel', 'at', 'result', 'step_index']).where('agency_id', '=', agencyId).where('case_id', '=', caseId).execute();
    return rows.map((r) => ({ id: r.id, channel: r.channel as TContactChannel, at: r.at as Date, result: r.result as TContactResult, stepIndex: r.step_index }));
  }

  return {
    settings,
    attemptsOf,

    /**
     * Recomputes the derived columns of a case from its facts and attempts and brings its open
     * deadline rows in line: unchanged ones stay (no second reminder), changed ones are replaced.
     */
    async refresh(c: CaseRow, now = new Date()) {
      const s = await settings();
      const closed = c.status === 'closed';
      const facts = {
        reference: c.reference, receivedOn: c.received_on, street: c.street, courtFileNumber: c.court_file_number, tenants: c.tenants, closed,
        lawsuitServedOn: c.lawsuit_served_on, terminationOn: c.termination_on, previousCureOn: c.previous_cure_on, ordinaryTermination: c.ordinary_termination,
        writtenProceedingsServedOn: c.written_proceedings_served_on, hearingAt: c.hearing_at ? new Date(c.hearing_at).toISOString() : null,
        evictionAt: c.eviction_at ? new Date(c.eviction_at).toISOString() : null,
      };
      const { columns, procedure } = derive(facts, await attemptsOf(c.id), s.prevention, s.state, berlinToday(now));
      await tx.updateTable('prevention_cases').set(columns).where('agency_id', '=', agencyId).where('id', '=', c.id).execute();
      const planned = plannedDeadlines(c.reference, facts, columns, procedure, s.prevention, c.case_manager_id, now);
      const open = (await openDeadlinesOf(tx, [c.id])).filter((d) => (CASE_DEADLINE_KINDS as readonly string[]).includes(d.kind));
      const keep = new Set<string>();
      for (const p of planned) {
        const same = open.find((d) => d.kind === p.kind && (d.due_at as Date).getTime() === p.dueAt.getTime() && d.assignee_id === (p.assigneeId ?? null) && d.title === p.title);
        if (same) keep.add(same.id);
        else await openDeadline(tx, agencyId, { ...p, subjectType: 'prevention_case', subjectId: c.id, link: caseLink(c.id) });
      }
      const stale = open.filter((d) => !keep.has(d.id));
      // A contact step met by an attempt (the procedure moved on) is done; anything else that moved or ended is cancelled.
      const moved = columns.next_contact_step !== c.next_contact_step;
      for (const status of ['done', 'cancelled'] as const) {
        const ids = stale.filter((d) => (status === 'done') === (d.kind === 'prevention_contact' && moved)).map((d) => d.id);
        if (ids.length) await tx.updateTable('deadlines').set({ status, closed_at: new Date(), closed_by: ctx.actor.userId }).where('id', 'in', ids).execute();
      }
      return { columns, procedure };
    },

    closeAll: (caseId: string, status: 'done' | 'cancelled') => closeDeadlines(tx, { subjectId: caseId, status, by: ctx.actor.userId }),

    async inform(userIds: (string | null | undefined)[], kind: string, title: string, body: string, link: string) {
      const ids = others(userIds);
      if (ids.length) await notify(tx, agencyId, { userIds: ids, kind, title, body, link });
    },

    /** The case manager, else every case manager and lead: who acts on a new notice at once. */
    async caseManagersOr(id: string | null | undefined) {
      return id ? [id] : usersWithRoles(['case_manager', 'lead']);
    },
    socialWorkersOr: async (id: string | null | undefined) => (id ? [id] : usersWithRoles(['social_worker'])),
    leads: () => usersWithRoles(['lead']),
    carrierWorkers: async (carrierId: string) =>
      (await tx.selectFrom('users').select('id').where('agency_id', '=', agencyId).where('active', '=', true).where('carrier_id', '=', carrierId).execute()).map((u) => u.id),
  };
}
export type PreventionEffects = ReturnType<typeof preventionEffects>;
