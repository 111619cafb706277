import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { agencySettings } from '../../platform/auth/guard.js';
import type { SessionCache } from '../../platform/auth/session-cache.js';
import type { FederalState } from '../../platform/deadlines/workdays.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { agencyRepository } from './agencies.repository.js';
import type { ZAgency, ZAgencySettings } from './agencies.schemas.js';

type Agency = z.infer<typeof ZAgency>;

export function agencyService(db: Kysely<DB>, cache: SessionCache | null = null) {
  const load = async (tx: Tx, ctx: Ctx): Promise<Agency> => {
    const a = await agencyRepository(tx, ctx.actor.agencyId).find();
    return {
      id: a.id,
      name: a.name,
      ags: a.ags,
      federalState: a.federal_state as Agency['federalState'],
      settings: agencySettings(a.settings),
      version: a.version,
    };
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
        const row = await agencyRepository(tx, ctx.actor.agencyId).updateSettings(settings, version);
        if (!row) throw new AppError('precondition_failed');
        audit(tx, ctx, { action: 'agency.settings_update', entityId: ctx.actor.agencyId, details: settings });
        cache?.evictByEvent(`a:${ctx.actor.agencyId}`);
        return load(tx, ctx);
      });
    },
  };
}
export type AgencyService = ReturnType<typeof agencyService>;

/** For other modules, on a step they have already authorised: the agency's name, federal state and parsed settings. */
export async function agencyFacts(tx: Tx, agencyId: string) {
  const a = await agencyRepository(tx, agencyId).facts();
  return { name: a.name, ags: a.ags, state: a.federal_state as FederalState, settings: agencySettings(a.settings) };
}
