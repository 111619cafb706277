import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

/* Names of households for the start page's "recently opened" (see desk.service.ts). */

export function householdDeskRepository(tx: Tx, agencyId: string) {
  return {
    /** Reference and name of these households that `scope` (the actor's `householdScope`) shows. */
    names: (ids: string[], scope: (eb: ExpressionBuilder<DB, 'households'>) => Expression<SqlBool>) =>
      ids.length
        ? tx
            .selectFrom('households')
            .where('agency_id', '=', agencyId)
            .where('id', 'in', ids)
            .where(scope)
            .select(['id', 'reference', 'head_name'])
            .execute()
        : Promise.resolve([]),
  };
}
