import type { Kysely } from 'kysely';
import type { TModuleSearchHits } from '../../../contracts/search.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { roleHas } from '../../platform/access/registry.js';
import type { Actor } from '../../platform/http/context.js';
import { addressLine, matchOf, moduleHits } from '../../platform/search/hits.js';
import { preventionRepository } from './prevention.repository.js';
import { caseService } from './cases.service.js';
import { measureService } from './measures.service.js';
import { visitService } from './visits.service.js';
import { workService } from './work.service.js';

/** The prevention module's services, one per aggregate: cases, contact work, measures, home visits. */
export function preventionService(db: Kysely<DB>) {
  return { cases: caseService(db), work: workService(db), measures: measureService(db), visits: visitService(db) };
}
export type PreventionService = ReturnType<typeof preventionService>;

/** Prevention's part of the start page (new notices) and its work to hand over (cases). */
export { preventionDesk } from './desk.service.js';
/**
 * For the global search: prevention cases matching `text` (number, court file number, street, tenant
 * names), if the actor may list them (`prevention.list`; the module has no narrower scope); else null.
 */
export async function searchPreventionCases(tx: Tx, actor: Actor, text: string, limit: number): Promise<TModuleSearchHits | null> {
  if (!roleHas(actor.role, 'prevention.list')) return null;
  const rows = await preventionRepository(tx, actor.agencyId).search(text, limit + 1);
  return moduleHits(rows, limit, (c) => ({
    id: c.id,
    reference: c.reference,
    title: c.head_name,
    address: addressLine(c.street, c.postal_code, c.city),
    state: c.status,
    matched: matchOf(text, [c.reference, c.court_file_number], [c.street]),
  }));
}
