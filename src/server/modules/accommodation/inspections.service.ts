import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  TFinding,
  TInspectionDetail,
  TInspectionSummary,
  ZCompleteInput,
  ZInspectionCancelInput,
  ZInspectionPlanInput,
  ZInspectionVersionInput,
  ZRemedyInput,
  ZResultInput,
} from '../../../contracts/accommodationInspections.js';
import { todayInBerlin } from '../../../contracts/plausible.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { closeDeadlines, openDeadline, openDeadlinesOf } from '../../platform/deadlines/deadlines.service.js';
import { berlinDate, endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { documentsOf, loadDocument, storeUploadedDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError, fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { Upload } from '../../platform/http/upload.js';
import { FACILITY_STEPS, next as facilityNext } from './accommodation.machine.js';
import { checklistInUse } from './checklist.service.js';
import {
  checkComplete,
  completionPlan,
  INSPECTION_STEPS,
  next,
  nextRoutineDay,
  stepsFor,
  type InspectionStep,
} from './inspections.machine.js';
import { inspectionsRepository } from './inspections.repository.js';
import { inspectionReportPdf } from './inspections.report.js';
import { placesRepository } from './places.repository.js';

type Out<T extends z.ZodTypeAny> = z.output<T>;
type InspectionRow = Awaited<ReturnType<ReturnType<typeof inspectionsRepository>['inspections']>>[number];
type FindingRow = Awaited<ReturnType<ReturnType<typeof inspectionsRepository>['findings']>>[number];

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = ['image/png', 'image/jpeg'];
const PHOTO_OWNER = 'accommodation_inspection_result';
export const REMEDY_DEADLINE = 'accommodation_finding_remedy';
export const ROUTINE_DEADLINE = 'accommodation_routine_inspection';
const inspectionLink = (id: string) => `/accommodation/inspections/${id}`;

const presentFinding = (f: FindingRow): TFinding => ({
  id: f.id,
  inspectionId: f.inspection_id,
  itemKey: f.item_key,
  title: f.title,
  severity: f.severity as TFinding['severity'],
  note: f.note,
  remedyDue: f.remedy_due,
  state: f.state as TFinding['state'],
  closedOn: f.closed_on,
  closedByInspectionId: f.closed_by_inspection_id,
  closedNote: f.closed_note,
});

const presentSummary = (r: InspectionRow): TInspectionSummary => ({
  id: r.id,
  facilityId: r.facility_id,
  facilityName: r.facility_name,
  kind: r.kind as TInspectionSummary['kind'],
  state: r.state as TInspectionSummary['state'],
  plannedOn: r.planned_on,
  completedOn: r.completed_on,
  inspector: r.inspector_name ?? null,
  checklistVersion: r.checklist_version,
  failed: Number(r.failed ?? 0),
  openFindings: Number(r.open_findings ?? 0),
});

const stale = (version: number) => new AppError('precondition_failed', undefined, { currentState: String(version) });

/** Inspections (Begehungen) of facilities against the checklist version they keep; findings with remedy deadlines. */
export function inspectionsService(db: Kysely<DB>) {
  const hidden = (permission: 'accommodation.read' | 'accommodation.inspect', type: string, id: string) =>
    new AccessDenied(permission, { type, id });

  async function detail(tx: Tx, ctx: Ctx, row: InspectionRow): Promise<TInspectionDetail> {
    const repo = inspectionsRepository(tx, ctx.actor.agencyId);
    const [items, results, findings] = await Promise.all([
      repo.checklistItems(row.checklist_id),
      repo.results(row.id),
      repo.findings({ inspectionId: row.id }),
    ]);
    const byItem = new Map(results.map((r) => [r.item_id, r]));
    const photos = await documentsOf(
      tx,
      results.map((r) => r.id),
    );
    return {
      ...presentSummary(row),
      reason: row.reason,
      summary: row.summary,
      startedOn: row.started_on,
      cancelReason: row.cancel_reason,
      version: row.version,
      actions: stepsFor(INSPECTION_STEPS, row.state as 'planned', ctx.actor.role),
      items: items.map((i) => {
        const r = byItem.get(i.id);
        return {
          ...i,
          resultId: r?.id ?? null,
          result: (r?.result ?? null) as TInspectionDetail['items'][number]['result'],
          note: r?.note ?? null,
          severity: (r?.severity ?? null) as TInspectionDetail['items'][number]['severity'],
          remedyDue: r?.remedy_due ?? null,
          photos: photos.filter((p) => p.ownerId === r?.id).map((p) => ({ id: p.id, filename: p.filename })),
        };
      }),
      findings: findings.map(presentFinding),
    };
  }

  /** The inspection (locked for a change), or the 404 of a hidden one. */
  async function one(tx: Tx, ctx: Ctx, id: string, permission: 'accommodation.read' | 'accommodation.inspect', forUpdate = false) {
    access.require(ctx.actor, permission, { type: 'accommodation_inspection', id });
    const [row] = await inspectionsRepository(tx, ctx.actor.agencyId).inspections({ id }, forUpdate);
    if (!row) throw hidden(permission, 'accommodation_inspection', id);
    return row;
  }

  /** Takes a step of the machine on an inspection at the expected version, then stores its fields. */
  async function step(tx: Tx, ctx: Ctx, row: InspectionRow, s: InspectionStep, version: number, fields: Record<string, unknown>) {
    const to = next(INSPECTION_STEPS, s, row.state as 'planned', ctx.actor.role);
    if (row.version !== version) throw stale(row.version);
    await inspectionsRepository(tx, ctx.actor.agencyId).updateInspection(row.id, version, { ...fields, state: to });
    return to;
  }

  async function reload(tx: Tx, ctx: Ctx, id: string) {
    const [row] = await inspectionsRepository(tx, ctx.actor.agencyId).inspections({ id });
    return detail(tx, ctx, row!);
  }

  /** Blocks the facility for new assignments through the facility machine (a critical finding as the reason). */
  async function blockFacility(tx: Tx, ctx: Ctx, facilityId: string, note: string) {
    const places = placesRepository(tx, ctx.actor.agencyId);
    const f = await places.facilityForUpdate(facilityId);
    if (!f) throw hidden('accommodation.inspect', 'accommodation_facility', facilityId);
    const to = facilityNext(FACILITY_STEPS, 'block', f.state as 'admitted', ctx.actor.role);
    const today = todayInBerlin();
    await places.updateFacility(facilityId, f.version, { state: to, state_note: note, state_since: today });
    await places.insertEvent(facilityId, { from_state: f.state, to_state: to, note, effective_on: today }, ctx.actor.userId);
    audit(tx, ctx, { action: 'accommodation.facility_state', entityId: facilityId, details: { from: f.state, to, inspection: true } });
  }

  return {
    list: (ctx: Ctx, facilityId: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read', { type: 'accommodation_facility', id: facilityId });
        const repo = inspectionsRepository(tx, ctx.actor.agencyId);
        if (!(await repo.facilityName(facilityId))) throw hidden('accommodation.read', 'accommodation_facility', facilityId);
        const [rows, findings, deadlines] = await Promise.all([
          repo.inspections({ facilityId }),
          repo.findings({ facilityId, openOnly: true }),
          openDeadlinesOf(tx, [facilityId]),
        ]);
        const routine = deadlines.find((d) => d.kind === ROUTINE_DEADLINE);
        audit(tx, ctx, { action: 'accommodation.inspection_list', entityId: facilityId, details: { results: rows.length } });
        return {
          items: rows.map(presentSummary),
          findings: findings.map(presentFinding),
          nextRoutineDue: routine ? berlinDate(routine.due_at as Date) : null,
        };
      }),

    read: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const row = await one(tx, ctx, id, 'accommodation.read');
        audit(tx, ctx, { action: 'accommodation.inspection_read', entityId: id });
        return detail(tx, ctx, row);
      }),

    /** Plans an inspection with the agency's current checklist version (which it keeps). */
    plan: (ctx: Ctx, facilityId: string, input: Out<typeof ZInspectionPlanInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.inspect', { type: 'accommodation_facility', id: facilityId });
        const repo = inspectionsRepository(tx, ctx.actor.agencyId);
        if (!(await repo.facilityName(facilityId))) throw hidden('accommodation.inspect', 'accommodation_facility', facilityId);
        const checklist = await checklistInUse(tx, ctx.actor.agencyId, ctx.actor.userId);
        const { id } = await repo.insertInspection({
          facility_id: facilityId,
          checklist_id: checklist.id,
          kind: input.kind,
          planned_on: input.plannedOn,
          reason: input.reason,
          inspector_id: ctx.actor.userId,
          created_by: ctx.actor.userId,
        });
        audit(tx, ctx, { action: 'accommodation.inspection_plan', entityId: id, details: { facility: facilityId, kind: input.kind } });
        return reload(tx, ctx, id);
      }),

    /** Starts the inspection: one open result per item of its checklist version. */
    start: (ctx: Ctx, id: string, input: Out<typeof ZInspectionVersionInput>) =>
      actorTx(db, ctx, async (tx) => {
        const row = await one(tx, ctx, id, 'accommodation.inspect', true);
        await step(tx, ctx, row, 'start', input.version, { started_on: todayInBerlin() });
        const repo = inspectionsRepository(tx, ctx.actor.agencyId);
        const items = await repo.checklistItems(row.checklist_id);
        await repo.insertResultRows(
          id,
          items.map((i) => i.id),
        );
        audit(tx, ctx, { action: 'accommodation.inspection_start', entityId: id });
        return reload(tx, ctx, id);
      }),

    /** Records one item: passed, failed (with note, severity and remedy deadline) or not applicable. */
    record: (ctx: Ctx, id: string, resultId: string, input: Out<typeof ZResultInput>) =>
      actorTx(db, ctx, async (tx) => {
        const row = await one(tx, ctx, id, 'accommodation.inspect', true);
        next(INSPECTION_STEPS, 'record', row.state as 'planned', ctx.actor.role);
        if (input.result === 'failed' && input.remedyDue! < todayInBerlin())
          throw fieldError('remedyDue', 'Die Frist liegt in der Vergangenheit.', 'too_small');
        const failed = input.result === 'failed';
        const ok = await inspectionsRepository(tx, ctx.actor.agencyId).setResult(
          id,
          resultId,
          { result: input.result, note: input.note, severity: failed ? input.severity : null, remedy_due: failed ? input.remedyDue : null },
          ctx.actor.userId,
        );
        if (!ok) throw hidden('accommodation.inspect', 'accommodation_inspection', id);
        audit(tx, ctx, { action: 'accommodation.inspection_result', entityId: id, details: { result: resultId, outcome: input.result } });
        return reload(tx, ctx, id);
      }),

    /** Access and state are checked before the file is read (`read`). */
    photo: (ctx: Ctx, id: string, resultId: string, read: () => Promise<Upload>) =>
      actorTx(db, ctx, async (tx) => {
        const row = await one(tx, ctx, id, 'accommodation.inspect');
        next(INSPECTION_STEPS, 'photo', row.state as 'planned', ctx.actor.role);
        if (!(await inspectionsRepository(tx, ctx.actor.agencyId).result(id, resultId)))
          throw hidden('accommodation.inspect', 'accommodation_inspection', id);
        const file = await read();
        if (!PHOTO_TYPES.includes(file.mimetype)) throw fieldError('file', 'Bitte ein Foto (PNG oder JPEG) hochladen.', 'invalid_type');
        const doc = await storeUploadedDocument(tx, ctx.actor.agencyId, {
          ownerType: PHOTO_OWNER,
          ownerId: resultId,
          kind: 'inspection_photo',
          filename: file.filename.slice(0, 200) || 'foto.jpg',
          contentType: file.mimetype,
          content: file.content,
          createdBy: ctx.actor.userId,
        });
        audit(tx, ctx, { action: 'accommodation.inspection_photo', entityId: id, details: { result: resultId, document: doc.id } });
        return reload(tx, ctx, id);
      }),

    photoFile: (ctx: Ctx, id: string, docId: string) =>
      actorTx(db, ctx, async (tx) => {
        await one(tx, ctx, id, 'accommodation.read');
        const doc = await loadDocument(tx, docId);
        const results = await inspectionsRepository(tx, ctx.actor.agencyId).results(id);
        if (!doc || doc.ownerType !== PHOTO_OWNER || !results.some((r) => r.id === doc.ownerId))
          throw hidden('accommodation.read', 'accommodation_inspection', id);
        audit(tx, ctx, { action: 'accommodation.inspection_photo', entityId: id, details: { document: docId, read: true } });
        return doc;
      }),

    /**
     * Completes the inspection: failed items become findings with a remedy deadline, passed items
     * close the facility's open findings of the same item, a critical finding may block the facility,
     * and a routine or admission inspection opens the next routine inspection as a deadline.
     */
    complete: (ctx: Ctx, id: string, input: Out<typeof ZCompleteInput>) =>
      actorTx(db, ctx, async (tx) => {
        const row = await one(tx, ctx, id, 'accommodation.inspect', true);
        const repo = inspectionsRepository(tx, ctx.actor.agencyId);
        const results = await repo.results(id);
        next(INSPECTION_STEPS, 'complete', row.state as 'planned', ctx.actor.role);
        const outcomes = results.map((r) => ({
          key: r.key,
          result: r.result as 'passed' | null,
          severity: r.severity as 'critical' | null,
        }));
        checkComplete(outcomes);
        const open = await repo.findings({ facilityId: row.facility_id, openOnly: true });
        const plan = completionPlan(
          outcomes,
          open.map((f) => ({ id: f.id, itemKey: f.item_key })),
          input.blockFacility,
        );
        const today = todayInBerlin();
        await step(tx, ctx, row, 'complete', input.version, { completed_on: today, summary: input.summary });

        const closed = await repo.closeFindings(
          plan.closes,
          { closed_on: today, closed_by_inspection_id: id, closed_note: null },
          ctx.actor.userId,
        );
        for (const f of closed)
          await closeDeadlines(tx, { subjectId: f.id, kinds: [REMEDY_DEADLINE], status: 'done', by: ctx.actor.userId });

        const criticals: string[] = [];
        for (const r of results.filter((x) => x.result === 'failed')) {
          const f = await repo.insertFinding({
            facility_id: row.facility_id,
            inspection_id: id,
            item_key: r.key,
            title: r.title,
            severity: r.severity!,
            note: r.note,
            remedy_due: r.remedy_due!,
          });
          if (r.severity === 'critical') criticals.push(r.title);
          await openDeadline(tx, ctx.actor.agencyId, {
            subjectType: 'accommodation_finding',
            subjectId: f.id,
            kind: REMEDY_DEADLINE,
            title: `Mangel beheben: ${r.title} (${row.facility_name})`,
            text: { key: `deadlineTitle.${REMEDY_DEADLINE}`, params: { title: r.title, facility: row.facility_name } },
            link: inspectionLink(id),
            dueAt: endOfDayBerlin(r.remedy_due!),
            assigneeId: row.inspector_id ?? ctx.actor.userId,
            escalateToLead: r.severity !== 'minor',
          });
        }
        if (plan.block)
          await blockFacility(tx, ctx, row.facility_id, `Kritischer Mangel bei der Begehung am ${today}: ${criticals.join(', ')}`);

        let nextRoutine: string | null = null;
        if (row.kind !== 'incident') {
          nextRoutine = nextRoutineDay(today, row.routine_months);
          await closeDeadlines(tx, { subjectId: row.facility_id, kinds: [ROUTINE_DEADLINE], status: 'done', by: ctx.actor.userId });
          await openDeadline(tx, ctx.actor.agencyId, {
            subjectType: 'accommodation_facility',
            subjectId: row.facility_id,
            kind: ROUTINE_DEADLINE,
            title: `Regelbegehung: ${row.facility_name}`,
            text: { key: `deadlineTitle.${ROUTINE_DEADLINE}`, params: { facility: row.facility_name } },
            link: `/accommodation/facilities/${row.facility_id}`,
            dueAt: endOfDayBerlin(nextRoutine),
            remindAt: endOfDayBerlin(nextRoutineDay(nextRoutine, -1)),
            assigneeId: row.inspector_id ?? ctx.actor.userId,
            escalateToLead: true,
          });
        }
        audit(tx, ctx, {
          action: 'accommodation.inspection_complete',
          entityId: id,
          details: { findings: plan.newFindings.length, closed: closed.length, blocked: plan.block, nextRoutine },
        });
        return reload(tx, ctx, id);
      }),

    cancel: (ctx: Ctx, id: string, input: Out<typeof ZInspectionCancelInput>) =>
      actorTx(db, ctx, async (tx) => {
        const row = await one(tx, ctx, id, 'accommodation.inspect', true);
        await step(tx, ctx, row, 'cancel', input.version, { cancel_reason: input.reason });
        audit(tx, ctx, { action: 'accommodation.inspection_cancel', entityId: id });
        return reload(tx, ctx, id);
      }),

    /** Records that a finding's remedy was checked (without a re-inspection): the finding and its deadline close. */
    remedy: (ctx: Ctx, findingId: string, input: Out<typeof ZRemedyInput>) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.inspect', { type: 'accommodation_finding', id: findingId });
        const repo = inspectionsRepository(tx, ctx.actor.agencyId);
        const f = await repo.finding(findingId);
        if (!f) throw hidden('accommodation.inspect', 'accommodation_finding', findingId);
        if (f.state !== 'open') throw new AppError('invalid_transition', 'Dieser Mangel ist schon behoben.', { currentState: f.state });
        if (input.checkedOn > todayInBerlin()) throw fieldError('checkedOn', 'Der Tag liegt in der Zukunft.', 'too_big');
        await repo.closeFindings(
          [findingId],
          { closed_on: input.checkedOn, closed_by_inspection_id: null, closed_note: input.note },
          ctx.actor.userId,
        );
        await closeDeadlines(tx, { subjectId: findingId, kinds: [REMEDY_DEADLINE], status: 'done', by: ctx.actor.userId });
        audit(tx, ctx, { action: 'accommodation.finding_remedy', entityId: findingId, details: { inspection: f.inspection_id } });
        return reload(tx, ctx, f.inspection_id);
      }),

    /** The inspection report as PDF: letterhead, items with results, findings with deadlines, page x of y. */
    report: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const row = await one(tx, ctx, id, 'accommodation.read');
        const d = await detail(tx, ctx, row);
        const facility = (await inspectionsRepository(tx, ctx.actor.agencyId).facilityName(row.facility_id))!;
        const content = await inspectionReportPdf(tx, ctx.actor.agencyId, d, facility);
        audit(tx, ctx, { action: 'accommodation.inspection_report', entityId: id });
        return { filename: `begehung-${row.planned_on}.pdf`, contentType: 'application/pdf', content };
      }),
  };
}
export type InspectionsService = ReturnType<typeof inspectionsService>;
