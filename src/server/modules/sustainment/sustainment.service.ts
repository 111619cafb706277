import type { Kysely } from 'kysely';
import type { TModuleSearchHits } from '../../../contracts/search.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import type { Actor } from '../../platform/http/context.js';
import { addressLine, matchOf, moduleHits } from '../../platform/search/hits.js';
import { tenancyRepository } from './tenancies.repository.js';
import type { DB } from '../../db/types.js';
import { incidentStepService } from './incident-steps.service.js';
import { incidentService } from './incidents.service.js';
import { recoveryService } from './recovery.service.js';
import { tenancyService } from './tenancies.service.js';

/** The sustainment module's services, one per aggregate: tenancies, incidents and their steps, recovery. */
export function sustainmentService(db: Kysely<DB>) {
  return {
    tenancies: tenancyService(db),
    incidents: incidentService(db),
    incidentSteps: incidentStepService(db),
    recovery: recoveryService(db),
  };
}
export type SustainmentService = ReturnType<typeof sustainmentService>;

/** Sustainment's part of the start page (open incidents) and its work to hand over (tenancies). */
export { sustainmentDesk } from './desk.service.js';
/**
 * For the global search: tenancies matching `text` (number, address, tenant's name; for staff also the
 * household's file number) that `providerScope` shows the actor, if it may list tenancies; else null.
 */
export async function searchTenancies(tx: Tx, actor: Actor, text: string, limit: number): Promise<TModuleSearchHits | null> {
  if (!roleHas(actor.role, 'tenancy.list')) return null;
  const staff = !access.isProviderView(actor);
  const rows = await tenancyRepository(tx, actor.agencyId).search(access.providerScope(actor, 't.provider_id'), text, limit + 1, staff);
  return moduleHits(rows, limit, (t) => ({
    id: t.id,
    reference: t.reference,
    // The tenant's name is on the lease the company signed (as on its tenancy page).
    title: t.head_name,
    address: addressLine(t.street, t.postal_code, t.city),
    state: t.status,
    matched: matchOf(text, [t.reference], [t.street, t.postal_code, t.city]),
  }));
}
