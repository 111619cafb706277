import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  PLACE_EXCLUSIONS,
  PLACE_SEARCH_PAGE_SIZE,
  type TPlaceSearch,
  type ZPlaceSearchQuery,
} from '../../../contracts/accommodationStays.js';
import { todayInBerlin } from '../../../contracts/plausible.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { householdForAccommodation } from '../households/situation.service.js';
import { explain, norm, prepare, reasonBits, reasonsOf, wished, type Needs, type PlaceFacts } from './placeSearch.js';
import { placeSearchRepository, type PlaceRow } from './placeSearch.repository.js';
import { snapshotCache } from './snapshot.cache.js';

/** A place as the search keeps it: what the answer shows and the facts the rules look at. */
interface SearchPlace {
  ref: TPlaceSearch['facilities'][number]['places'][number];
  facilityId: string;
  facilityName: string;
  district: string | null;
  provision: Facility['provision'];
  operatorName: string;
  stateNote: string | null;
  facts: PlaceFacts;
  /** The district normalised for the rules (norm), worked out once. */
  districtKey: string | null;
}

const searchPlace = (r: PlaceRow): SearchPlace => {
  const sizeM2 = r.size_m2 === null ? null : Number(r.size_m2);
  return {
    ref: {
      placeId: r.place_id,
      label: r.place_label,
      roomId: r.room_id,
      roomLabel: r.room_label,
      sizeM2,
      sex: r.sex as 'any' | 'female' | 'male',
      family: r.family,
      wheelchair: r.wheelchair,
      stepFree: r.step_free,
      pets: r.pets,
      singleRoom: r.single_room,
    },
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    district: r.district,
    provision: r.provision as Facility['provision'],
    operatorName: r.operator_name,
    stateNote: r.state_note,
    districtKey: r.district ? norm(r.district) : null,
    facts: {
      facilityState: r.facility_state,
      district: r.district,
      blockedReason: r.blocked_reason,
      occupiedSince: r.occupied_since,
      sizeM2,
      roomPlaces: r.room_places,
      sex: r.sex,
      family: r.family,
      wheelchair: r.wheelchair,
      pets: r.pets,
      singleRoom: r.single_room,
    },
  };
};

type Facility = TPlaceSearch['facilities'][number];

/**
 * The place search by needs: for a household the actor sees, the free places on the day that fit
 * it (grouped by facility: wished districts first, then those with a place for every person; one
 * page of PLACE_SEARCH_PAGE_SIZE facilities), how many places each reason leaves out and, asked for
 * with `reason`, a page of those places with every reason in words.
 *
 * The agency's places with their facts on a day are read once and kept (snapshotCache: used again
 * while no stay, place, room, facility or operator changed); the rules of placeSearch.ts then run
 * over them in memory, so a search costs a check of the change log, not a pass over 20,000 places
 * in PostgreSQL.
 */
export function searchService(db: Kysely<DB>) {
  const kept = snapshotCache<SearchPlace[]>(8);
  return {
    search: (ctx: Ctx, q: z.output<typeof ZPlaceSearchQuery>) =>
      actorTx(db, ctx, async (tx): Promise<TPlaceSearch> => {
        access.require(ctx.actor, 'accommodation.search');
        const h = access.requireHousehold(
          ctx.actor,
          'accommodation.search',
          await householdForAccommodation(tx, ctx.actor, q.householdId),
          q.householdId,
        );
        const date = q.date ?? todayInBerlin();
        const needs: Needs = {
          persons: h.members.length,
          children: h.children,
          sexes: [...new Set(h.members.map((m) => m.gender))],
          wheelchair: h.wheelchair,
          pets: h.pets,
          wanted: q.wanted ?? h.districtsPrefer,
          excluded: q.excluded ?? h.districtsAvoid,
        };
        const agencyId = ctx.actor.agencyId;
        const places = await kept.through(tx, agencyId, date, async () =>
          (await placeSearchRepository(tx, agencyId).places(date)).map(searchPlace),
        );
        const rules = prepare(needs);
        const listedBit = q.reason ? 1 << PLACE_EXCLUSIONS.indexOf(q.reason) : 0;
        const counts = PLACE_EXCLUSIONS.map(() => 0);
        const fitting = new Map<string, { first: SearchPlace; places: Facility['places'] }>();
        const listed: { p: SearchPlace; bits: number }[] = [];
        for (const p of places) {
          const bits = reasonBits(rules, p.facts, p.districtKey);
          if (bits === 0) {
            const f = fitting.get(p.facilityId);
            if (f) f.places.push(p.ref);
            else fitting.set(p.facilityId, { first: p, places: [p.ref] });
            continue;
          }
          for (let i = 0; i < counts.length; i++) if (bits & (1 << i)) counts[i]!++;
          if (bits & listedBit) listed.push({ p, bits });
        }
        const size = PLACE_SEARCH_PAGE_SIZE;
        const ordered = [...fitting.values()]
          .map(({ first, places }) => ({
            id: first.facilityId,
            name: first.facilityName,
            district: first.district,
            provision: first.provision,
            operatorName: first.operatorName,
            wished: wished(needs, first.district),
            enough: places.length >= needs.persons,
            places,
          }))
          .sort((a, b) => Number(b.wished) - Number(a.wished) || Number(b.enough) - Number(a.enough) || a.name.localeCompare(b.name, 'de'));
        const fittingPlaces = ordered.reduce((n, f) => n + f.places.length, 0);
        const excluded: TPlaceSearch['excluded'] = q.reason
          ? {
              reason: q.reason,
              total: listed.length,
              page: q.reasonPage,
              pageSize: size,
              items: listed.slice((q.reasonPage - 1) * size, q.reasonPage * size).map(({ p, bits }) => {
                const reasons = reasonsOf(bits);
                return {
                  ...p.ref,
                  facilityId: p.facilityId,
                  facilityName: p.facilityName,
                  reasons,
                  explanation: explain(reasons, needs, { ...p.facts, blockedNote: p.stateNote }),
                };
              }),
            }
          : null;
        audit(tx, ctx, {
          action: 'accommodation.place_search',
          entityId: h.id,
          details: { date, fitting: fittingPlaces, excluded: places.length - fittingPlaces },
        });
        return {
          date,
          needs,
          places: places.length,
          fittingPlaces,
          facilitiesTotal: ordered.length,
          page: q.page,
          pageSize: size,
          facilities: ordered.slice((q.page - 1) * size, q.page * size),
          excludedPlaces: places.length - fittingPlaces,
          exclusionCounts: PLACE_EXCLUSIONS.map((reason, i) => ({ reason, count: counts[i]! })).filter((c) => c.count > 0),
          excluded,
        };
      }),
  };
}
export type SearchService = ReturnType<typeof searchService>;
