import { z } from 'zod';
import { ZDate, ZId } from './common.js';
import { FACILITY_STATES, PROVISIONS } from './accommodation.js';
import { HOUSEHOLD_TYPES } from './aftercareReports.js';

/** The occupancy board (issue 16): places occupied / free / blocked on a day, the trend and the length of stay. */

/** Place attributes the board counts (a place has those of its room; `women_only`: the room is for women). */
export const PLACE_ATTRIBUTES = ['family', 'wheelchair', 'step_free', 'women_only', 'men_only', 'pets', 'single_room'] as const;
export type TPlaceAttribute = (typeof PLACE_ATTRIBUTES)[number];

export const ZOccupancyFilter = z.object({
  district: z.string().trim().min(1).max(100).optional().describe('Bezirk der Unterkunft'),
  operatorId: ZId.optional().describe('Betreiber'),
  provision: z.enum(PROVISIONS).optional().describe('Art der Unterbringung'),
});
export const ZOccupancyQuery = ZOccupancyFilter.extend({
  date: ZDate.optional().describe(
    'Stichtag (Standard: heute); belegt ist ein Platz, wenn ein Aufenthalt die Nacht nach diesem Tag umfasst',
  ),
});
export type TOccupancyQuery = z.infer<typeof ZOccupancyQuery>;

const ZCounts = z.object({
  places: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
  blocked: z.number().int().describe('nicht belegte Plätze, die gesperrt sind oder in einer für Zuweisungen gesperrten Unterkunft liegen'),
});
export type TOccupancyCounts = z.infer<typeof ZCounts>;

export const ZOccupancyBoard = z.object({
  date: ZDate,
  total: ZCounts,
  facilities: z.array(
    ZCounts.extend({
      id: ZId,
      name: z.string(),
      district: z.string().nullable(),
      provision: z.enum(PROVISIONS),
      state: z.enum(FACILITY_STATES),
      operatorName: z.string(),
      capacity: z.number().int(),
    }),
  ),
  attributes: z.array(ZCounts.extend({ attribute: z.enum(PLACE_ATTRIBUTES) })),
});
export type TOccupancyBoard = z.infer<typeof ZOccupancyBoard>;

export const ZOccupancyTrend = z.object({
  until: ZDate,
  months: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      places: z.number().int().describe('Plätze (Stand heute; Plätze haben keine Historie)'),
      averageOccupied: z.number().describe('durchschnittlich belegte Plätze: belegte Platz-Nächte im Monat durch Tage des Monats'),
      rate: z.number().nullable().describe('Auslastung in % (eine Nachkommastelle)'),
    }),
  ),
});
export type TOccupancyTrend = z.infer<typeof ZOccupancyTrend>;

const ZQuartiles = z.object({
  stays: z.number().int(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
});
export const ZStayLengths = z.object({
  date: ZDate,
  completedFrom: ZDate,
  types: z.array(
    z.object({
      householdType: z.enum(HOUSEHOLD_TYPES),
      completed: ZQuartiles.describe('in den 12 Monaten bis zum Stichtag beendete Aufenthalte, Tage vom Einzug bis zum Auszug'),
      running: ZQuartiles.describe('am Stichtag laufende Aufenthalte, Tage vom Einzug bis zum Stichtag'),
    }),
  ),
});
export type TStayLengths = z.infer<typeof ZStayLengths>;
