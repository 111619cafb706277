import type { TRole } from '../../../contracts/common.js';
import type { Tx } from '../../db/database.js';
import { closeDeadlineRows, closeDeadlines, openDeadline, openDeadlinesOf } from '../../platform/deadlines/deadlines.js';
import type { Ctx } from '../../platform/http/context.js';
import { notify } from '../../platform/notify/notify.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { activeCarrierWorkers, activeUsersWithRoles } from '../users/users.service.js';
import { berlinToday, CASE_DEADLINE_KINDS, caseLink, derive, plannedDeadlines } from './prevention.derive.js';
import { preventionRepository, type CaseRow } from './prevention.repository.js';

/*
 * What prevention steps cause around them, in the step's own transaction: derived columns and
 * deadline rows kept in step with the facts, and notifications to the next actor.
 */

export function preventionEffects(tx: Tx, ctx: Ctx) {
  const agencyId = ctx.actor.agencyId;
  const repo = preventionRepository(tx, agencyId);
  const others = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x && x !== ctx.actor.userId))];
  const usersWithRoles = (roles: TRole[]) => activeUsersWithRoles(tx, agencyId, roles);

  async function settings() {
    const a = await agencyFacts(tx, agencyId);
    return { agencyName: a.name, state: a.state, prevention: a.settings.prevention, letterhead: a.settings.letterhead };
  }

  return {
    settings,

    /**
     * Recomputes the derived columns of a case from its facts and attempts and brings its open
     * deadline rows in line: unchanged ones stay (no second reminder), changed ones are replaced.
     */
    async refresh(c: CaseRow, now = new Date()) {
      const s = await settings();
      const closed = c.status === 'closed';
      const facts = {
        reference: c.reference,
        receivedOn: c.received_on,
        street: c.street,
        courtFileNumber: c.court_file_number,
        tenants: c.tenants,
        closed,
        lawsuitServedOn: c.lawsuit_served_on,
        terminationOn: c.termination_on,
        previousCureOn: c.previous_cure_on,
        ordinaryTermination: c.ordinary_termination,
        writtenProceedingsServedOn: c.written_proceedings_served_on,
        hearingAt: c.hearing_at ? new Date(c.hearing_at).toISOString() : null,
        evictionAt: c.eviction_at ? new Date(c.eviction_at).toISOString() : null,
      };
      const { columns, procedure } = derive(facts, await repo.attemptFacts(c.id), s.prevention, s.state, berlinToday(now));
      await repo.setDerived(c.id, columns);
      const planned = plannedDeadlines(c.reference, facts, columns, procedure, s.prevention, c.case_manager_id, now);
      const open = (await openDeadlinesOf(tx, [c.id])).filter((d) => (CASE_DEADLINE_KINDS as readonly string[]).includes(d.kind));
      const keep = new Set<string>();
      for (const p of planned) {
        const same = open.find(
          (d) =>
            d.kind === p.kind &&
            (d.due_at as Date).getTime() === p.dueAt.getTime() &&
            d.assignee_id === (p.assigneeId ?? null) &&
            d.title === p.title,
        );
        if (same) keep.add(same.id);
        else await openDeadline(tx, agencyId, { ...p, subjectType: 'prevention_case', subjectId: c.id, link: caseLink(c.id) });
      }
      const stale = open.filter((d) => !keep.has(d.id));
      // A contact step met by an attempt (the procedure moved on) is done; anything else that moved or ended is cancelled.
      const moved = columns.next_contact_step !== c.next_contact_step;
      for (const status of ['done', 'cancelled'] as const) {
        const ids = stale.filter((d) => (status === 'done') === (d.kind === 'prevention_contact' && moved)).map((d) => d.id);
        await closeDeadlineRows(tx, ids, status, ctx.actor.userId);
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
    carrierWorkers: (carrierId: string) => activeCarrierWorkers(tx, agencyId, carrierId),
  };
}
export type PreventionEffects = ReturnType<typeof preventionEffects>;
