import type { Tx } from '../../db/database.js';
import { stepEffects } from '../../platform/effects/effects.js';
import type { Ctx } from '../../platform/http/context.js';
import { berlinToday, CASE_DEADLINE_KINDS, caseLink, derive, plannedDeadlines } from './prevention.derive.js';
import { preventionRepository, type CaseRow } from './prevention.repository.js';

/*
 * What prevention steps cause around them, in the step's own transaction: derived columns and
 * deadline rows kept in step with the facts, and notifications to the next actor.
 */

export function preventionEffects(tx: Tx, ctx: Ctx) {
  const fx = stepEffects(tx, ctx);
  const repo = preventionRepository(tx, ctx.actor.agencyId);

  async function settings() {
    const a = await fx.agency();
    return { agencyName: a.name, state: a.state, prevention: a.settings.prevention, letterhead: a.settings.letterhead };
  }

  return {
    ...fx,
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
      const open = (await fx.openDeadlinesOf([c.id])).filter((d) => (CASE_DEADLINE_KINDS as readonly string[]).includes(d.kind));
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
        else
          await fx.openDeadline({
            ...p,
            subjectType: 'prevention_case',
            subjectId: c.id,
            link: caseLink(c.id),
            householdId: c.household_id,
          });
      }
      const stale = open.filter((d) => !keep.has(d.id));
      // A contact step met by an attempt (the procedure moved on) is done; anything else that moved or ended is cancelled.
      const moved = columns.next_contact_step !== c.next_contact_step;
      for (const status of ['done', 'cancelled'] as const) {
        const ids = stale.filter((d) => (status === 'done') === (d.kind === 'prevention_contact' && moved)).map((d) => d.id);
        await fx.closeDeadlineRows(ids, status);
      }
      return { columns, procedure };
    },

    closeAll: (caseId: string, status: 'done' | 'cancelled') => fx.closeDeadlines(caseId, undefined, status),

    /** The case manager, else every case manager and lead: who acts on a new notice at once. */
    caseManagersOr: async (id: string | null | undefined) => (id ? [id] : fx.usersWithRoles(['case_manager', 'lead'])),
    socialWorkersOr: async (id: string | null | undefined) => (id ? [id] : fx.usersWithRoles(['social_worker'])),
    leads: () => fx.usersWithRoles(['lead']),
  };
}
export type PreventionEffects = ReturnType<typeof preventionEffects>;
