import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { Segment } from './billing.compute.js';

/*
 * Billing to the day, in PostgreSQL: each stay's nights in the month (generate_series, the day of
 * arrival and of departure counted as the agency set it) joined to the rate valid that night (the
 * contract's dated rates as periods [valid_from, next valid_from)) — or, for a night already billed,
 * to the rate it was billed at. Cancelled assignments hold no nights. One pass for all operators.
 */

export interface NightRules {
  arrival: boolean;
  departure: boolean;
}

export interface SegmentRow extends Segment {
  operator_id: string;
  household_id: string;
  reference: string;
  person: string;
  facility_name: string;
  rate_basis: string | null;
}

export interface InvoiceWrite {
  operator_id: string;
  month: string;
  invoice_no: string;
  received_on: string;
  source: string;
  total_cents: number;
}

export interface LineWrite {
  line_no: number;
  assignment_id: string;
  household_id: string;
  member_id: string;
  first_night: string;
  last_night: string;
  nights: number;
  amount_cents: number;
}

export function billingRepository(tx: Tx, agencyId: string) {
  /** The nights of the month per stay (optionally one operator's), with the rate of each night. */
  const nights = (start: string, end: string, rules: NightRules, operatorId: string | null) => sql`
    WITH rates AS (
      SELECT r.contract_id, r.cents_per_day,
        daterange(r.valid_from, lead(r.valid_from) OVER (PARTITION BY r.contract_id ORDER BY r.valid_from), '[)') AS period
      FROM accommodation_rates r WHERE r.agency_id = ${agencyId}
    ), stays AS (
      SELECT s.id, s.assignment_id, s.household_id, s.member_id, s.facility_id, f.operator_id, f.contract_id,
        greatest(s.from_date + ${rules.arrival ? 0 : 1}::int, ${start}::date) AS n0,
        least(coalesce(s.until_date + ${rules.departure ? 1 : 0}::int, ${end}::date), ${end}::date) AS n1
      FROM accommodation_stays s
      JOIN accommodation_assignments a ON a.id = s.assignment_id AND a.state <> 'cancelled'
      JOIN accommodation_facilities f ON f.id = s.facility_id
      WHERE s.agency_id = ${agencyId} AND s.from_date < ${end}::date AND (s.until_date IS NULL OR s.until_date >= ${start}::date)
        ${operatorId ? sql`AND f.operator_id = ${operatorId}` : sql``}
    )
    SELECT st.*, n.night, coalesce(b.cents, r.cents_per_day) AS cents, b.invoice_id AS billed_by
    FROM stays st
    CROSS JOIN LATERAL (SELECT st.n0 + k AS night FROM generate_series(0, st.n1 - st.n0 - 1) AS k) AS n
    LEFT JOIN accommodation_contracts c ON c.id = st.contract_id AND n.night >= c.valid_from AND (c.valid_to IS NULL OR n.night <= c.valid_to)
    LEFT JOIN rates r ON r.contract_id = c.id AND r.period @> n.night
    LEFT JOIN accommodation_billed_nights b ON b.stay_id = st.id AND b.night = n.night`;

  return {
    /** All operators' month: persons, nights, computed amount and nights without a rate. */
    overview: (start: string, end: string, rules: NightRules) =>
      sql<{ operator_id: string; operator_name: string; persons: number; nights: number; cents: number; without_rate: number }>`
        WITH x AS (${nights(start, end, rules, null)})
        SELECT o.id AS operator_id, o.name AS operator_name,
          count(DISTINCT x.member_id)::int AS persons, count(x.night)::int AS nights,
          coalesce(sum(x.cents), 0)::bigint AS cents, count(x.night) FILTER (WHERE x.cents IS NULL)::int AS without_rate
        FROM accommodation_operators o LEFT JOIN x ON x.operator_id = o.id
        WHERE o.agency_id = ${agencyId}
        GROUP BY o.id, o.name ORDER BY o.name`
        .execute(tx)
        .then((r) => r.rows),

    /** One operator's month as runs of consecutive nights of a stay at one rate (gaps and islands). */
    segments: (start: string, end: string, rules: NightRules, operatorId: string) =>
      sql<SegmentRow>`
        WITH x AS (${nights(start, end, rules, operatorId)}),
        g AS (SELECT x.*, x.night - (row_number() OVER (PARTITION BY x.id, x.cents, x.billed_by ORDER BY x.night))::int AS grp FROM x)
        SELECT g.id AS stay_id, g.assignment_id, g.household_id, g.member_id, g.operator_id,
          min(g.night)::text AS first_night, max(g.night)::text AS last_night, count(*)::int AS nights,
          g.cents, g.billed_by, h.reference, m.first_name || ' ' || m.last_name AS person, f.name AS facility_name,
          c.rate_basis
        FROM g
        JOIN households h ON h.id = g.household_id
        JOIN household_members m ON m.id = g.member_id
        JOIN accommodation_facilities f ON f.id = g.facility_id
        LEFT JOIN accommodation_contracts c ON c.id = f.contract_id
        GROUP BY g.id, g.assignment_id, g.household_id, g.member_id, g.operator_id, g.cents, g.billed_by, g.grp,
          h.reference, m.first_name, m.last_name, f.name, c.rate_basis
        ORDER BY h.reference, person, g.id, first_night`
        .execute(tx)
        .then((r) => r.rows),

    operator: (id: string) =>
      tx
        .selectFrom('accommodation_operators')
        .select(['id', 'name'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .executeTakeFirst(),

    invoicesOfMonth: (month: string, operatorId: string | null) =>
      tx
        .selectFrom('accommodation_invoices')
        .select(['id', 'operator_id', 'invoice_no', 'state', 'total_cents'])
        .where('agency_id', '=', agencyId)
        .where('month', '=', month)
        .$if(operatorId !== null, (q) => q.where('operator_id', '=', operatorId!))
        .orderBy('received_on')
        .orderBy('invoice_no')
        .execute(),

    invoice: (id: string) =>
      tx
        .selectFrom('accommodation_invoices as i')
        .innerJoin('accommodation_operators as o', 'o.id', 'i.operator_id')
        .selectAll('i')
        .select('o.name as operator_name')
        .where('i.agency_id', '=', agencyId)
        .where('i.id', '=', id)
        .executeTakeFirst(),

    invoiceForUpdate: (id: string) =>
      tx
        .selectFrom('accommodation_invoices')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    lines: (invoiceId: string) =>
      tx
        .selectFrom('accommodation_invoice_lines as l')
        .innerJoin('households as h', 'h.id', 'l.household_id')
        .innerJoin('household_members as m', 'm.id', 'l.member_id')
        .selectAll('l')
        .select(['h.reference', 'm.first_name', 'm.last_name'])
        .where('l.agency_id', '=', agencyId)
        .where('l.invoice_id', '=', invoiceId)
        .orderBy('l.line_no')
        .execute(),

    /** The persons of an operator's stays in the month (to resolve invoice lines: ids or file number and name). */
    persons: (start: string, end: string, operatorId: string) =>
      tx
        .selectFrom('accommodation_stays as s')
        .innerJoin('accommodation_facilities as f', 'f.id', 's.facility_id')
        .innerJoin('households as h', 'h.id', 's.household_id')
        .innerJoin('household_members as m', 'm.id', 's.member_id')
        .select(['s.assignment_id', 's.household_id', 's.member_id', 'h.reference', 'm.first_name', 'm.last_name'])
        .where('s.agency_id', '=', agencyId)
        .where('f.operator_id', '=', operatorId)
        .where('s.from_date', '<', end)
        .where((eb) => eb.or([eb('s.until_date', 'is', null), eb('s.until_date', '>=', start)]))
        .execute(),

    /** A new invoice; the same number again for the operator → undefined. */
    insertInvoice: async (w: InvoiceWrite, lines: LineWrite[], by: string) => {
      const inv = await tx
        .insertInto('accommodation_invoices')
        .values({ ...w, agency_id: agencyId, created_by: by })
        .onConflict((oc) => oc.columns(['agency_id', 'operator_id', 'invoice_no']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inv) return undefined;
      await tx
        .insertInto('accommodation_invoice_lines')
        .values(lines.map((l) => ({ ...l, agency_id: agencyId, invoice_id: inv.id })))
        .execute();
      return inv;
    },

    setState: (
      id: string,
      version: number,
      set: {
        state: string;
        computed_cents?: number;
        differences?: number;
        dispute_reason?: string;
        checked_at?: Date;
        decided_at?: Date;
        decided_by?: string;
      },
    ) =>
      tx
        .updateTable('accommodation_invoices')
        .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),

    /** Records approved nights as billed; a night billed before stays as it was (its count is returned short). */
    insertBilled: async (invoiceId: string, nights: { stayId: string; night: string; cents: number }[]) => {
      let n = 0;
      for (let i = 0; i < nights.length; i += 5000) {
        const r = await tx
          .insertInto('accommodation_billed_nights')
          .values(
            nights
              .slice(i, i + 5000)
              .map((x) => ({ agency_id: agencyId, stay_id: x.stayId, night: x.night, invoice_id: invoiceId, cents: x.cents })),
          )
          .onConflict((oc) => oc.columns(['stay_id', 'night']).doNothing())
          .execute();
        n += r.reduce((s, x) => s + Number(x.numInsertedOrUpdatedRows ?? 0), 0);
      }
      return n;
    },

    /** Approved amounts of a month per invoice and household (the finance export), from the billed nights. */
    approved: (month: string) =>
      sql<{ operator_name: string; invoice_no: string; month: string; reference: string; payer: string; nights: number; cents: number }>`
        SELECT o.name AS operator_name, i.invoice_no, to_char(i.month, 'YYYY-MM') AS month, h.reference, a.payer,
          count(*)::int AS nights, sum(b.cents)::bigint AS cents
        FROM accommodation_invoices i
        JOIN accommodation_operators o ON o.id = i.operator_id
        JOIN accommodation_billed_nights b ON b.invoice_id = i.id
        JOIN accommodation_stays s ON s.id = b.stay_id
        JOIN accommodation_assignments a ON a.id = s.assignment_id
        JOIN households h ON h.id = s.household_id
        WHERE i.agency_id = ${agencyId} AND i.state = 'approved' AND i.month = ${month}::date
        GROUP BY o.name, i.invoice_no, i.month, h.reference, a.payer
        ORDER BY o.name, i.invoice_no, h.reference, a.payer`
        .execute(tx)
        .then((r) => r.rows),
  };
}
export type BillingRepository = ReturnType<typeof billingRepository>;
