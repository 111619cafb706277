import type { Kysely } from 'kysely';
import type { TImportField, TImportRow } from '../../../../contracts/preventionImport.js';
import type { DB } from '../../../db/types.js';
import * as access from '../../../platform/access/access.js';
import { audit } from '../../../platform/audit/audit.js';
import { AccessDenied, AppError } from '../../../platform/errors/app-error.js';
import type { Ctx } from '../../../platform/http/context.js';
import { actorTx } from '../../../platform/http/tx.js';
import type { Cell } from './import.parse.js';
import { presentRow } from './import.present.js';
import { importRepository } from './import.repository.js';

/**
 * The review of a checked list: a household found only by the address of a row is a possible
 * match, never linked by itself; a person decides to link the row to it or to open a new household.
 */
export function importReviewService(db: Kysely<DB>) {
  return {
    decide: (ctx: Ctx, id: string, rowNo: number, decision: 'link' | 'new'): Promise<TImportRow> =>
      actorTx(db, ctx, async (tx) => {
        const entity = { type: 'prevention_import', id };
        access.require(ctx.actor, 'preventionImport.write', entity);
        const repo = importRepository(tx, ctx.actor.agencyId);
        const job = await repo.lock(id);
        if (!job) throw new AccessDenied('preventionImport.write', entity);
        if (job.state !== 'mapped') throw new AppError('invalid_transition', undefined, { currentState: job.state });
        if (!(await repo.decidePossible(id, rowNo, decision))) {
          if (!(await repo.row(id, rowNo))) throw new AppError('not_found', `Die Datei hat keine Zeile ${rowNo}.`);
          throw new AppError('conflict', `Zeile ${rowNo} hat keinen möglichen Treffer über die Adresse, über den zu entscheiden wäre.`);
        }
        // The job's version stays: it guards the mapping, which a decision leaves as it is (a new
        // mapping checks every row again and clears the decisions).
        const counts = await repo.counts(id);
        await repo.setCounts(id, counts);
        const row = (await repo.row(id, rowNo))!;
        audit(tx, ctx, {
          action: 'prevention_import.decide',
          entityId: id,
          details: { row: rowNo, decision, household: row.possible_household_id },
        });
        const mapping = (job.mapping as (TImportField | null)[] | null) ?? job.columns.map(() => null);
        return presentRow({ ...row, cells: row.cells as Cell[] }, mapping);
      }),
  };
}
export type ImportReviewService = ReturnType<typeof importReviewService>;
