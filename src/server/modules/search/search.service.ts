import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TModuleSearchHits, TSearchKind, TSearchResult, ZSearchQuery } from '../../../contracts/search.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { searchAftercareCases } from '../aftercare/aftercare.service.js';
import { searchHouseholds } from '../households/households.service.js';
import { searchOffers } from '../placement/placement.service.js';
import { searchPreventionCases } from '../prevention/prevention.service.js';
import { searchTenancies } from '../sustainment/sustainment.service.js';
import { readQuery } from './search.terms.js';

/**
 * The global search. It owns no data: each kind is asked of its module's service, which applies
 * that module's permission and declared scope, all in one transaction (one snapshot).
 */
export function searchService(db: Kysely<DB>) {
  return {
    search(ctx: Ctx, query: z.output<typeof ZSearchQuery>): Promise<TSearchResult> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'search.use');
        const terms = readQuery(query.q);
        const { actor } = ctx;
        const none = Promise.resolve(null);
        // A birth date is only ever a household's; the numbered records are searched by text.
        const [prevention, offer, tenancy, aftercare] = await Promise.all(
          terms.text
            ? [
                searchPreventionCases(tx, actor, terms.text, query.limit),
                searchOffers(tx, actor, terms.text, query.limit),
                searchTenancies(tx, actor, terms.text, query.limit),
                searchAftercareCases(tx, actor, terms.text, query.limit),
              ]
            : [none, none, none, none],
        );
        // A household is also found by an address its cases carry (each found through its own module's scope).
        const addresses = new Map<string, string>();
        for (const g of [prevention, tenancy, aftercare]) for (const a of g?.byAddress ?? []) addresses.set(a.householdId, a.address);
        const household = await searchHouseholds(
          tx,
          actor,
          { text: terms.text, birthDate: terms.birthDate, ids: [...addresses.keys()], addresses },
          query.limit,
        );
        const found: Record<TSearchKind, TModuleSearchHits | { items: []; more: false } | null> = {
          household: household && { ...household, byAddress: [] },
          prevention,
          offer,
          tenancy,
          aftercare,
        };
        const groups = (Object.keys(found) as TSearchKind[])
          .filter((kind) => found[kind] !== null)
          .map((kind) => ({ kind, items: found[kind]!.items, more: found[kind]!.more }));
        // The query text stays out of the audit trail unless it is a file number: a name or a birth date
        // typed into the search is personal data, and the trail is append-only and kept for years.
        audit(tx, ctx, {
          action: 'search.run',
          details: {
            reading: terms.reading,
            length: query.q.length,
            ...(terms.reading === 'reference' ? { q: query.q } : {}),
            limit: query.limit,
            results: Object.fromEntries(groups.map((g) => [g.kind, g.items.length])),
          },
        });
        return { q: query.q, reading: terms.reading, groups };
      });
    },
  };
}
export type SearchService = ReturnType<typeof searchService>;
