import type { TCaseNotice, TNotice } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';

/** Further notices of prevention cases and the open case of a household, bound to one agency. */
export function noticeRepository(tx: Tx, agencyId: string) {
  return {
    /** The household's open case (the newest, should there be several from before), locked for the change. */
    openCaseOf: (householdId: string) =>
      tx
        .selectFrom('prevention_cases')
        .select(['id', 'reference', 'case_manager_id', 'social_worker_id'])
        .where('agency_id', '=', agencyId)
        .where('household_id', '=', householdId)
        .where('status', '<>', 'closed')
        .orderBy('created_at', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst(),

    add: (caseId: string, notice: TNotice, createdBy: string) =>
      tx
        .insertInto('prevention_notices')
        .values({
          agency_id: agencyId,
          case_id: caseId,
          source: notice.source,
          received_on: notice.receivedOn,
          notice: JSON.stringify(notice),
          created_by: createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    async list(caseId: string): Promise<TCaseNotice[]> {
      const rows = await tx
        .selectFrom('prevention_notices')
        .select(['id', 'source', 'received_on', 'notice', 'created_at'])
        .where('agency_id', '=', agencyId)
        .where('case_id', '=', caseId)
        .orderBy('received_on')
        .orderBy('created_at')
        .execute();
      return rows.map((r) => {
        const n = r.notice as Partial<TNotice>;
        return {
          id: r.id,
          source: r.source as TCaseNotice['source'],
          receivedOn: r.received_on,
          arrearsCents: n.arrearsCents ?? null,
          courtFileNumber: n.courtFileNumber ?? null,
          evictionAt: n.evictionAt ?? null,
          note: n.note ?? null,
          createdAt: r.created_at.toISOString(),
        };
      });
    },
  };
}
