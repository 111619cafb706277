import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import {
  EXPORT_COLUMNS,
  ZInvoiceHead,
  type TDifference,
  type TInvoice,
  type TInvoiceInput,
  type TInvoiceLineInput,
  type TOperatorMonth,
} from '../../../contracts/accommodationBilling.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { AccessDenied, AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx, auditDenials } from '../../platform/http/tx.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { BLOCKING, checkInvoice, euro, monthBounds, nightsBetween, nightsByPerson } from './billing.compute.js';
import { parseInvoiceFile } from './billing.import.js';
import { INVOICE_STEPS, next } from './billing.machine.js';
import { billingRepository, type LineWrite, type NightRules, type SegmentRow } from './billing.repository.js';

const invalid = (errors: FieldError[]) => new AppError('validation_failed', 'Die Eingaben sind ungültig.', { errors });
const stale = (version: number) => new AppError('precondition_failed', undefined, { currentState: String(version) });
const monthOf = (iso: string) => iso.slice(0, 7);

async function rulesOf(tx: Tx, agencyId: string): Promise<NightRules> {
  const s = (await agencyFacts(tx, agencyId)).settings.accommodationBilling;
  return { arrival: s.billArrivalDay, departure: s.billDepartureDay };
}

/** The computed nights of the operator's stays in the month, grouped per person and run of nights. */
function presentStays(rows: SegmentRow[]): TOperatorMonth['stays'] {
  const byStay = new Map<string, TOperatorMonth['stays'][number]>();
  for (const r of rows) {
    let s = byStay.get(r.stay_id);
    if (!s)
      byStay.set(
        r.stay_id,
        (s = {
          stayId: r.stay_id,
          assignmentId: r.assignment_id,
          householdId: r.household_id,
          reference: r.reference,
          memberId: r.member_id,
          person: r.person,
          facilityName: r.facility_name,
          rateBasis: r.rate_basis as 'person' | 'place' | null,
          nights: 0,
          cents: 0,
          segments: [],
        }),
      );
    s.nights += r.nights;
    s.cents += (r.cents ?? 0) * r.nights;
    s.segments.push({
      firstNight: r.first_night,
      lastNight: r.last_night,
      nights: r.nights,
      centsPerNight: r.cents,
      billed: r.billed_by !== null,
    });
  }
  return [...byStay.values()];
}

/** Billing to the day: per operator and month, the operator's invoices, their check and approval, the finance export. */
export function billingService(db: Kysely<DB>) {
  async function invoiceDetail(tx: Tx, agencyId: string, id: string): Promise<TInvoice | undefined> {
    const repo = billingRepository(tx, agencyId);
    const inv = await repo.invoice(id);
    if (!inv) return undefined;
    const { start, end } = monthBounds(monthOf(inv.month));
    const [lines, segments] = await Promise.all([repo.lines(id), repo.segments(start, end, await rulesOf(tx, agencyId), inv.operator_id)]);
    const input = lines.map((l) => ({
      assignmentId: l.assignment_id,
      memberId: l.member_id,
      firstNight: l.first_night,
      lastNight: l.last_night,
      nights: l.nights,
      amountCents: l.amount_cents,
    }));
    const check = checkInvoice(id, input, nightsByPerson(segments));
    const who = new Map<string, { person: string; reference: string }>();
    for (const s of segments) who.set(`${s.assignment_id}/${s.member_id}`, { person: s.person, reference: s.reference });
    for (const l of lines)
      who.set(`${l.assignment_id}/${l.member_id}`, { person: `${l.first_name} ${l.last_name}`, reference: l.reference });
    const differences: TDifference[] = check.differences.map((d) => ({ ...d, ...who.get(`${d.assignmentId}/${d.memberId}`)! }));
    return {
      id: inv.id,
      operatorId: inv.operator_id,
      operatorName: inv.operator_name,
      month: monthOf(inv.month),
      invoiceNo: inv.invoice_no,
      receivedOn: inv.received_on,
      source: inv.source as TInvoice['source'],
      state: inv.state as TInvoice['state'],
      totalCents: inv.total_cents,
      computedCents: check.computedCents,
      disputeReason: inv.dispute_reason,
      lines: lines.map((l, i) => ({ ...input[i]!, lineNo: l.line_no, person: `${l.first_name} ${l.last_name}`, reference: l.reference })),
      differences,
      version: inv.version,
    };
  }

  /** Lines checked against the operator's persons of the month: every line names one of them, inside the month. */
  async function resolveLines(
    tx: Tx,
    agencyId: string,
    operatorId: string,
    month: string,
    lines: TInvoiceLineInput[],
    field: (i: number, f: string) => string,
  ) {
    const repo = billingRepository(tx, agencyId);
    if (!(await repo.operator(operatorId)))
      throw invalid([{ field: 'operatorId', code: 'not_found', message: 'Diesen Betreiber gibt es nicht.' }]);
    const { start, end } = monthBounds(month);
    const persons = new Map((await repo.persons(start, end, operatorId)).map((p) => [`${p.assignment_id}/${p.member_id}`, p]));
    const errors: FieldError[] = [];
    const out: LineWrite[] = [];
    lines.forEach((l, i) => {
      const p = persons.get(`${l.assignmentId}/${l.memberId}`);
      if (!p)
        errors.push({
          field: field(i, 'memberId'),
          code: 'not_found',
          message: 'Diese Person war im Monat nicht in einer Unterkunft des Betreibers.',
        });
      if (l.firstNight < start || l.firstNight >= end)
        errors.push({ field: field(i, 'firstNight'), code: 'range', message: 'Die erste Nacht liegt nicht im Abrechnungsmonat.' });
      if (l.lastNight < start || l.lastNight >= end)
        errors.push({ field: field(i, 'lastNight'), code: 'range', message: 'Die letzte Nacht liegt nicht im Abrechnungsmonat.' });
      else if (l.lastNight < l.firstNight)
        errors.push({ field: field(i, 'lastNight'), code: 'range', message: 'Die letzte Nacht liegt vor der ersten.' });
      else if (nightsBetween(l.firstNight, l.lastNight) !== l.nights)
        errors.push({
          field: field(i, 'nights'),
          code: 'custom',
          message: `Von ${l.firstNight} bis ${l.lastNight} sind ${nightsBetween(l.firstNight, l.lastNight)} Nächte.`,
        });
      if (p)
        out.push({
          line_no: i + 1,
          assignment_id: l.assignmentId,
          household_id: p.household_id,
          member_id: l.memberId,
          first_night: l.firstNight,
          last_night: l.lastNight,
          nights: l.nights,
          amount_cents: l.amountCents,
        });
    });
    if (errors.length) throw invalid(errors);
    return { repo, lines: out, persons: [...persons.values()] };
  }

  async function store(tx: Tx, ctx: Ctx, input: Omit<TInvoiceInput, 'lines'>, lines: LineWrite[], source: 'manual' | 'csv' | 'xlsx') {
    const repo = billingRepository(tx, ctx.actor.agencyId);
    const total = lines.reduce((s, l) => s + l.amount_cents, 0);
    const inv = await repo.insertInvoice(
      {
        operator_id: input.operatorId,
        month: `${input.month}-01`,
        invoice_no: input.invoiceNo,
        received_on: input.receivedOn,
        source,
        total_cents: total,
      },
      lines,
      ctx.actor.userId,
    );
    if (!inv)
      throw invalid([
        { field: 'invoiceNo', code: 'duplicate', message: 'Eine Rechnung mit dieser Nummer gibt es von diesem Betreiber schon.' },
      ]);
    audit(tx, ctx, {
      action: 'accommodation.invoice_create',
      entityId: inv.id,
      details: { operator: input.operatorId, month: input.month, source, lines: lines.length, totalCents: total },
    });
    return (await invoiceDetail(tx, ctx.actor.agencyId, inv.id))!;
  }

  /** A step of the invoice machine on a current version. */
  async function step(ctx: Ctx, id: string, version: number, name: keyof typeof INVOICE_STEPS, reason?: string) {
    return actorTx(db, ctx, async (tx) => {
      access.require(ctx.actor, 'accommodation.billing', { type: 'accommodation_invoice', id });
      const repo = billingRepository(tx, ctx.actor.agencyId);
      const inv = await repo.invoiceForUpdate(id);
      if (!inv) throw new AccessDenied('accommodation.billing', { type: 'accommodation_invoice', id });
      if (inv.version !== version) throw stale(inv.version);
      const to = next(INVOICE_STEPS, name, inv.state as 'received', ctx.actor.role);
      const detail = (await invoiceDetail(tx, ctx.actor.agencyId, id))!;
      const blocking = detail.differences.filter((d) => BLOCKING.has(d.kind));
      const now = new Date();
      let billed = 0;
      if (name === 'check') {
        await repo.setState(id, version, {
          state: to,
          computed_cents: detail.computedCents,
          differences: detail.differences.length,
          checked_at: now,
        });
      } else if (name === 'approve') {
        if (blocking.length)
          throw new AppError('invalid_transition', `Die Rechnung hat ${blocking.length} Abweichungen: bitte beanstanden.`, {
            currentState: inv.state,
          });
        const { start, end } = monthBounds(monthOf(inv.month));
        const segments = await repo.segments(start, end, await rulesOf(tx, ctx.actor.agencyId), inv.operator_id);
        const { billable } = checkInvoice(id, detail.lines, nightsByPerson(segments));
        billed = await repo.insertBilled(id, billable);
        if (billed !== billable.length)
          throw new AppError('conflict', 'Einige Nächte wurden inzwischen mit einer anderen Rechnung abgerechnet.');
        await repo.setState(id, version, {
          state: to,
          computed_cents: detail.computedCents,
          decided_at: now,
          decided_by: ctx.actor.userId,
        });
      } else {
        await repo.setState(id, version, { state: to, dispute_reason: reason!, decided_at: now, decided_by: ctx.actor.userId });
      }
      audit(tx, ctx, {
        action: 'accommodation.invoice_step',
        entityId: id,
        details: {
          step: name,
          from: inv.state,
          to,
          differences: detail.differences.length,
          ...(name === 'approve' ? { billedNights: billed } : {}),
        },
      });
      return (await invoiceDetail(tx, ctx.actor.agencyId, id))!;
    });
  }

  return {
    /** Every operator's month: computed nights and amount, and the invoices received. */
    overview: (ctx: Ctx, month: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.billing.read');
        const repo = billingRepository(tx, ctx.actor.agencyId);
        const { start, end } = monthBounds(month);
        const [rows, invoices] = await Promise.all([
          repo.overview(start, end, await rulesOf(tx, ctx.actor.agencyId)),
          repo.invoicesOfMonth(start, null),
        ]);
        const items = rows.map((r) => ({
          operatorId: r.operator_id,
          operatorName: r.operator_name,
          persons: r.persons,
          nights: r.nights,
          computedCents: r.cents,
          nightsWithoutRate: r.without_rate,
          invoices: invoices
            .filter((i) => i.operator_id === r.operator_id)
            .map((i) => ({ id: i.id, invoiceNo: i.invoice_no, state: i.state as TInvoice['state'], totalCents: i.total_cents })),
        }));
        audit(tx, ctx, { action: 'accommodation.billing_overview', details: { month, operators: items.length } });
        return { month, items };
      }),

    /** One operator's month: each person's nights at the rate of each night. */
    operatorMonth: (ctx: Ctx, operatorId: string, month: string): Promise<TOperatorMonth> =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.billing.read', { type: 'accommodation_operator', id: operatorId });
        const repo = billingRepository(tx, ctx.actor.agencyId);
        const op = await repo.operator(operatorId);
        if (!op) throw new AccessDenied('accommodation.billing.read', { type: 'accommodation_operator', id: operatorId });
        const { start, end } = monthBounds(month);
        const [rows, invoices] = await Promise.all([
          repo.segments(start, end, await rulesOf(tx, ctx.actor.agencyId), operatorId),
          repo.invoicesOfMonth(start, operatorId),
        ]);
        const stays = presentStays(rows);
        audit(tx, ctx, { action: 'accommodation.billing_read', entityId: operatorId, details: { month, persons: stays.length } });
        return {
          operatorId,
          operatorName: op.name,
          month,
          computedCents: stays.reduce((s, x) => s + x.cents, 0),
          nights: stays.reduce((s, x) => s + x.nights, 0),
          stays,
          invoices: invoices.map((i) => ({
            id: i.id,
            invoiceNo: i.invoice_no,
            state: i.state as TInvoice['state'],
            totalCents: i.total_cents,
          })),
        };
      }),

    invoice: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.billing.read', { type: 'accommodation_invoice', id });
        const inv = await invoiceDetail(tx, ctx.actor.agencyId, id);
        if (!inv) throw new AccessDenied('accommodation.billing.read', { type: 'accommodation_invoice', id });
        audit(tx, ctx, { action: 'accommodation.invoice_read', entityId: id, details: { differences: inv.differences.length } });
        return inv;
      }),

    /** An invoice entered by hand. */
    create: (ctx: Ctx, input: TInvoiceInput) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.billing');
        const { lines } = await resolveLines(
          tx,
          ctx.actor.agencyId,
          input.operatorId,
          input.month,
          input.lines,
          (i, f) => `lines.${i}.${f}`,
        );
        return store(tx, ctx, input, lines, 'manual');
      }),

    /** The permission first, then the invoice head of an import (its query string), with field errors. */
    importHead: async (ctx: Ctx, query: Record<string, string | undefined>): Promise<Omit<TInvoiceInput, 'lines'>> => {
      await auditDenials(db, ctx, async () => access.require(ctx.actor, 'accommodation.billing'));
      const head = ZInvoiceHead.safeParse(query);
      if (!head.success) throw invalid(head.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })));
      return head.data;
    },

    /** An invoice imported from CSV or XLSX; persons named by file number and name, bad rows named by line and column. */
    importFile: (ctx: Ctx, head: Omit<TInvoiceInput, 'lines'>, content: Buffer) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.billing');
        const { format, rows } = await parseInvoiceFile(content);
        const { start, end } = monthBounds(head.month);
        const repo = billingRepository(tx, ctx.actor.agencyId);
        const norm = (s: string) => s.toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();
        const byName = new Map(
          (await repo.persons(start, end, head.operatorId)).map((p) => [
            `${norm(p.reference)}|${norm(`${p.first_name} ${p.last_name}`)}`,
            p,
          ]),
        );
        const errors: FieldError[] = [];
        const lines: TInvoiceLineInput[] = rows.map((r) => {
          const p = byName.get(`${norm(r.reference)}|${norm(r.person)}`);
          if (!p)
            errors.push({
              field: `file.${r.lineNo}.person`,
              code: 'not_found',
              message: `Zeile ${r.lineNo}, Spalte „person“: ${r.person} (${r.reference}) war im Monat nicht in einer Unterkunft des Betreibers.`,
            });
          return {
            assignmentId: p?.assignment_id ?? '',
            memberId: p?.member_id ?? '',
            firstNight: r.firstNight,
            lastNight: r.lastNight,
            nights: r.nights,
            amountCents: r.amountCents,
          };
        });
        if (errors.length) throw invalid(errors);
        const resolved = await resolveLines(tx, ctx.actor.agencyId, head.operatorId, head.month, lines, (i, f) => {
          const col = { firstNight: 'von', lastNight: 'bis', nights: 'naechte', memberId: 'person' }[f] ?? f;
          return `file.${rows[i]!.lineNo}.${col}`;
        }).catch((e: unknown) => {
          if (e instanceof AppError && e.extra.errors)
            throw invalid(
              e.extra.errors.map((x) =>
                x.field.startsWith('file.') ? { ...x, message: `Zeile ${x.field.split('.')[1]}: ${x.message}` } : x,
              ),
            );
          throw e;
        });
        return store(tx, ctx, head, resolved.lines, format);
      }),

    check: (ctx: Ctx, id: string, version: number) => step(ctx, id, version, 'check'),
    approve: (ctx: Ctx, id: string, version: number) => step(ctx, id, version, 'approve'),
    dispute: (ctx: Ctx, id: string, version: number, reason: string) => step(ctx, id, version, 'dispute', reason),

    /** Approved amounts of a month for the finance system (CSV; columns in EXPORT_COLUMNS, see README). */
    exportCsv: (ctx: Ctx, month: string) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.billing.read');
        const rows = await billingRepository(tx, ctx.actor.agencyId).approved(`${month}-01`);
        const text = stringify(
          rows.map((r) => [r.operator_name, r.invoice_no, r.month, r.reference, r.payer, r.nights, r.cents, euro(r.cents)]),
          { bom: true, delimiter: ';', record_delimiter: '\r\n', header: true, columns: [...EXPORT_COLUMNS] },
        );
        audit(tx, ctx, { action: 'accommodation.billing_export', details: { month, rows: rows.length } });
        return { filename: `unterbringung-abrechnung-${month}.csv`, content: Buffer.from(text, 'utf8') };
      }),
  };
}
export type BillingService = ReturnType<typeof billingService>;
