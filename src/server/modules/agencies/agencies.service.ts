import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZAgency, ZAgencySettings } from '../../../contracts/admin.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { agencySettings } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { SessionCache } from '../../platform/auth/session-cache.js';

type Agency = z.infer<typeof ZAgency>;

export function agencyService(db: Kysely<DB>, cache: SessionCache | null = null) {
  const load = async (tx: Parameters<Parameters<typeof actorTx>[2]>[0], ctx: Ctx): Promise<Agency> => {
    const a = await tx.selectFrom('agencies').selectAll().where('id', '=', ctx.actor.agencyId).executeTakeFirstOrThrow();
    return { id: a.id, name: a.name, ags: a.ags, federalState: a.federal_state as Agency['federalState'], settings: agencySettings(a.settings), version: a.version };
  };
  return {
    get(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'agency.read');
        return load(tx, ctx);
      });
    },
    updateSettings(ctx: Ctx, settings: z.output<typeof ZAgencySettings>, version: number) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'agency.update');
        const row = await tx
          .updateTable('agencies')
          .set((eb) => ({ settings: JSON.stringify(settings), version: eb('version', '+', 1) }))
          .where('id', '=', ctx.actor.agencyId)
          .where('version', '=', version)
          .returning('id')
          .executeTakeFirst();
        if (!row) throw new AppError('precondition_failed');
        audit(tx, ctx, { action: 'agency.settings_update', entityId: ctx.actor.agencyId, details: settings });
        cache?.evictByEvent(`a:${ctx.actor.agencyId}`);
        return load(tx, ctx);
      });
    },
  };
}
export type AgencyService = ReturnType<typeof agencyService>;
