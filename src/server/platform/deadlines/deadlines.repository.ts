import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB, DeadlinesTable } from '../../db/types.js';
import type { TextRef } from '../../../contracts/notify.js';

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
  /**
   * The title as a translation key (`deadlineTitle.<kind>`, in src/web/i18n/{de,en}/storedTexts.ts
   * and in TEXT_KEYS) with its parameters, so the web shows it in the user's language.
   */
  text?: TextRef;
  /** UI path to the subject, e.g. `/placement/offers/<id>`. */
  link: string;
  dueAt: Date;
  remindAt?: Date | null;
  assigneeId?: string | null;
  /** Tell the agency's leads too when the deadline passes (default true). */
  escalateToLead?: boolean;
  /**
   * The household the subject belongs to (a case's, a candidate's, a tenancy's household), when the
   * caller knows it: the household list shows its earliest open deadline. Absent for subjects of no
   * single household (an offer, an annual report).
   */
  householdId?: string | null;
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
      title_key: d.text?.key ?? null,
      title_params: d.text ? JSON.stringify(d.text.params ?? {}) : null,
      link: d.link,
      due_at: d.dueAt,
      remind_at: d.remindAt ?? null,
      assignee_id: d.assigneeId ?? null,
      escalate_to_lead: d.escalateToLead ?? true,
      household_id: d.householdId ?? null,
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
  'title_key',
  'title_params',
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

/** The user's open deadlines due by `until` (overdue ones included), earliest first, with the counts. */
export async function dueDeadlinesOf(tx: Tx, userId: string, now: Date, until: Date, limit: number) {
  const base = tx.selectFrom('deadlines').where('status', '=', 'open').where('assignee_id', '=', userId).where('due_at', '<=', until);
  const [items, counts] = await Promise.all([
    base
      .select(['id', 'kind', 'title', 'title_key', 'title_params', 'link', 'due_at'])
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute(),
    base
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('due_at', '<', now).as('overdue')])
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(counts.total), overdue: Number(counts.overdue) };
}

/**
 * Office deadlines only: unassigned ones and those of office staff. A carrier worker's visit
 * deadlines are the carrier's business, never handed over by the Fachstelle.
 */
const OFFICE_HOLDER = sql<SqlBool>`(d.assignee_id IS NULL OR u.role IN ('case_manager','social_worker','accommodation_worker','lead'))`;

/** Open and overdue office deadlines per assignee (null: nobody). */
export function deadlineCountsByAssignee(tx: Tx, now: Date) {
  return tx
    .selectFrom('deadlines as d')
    .leftJoin('users as u', 'u.id', 'd.assignee_id')
    .where('d.status', '=', 'open')
    .where(OFFICE_HOLDER)
    .groupBy('d.assignee_id')
    .select((eb) => [
      'd.assignee_id',
      eb.fn.countAll<number>().as('open'),
      eb.fn.count<number>('d.id').filterWhere('d.due_at', '<', now).as('overdue'),
    ])
    .execute();
}

/** One holder's open office deadlines (null: the unassigned ones), earliest first, with the holder's role. */
export function openDeadlinesHeldBy(tx: Tx, assigneeId: string | null) {
  return tx
    .selectFrom('deadlines as d')
    .leftJoin('users as u', 'u.id', 'd.assignee_id')
    .where('d.status', '=', 'open')
    .where(OFFICE_HOLDER)
    .where('d.assignee_id', assigneeId === null ? 'is' : '=', assigneeId)
    .select(['d.id', 'd.kind', 'd.title', 'd.title_key', 'd.title_params', 'd.link', 'd.due_at', 'd.subject_type', 'u.role as holder_role'])
    .orderBy('d.due_at')
    .orderBy('d.id')
    .limit(500)
    .execute();
}

/** These deadlines with their holder and the holder's role. */
export function deadlineHoldings(tx: Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('deadlines as d')
    .leftJoin('users as u', 'u.id', 'd.assignee_id')
    .where('d.id', 'in', ids)
    .select(['d.id', 'd.assignee_id', 'd.status', 'u.role as holder_role'])
    .execute();
}

/** Gives these deadlines to another person. */
export async function setDeadlineAssignee(tx: Tx, ids: string[], to: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('deadlines').set({ assignee_id: to }).where('id', 'in', ids).where('status', '=', 'open').execute();
}

/** When a case changes hands, its open deadlines held by the previous person (or nobody) follow it. */
export async function moveSubjectDeadlines(tx: Tx, moves: { subjectId: string; from: string | null }[], to: string): Promise<number> {
  if (moves.length === 0) return 0;
  const rows = JSON.stringify(moves.map((m) => ({ sid: m.subjectId, holder: m.from })));
  const res = await sql`
    UPDATE deadlines d SET assignee_id = ${to}
    FROM jsonb_to_recordset(${rows}::jsonb) AS m(sid uuid, holder uuid)
    WHERE d.subject_id = m.sid AND d.status = 'open' AND d.assignee_id IS NOT DISTINCT FROM m.holder`.execute(tx);
  return Number(res.numAffectedRows ?? 0);
}

/** Overdue open deadlines (due before `now`) per assignee (null: nobody) and subject type, for the lead's workload view. */
export function overdueByAssigneeAndSubject(tx: Tx, agencyId: string, now: Date) {
  return tx
    .selectFrom('deadlines')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'open')
    .where('due_at', '<', now)
    .groupBy(['assignee_id', 'subject_type'])
    .select((eb) => ['assignee_id', 'subject_type', eb.fn.countAll<number>().as('n')])
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, n: Number(r.n) })));
}
