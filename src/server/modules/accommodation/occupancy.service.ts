import type { Kysely } from 'kysely';
import {
  PLACE_ATTRIBUTES,
  ZOccupancyBoard,
  type TOccupancyBoard,
  type TOccupancyCounts,
  type TOccupancyQuery,
  type TOccupancyTrend,
  type TPlaceAttribute,
  type TStayLengths,
} from '../../../contracts/accommodationOccupancy.js';
import { HOUSEHOLD_TYPES } from '../../../contracts/aftercareReports.js';
import type { PROVISIONS, TFacilityState } from '../../../contracts/accommodation.js';
import { todayInBerlin } from '../../../contracts/plausible.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { occupancyRepository, type CountRow, type OccupancyFilter } from './occupancy.repository.js';
import { snapshotCache } from './snapshot.cache.js';

const counts = (r: { places: number; occupied: number; blocked: number }): TOccupancyCounts => ({
  places: r.places,
  occupied: r.occupied,
  blocked: r.blocked,
  free: r.places - r.occupied - r.blocked,
});

/** The day one year before `day` plus one: the first day of the 12 months ending on `day`. */
export function yearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const filterOf = (q: TOccupancyQuery): OccupancyFilter => ({ district: q.district, operatorId: q.operatorId, provision: q.provision });

/** The board of a day from the counts per facility and per place attribute. */
function boardOf(date: string, rows: CountRow[]): TOccupancyBoard {
  const facilities = rows
    .filter((r) => r.kind === 'facility')
    .map((r) => ({
      id: r.key,
      name: r.name!,
      district: r.district,
      provision: r.provision as (typeof PROVISIONS)[number],
      state: r.state as TFacilityState,
      operatorName: r.operator_name!,
      capacity: r.capacity!,
      ...counts(r),
    }));
  const byAttribute = new Map(rows.filter((r) => r.kind === 'attribute').map((r) => [r.key, r]));
  const attributes = PLACE_ATTRIBUTES.map((attribute: TPlaceAttribute) => ({
    attribute,
    ...counts(byAttribute.get(attribute) ?? { places: 0, occupied: 0, blocked: 0 }),
  }));
  const sum = (k: 'places' | 'occupied' | 'blocked') => facilities.reduce((s, f) => s + f[k], 0);
  return {
    date,
    total: counts({ places: sum('places'), occupied: sum('occupied'), blocked: sum('blocked') }),
    facilities,
    attributes,
  };
}

/** The occupancy board: places on a day, the monthly trend and the length of stay (aggregates only, audited). */
export function occupancyService(db: Kysely<DB>) {
  const boards = snapshotCache<{ json: string; facilities: number }>(64);
  return {
    /**
     * The board as JSON text (ZOccupancyBoard): the board of this day and filter is computed once and
     * kept serialised while the agency's accommodation data does not change (2,000 facilities are
     * ~400 KB; validating and serialising them again on every request cost more than the rest).
     */
    board: (ctx: Ctx, q: TOccupancyQuery): Promise<string> =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read');
        const date = q.date ?? todayInBerlin();
        const key = JSON.stringify([date, q.district ?? null, q.operatorId ?? null, q.provision ?? null]);
        const kept = await boards.through(tx, ctx.actor.agencyId, key, async () => {
          const board = boardOf(date, await occupancyRepository(tx, ctx.actor.agencyId).board(date, filterOf(q)));
          return { json: JSON.stringify(ZOccupancyBoard.parse(board)), facilities: board.facilities.length };
        });
        audit(tx, ctx, { action: 'accommodation.occupancy_read', details: { date, facilities: kept.facilities, ...filterOf(q) } });
        return kept.json;
      }),

    trend: (ctx: Ctx, q: TOccupancyQuery): Promise<TOccupancyTrend> =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read');
        const until = q.date ?? todayInBerlin();
        const rows = await occupancyRepository(tx, ctx.actor.agencyId).trend(until, filterOf(q));
        audit(tx, ctx, { action: 'accommodation.occupancy_trend_read', details: { until, ...filterOf(q) } });
        return {
          until,
          months: rows.map((r) => {
            const averageOccupied = Math.round((r.nights / r.days) * 10) / 10;
            return {
              month: r.month,
              places: r.places,
              averageOccupied,
              rate: r.places > 0 ? Math.round((r.nights / (r.days * r.places)) * 1000) / 10 : null,
            };
          }),
        };
      }),

    stayLengths: (ctx: Ctx, q: TOccupancyQuery): Promise<TStayLengths> =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'accommodation.read');
        const date = q.date ?? todayInBerlin();
        const completedFrom = yearBefore(date);
        const rows = await occupancyRepository(tx, ctx.actor.agencyId).stayLengths(date, completedFrom, filterOf(q));
        const quartiles = (type: string, status: 'completed' | 'running') => {
          const r = rows.find((x) => x.household_type === type && x.status === status);
          const q3 = r?.q ?? [null, null, null];
          return { stays: r?.stays ?? 0, q1: q3[0] ?? null, median: q3[1] ?? null, q3: q3[2] ?? null };
        };
        audit(tx, ctx, { action: 'accommodation.stay_lengths_read', details: { date, ...filterOf(q) } });
        return {
          date,
          completedFrom,
          types: HOUSEHOLD_TYPES.map((householdType) => ({
            householdType,
            completed: quartiles(householdType, 'completed'),
            running: quartiles(householdType, 'running'),
          })),
        };
      }),
  };
}
export type OccupancyService = ReturnType<typeof occupancyService>;
