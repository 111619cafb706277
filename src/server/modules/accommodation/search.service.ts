import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TPlaceSearch, ZPlaceSearchQuery } from '../../../contracts/accommodationStays.js';
import { todayInBerlin } from '../../../contracts/plausible.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { householdForAccommodation } from '../households/situation.service.js';
import { exclusions, explain, wished, type Needs, type PlaceFacts } from './placeSearch.js';
import { staysRepository, type SearchRow } from './stays.repository.js';

const placeRef = (r: SearchRow) => ({
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

const factsOf = (r: SearchRow): PlaceFacts => ({
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

/**
 * The place search by needs: for a household the actor sees, the free places on the day that fit
 * it (grouped by facility: wished districts first, then those with a place for every person), and
 * every other place with the reasons it was left out.
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
        const rows = await staysRepository(tx, ctx.actor.agencyId).searchRows(date);
        const fitting = new Map<string, TPlaceSearch['facilities'][number]>();
        const excluded: TPlaceSearch['excluded'] = [];
        for (const r of rows) {
          const facts = factsOf(r);
          const reasons = exclusions(needs, facts);
          if (reasons.length) {
            excluded.push({
              ...placeRef(r),
              facilityId: r.facility_id,
              facilityName: r.facility_name,
              reasons,
              explanation: explain(reasons, needs, { ...facts, blockedNote: r.state_note }),
            });
            continue;
          }
          let f = fitting.get(r.facility_id);
          if (!f) {
            f = {
              id: r.facility_id,
              name: r.facility_name,
              district: r.district,
              provision: r.provision as TPlaceSearch['facilities'][number]['provision'],
              operatorName: r.operator_name,
              wished: wished(needs, r.district),
              enough: false,
              places: [],
            };
            fitting.set(r.facility_id, f);
          }
          f.places.push(placeRef(r));
        }
        const facilities = [...fitting.values()]
          .map((f) => ({ ...f, enough: f.places.length >= needs.persons }))
          .sort((a, b) => Number(b.wished) - Number(a.wished) || Number(b.enough) - Number(a.enough) || a.name.localeCompare(b.name, 'de'));
        audit(tx, ctx, {
          action: 'accommodation.place_search',
          entityId: h.id,
          details: { date, fitting: facilities.reduce((n, f) => n + f.places.length, 0), excluded: excluded.length },
        });
        return { date, needs, facilities, excluded };
      }),
  };
}
export type SearchService = ReturnType<typeof searchService>;
