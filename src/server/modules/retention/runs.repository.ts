import type { Tx } from '../../db/database.js';
import type { AuditRetentionCut } from '../../platform/audit/pseudonymise.js';

/** The daily retention runs of one agency and what became of the households each listed. */
export function retentionRunsRepository(tx: Tx, agencyId: string) {
  return {
    start: (ranOn: string, cut: AuditRetentionCut) =>
      tx
        .insertInto('retention_runs')
        .values({ agency_id: agencyId, ran_on: ranOn, audit_reads_before: cut.readsBefore, audit_others_before: cut.othersBefore })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id),

    finish: (id: string, listed: number, pseudonymised: number) =>
      tx
        .updateTable('retention_runs')
        .set({ listed, audit_pseudonymised: pseudonymised })
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .execute(),

    /** The newest runs first. */
    runs: (limit: number) =>
      tx
        .selectFrom('retention_runs')
        .select(['id', 'ran_on', 'ran_at', 'listed', 'audit_pseudonymised', 'audit_reads_before', 'audit_others_before'])
        .where('agency_id', '=', agencyId)
        .orderBy('ran_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute(),

    /** The households these runs listed, with who decided (the file number only: it names nobody). */
    reviews: (runIds: string[]) =>
      runIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('retention_reviews as r')
            .innerJoin('households as h', (j) => j.onRef('h.id', '=', 'r.household_id').onRef('h.agency_id', '=', 'r.agency_id'))
            .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'r.decided_by').onRef('u.agency_id', '=', 'r.agency_id'))
            .select([
              'r.id',
              'r.run_id',
              'r.household_id',
              'h.reference',
              'r.due_on',
              'r.status',
              'r.decided_at',
              'u.display_name as decided_by_name',
              'r.keep_until',
              'r.documents_deleted',
            ])
            .where('r.agency_id', '=', agencyId)
            .where('r.run_id', 'in', runIds)
            .orderBy('r.due_on')
            .orderBy('r.id')
            .execute(),
  };
}
