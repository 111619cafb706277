import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  TPrivacyRequest,
  TPrivacyRequestState,
  ZPrivacyHandOver,
  ZPrivacyRefuse,
  ZPrivacyRequestCreate,
  ZPrivacyRequestQuery,
} from '../../../contracts/privacy.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { closeDeadlines, openDeadline } from '../../platform/deadlines/deadlines.service.js';
import { berlinDate, endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { householdMembers, visibleHousehold } from '../households/households.service.js';
import { buildExport, type SubjectExport } from './privacy.export.js';
import { requestActions, requestNext } from './privacy.machine.js';
import { privacyRepository, type RequestRow } from './privacy.repository.js';

/** Requests in a list at most (open ones first by due date). */
export const REQUEST_LIST_LIMIT = 500;
const DAY = 86_400_000;

/** Art. 12(3) DSGVO: one month from receipt; a day missing in the target month falls on its last day. */
export function monthAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function summaryOf(exp: unknown): TPrivacyRequest['summary'] {
  if (!exp) return null;
  return (exp as SubjectExport).tables.map((t) => ({ module: t.module, table: t.table, count: t.rows.length }));
}

function present(ctx: Ctx, r: RequestRow, withSummary = true): TPrivacyRequest {
  const state = r.state as TPrivacyRequestState;
  return {
    id: r.id,
    reference: r.reference,
    state,
    household: { id: r.household_id, reference: r.household_reference },
    member: r.member_id ? { id: r.member_id, name: r.member_name ?? '' } : null,
    channel: r.channel as TPrivacyRequest['channel'],
    receivedOn: r.received_on,
    dueOn: r.due_on,
    overdue: ['received', 'in_progress'].includes(state) && r.due_on < berlinDate(new Date()),
    requestedBy: r.requested_by,
    note: r.note,
    refusalReason: r.refusal_reason,
    producedAt: iso(r.produced_at),
    producedBy: r.produced_by_name,
    handedOverOn: r.handed_over_on,
    handoverChannel: r.handover_channel as TPrivacyRequest['handoverChannel'],
    summary: withSummary ? summaryOf(r.export) : null,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
    actions: requestActions(state, ctx.actor.role),
  };
}

/**
 * Access requests (Art. 15 DSGVO, § 83 SGB X) as a tracked process with the one-month deadline;
 * the produced export comes from every module's `SubjectDataContribution`.
 */
export function privacyService(db: Kysely<DB>, contributions: readonly SubjectDataContribution[]) {
  async function load(
    repo: ReturnType<typeof privacyRepository>,
    ctx: Ctx,
    id: string,
    permission: 'privacy.request.read' | 'privacy.request.step' | 'privacy.request.export',
  ) {
    return access.requireVisible(ctx.actor, permission, await repo.find(id), { type: 'privacy_request', id });
  }

  async function step(
    ctx: Ctx,
    id: string,
    version: number,
    name: 'start' | 'produce' | 'handOver' | 'refuse',
    fill: (row: RequestRow, tx: Tx) => Promise<Record<string, unknown>>,
  ) {
    return actorTx(db, ctx, async (tx) => {
      const repo = privacyRepository(tx, ctx.actor.agencyId);
      const row = await load(repo, ctx, id, 'privacy.request.step');
      const to = requestNext(name, row.state as TPrivacyRequestState, ctx.actor.role);
      if (row.version !== version) throw new AppError('precondition_failed');
      const extra = await fill(row, tx);
      if (!(await repo.update(id, version, { state: to, ...extra }))) throw new AppError('precondition_failed');
      if (to === 'handed_over' || to === 'refused') {
        await closeDeadlines(tx, { subjectId: id, status: to === 'handed_over' ? 'done' : 'cancelled', by: ctx.actor.userId });
      }
      audit(tx, ctx, { action: 'privacy.request_step', entityId: id, details: { step: name, from: row.state, to } });
      return present(ctx, (await repo.find(id))!);
    });
  }

  return {
    create(ctx: Ctx, input: z.output<typeof ZPrivacyRequestCreate>) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'privacy.request.create');
        const household = access.requireHousehold(
          ctx.actor,
          'privacy.request.create',
          await visibleHousehold(tx, ctx.actor, input.householdId),
          input.householdId,
        );
        if (input.memberId) {
          const members = await householdMembers(tx, ctx.actor.agencyId, input.householdId);
          if (!members.some((m) => m.id === input.memberId)) throw fieldError('memberId', 'Diese Person gehört nicht zum Haushalt.');
        }
        if (input.receivedOn > berlinDate(new Date())) throw fieldError('receivedOn', 'Der Eingang darf nicht in der Zukunft liegen.');
        const repo = privacyRepository(tx, ctx.actor.agencyId);
        const reference = await repo.nextReference();
        const dueOn = monthAfter(input.receivedOn);
        const id = await repo.insert({ ...input, reference, dueOn, createdBy: ctx.actor.userId });
        const dueAt = endOfDayBerlin(dueOn);
        await openDeadline(tx, ctx.actor.agencyId, {
          subjectType: 'privacy_request',
          subjectId: id,
          kind: 'privacy_request_due',
          title: `Auskunft ${reference} erteilen (Art. 15 DSGVO)`,
          text: { key: 'deadlineTitle.privacy_request_due', params: { reference } },
          link: `/privacy/requests/${id}`,
          dueAt,
          remindAt: new Date(dueAt.getTime() - 7 * DAY),
          assigneeId: ctx.actor.userId,
          householdId: input.householdId,
        });
        audit(tx, ctx, {
          action: 'privacy.request_create',
          entityId: id,
          details: { household: household.id, member: input.memberId, dueOn },
        });
        return present(ctx, (await repo.find(id))!);
      });
    },

    list(ctx: Ctx, q: z.output<typeof ZPrivacyRequestQuery>) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'privacy.request.list');
        const rows = await privacyRepository(tx, ctx.actor.agencyId).list(q, REQUEST_LIST_LIMIT);
        audit(tx, ctx, { action: 'privacy.request_list', details: { filters: q, count: rows.length } });
        return {
          items: rows.map((r) => {
            const { summary: _s, ...rest } = present(ctx, r, false);
            return rest;
          }),
          total: rows.length,
        };
      });
    },

    get(ctx: Ctx, id: string) {
      return actorTx(db, ctx, async (tx) => {
        const row = await load(privacyRepository(tx, ctx.actor.agencyId), ctx, id, 'privacy.request.read');
        audit(tx, ctx, { action: 'privacy.request_read', entityId: id });
        return present(ctx, row);
      });
    },

    start: (ctx: Ctx, id: string, b: { version: number }) => step(ctx, id, b.version, 'start', async () => ({})),

    refuse: (ctx: Ctx, id: string, b: z.output<typeof ZPrivacyRefuse>) =>
      step(ctx, id, b.version, 'refuse', async () => ({ refusal_reason: b.reason })),

    handOver: (ctx: Ctx, id: string, b: z.output<typeof ZPrivacyHandOver>) =>
      step(ctx, id, b.version, 'handOver', async (row) => {
        if (b.handedOverOn > berlinDate(new Date())) throw fieldError('handedOverOn', 'Die Aushändigung darf nicht in der Zukunft liegen.');
        if (b.handedOverOn < row.received_on) throw fieldError('handedOverOn', 'Die Aushändigung liegt vor dem Eingang des Antrags.');
        return { handed_over_on: b.handedOverOn, handover_channel: b.channel, handed_over_by: ctx.actor.userId };
      }),

    produce: (ctx: Ctx, id: string, b: { version: number }) =>
      step(ctx, id, b.version, 'produce', async (row, tx) => {
        const agency = await agencyFacts(tx, ctx.actor.agencyId);
        const data = await buildExport(tx, contributions, {
          reference: row.reference,
          receivedOn: row.received_on,
          requestedBy: row.requested_by,
          householdId: row.household_id,
          householdReference: row.household_reference,
          member: row.member_id ? { id: row.member_id, name: row.member_name ?? '' } : null,
          agency: agency.name,
        });
        audit(tx, ctx, {
          action: 'privacy.request_produce',
          entityId: id,
          details: {
            tables: data.tables.filter((t) => t.rows.length).map((t) => `${t.table}:${t.rows.length}`),
            recipients: data.recipients.length,
            accessLog: data.accessLog.length,
          },
        });
        return { produced_at: new Date(), produced_by: ctx.actor.userId, export: JSON.stringify(data) };
      }),

    /** The produced export (JSON as stored), for the file and for the person's PDF. */
    exportOf(ctx: Ctx, id: string, format: 'json' | 'pdf') {
      return actorTx(db, ctx, async (tx) => {
        const row = await load(privacyRepository(tx, ctx.actor.agencyId), ctx, id, 'privacy.request.export');
        if (!row.export) throw new AppError('invalid_transition', 'Die Auskunft ist noch nicht erstellt.', { currentState: row.state });
        audit(tx, ctx, { action: 'privacy.request_export', entityId: id, details: { format } });
        return { reference: row.reference, data: row.export as SubjectExport };
      });
    },
    contributions,
  };
}
export type PrivacyService = ReturnType<typeof privacyService>;
