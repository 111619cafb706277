import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  TCarrierReport,
  ZCarrierReportExportQuery,
  ZCarrierReportListQuery,
  ZCarrierReportNarrative,
  ZCarrierReportOpen,
  ZCarrierReportReturn,
  ZCarrierReportSubmit,
  TAnnualReport,
  TCarrierReportState,
} from '../../../contracts/aftercareReports.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { berlinDate, endOfDayBerlin, germanDate } from '../../platform/deadlines/workdays.js';
import { closeDeadlines, openDeadline } from '../../platform/deadlines/deadlines.service.js';
import { stepEffects } from '../../platform/effects/effects.js';
import { AccessDenied, AppError, fieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { activeCarrierLeads, userFacts } from '../users/users.service.js';
import { addDays } from './aftercare.dates.js';
import { ANNUAL_REPORT_STEPS, next, stepsFor, type AnnualReportStep } from './annualReports.machine.js';
import { annualReportRepository, type AnnualReportRow } from './annualReports.repository.js';
import { annualPdf, annualXlsx, type AnnualExport } from './reports.export.js';
import { annualData, annualDueOn, XLSX_TYPE } from './reports.service.js';

/*
 * The carrier's annual report as a tracked object (model and machine: contracts/aftercareReports.ts
 * and annualReports.machine.ts). The carrier drafts and submits; the Fachstelle sees every carrier's
 * history, reads each submitted version and may return one with a reason.
 */

const ENTITY = 'aftercare_annual_report';
export const annualReportLink = (id: string) => `/aftercare/reports/annual/${id}`;
const DEADLINE = 'aftercare_annual_report';
const REMIND_DAYS = 14;

/**
 * The due date (or `notBefore`, if later) as the report's one open deadline, for the carrier's lead —
 * else `fallback` — reminded 14 days ahead; the agency's leads hear of it when it passes.
 */
export async function planAnnualDeadline(
  tx: Tx,
  agencyId: string,
  row: AnnualReportRow,
  o: { notBefore: string | null; by: string | null; fallback: string | null },
): Promise<void> {
  const { settings } = await agencyFacts(tx, agencyId);
  const due = annualDueOn(row.year, settings.aftercare.reportDueMonthDay);
  const dueOn = o.notBefore && o.notBefore > due ? o.notBefore : due;
  const leads = await activeCarrierLeads(tx, agencyId, row.carrier_id);
  const today = berlinDate(new Date());
  const remindOn = addDays(dueOn, -REMIND_DAYS);
  await closeDeadlines(tx, { subjectId: row.id, kinds: [DEADLINE], status: 'cancelled', by: o.by });
  await openDeadline(tx, agencyId, {
    subjectType: ENTITY,
    subjectId: row.id,
    kind: DEADLINE,
    title: `Jahresbericht ${row.year} der Wohnintegrationshilfe (${row.carrier_name}) einreichen`,
    text: { key: 'deadlineTitle.aftercare_annual_report', params: { year: row.year, carrier: row.carrier_name } },
    link: annualReportLink(row.id),
    dueAt: endOfDayBerlin(dueOn),
    remindAt: remindOn > today ? endOfDayBerlin(remindOn) : null,
    assigneeId: leads[0] ?? o.fallback,
    escalateToLead: true,
  });
}

export function annualReportService(db: Kysely<DB>) {
  /** Everything a method needs, bound to one transaction and actor. */
  const kit = (tx: Tx, ctx: Ctx) => {
    const repo = annualReportRepository(tx, ctx.actor.agencyId);
    const scope = access.annualReportScope(ctx.actor);
    const fx = stepEffects(tx, ctx);
    const carrier = access.isCarrierView(ctx.actor);
    const isLead = async () =>
      ctx.actor.role === 'carrier_worker' && !!(await userFacts(tx, ctx.actor.agencyId, [ctx.actor.userId]))[0]?.carrier_lead;

    /** Permission first, then the scope: missing, hidden or another agency's is the same 404. */
    const visible = async (id: string, permission: Parameters<typeof access.require>[1], lock = false) => {
      access.require(ctx.actor, permission, { type: ENTITY, id });
      const row = await repo.find(id, scope, lock);
      if (!row) throw new AccessDenied(permission, { type: ENTITY, id });
      return row;
    };
    const step = (row: AnnualReportRow, s: AnnualReportStep) =>
      next(ANNUAL_REPORT_STEPS, s, row.state as TCarrierReportState, ctx.actor.role);
    const checkVersion = (row: AnnualReportRow, expected: number) => {
      if (row.version !== expected) throw new AppError('precondition_failed');
    };

    async function present(row: AnnualReportRow): Promise<TCarrierReport> {
      const [subs, lead, { settings }] = await Promise.all([repo.submissions(row.id), isLead(), fx.agency()]);
      const state = row.state as TCarrierReportState;
      // The Fachstelle receives what is submitted: a draft's text stays with the carrier until then.
      const hidden = !carrier && state === 'draft';
      const actions = stepsFor(ANNUAL_REPORT_STEPS, state, ctx.actor.role).filter(
        (s) => s !== 'submit' || lead,
      ) as TCarrierReport['actions'];
      return {
        id: row.id,
        carrier: { id: row.carrier_id, name: row.carrier_name },
        year: row.year,
        dueOn: annualDueOn(row.year, settings.aftercare.reportDueMonthDay),
        state,
        focus: hidden ? null : row.focus,
        goals: hidden ? null : row.goals,
        developments: hidden ? null : row.developments,
        submissions: subs.map((s) => ({
          no: s.no,
          submittedAt: s.submitted_at.toISOString(),
          submittedBy: s.submitted_by_name,
          cases: Number(s.cases),
          returnedAt: s.returned_at?.toISOString() ?? null,
          returnedBy: s.returned_by_name,
          returnReason: s.return_reason,
        })),
        actions,
        version: row.version,
        updatedAt: row.updated_at.toISOString(),
      };
    }

    const planDeadline = (row: AnnualReportRow, notBefore: string | null) =>
      planAnnualDeadline(tx, ctx.actor.agencyId, row, { notBefore, by: ctx.actor.userId, fallback: carrier ? ctx.actor.userId : null });

    return { tx, repo, scope, fx, carrier, isLead, visible, step, checkVersion, present, planDeadline };
  };

  const run = <T>(ctx: Ctx, fn: (k: ReturnType<typeof kit>) => Promise<T>) => actorTx(db, ctx, (tx) => fn(kit(tx, ctx)));

  return {
    /** The reports the actor may see: the Fachstelle every carrier's (or one's), a carrier its own. */
    list: (ctx: Ctx, q: z.output<typeof ZCarrierReportListQuery>) =>
      run(ctx, async (k) => {
        access.require(ctx.actor, 'aftercare.report');
        const rows = await k.repo.list(k.scope, k.carrier ? null : (q.carrierId ?? null), q.year ?? null);
        const { settings } = await k.fx.agency();
        audit(k.tx, ctx, { action: 'aftercare.annual_report_list', details: { carrierId: q.carrierId ?? null, results: rows.length } });
        return {
          items: rows.map((r) => ({
            id: r.id,
            carrier: { id: r.carrier_id, name: r.carrier_name },
            year: r.year,
            dueOn: annualDueOn(r.year, settings.aftercare.reportDueMonthDay),
            state: r.state as TCarrierReportState,
            submissions: Number(r.submissions ?? 0),
            lastSubmittedAt: r.last_submitted_at ? new Date(r.last_submitted_at as Date).toISOString() : null,
            returned: !!r.returned,
          })),
        };
      }),

    /** Opens the carrier's report of a year as a draft (or answers the one already open). */
    open: (ctx: Ctx, input: z.output<typeof ZCarrierReportOpen>) =>
      run(ctx, async (k) => {
        access.require(ctx.actor, 'aftercare.annualReport.write');
        const carrierId = ctx.actor.carrierId;
        if (!carrierId) throw new AccessDenied('aftercare.annualReport.write', null);
        if (input.year > Number(berlinDate(new Date()).slice(0, 4)))
          throw fieldError('year', 'invalid_value', 'Ein Bericht ist erst im Berichtsjahr möglich.');
        const inserted = await k.repo.insert(carrierId, input.year, ctx.actor.userId);
        const row = (await k.repo.findByYear(carrierId, input.year))!;
        if (inserted) {
          await k.planDeadline(row, null);
          audit(k.tx, ctx, { action: 'aftercare.annual_report_open', entityId: row.id, details: { year: input.year } });
        }
        return { created: !!inserted, body: await k.present(row) };
      }),

    get: (ctx: Ctx, id: string) =>
      run(ctx, async (k) => {
        const row = await k.visible(id, 'aftercare.report');
        audit(k.tx, ctx, { action: 'aftercare.annual_report_read', entityId: id });
        return k.present(row);
      }),

    /** The carrier's narrative (draft only). */
    edit: (ctx: Ctx, id: string, input: z.output<typeof ZCarrierReportNarrative>) =>
      run(ctx, async (k) => {
        const row = await k.visible(id, 'aftercare.annualReport.write', true);
        k.step(row, 'edit');
        k.checkVersion(row, input.version);
        await k.repo.update(id, { focus: input.focus, goals: input.goals, developments: input.developments }, ctx.actor.userId);
        audit(k.tx, ctx, { action: 'aftercare.annual_report_edit', entityId: id });
        return k.present((await k.repo.find(id, k.scope))!);
      }),

    /** The carrier lead submits: the narrative and the data of this moment are frozen as the next submission. */
    submit: (ctx: Ctx, id: string, input: z.output<typeof ZCarrierReportSubmit>) =>
      run(ctx, async (k) => {
        const row = await k.visible(id, 'aftercare.annualReport.submit', true);
        k.step(row, 'submit');
        k.checkVersion(row, input.version);
        // The worker sees the report (it is no secret to them), so this is a plain 403, audited as a denial.
        if (!(await k.isLead())) throw new AccessDenied('aftercare.annualReport.submit', null);
        const snapshot = await annualData(k.tx, ctx.actor.agencyId, row.year, row.carrier_id);
        const no = ((await k.repo.submission(id, null))?.no ?? 0) + 1;
        await k.repo.insertSubmission({
          reportId: id,
          no,
          focus: row.focus,
          goals: row.goals,
          developments: row.developments,
          snapshot,
          by: ctx.actor.userId,
        });
        await k.repo.update(id, { state: 'submitted' }, ctx.actor.userId);
        await k.fx.closeDeadlines(id, [DEADLINE], 'done');
        await k.fx.inform(
          await k.fx.usersWithRoles(['case_manager', 'lead']),
          'aftercare.annual_report',
          `Jahresbericht ${row.year} von ${row.carrier_name} eingereicht (Fassung ${no})`,
          `Der Träger ${row.carrier_name} hat den Jahresbericht ${row.year} der Wohnintegrationshilfe eingereicht.`,
          annualReportLink(id),
          { text: { key: 'notice.annualReportSubmitted', params: { year: row.year, carrier: row.carrier_name, no } } },
        );
        audit(k.tx, ctx, { action: 'aftercare.annual_report_submit', entityId: id, details: { no, cases: snapshot.rows.length } });
        return k.present((await k.repo.find(id, k.scope))!);
      }),

    /** The Fachstelle returns the submitted report with a reason: a draft again, the due date a deadline again. */
    returnReport: (ctx: Ctx, id: string, input: z.output<typeof ZCarrierReportReturn>) =>
      run(ctx, async (k) => {
        const row = await k.visible(id, 'aftercare.annualReport.return', true);
        k.step(row, 'return');
        k.checkVersion(row, input.version);
        const latest = (await k.repo.submission(id, null))!;
        await k.repo.markReturned(id, latest.no, ctx.actor.userId, input.reason);
        await k.repo.update(id, { state: 'draft' }, ctx.actor.userId);
        await k.planDeadline(row, addDays(berlinDate(new Date()), REMIND_DAYS));
        await k.fx.inform(
          await activeCarrierLeads(k.tx, ctx.actor.agencyId, row.carrier_id),
          'aftercare.annual_report',
          `Jahresbericht ${row.year} zurückgegeben`,
          `Die Fachstelle hat den Jahresbericht ${row.year} (Fassung ${latest.no}) zurückgegeben: ${input.reason}`,
          annualReportLink(id),
          { text: { key: 'notice.annualReportReturned', params: { year: row.year, no: latest.no, reason: input.reason } } },
        );
        audit(k.tx, ctx, { action: 'aftercare.annual_report_return', entityId: id, details: { no: latest.no } });
        return k.present((await k.repo.find(id, k.scope))!);
      }),

    /**
     * The report as PDF or XLSX: a submitted version as frozen, or (no version named) the current
     * one — the latest submission, or for the carrier a draft's preview with today's figures.
     */
    download: (ctx: Ctx, id: string, q: z.output<typeof ZCarrierReportExportQuery>) =>
      run(ctx, async (k) => {
        const row = await k.visible(id, 'aftercare.report');
        const preview = q.submission === undefined && row.state === 'draft';
        let e: Omit<AnnualExport, 'agencyName' | 'footer'>;
        let no: number | null = null;
        if (preview) {
          if (!k.carrier) throw new AppError('conflict', 'Der Bericht ist noch nicht eingereicht; die Vorschau sieht nur der Träger.');
          e = {
            data: await annualData(k.tx, ctx.actor.agencyId, row.year, row.carrier_id),
            carrierName: row.carrier_name,
            narrative: { focus: row.focus, goals: row.goals, developments: row.developments },
            status: `Entwurf – Vorschau mit den Zahlen vom ${germanDate(berlinDate(new Date()))}; noch nicht eingereicht.`,
          };
        } else {
          const s = await k.repo.submission(id, q.submission ?? null);
          if (!s) throw new AppError('not_found', 'Diese Fassung des Berichts gibt es nicht.');
          no = s.no;
          e = {
            data: s.snapshot as TAnnualReport,
            carrierName: row.carrier_name,
            narrative: { focus: s.focus, goals: s.goals, developments: s.developments },
            status:
              `Fassung ${s.no}, eingereicht am ${germanDate(berlinDate(s.submitted_at))}` +
              (s.submitted_by_name ? ` von ${s.submitted_by_name}` : '') +
              (s.returned_at ? ` – zurückgegeben am ${germanDate(berlinDate(s.returned_at))}: ${s.return_reason}` : ''),
          };
        }
        const agency = await k.fx.agency();
        const full: AnnualExport = { ...e, agencyName: agency.name, footer: agency.settings.letterhead.footer ?? undefined };
        const content = q.format === 'pdf' ? await annualPdf(full) : await annualXlsx(full);
        audit(k.tx, ctx, {
          action: 'aftercare.annual_report_download',
          entityId: id,
          details: { format: q.format, submission: no, preview },
        });
        const base = `jahresbericht-${row.year}-${row.carrier_name}${preview ? '-entwurf' : `-fassung-${no}`}`;
        return {
          filename: `${base}.${q.format}`,
          contentType: q.format === 'pdf' ? 'application/pdf' : XLSX_TYPE,
          content,
        };
      }),
  };
}
export type AnnualReportService = ReturnType<typeof annualReportService>;
