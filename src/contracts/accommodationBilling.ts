import { z } from 'zod';
import { ZDate, ZExpectedVersion, ZId } from './common.js';
import { ZText } from './plausible.js';

/**
 * Accommodation billing to the day (issue 16): the nights of each stay in a month × the dated rate
 * valid on each night, per operator; the operator's invoice, checked against it night by night;
 * approve or dispute; the approved amounts exported for the finance system.
 */
export const INVOICE_STATES = ['received', 'checked', 'approved', 'disputed'] as const;
export type TInvoiceState = (typeof INVOICE_STATES)[number];
export const INVOICE_SOURCES = ['manual', 'csv', 'xlsx'] as const;
/**
 * A difference between invoice and computation, per person and night: invoiced but not stayed (or
 * not in the month), a rate that differs from the one valid that night, a stayed night the invoice
 * does not bill, a night already billed by another approved invoice, a night without a rate.
 */
export const DIFFERENCE_KINDS = ['not_stayed', 'rate_differs', 'missing_night', 'already_billed', 'no_rate'] as const;
export type TDifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Monat im Format JJJJ-MM')
  .describe('Abrechnungsmonat (JJJJ-MM)');

export const ZBillingMonthQuery = z.object({ month: ZMonth });

const ZCents = z.number().int();

/** One operator's month in the overview of all operators. */
export const ZBillingOperatorSummary = z.object({
  operatorId: ZId,
  operatorName: z.string(),
  persons: z.number().int(),
  nights: z.number().int(),
  computedCents: ZCents,
  nightsWithoutRate: z.number().int(),
  invoices: z.array(z.object({ id: ZId, invoiceNo: z.string(), state: z.enum(INVOICE_STATES), totalCents: ZCents })),
});
export const ZBillingOverview = z.object({ month: ZMonth, items: z.array(ZBillingOperatorSummary) });

/** A run of consecutive nights of one stay at one rate. */
export const ZComputedSegment = z.object({
  firstNight: ZDate,
  lastNight: ZDate,
  nights: z.number().int(),
  centsPerNight: ZCents.nullable().describe('Tagessatz dieser Nächte; null = kein Tagessatz hinterlegt'),
  billed: z.boolean().describe('Durch eine freigegebene Rechnung abgerechnet (Satz bleibt fest)'),
});
export const ZComputedStay = z.object({
  stayId: ZId,
  assignmentId: ZId,
  householdId: ZId,
  reference: z.string(),
  memberId: ZId,
  person: z.string(),
  facilityName: z.string(),
  rateBasis: z.enum(['person', 'place']).nullable(),
  nights: z.number().int(),
  cents: ZCents,
  segments: z.array(ZComputedSegment),
});

export const ZInvoiceLineInput = z.object({
  assignmentId: ZId,
  memberId: ZId,
  firstNight: ZDate.describe('Erste abgerechnete Nacht'),
  lastNight: ZDate.describe('Letzte abgerechnete Nacht (einschließlich)'),
  nights: z.number().int().min(1, 'Nächte: mindestens 1.').max(31, 'Nächte: höchstens 31.'),
  amountCents: z.number().int().min(0, 'Betrag: nicht negativ.').max(100_000_000, 'Betrag: zu hoch.'),
});
export type TInvoiceLineInput = z.infer<typeof ZInvoiceLineInput>;

export const ZInvoiceHead = z.object({
  operatorId: ZId,
  month: ZMonth,
  invoiceNo: ZText(60, 'Rechnungsnummer'),
  receivedOn: ZDate,
});
export const ZInvoiceInput = ZInvoiceHead.extend({
  lines: z.array(ZInvoiceLineInput).min(1, 'Bitte mindestens eine Zeile erfassen.').max(5000),
});
export type TInvoiceInput = z.infer<typeof ZInvoiceInput>;
/** The invoice head of an import travels in the query string (the body is the file); checked after the permission. */
export const ZInvoiceImportQuery = z.object({
  operatorId: z.string().max(100).optional(),
  month: z.string().max(20).optional(),
  invoiceNo: z.string().max(200).optional(),
  receivedOn: z.string().max(20).optional(),
});

export const ZDifference = z.object({
  assignmentId: ZId,
  memberId: ZId,
  person: z.string(),
  reference: z.string(),
  night: ZDate,
  kind: z.enum(DIFFERENCE_KINDS),
  invoicedCents: ZCents.nullable().describe('Betrag dieser Nacht laut Rechnung (Zeilenbetrag / Nächte, gerundet)'),
  computedCents: ZCents.nullable().describe('Berechneter Betrag dieser Nacht'),
});
export type TDifference = z.infer<typeof ZDifference>;

export const ZInvoiceLine = ZInvoiceLineInput.extend({
  lineNo: z.number().int(),
  person: z.string(),
  reference: z.string(),
});

export const ZInvoice = z.object({
  id: ZId,
  operatorId: ZId,
  operatorName: z.string(),
  month: ZMonth,
  invoiceNo: z.string(),
  receivedOn: ZDate,
  source: z.enum(INVOICE_SOURCES),
  state: z.enum(INVOICE_STATES),
  totalCents: ZCents,
  computedCents: ZCents.describe('Berechneter Betrag der Personen dieser Rechnung im Monat (abgerechnete Nächte mit ihrem festen Satz)'),
  disputeReason: z.string().nullable(),
  lines: z.array(ZInvoiceLine),
  differences: z.array(ZDifference),
  version: z.number().int(),
});
export type TInvoice = z.infer<typeof ZInvoice>;

export const ZOperatorMonth = z.object({
  operatorId: ZId,
  operatorName: z.string(),
  month: ZMonth,
  computedCents: ZCents,
  nights: z.number().int(),
  stays: z.array(ZComputedStay),
  invoices: z.array(z.object({ id: ZId, invoiceNo: z.string(), state: z.enum(INVOICE_STATES), totalCents: ZCents })),
});
export type TOperatorMonth = z.infer<typeof ZOperatorMonth>;

export const ZInvoiceStep = z.object({ version: ZExpectedVersion });
export const ZInvoiceDispute = z.object({ version: ZExpectedVersion, reason: ZText(1000, 'Grund') });

/** The columns of the finance export (documented in the README and the route description). */
export const EXPORT_COLUMNS = [
  'betreiber',
  'rechnungsnummer',
  'zeitraum',
  'aktenzeichen',
  'kostentraeger',
  'naechte',
  'betrag_cent',
  'betrag_euro',
] as const;
