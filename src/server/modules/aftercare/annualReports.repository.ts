import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

/* Every statement on the carriers' annual reports and their submissions (alias `r` for the scope). */

export function annualReportRepository(tx: Tx, agencyId: string) {
  const reports = () =>
    tx
      .selectFrom('aftercare_annual_reports as r')
      .innerJoin('carriers as c', (j) => j.onRef('c.id', '=', 'r.carrier_id').onRef('c.agency_id', '=', 'r.agency_id'))
      .selectAll('r')
      .select('c.name as carrier_name')
      .where('r.agency_id', '=', agencyId);
  const submissions = () =>
    tx
      .selectFrom('aftercare_annual_report_submissions as s')
      .leftJoin('users as su', 'su.id', 's.submitted_by')
      .leftJoin('users as ru', 'ru.id', 's.returned_by')
      .select([
        's.id',
        's.report_id',
        's.no',
        's.submitted_at',
        's.returned_at',
        's.return_reason',
        'su.display_name as submitted_by_name',
        'ru.display_name as returned_by_name',
      ])
      .select(sql<number>`jsonb_array_length(s.snapshot -> 'rows')`.as('cases'))
      .where('s.agency_id', '=', agencyId);

  return {
    /** The reports the scope lets the actor see, optionally of one carrier or year, newest year first. */
    list: (scope: RawBuilder<SqlBool>, carrierId: string | null, year: number | null) =>
      reports()
        .where(scope)
        .$if(carrierId !== null, (q) => q.where('r.carrier_id', '=', carrierId!))
        .$if(year !== null, (q) => q.where('r.year', '=', year!))
        .select((eb) => [
          eb
            .selectFrom('aftercare_annual_report_submissions as s')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('s.report_id', '=', 'r.id')
            .where('s.agency_id', '=', agencyId)
            .as('submissions'),
          eb
            .selectFrom('aftercare_annual_report_submissions as s')
            .select(['s.submitted_at'])
            .whereRef('s.report_id', '=', 'r.id')
            .where('s.agency_id', '=', agencyId)
            .orderBy('s.no', 'desc')
            .limit(1)
            .as('last_submitted_at'),
          eb
            .selectFrom('aftercare_annual_report_submissions as s')
            .select((e) => e('s.returned_at', 'is not', null).as('returned'))
            .whereRef('s.report_id', '=', 'r.id')
            .where('s.agency_id', '=', agencyId)
            .orderBy('s.no', 'desc')
            .limit(1)
            .as('returned'),
        ])
        .orderBy('r.year', 'desc')
        .orderBy('c.name')
        .limit(500)
        .execute(),
    /** One report through the scope (hidden = undefined); `lock` for a change. */
    find: (id: string, scope: RawBuilder<SqlBool>, lock = false) =>
      reports()
        .where('r.id', '=', id)
        .where(scope)
        .$if(lock, (q) => q.forUpdate('r'))
        .executeTakeFirst(),
    findByYear: (carrierId: string, year: number) =>
      reports().where('r.carrier_id', '=', carrierId).where('r.year', '=', year).executeTakeFirst(),
    /** Opens the draft; a concurrent open of the same year finds the other's row (unique key). */
    /** The carriers that had a cooperation agreement in force at some time of the year, without a report of it yet. */
    carriersToOpen: (year: number) =>
      tx
        .selectFrom('aftercare_agreements as g')
        .select('g.carrier_id')
        .distinct()
        .where('g.agency_id', '=', agencyId)
        .where('g.valid_from', '<=', `${year}-12-31`)
        .where((eb) => eb.or([eb('g.valid_to', 'is', null), eb('g.valid_to', '>=', `${year}-01-01`)]))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('aftercare_annual_reports as r')
                .select('r.id')
                .where('r.agency_id', '=', agencyId)
                .whereRef('r.carrier_id', '=', 'g.carrier_id')
                .where('r.year', '=', year),
            ),
          ),
        )
        .execute()
        .then((rows) => rows.map((r) => r.carrier_id)),
    /** `by` is null when the yearly job opens it. */
    insert: (carrierId: string, year: number, by: string | null) =>
      tx
        .insertInto('aftercare_annual_reports')
        .values({ agency_id: agencyId, carrier_id: carrierId, year, created_by: by, updated_by: by })
        .onConflict((oc) => oc.columns(['agency_id', 'carrier_id', 'year']).doNothing())
        .returning('id')
        .executeTakeFirst(),
    update: (
      id: string,
      v: Partial<{ state: string; focus: string | null; goals: string | null; developments: string | null }>,
      by: string,
    ) =>
      tx
        .updateTable('aftercare_annual_reports')
        .set((eb) => ({ ...v, updated_by: by, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute(),

    /** The submissions of a report without their snapshots, newest first. */
    submissions: (reportId: string) => submissions().where('s.report_id', '=', reportId).orderBy('s.no', 'desc').execute(),
    /** One submission with its frozen narrative and data (`no` null: the latest). */
    submission: (reportId: string, no: number | null) =>
      tx
        .selectFrom('aftercare_annual_report_submissions as s')
        .leftJoin('users as su', 'su.id', 's.submitted_by')
        .select(['s.no', 's.focus', 's.goals', 's.developments', 's.snapshot', 's.submitted_at', 's.returned_at', 's.return_reason'])
        .select('su.display_name as submitted_by_name')
        .where('s.agency_id', '=', agencyId)
        .where('s.report_id', '=', reportId)
        .$if(no !== null, (q) => q.where('s.no', '=', no!))
        .orderBy('s.no', 'desc')
        .limit(1)
        .executeTakeFirst(),
    insertSubmission: (v: {
      reportId: string;
      no: number;
      focus: string | null;
      goals: string | null;
      developments: string | null;
      snapshot: unknown;
      by: string;
    }) =>
      tx
        .insertInto('aftercare_annual_report_submissions')
        .values({
          agency_id: agencyId,
          report_id: v.reportId,
          no: v.no,
          focus: v.focus,
          goals: v.goals,
          developments: v.developments,
          snapshot: JSON.stringify(v.snapshot),
          submitted_by: v.by,
        })
        .execute(),
    markReturned: (reportId: string, no: number, by: string, reason: string) =>
      tx
        .updateTable('aftercare_annual_report_submissions')
        .set({ returned_at: new Date(), returned_by: by, return_reason: reason })
        .where('agency_id', '=', agencyId)
        .where('report_id', '=', reportId)
        .where('no', '=', no)
        .execute(),
  };
}
export type AnnualReportRow = NonNullable<Awaited<ReturnType<ReturnType<typeof annualReportRepository>['find']>>>;

/** The agencies with a cooperation agreement in force at some time of the year (across agencies, for the yearly job). */
export async function agenciesWithAgreements(db: Kysely<DB>, year: number): Promise<string[]> {
  const { rows } = await sql<{
    id: string;
  }>`SELECT wh_agencies_with_agreements(${`${year}-01-01`}::date, ${`${year}-12-31`}::date) AS id`.execute(db);
  return rows.map((r) => r.id);
}
