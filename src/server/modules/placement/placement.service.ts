import type { Kysely } from 'kysely';
import type { TModuleSearchHits } from '../../../contracts/search.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import type { Actor } from '../../platform/http/context.js';
import { addressLine, matchOf, moduleHits } from '../../platform/search/hits.js';
import { placementRepository } from './placement.repository.js';
import type { DB } from '../../db/types.js';
import { conditionsService } from './conditions.service.js';
import { decisionService } from './decisions.service.js';
import { filesService } from './files.service.js';
import { meetingService } from './meetings.service.js';
import { offerService } from './offers.service.js';
import { shortlistService } from './shortlist.service.js';

/** The placement (WohnenPlus) module's services, one per aggregate: offers to tenancy. */
export function placementService(db: Kysely<DB>) {
  return {
    offers: offerService(db),
    conditions: conditionsService(db),
    shortlist: shortlistService(db),
    decisions: decisionService(db),
    files: filesService(db),
    meetings: meetingService(db),
  };
}
export type PlacementService = ReturnType<typeof placementService>;

/** Placement's part of the start page (offers waiting) and its work to hand over (offers). */
export { placementDesk } from './desk.service.js';
/**
 * For the global search: offers matching `text` (number, street, postal code, city, district) that
 * `providerScope` shows the actor (staff all, a company its own), if it may list offers; else null.
 */
export async function searchOffers(tx: Tx, actor: Actor, text: string, limit: number): Promise<TModuleSearchHits | null> {
  if (!roleHas(actor.role, 'offer.list')) return null;
  const rows = await placementRepository(tx, actor.agencyId).searchOffers(
    access.providerScope(actor, 'offers.provider_id'),
    text,
    limit + 1,
  );
  return moduleHits(rows, limit, (o) => ({
    id: o.id,
    reference: o.reference,
    title: o.district,
    address: addressLine(o.street, o.postal_code, o.city),
    state: o.status,
    matched: matchOf(text, [o.reference], [o.street, o.postal_code, o.city, o.district]),
  }));
}
