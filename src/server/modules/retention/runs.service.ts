import type { Kysely } from 'kysely';
import type { TRetentionRuns } from '../../../contracts/retention.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { retentionRunsRepository } from './runs.repository.js';

/** Runs shown at most (newest first; about a year of daily runs). */
export const RETENTION_RUNS_LIMIT = 400;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The retention runs for the data-protection officer (and the lead): read-only, every read audited. */
export function retentionRunsService(db: Kysely<DB>) {
  return {
    runs: (ctx: Ctx): Promise<TRetentionRuns> =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'retention.runs');
        const repo = retentionRunsRepository(tx, ctx.actor.agencyId);
        const runs = await repo.runs(RETENTION_RUNS_LIMIT);
        const reviews = await repo.reviews(runs.map((r) => r.id));
        const items = runs.map((run) => {
          const mine = reviews
            .filter((r) => r.run_id === run.id)
            .map((r) => ({
              id: r.id,
              householdId: r.household_id,
              reference: r.reference,
              dueOn: r.due_on,
              status: r.status as 'due' | 'anonymised' | 'kept',
              decidedAt: iso(r.decided_at),
              decidedBy: r.decided_by_name,
              keepUntil: r.keep_until,
              documentsDeleted: r.documents_deleted,
            }));
          const count = (s: string) => mine.filter((r) => r.status === s).length;
          return {
            id: run.id,
            ranOn: run.ran_on,
            ranAt: run.ran_at.toISOString(),
            listed: run.listed,
            anonymised: count('anonymised'),
            kept: count('kept'),
            open: count('due'),
            documentsDeleted: mine.reduce((a, r) => a + (r.documentsDeleted ?? 0), 0),
            auditPseudonymised: run.audit_pseudonymised,
            auditReadsBefore: iso(run.audit_reads_before),
            auditOthersBefore: iso(run.audit_others_before),
            reviews: mine,
          };
        });
        audit(tx, ctx, { action: 'retention.runs', details: { runs: items.length, reviews: reviews.length } });
        return { items, limit: RETENTION_RUNS_LIMIT };
      }),
  };
}
