import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB, DeadlinesTable } from '../../db/types.js';

/* Every statement on the deadlines table. Other modules use deadlines.service.ts. */

export type DeadlineRow = Selectable<DeadlinesTable>;

export interface DeadlineInput {
  /** What the deadline is about, e.g. `candidate`, `offer`, `tenancy`. */
  subjectType: string;
  subjectId: string;
  /** e.g. `household_decision`; closing by kind uses it. */
  kind: string;
  /** German, shown in lists and notifications, e.g. "Entscheidung des Haushalts". */
  title: string;
  /** UI path to the subject, e.g. `/placement/offers/<id>`. */
  link: string;
  dueAt: Date;
  remindAt?: Date | null;
  assigneeId?: string | null;
  /** Tell the agency's leads too when the deadline passes (default true). */
  escalateToLead?: boolean;
}

/** Inserts a deadline in the caller's transaction (which is in the agency's RLS context). */
export async function insertDeadline(tx: Tx, agencyId: string, d: DeadlineInput): Promise<string> {
  const row = await tx
    .insertInto('deadlines')
    .values({
      agency_id: agencyId,
      subject_type: d.subjectType,
      subject_id: d.subjectId,
      kind: d.kind,
      title: d.title,
      link: d.link,
      due_at: d.dueAt,
      remind_at: d.remindAt ?? null,
      assignee_id: d.assigneeId ?? null,
      escalate_to_lead: d.escalateToLead ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Closes the open deadlines of a subject (optionally only some kinds); returns how many. */
export async function closeDeadlines(
  tx: Tx,
  { subjectId, kinds, status, by }: { subjectId: string; kinds?: string[]; status: 'done' | 'cancelled'; by: string | null },
): Promise<number> {
  if (kinds && kinds.length === 0) return 0;
  const res = await tx
    .updateTable('deadlines')
    .set({ status, closed_at: new Date(), closed_by: by })
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'open')
    .$if(!!kinds, (q) => q.where('kind', 'in', kinds!))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Closes these deadline rows (one subject's stale rows, chosen by the caller). */
export async function closeDeadlineRows(tx: Tx, ids: string[], status: 'done' | 'cancelled', by: string | null): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('deadlines').set({ status, closed_at: new Date(), closed_by: by }).where('id', 'in', ids).execute();
}

/**
 * For other modules' list filters: "the subject in column `subjectColumn` (e.g. `c.id`) has an open
 * deadline due before `now`", declared here once so no module queries the deadlines table itself.
 */
export function overdueDeadline(subjectColumn: string, agencyId: string, now: Date): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM deadlines d WHERE d.subject_id = ${sql.ref(subjectColumn)} AND d.agency_id = ${agencyId} AND d.status = 'open' AND d.due_at < ${now})`;
}

/** The open deadlines of these subjects, earliest first. */
export async function openDeadlinesOf(tx: Tx, subjectIds: string[]): Promise<DeadlineRow[]> {
  if (subjectIds.length === 0) return [];
  return tx
    .selectFrom('deadlines')
    .selectAll()
    .where('subject_id', 'in', subjectIds)
    .where('status', '=', 'open')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

export interface DeadlineListQuery {
  /** Only this user's deadlines, or null for all of the agency. */
  assigneeId: string | null;
  overdueOnly: boolean;
  now: Date;
  page: number;
  pageSize: number;
}

export type DeadlineListRow = DeadlineRow & { assignee_name: string | null };

/** Open deadlines for the list page, earliest due first, with the assignee's name. */
export async function listOpenDeadlines(tx: Tx, q: DeadlineListQuery): Promise<{ items: DeadlineListRow[]; total: number }> {
  const base = tx
    .selectFrom('deadlines as d')
    .where('d.status', '=', 'open')
    .$if(q.assigneeId !== null, (b) => b.where('d.assignee_id', '=', q.assigneeId!))
    .$if(q.overdueOnly, (b) => b.where('d.due_at', '<=', q.now));
  const [items, total] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'd.assignee_id')
      .selectAll('d')
      .select('u.display_name as assignee_name')
      .orderBy('d.due_at')
      .orderBy('d.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

const SCHEDULER_COLUMNS = [
  'id',
  'title',
  'link',
  'due_at',
  'remind_at',
  'assignee_id',
  'escalate_to_lead',
  'reminded_at',
  'alerted_at',
] as const;

/**
 * Open deadlines due for a reminder (`remind_at` reached, not reminded yet) or an alert (`due_at`
 * passed, not alerted yet), earliest first, locked (SKIP LOCKED), at most 200.
 */
export function dueDeadlines(tx: Tx, now: Date, purpose: 'reminder' | 'alert') {
  const [at, done] = purpose === 'reminder' ? (['remind_at', 'reminded_at'] as const) : (['due_at', 'alerted_at'] as const);
  return tx
    .selectFrom('deadlines')
    .select(SCHEDULER_COLUMNS)
    .where('status', '=', 'open')
    .where(at, '<=', now)
    .where(done, 'is', null)
    .orderBy('due_at')
    .limit(200)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markReminded(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.updateTable('deadlines').set({ reminded_at: now }).where('id', '=', id).execute();
}

export async function markAlerted(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.updateTable('deadlines').set({ alerted_at: now }).where('id', '=', id).execute();
}

/** Agencies with due deadlines (or mails) — a SECURITY DEFINER function: it reveals nothing else. */
export async function agenciesWithWork(db: Kysely<DB>, now: Date): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT wh_agencies_with_work(${now}) AS id`.execute(db);
  return rows.map((r) => r.id);
}
