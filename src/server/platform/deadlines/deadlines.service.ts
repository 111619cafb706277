import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type ZDeadlineListQuery, type TDeadlinePage } from '../../../contracts/notify.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../access/access.js';
import { roleHas } from '../access/registry.js';
import { audit } from '../audit/audit.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';
import type { ExportLang } from '../export/columns.js';
import { exportList } from '../export/export.js';
import type { ExportFormat } from '../export/render.js';
import { deadlineExport } from './deadlines.export.js';
import type { TRole } from '../../../contracts/common.js';
import type { TDeskItem } from '../../../contracts/desk.js';
import { dueIso, urgencyOf, type DeskRequest, type WorkKind } from '../desk/desk.contribution.js';
import {
  deadlineCountsByAssignee,
  deadlineHoldings,
  dueDeadlinesOf,
  insertDeadline,
  listOpenDeadlines,
  openDeadlinesHeldBy,
  setDeadlineAssignee,
  type DeadlineInput,
} from './deadlines.repository.js';

/*
 * Deadlines are rows: every process opens, closes and lists them here (the one way to the
 * deadlines table); the job in deadlines.job.ts reminds and alerts.
 */
export {
  closeDeadlineRows,
  closeDeadlines,
  dueDeadlinesOf,
  moveSubjectDeadlines,
  openDeadlinesOf,
  overdueByAssigneeAndSubject,
  overdueDeadline,
} from './deadlines.repository.js';
export type { DeadlineInput, DeadlineRow } from './deadlines.repository.js';

/** Opens a deadline in the caller's transaction (which is in the agency's RLS context). */
export function openDeadline(tx: Tx, agencyId: string, d: DeadlineInput): Promise<string> {
  if (!d.link.startsWith('/')) throw new Error(`openDeadline: link must be a UI path: ${d.link}`);
  if (Number.isNaN(d.dueAt.getTime())) throw new Error('openDeadline: invalid dueAt');
  return insertDeadline(tx, agencyId, d);
}

type DeadlineListQuery = z.output<typeof ZDeadlineListQuery>;

/** One page of open deadlines as the API shows it (the list and its export); scope=all only for a lead. */
async function listPage(tx: Tx, ctx: Ctx, q: DeadlineListQuery, now: Date): Promise<TDeadlinePage> {
  const scope = q.scope === 'all' && roleHas(ctx.actor.role, 'deadline.listAll') ? 'all' : 'mine';
  const { items, total } = await listOpenDeadlines(tx, {
    assigneeId: scope === 'all' ? null : ctx.actor.userId,
    overdueOnly: q.status === 'overdue',
    now,
    page: q.page,
    pageSize: q.pageSize,
  });
  return {
    scope,
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: items.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      titleKey: d.title_key,
      titleParams: d.title_params,
      link: d.link,
      dueAt: (d.due_at as Date).toISOString(),
      overdue: (d.due_at as Date) <= now,
      assignee: d.assignee_id ? { id: d.assignee_id, displayName: d.assignee_name ?? '' } : null,
      subjectType: d.subject_type,
      subjectId: d.subject_id,
    })),
  };
}

/** The actor's open deadlines; leads may ask for the whole agency's. */
export function deadlineService(db: Kysely<DB>) {
  return {
    list(ctx: Ctx, q: DeadlineListQuery, now = new Date()): Promise<TDeadlinePage> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'deadline.list');
        const page = await listPage(tx, ctx, q, now);
        audit(tx, ctx, {
          action: 'deadline.list',
          details: { scope: page.scope, status: q.status, page: q.page, results: page.items.length },
        });
        return page;
      });
    },

    /** The list as a file: the same query and scope without paging (cut at the export limit), audited as an export. */
    export(ctx: Ctx, q: Omit<DeadlineListQuery, 'page' | 'pageSize'>, out: { format: ExportFormat; lang: ExportLang }, now = new Date()) {
      return exportList(db, ctx, { def: deadlineExport, permission: 'deadline.list', filters: q, ...out }, (tx, limit) =>
        listPage(tx, ctx, { ...q, page: 1, pageSize: limit }, now),
      );
    },
  };
}
export type DeadlineService = ReturnType<typeof deadlineService>;

/** The user's own deadlines for the start page: overdue and due within the desk's 7-day window, most urgent first. */
export async function deskDeadlines(req: DeskRequest): Promise<{ total: number; overdue: number; items: TDeskItem[] }> {
  if (!roleHas(req.ctx.actor.role, 'deadline.list')) return { total: 0, overdue: 0, items: [] };
  const { items, total, overdue } = await dueDeadlinesOf(req.tx, req.ctx.actor.userId, req.clock.now, req.clock.soonUntil, req.limit);
  return {
    total,
    overdue,
    items: items.map((d) => ({
      id: d.id,
      module: 'deadlines',
      kind: d.kind,
      title: d.title,
      titleKey: d.title_key,
      titleParams: d.title_params,
      detail: null,
      dueAt: dueIso(d.due_at as Date),
      link: d.link ?? '/deadlines',
      urgency: urgencyOf(d.due_at as Date, req.clock),
    })),
  };
}

const OFFICE: readonly TRole[] = ['case_manager', 'social_worker', 'lead'];
/** Who may take over a deadline: someone of the holder's role (or a lead); an unassigned one, any office case role. */
function deadlineTakers(holderRole: string | null): readonly TRole[] {
  if (holderRole === null || holderRole === 'lead') return OFFICE;
  return [holderRole as TRole, 'lead'];
}

/** Deadlines as work a lead hands over (see desk.contribution.ts). */
export const deadlineWork: WorkKind = {
  type: 'deadline',
  async counts(tx, _agencyId, now) {
    const rows = await deadlineCountsByAssignee(tx, now);
    return rows.map((r) => ({ holderId: r.assignee_id, open: Number(r.open), overdue: Number(r.overdue) }));
  },
  async list(tx, _agencyId, holderId) {
    const rows = await openDeadlinesHeldBy(tx, holderId);
    return rows.map((d) => ({
      id: d.id,
      title: d.title,
      titleKey: d.title_key,
      titleParams: d.title_params,
      detail: null,
      due: d.due_at as Date,
      link: d.link ?? '/deadlines',
      roles: deadlineTakers(d.holder_role),
    }));
  },
  async load(tx, _agencyId, ids) {
    const rows = await deadlineHoldings(tx, ids);
    return rows.map((d) => ({
      id: d.id,
      holderId: d.assignee_id,
      open: d.status === 'open',
      // A carrier worker's visit deadline is not the office's to hand over: nobody may take it.
      roles: d.holder_role === 'carrier_worker' || d.holder_role === 'provider_user' ? [] : deadlineTakers(d.holder_role),
    }));
  },
  async move(tx, _agencyId, items, toUserId) {
    await setDeadlineAssignee(
      tx,
      items.map((i) => i.id),
      toUserId,
    );
  },
};
