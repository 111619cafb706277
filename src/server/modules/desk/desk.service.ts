import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TRole } from '../../../contracts/common.js';
import type { TDesk, TDeskItem, TReassignResult, TTeam, TWorkList, TWorkType, ZReassign, ZWorkQuery } from '../../../contracts/desk.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import { audit, recordAudit, subjectOf } from '../../platform/audit/audit.js';
import { recentlyOpened } from '../../platform/audit/audit.service.js';
import { deadlineWork, deskDeadlines } from '../../platform/deadlines/deadlines.service.js';
import {
  byUrgency,
  deskClock,
  dueIso,
  urgencyOf,
  type DeskContribution,
  type DeskRequest,
  type WorkHolding,
  type WorkKind,
} from '../../platform/desk/desk.contribution.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { notify } from '../../platform/notify/notify.js';
import { unreadNotifications } from '../../platform/notify/notify.service.js';
import { officeStaff, userFacts } from '../users/users.service.js';

/** Most items per section on the start page; each section's total says how many there are. */
const SECTION_LIMIT = 8;
const RECENT_LIMIT = 8;

const ROLE_NAMES: Record<string, string> = {
  case_manager: 'Sachbearbeitung',
  social_worker: 'Sozialarbeit',
  accommodation_worker: 'Sozialarbeit der Unterkunft',
  lead: 'Leitung',
};
const TYPE_NAMES: Record<TWorkType, string> = {
  deadline: 'Fristen',
  prevention_case: 'Präventionsfälle',
  offer: 'Wohnungsangebote',
  tenancy: 'Mietverhältnisse',
};

const invalid = (errors: FieldError[]) => new AppError('validation_failed', errors[0]!.message, { errors });

/**
 * The start page: the user's own deadlines, what each registered module contributes (its own scope
 * applied), unread notifications, recently opened records and, for the lead, the team. And the
 * lead's hand-over of work between people (absence, leaving staff).
 */
export function deskService(db: Kysely<DB>, contributions: readonly DeskContribution[]) {
  /** Deadlines are platform work; the modules add theirs. */
  const workKinds: WorkKind[] = [deadlineWork, ...contributions.flatMap((c) => c.work ?? [])];
  const kindOf = new Map(workKinds.map((k) => [k.type, k]));

  async function recent(req: DeskRequest): Promise<TDeskItem[]> {
    const opened = await recentlyOpened(req.tx, req.ctx, RECENT_LIMIT * 2);
    const named = new Map<string, { title: string; detail: string | null; link: string; module: string }>();
    for (const c of contributions) {
      for (const [type, describe] of Object.entries(c.recent ?? {})) {
        const ids = opened.filter((o) => o.entity_type === type).map((o) => o.entity_id);
        if (ids.length === 0) continue;
        for (const [id, r] of await describe(req, ids)) named.set(`${type}:${id}`, { ...r, module: c.module });
      }
    }
    return opened
      .flatMap((o) => {
        const r = named.get(`${o.entity_type}:${o.entity_id}`);
        return r
          ? [
              {
                id: o.entity_id,
                module: r.module,
                kind: o.entity_type,
                title: r.title,
                detail: r.detail,
                dueAt: null,
                link: r.link,
                urgency: 'none' as const,
              },
            ]
          : [];
      })
      .slice(0, RECENT_LIMIT);
  }

  async function team(tx: Tx, agencyId: string, now: Date): Promise<TTeam> {
    const per = new Map<string | null, { open: number; overdue: number; byType: Record<string, number> }>();
    for (const kind of workKinds) {
      for (const c of await kind.counts(tx, agencyId, now)) {
        const m = per.get(c.holderId) ?? { open: 0, overdue: 0, byType: {} };
        m.open += c.open;
        m.overdue += c.overdue;
        m.byType[kind.type] = (m.byType[kind.type] ?? 0) + c.open;
        per.set(c.holderId, m);
      }
    }
    const staff = await officeStaff(tx, agencyId);
    // Someone who left (inactive) but still holds work is listed too: that is the work to hand over.
    const others = await userFacts(
      tx,
      agencyId,
      [...per.keys()].filter((id): id is string => id !== null && !staff.some((s) => s.id === id)),
    );
    const empty = { open: 0, overdue: 0, byType: {} };
    const members = [
      ...staff.map((s) => ({ userId: s.id, displayName: s.display_name, role: s.role, active: true, ...(per.get(s.id) ?? empty) })),
      ...others.map((u) => ({ userId: u.id, displayName: u.display_name, role: u.role, active: u.active, ...per.get(u.id)! })),
    ].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.displayName.localeCompare(b.displayName, 'de'));
    return { members, unassigned: per.get(null) ?? empty };
  }

  return {
    desk(ctx: Ctx, now = new Date()): Promise<TDesk> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'desk.read');
        const clock = deskClock(now);
        const req: DeskRequest = { tx, ctx, clock, limit: SECTION_LIMIT };
        const deadlines = await deskDeadlines(req);
        const sections = [];
        for (const c of contributions) if (c.sections) sections.push(...(await c.sections(req)));
        const notifications = await unreadNotifications(tx, ctx, 5);
        const recentItems = await recent(req);
        const teamView = roleHas(ctx.actor.role, 'work.list') ? await team(tx, ctx.actor.agencyId, now) : null;
        audit(tx, ctx, {
          action: 'desk.read',
          details: {
            deadlines: deadlines.items.length,
            sections: Object.fromEntries(sections.map((s) => [`${s.module}.${s.kind}`, s.items.length])),
            notifications: notifications.items.length,
            recent: recentItems.map((r) => `${r.kind}:${r.id}`),
            team: teamView !== null,
          },
        });
        return {
          today: clock.today,
          deadlines,
          sections,
          notifications: {
            unread: notifications.unread,
            items: notifications.items.map((n) => ({
              id: n.id,
              module: 'notifications',
              kind: n.kind,
              title: n.title,
              titleKey: n.key ? `${n.key}.title` : null,
              titleParams: n.params,
              detail: n.body,
              detailKey: n.key && n.body ? `${n.key}.body` : null,
              dueAt: null,
              link: n.link ?? '/notifications',
              urgency: 'none' as const,
            })),
          },
          recent: recentItems,
          team: teamView,
        };
      });
    },

    /** One person's open work (or the unassigned work), for the hand-over dialog. */
    work(ctx: Ctx, q: z.output<typeof ZWorkQuery>, now = new Date()): Promise<TWorkList> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'work.list');
        const clock = deskClock(now);
        const holderId = q.userId ?? null;
        const items = [];
        for (const kind of workKinds) {
          const rows = await kind.list(tx, ctx.actor.agencyId, holderId);
          items.push(
            ...rows
              .map((r) => ({
                type: kind.type,
                id: r.id,
                title: r.title,
                ...(r.titleKey ? { titleKey: r.titleKey, titleParams: r.titleParams ?? {} } : {}),
                detail: r.detail,
                dueAt: dueIso(r.due),
                link: r.link,
                urgency: urgencyOf(r.due, clock),
                roles: [...r.roles],
              }))
              .sort(byUrgency),
          );
        }
        audit(tx, ctx, { action: 'work.list', details: { userId: holderId, results: items.length } });
        return { userId: holderId, items };
      });
    },

    /**
     * Hands exactly these items to another person of the agency who holds a fitting role; every move
     * is audited (the item, from whom, to whom) and the new holder is notified. A case's open
     * deadlines held by its previous holder go with it (the module's `move`).
     */
    reassign(ctx: Ctx, input: z.output<typeof ZReassign>): Promise<TReassignResult> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'work.reassign');
        const agencyId = ctx.actor.agencyId;
        const [target] = await userFacts(tx, agencyId, [input.toUserId]);
        if (!target)
          throw invalid([{ field: 'toUserId', code: 'unknown_user', message: 'Diese Person gibt es in Ihrer Dienststelle nicht.' }]);
        if (!target.active)
          throw invalid([{ field: 'toUserId', code: 'inactive', message: `${target.display_name} ist nicht mehr aktiv.` }]);

        const errors: FieldError[] = [];
        const moves = new Map<WorkKind, WorkHolding[]>();
        const missingRole = new Set<TWorkType>();
        const byType = new Map<TWorkType, { index: number; id: string }[]>();
        input.items.forEach((item, index) => byType.set(item.type, [...(byType.get(item.type) ?? []), { index, id: item.id }]));
        for (const [type, wanted] of byType) {
          const kind = kindOf.get(type)!;
          const held = new Map((await kind.load(tx, agencyId, [...new Set(wanted.map((w) => w.id))])).map((h) => [h.id, h]));
          for (const w of wanted) {
            const h = held.get(w.id);
            if (!h) errors.push({ field: `items.${w.index}.id`, code: 'not_found', message: 'Diesen Eintrag gibt es nicht (mehr).' });
            else if (!h.open)
              errors.push({ field: `items.${w.index}.id`, code: 'closed', message: 'Dieser Eintrag ist bereits erledigt.' });
            else if (!h.roles.includes(target.role as TRole)) missingRole.add(type);
            else if (h.holderId !== input.toUserId && !(moves.get(kind) ?? []).some((x) => x.id === h.id))
              moves.set(kind, [...(moves.get(kind) ?? []), h]);
          }
        }
        if (missingRole.size) {
          errors.unshift({
            field: 'toUserId',
            code: 'role',
            message: `${target.display_name} (${ROLE_NAMES[target.role] ?? target.role}) kann nicht übernehmen: ${[...missingRole].map((t) => TYPE_NAMES[t]).join(', ')}.`,
          });
        }
        if (errors.length) throw invalid(errors);

        const result: Record<string, number> = {};
        const who = subjectOf(ctx);
        for (const [kind, items] of moves) {
          await kind.move(tx, agencyId, items, input.toUserId);
          result[kind.type] = items.length;
          for (const h of items) {
            recordAudit(tx, who, {
              action: 'work.reassign',
              entityId: h.id,
              entityType: kind.type,
              details: { type: kind.type, from: h.holderId, to: input.toUserId },
            });
          }
        }
        const moved = Object.values(result).reduce((a, b) => a + b, 0);
        if (moved > 0 && input.toUserId !== ctx.actor.userId) {
          await notify(tx, agencyId, {
            userIds: [input.toUserId],
            kind: 'work.reassigned',
            title: moved === 1 ? 'Ihnen wurde ein Eintrag übergeben' : `Ihnen wurden ${moved} Einträge übergeben`,
            text: { key: 'notice.workReassigned', params: { count: moved } },
            body: Object.entries(result)
              .map(([t, n]) => `${TYPE_NAMES[t as TWorkType]}: ${n}`)
              .join(', '),
            link: '/',
            mail: false,
          });
        }
        return { moved, byType: result };
      });
    },
  };
}
export type DeskService = ReturnType<typeof deskService>;
