import type { TDifference, TDifferenceKind } from '../../../contracts/accommodationBilling.js';

/*
 * Pure parts of billing to the day: the computed nights come from PostgreSQL (billing.repository:
 * generate_series over each stay's nights joined to the rate valid that night) as runs of nights
 * at one rate; here they are compared with an invoice night by night. No I/O.
 */

/** A run of consecutive nights of one stay at one rate (as the repository returns it). */
export interface Segment {
  stay_id: string;
  assignment_id: string;
  member_id: string;
  first_night: string;
  last_night: string;
  nights: number;
  cents: number | null;
  billed_by: string | null;
}

export interface InvoiceLine {
  assignmentId: string;
  memberId: string;
  firstNight: string;
  lastNight: string;
  nights: number;
  amountCents: number;
}

export interface ComputedNight {
  stayId: string;
  night: string;
  cents: number | null;
  billedBy: string | null;
}

/** Blocking differences: an invoice with one of these cannot be approved (it is disputed). */
export const BLOCKING: ReadonlySet<TDifferenceKind> = new Set(['not_stayed', 'rate_differs', 'already_billed', 'no_rate']);

const DAY = 86_400_000;
export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** Nights from `first` to `last`, both included. */
export const nightsBetween = (first: string, last: string) => Math.round((Date.parse(last) - Date.parse(first)) / DAY) + 1;

/** The first day of a month and the first day of the next one (YYYY-MM → [start, end)). */
export function monthBounds(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = `${month}-01`;
  const end = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start, end };
}

const key = (assignmentId: string, memberId: string) => `${assignmentId}/${memberId}`;

/** Every computed night per person of an assignment (`assignment/member` → night → night). */
export function nightsByPerson(segments: readonly Segment[]): Map<string, Map<string, ComputedNight>> {
  const out = new Map<string, Map<string, ComputedNight>>();
  for (const s of segments) {
    const k = key(s.assignment_id, s.member_id);
    let m = out.get(k);
    if (!m) out.set(k, (m = new Map()));
    for (let i = 0; i < s.nights; i++) {
      const night = addDays(s.first_night, i);
      m.set(night, { stayId: s.stay_id, night, cents: s.cents, billedBy: s.billed_by });
    }
  }
  return out;
}

export type RawDifference = Omit<TDifference, 'person' | 'reference'>;

/**
 * The invoice checked against the computation, per person and night: each invoiced night is
 * stayed (else `not_stayed`), has a rate (`no_rate`), is not billed by another invoice
 * (`already_billed`), and its line's amount equals the computed nights' sum (else each night whose
 * share — line amount / nights, rounded — differs is `rate_differs`); each stayed night of a person
 * on the invoice that no line bills is `missing_night`. Also returns the nights approval would bill.
 */
export function checkInvoice(
  invoiceId: string | null,
  lines: readonly InvoiceLine[],
  computed: Map<string, Map<string, ComputedNight>>,
): { differences: RawDifference[]; computedCents: number; billable: { stayId: string; night: string; cents: number }[] } {
  const differences: RawDifference[] = [];
  const billable: { stayId: string; night: string; cents: number }[] = [];
  const invoiced = new Map<string, Set<string>>();
  let computedCents = 0;
  const diff = (
    l: { assignmentId: string; memberId: string },
    night: string,
    kind: TDifferenceKind,
    inv: number | null,
    comp: number | null,
  ) => differences.push({ assignmentId: l.assignmentId, memberId: l.memberId, night, kind, invoicedCents: inv, computedCents: comp });

  for (const l of lines) {
    const k = key(l.assignmentId, l.memberId);
    const stayed = computed.get(k) ?? new Map<string, ComputedNight>();
    const seen = invoiced.get(k) ?? new Set<string>();
    invoiced.set(k, seen);
    const count = nightsBetween(l.firstNight, l.lastNight);
    const share = Math.round(l.amountCents / Math.max(1, l.nights));
    const lineNights: { night: string; c: ComputedNight | undefined }[] = [];
    for (let i = 0; i < count; i++) {
      const night = addDays(l.firstNight, i);
      seen.add(night);
      lineNights.push({ night, c: stayed.get(night) });
    }
    let sum = 0;
    let comparable = true;
    for (const { night, c } of lineNights) {
      if (!c) {
        diff(l, night, 'not_stayed', share, null);
        comparable = false;
      } else if (c.cents === null) {
        diff(l, night, 'no_rate', share, null);
        comparable = false;
      } else {
        sum += c.cents;
        if (c.billedBy && c.billedBy !== invoiceId) diff(l, night, 'already_billed', share, c.cents);
        else billable.push({ stayId: c.stayId, night, cents: c.cents });
      }
    }
    computedCents += sum;
    if (comparable && sum !== l.amountCents) {
      const differing = lineNights.filter(({ c }) => c!.cents !== share);
      for (const { night, c } of differing.length ? differing : lineNights.slice(0, 1)) diff(l, night, 'rate_differs', share, c!.cents);
    }
  }
  // Stayed nights of the invoice's persons that no line bills.
  for (const [k, nights] of invoiced) {
    const [assignmentId, memberId] = k.split('/') as [string, string];
    for (const [night, c] of computed.get(k) ?? [])
      if (!nights.has(night) && !(c.billedBy && c.billedBy !== invoiceId))
        diff({ assignmentId, memberId }, night, 'missing_night', null, c.cents);
  }
  differences.sort(
    (a, b) => a.assignmentId.localeCompare(b.assignmentId) || a.memberId.localeCompare(b.memberId) || a.night.localeCompare(b.night),
  );
  return { differences, computedCents, billable };
}

/** Cents as euro with a decimal comma (1234,56), for the finance export. */
export const euro = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
