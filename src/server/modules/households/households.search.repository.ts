import { sql, type SelectQueryBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import { containsPattern, PLAN_PER_CALL } from '../../db/patterns.js';
import type { DB } from '../../db/types.js';
import type { householdScope } from '../../platform/access/access.js';

/** The actor's household scope, as `householdScope` declares it. */
type HouseholdPredicate = ReturnType<typeof householdScope>;

/** The global search's data access for households, bound to one agency. */
export function householdSearchRepository(tx: Tx, agencyId: string) {
  return {
    /**
     * The global search: households `scope` shows whose name or file number contains `text`, or with a
     * member born on `birthDate`, or among `ids` (households another module found by address); at most
     * `limit` rows, an exact file number first, then by name. Candidates come from household_search_v
     * (trigram index, see the list), the rows themselves from households under RLS.
     */
    async search(scope: HouseholdPredicate, terms: { text: string | null; birthDate: string | null; ids: string[] }, limit: number) {
      if (!terms.text && !terms.birthDate && terms.ids.length === 0) return [];
      const view = tx.selectFrom('household_search_v as households') as unknown as SelectQueryBuilder<DB, 'households', object>;
      const hits = view
        .select(['households.id'])
        .where((eb) =>
          eb.or([
            ...(terms.text ? [eb('households.search_text', 'like', containsPattern(terms.text))] : []),
            ...(terms.birthDate
              ? [
                  eb.exists(
                    eb
                      .selectFrom('household_members as m')
                      .select('m.id')
                      .whereRef('m.household_id', '=', 'households.id')
                      .where('m.agency_id', '=', agencyId)
                      .where('m.birth_date', '=', terms.birthDate),
                  ),
                ]
              : []),
            ...(terms.ids.length ? [eb('households.id', 'in', terms.ids)] : []),
          ]),
        )
        .where(scope)
        .orderBy(sql`lower(households.reference) = ${terms.text ?? ''}`, 'desc')
        .orderBy('households.head_name')
        .orderBy('households.id')
        .limit(limit);
      const { rows } = await sql<{
        id: string;
        reference: string;
        head_name: string;
        situation: string;
        birth_match: boolean;
        text_match: boolean;
      }>`
        WITH hits AS MATERIALIZED (${hits})
        SELECT h.id, h.reference, h.head_name, h.situation,
          ${terms.text ? sql`h.search_text LIKE ${containsPattern(terms.text)}` : sql`false`} AS text_match,
          ${terms.birthDate ? sql`EXISTS (SELECT 1 FROM household_members m WHERE m.agency_id = ${agencyId} AND m.household_id = h.id AND m.birth_date = ${terms.birthDate})` : sql`false`} AS birth_match
        FROM hits JOIN households h ON h.id = hits.id AND h.agency_id = ${agencyId}
        ORDER BY lower(h.reference) = ${terms.text ?? ''} DESC, h.head_name, h.id ${terms.text ? PLAN_PER_CALL : sql``}`.execute(tx);
      return rows;
    },
  };
}
