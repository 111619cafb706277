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
import { districtExcluded, explain, wished, type Needs, type PlaceFacts } from './placeSearch.js';
import { placeSearchRepository, type PlaceRow, type SqlNeeds } from './placeSearch.repository.js';

const placeRef = (r: PlaceRow) => ({
  placeId: r.place_id,
  label: r.place_label,
  roomId: r.room_id,
  roomLabel: r.room_label,
  sizeM2: r.size_m2 === null ? null : Number(r.size_m2),
  sex: r.sex as 'any' | 'female' | 'male',
  family: r.family,
  wheelchair: r.wheelchair,
  stepFree: r.step_free,
  pets: r.pets,
  singleRoom: r.single_room,
});

const factsOf = (r: PlaceRow): PlaceFacts => ({
  facilityState: r.facility_state,
  district: r.district,
  blockedReason: r.blocked_reason,
  occupiedSince: r.occupied_since,
  sizeM2: r.size_m2 === null ? null : Number(r.size_m2),
  roomPlaces: r.room_places,
  sex: r.sex,
  family: r.family,
  wheelchair: r.wheelchair,
  pets: r.pets,
  singleRoom: r.single_room,
});

type Facility = TPlaceSearch['facilities'][number];

/**
 * The place search by needs: for a household the actor sees, the free places on the day that fit
 * it (grouped by facility: wished districts first, then those with a place for every person; one
 * page of PLACE_SEARCH_PAGE_SIZE facilities), how many places each reason leaves out and, asked for
 * with `reason`, a page of those places with every reason in words. The rules run in PostgreSQL
 * (placeSearch.repository.ts); placeSearch.ts words them.
 */
export function searchService(db: Kysely<DB>) {
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
        const repo = placeSearchRepository(tx, ctx.actor.agencyId);
        const districts = needs.excluded.length ? await repo.districts() : [];
        const sqlNeeds: SqlNeeds = {
          nonFemale: needs.sexes.some((s) => s !== 'female'),
          nonMale: needs.sexes.some((s) => s !== 'male'),
          children: needs.children > 0,
          several: needs.persons > 1,
          wheelchair: needs.wheelchair,
          pets: needs.pets,
          excludedDistricts: districts.filter((d) => districtExcluded(needs, d)),
        };
        const summary = await repo.summary(date, sqlNeeds);
        const size = PLACE_SEARCH_PAGE_SIZE;
        const ordered = summary.facilities
          .map((f) => ({ ...f, wished: wished(needs, f.district), enough: f.places >= needs.persons }))
          .sort((a, b) => Number(b.wished) - Number(a.wished) || Number(b.enough) - Number(a.enough) || a.name.localeCompare(b.name, 'de'));
        const shown = ordered.slice((q.page - 1) * size, q.page * size);
        const placesOf = new Map<string, Facility['places']>(shown.map((f) => [f.id, []]));
        for (const r of await repo.fitting(
          date,
          sqlNeeds,
          shown.map((f) => f.id),
        ))
          placesOf.get(r.facility_id)?.push(placeRef(r));
        const facilities: Facility[] = shown.map((f) => ({
          id: f.id,
          name: f.name,
          district: f.district,
          provision: f.provision as Facility['provision'],
          operatorName: f.operator_name,
          wished: f.wished,
          enough: f.enough,
          places: placesOf.get(f.id) ?? [],
        }));
        const fittingPlaces = ordered.reduce((n, f) => n + f.places, 0);
        const exclusionCounts = PLACE_EXCLUSIONS.filter((r) => summary.counts[r]).map((reason) => ({
          reason,
          count: summary.counts[reason]!,
        }));
        let excluded: TPlaceSearch['excluded'] = null;
        if (q.reason) {
          const rows = await repo.excluded(date, sqlNeeds, q.reason, size, (q.reasonPage - 1) * size);
          excluded = {
            reason: q.reason,
            total: summary.counts[q.reason] ?? 0,
            page: q.reasonPage,
            pageSize: size,
            items: rows.map((r) => {
              const facts = factsOf(r);
              return {
                ...placeRef(r),
                facilityId: r.facility_id,
                facilityName: r.facility_name,
                reasons: r.reasons,
                explanation: explain(r.reasons, needs, { ...facts, blockedNote: r.state_note }),
              };
            }),
          };
        }
        audit(tx, ctx, {
          action: 'accommodation.place_search',
          entityId: h.id,
          details: { date, fitting: fittingPlaces, excluded: summary.places - fittingPlaces },
        });
        return {
          date,
          needs,
          places: summary.places,
          fittingPlaces,
          facilitiesTotal: ordered.length,
          page: q.page,
          pageSize: size,
          facilities,
          excludedPlaces: summary.places - fittingPlaces,
          exclusionCounts,
          excluded,
        };
      }),
  };
}
export type SearchService = ReturnType<typeof searchService>;
