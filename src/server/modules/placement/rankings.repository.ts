import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { ConditionsRule } from './conditions.js';
import { OPEN_CANDIDATE_STATES } from './placement.machine.js';

export interface NewRanking {
  offer_id: string;
  round: number;
  conditions_id: string;
  weights: string;
  pool_size: number;
  eligible_count: number;
  entries: string;
  exclusions: string;
  exclusion_counts: string;
  basis: string;
  created_by: string;
}

/** Household id → a text (name, reference), from `json_agg(json_build_array(id, text))`. */
const nameMap = (pairs: [string, string][] | null): Map<string, string> => new Map(pairs ?? []);

/** Rankings of offers and what ranking needs to read, bound to one agency. */
export function rankingsRepository(tx: Tx, agencyId: string) {
  /** Names of the households `ids`; the stored ranking and the scored pool hold none. */
  const namesOf = (ids: readonly string[]) =>
    sql<
      [string, string][] | null
    >`(SELECT json_agg(json_build_array(h.id, h.head_name)) FROM households h WHERE h.agency_id = ${agencyId} AND h.id = ANY(${ids}::uuid[]))`;

  return {
    /**
     * The offer to rank with everything ranking it needs besides the pool, in one round trip: the
     * programme conditions it was checked under, the agency's settings, the households with an
     * open candidacy on another offer (household id → that offer's reference).
     */
    /** The offer to rank, if `scope` (the actor's `providerScope` on `o.provider_id`) shows it, with what ranking needs. */
    async offerToRank(offerId: string, scope: RawBuilder<SqlBool>) {
      const row = await tx
        .selectFrom('offers as o')
        .selectAll('o')
        .select((eb) => [
          sql<ConditionsRule | null>`(
            SELECT json_build_object('id', c.id, 'validFrom', c.valid_from, 'rentCaps', c.rent_caps, 'extraPersonCents', c.extra_person_cents,
              'spaceBaseSqm', c.space_base_sqm, 'spacePerPersonSqm', c.space_per_person_sqm, 'requiredEquipment', c.required_equipment)
            FROM programme_conditions c WHERE c.agency_id = ${agencyId} AND c.id = o.conditions_id)`.as('rules'),
          eb.selectFrom('agencies as a').select('a.settings').where('a.id', '=', agencyId).as('agency_settings'),
          sql<[string, string][] | null>`(
            SELECT json_agg(json_build_array(b.household_id, b.reference)) FROM (
              SELECT DISTINCT ON (k.household_id) k.household_id, x.reference
              FROM candidates k JOIN offers x ON x.id = k.offer_id
              WHERE k.agency_id = ${agencyId} AND k.status IN (${sql.join([...OPEN_CANDIDATE_STATES, 'allocated'])}) AND k.offer_id <> o.id
                AND x.status NOT IN ('let', 'withdrawn', 'declined')
              ORDER BY k.household_id, x.reference) b)`.as('busy'),
        ])
        .where('o.agency_id', '=', agencyId)
        .where('o.id', '=', offerId)
        .where(scope)
        .executeTakeFirst();
      if (!row) return undefined;
      const { rules, agency_settings, busy, ...offer } = row;
      return { offer, rules, settings: agency_settings, busy: nameMap(busy) };
    },

    /**
     * Stores a ranking and its timeline event, and reads the names of the households shown and of
     * the actor, in one statement (one round trip): the ranking is shown with names, stored without.
     */
    async store(values: NewRanking, event: Record<string, unknown>, shown: readonly string[]) {
      // The id is chosen here so that the event can name the ranking within the same statement.
      const id = randomUUID();
      const row = await tx
        .with('r', (db) =>
          db
            .insertInto('rankings')
            .values({ id, agency_id: agencyId, ...values })
            .returning(['id', 'created_at']),
        )
        .with('e', (db) =>
          db.insertInto('offer_events').values({
            agency_id: agencyId,
            offer_id: values.offer_id,
            actor_id: values.created_by,
            kind: 'ranked',
            details: JSON.stringify({ ranking: id, ...event }),
          }),
        )
        .selectFrom('r')
        .select((eb) => [
          'r.id',
          'r.created_at',
          eb
            .selectFrom('users as u')
            .select('u.display_name')
            .where('u.agency_id', '=', agencyId)
            .where('u.id', '=', values.created_by)
            .as('created_by_name'),
          namesOf(shown).as('names'),
        ])
        .executeTakeFirstOrThrow();
      return { id: row.id, createdAt: row.created_at, createdByName: row.created_by_name, names: nameMap(row.names) };
    },

    rankings(offerId: string) {
      return tx
        .selectFrom('rankings as r')
        .leftJoin('users as u', 'u.id', 'r.created_by')
        .select([
          'r.id',
          'r.offer_id',
          'r.round',
          'r.created_at',
          'r.created_by',
          'u.display_name as created_by_name',
          'r.weights',
          'r.pool_size',
          'r.eligible_count',
          'r.exclusion_counts',
        ])
        .where('r.agency_id', '=', agencyId)
        .where('r.offer_id', '=', offerId)
        .orderBy('r.created_at', 'desc')
        .execute();
    },

    ranking(id: string) {
      return tx
        .selectFrom('rankings as r')
        .leftJoin('users as u', 'u.id', 'r.created_by')
        .selectAll('r')
        .select('u.display_name as created_by_name')
        .where('r.agency_id', '=', agencyId)
        .where('r.id', '=', id)
        .executeTakeFirst();
    },

    async names(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const { rows } = await sql<{ names: [string, string][] | null }>`SELECT ${namesOf(ids)} AS names`.execute(tx);
      return nameMap(rows[0]?.names ?? null);
    },
  };
}
export type RankingsRepository = ReturnType<typeof rankingsRepository>;
