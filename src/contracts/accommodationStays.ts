import { z } from 'zod';
import { ZDate, ZExpectedVersion, ZId } from './common.js';
import { ZMoney, ZText } from './plausible.js';
import { PROVISIONS, ROOM_SEXES } from './accommodation.js';

/** Assignments (Einweisung) of a household's persons to places, and the place search by needs. */
export const ASSIGNMENT_STATES = ['assigned', 'moved_in', 'moved_out', 'cancelled'] as const;
export type TAssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const PAYERS = ['agency', 'jobcenter'] as const;
export const MOVE_OUT_REASONS = ['own_flat', 'other_facility', 'left_unknown', 'hospital', 'prison', 'deceased', 'other'] as const;
export type TMoveOutReason = (typeof MOVE_OUT_REASONS)[number];
/** Why a place does not fit a household (or cannot be given) on the day searched for. */
export const PLACE_EXCLUSIONS = [
  'facility_blocked',
  'place_blocked',
  'occupied',
  'sex',
  'family',
  'single_room',
  'wheelchair',
  'pets',
  'district_excluded',
  'room_too_small',
] as const;
export type TPlaceExclusion = (typeof PLACE_EXCLUSIONS)[number];

const csv = z
  .string()
  .max(2000)
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
  );

/** Facilities with fitting places per page, and excluded places per page of one reason. */
export const PLACE_SEARCH_PAGE_SIZE = 50;

export const ZPlaceSearchQuery = z.object({
  householdId: ZId,
  date: ZDate.optional().describe('Stichtag (ohne Angabe: heute)'),
  wanted: csv.describe('Gewünschte Bezirke, kommagetrennt (ohne Angabe: die Wünsche des Haushalts)'),
  excluded: csv.describe('Ausgeschlossene Bezirke, kommagetrennt (ohne Angabe: die des Haushalts)'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('Seite der Einrichtungen mit passenden Plätzen (je 50)'),
  reason: z
    .enum(PLACE_EXCLUSIONS)
    .optional()
    .describe('Zusätzlich die aus diesem Grund ausgeschlossenen Plätze auflisten (je Platz alle Gründe in Worten)'),
  reasonPage: z.coerce.number().int().min(1).max(10_000).default(1).describe('Seite der ausgeschlossenen Plätze zu `reason` (je 50)'),
});

const ZPlaceRef = z.object({
  placeId: ZId,
  label: z.string(),
  roomId: ZId,
  roomLabel: z.string(),
  sizeM2: z.number().nullable(),
  sex: z.enum(ROOM_SEXES),
  family: z.boolean(),
  wheelchair: z.boolean(),
  stepFree: z.boolean(),
  pets: z.boolean(),
  singleRoom: z.boolean(),
});
export const ZPlaceSearch = z.object({
  date: ZDate,
  needs: z.object({
    persons: z.number().int(),
    children: z.number().int(),
    sexes: z.array(z.string()),
    wheelchair: z.boolean(),
    pets: z.boolean(),
    wanted: z.array(z.string()),
    excluded: z.array(z.string()),
  }),
  places: z.number().int().describe('Plätze der Fachstelle insgesamt'),
  fittingPlaces: z.number().int().describe('Freie passende Plätze insgesamt'),
  facilitiesTotal: z.number().int().describe('Einrichtungen mit freien passenden Plätzen insgesamt'),
  page: z.number().int(),
  pageSize: z.number().int(),
  facilities: z
    .array(
      z.object({
        id: ZId,
        name: z.string(),
        district: z.string().nullable(),
        provision: z.enum(PROVISIONS),
        operatorName: z.string(),
        wished: z.boolean().describe('Im gewünschten Bezirk'),
        enough: z.boolean().describe('Genug passende freie Plätze für alle Personen des Haushalts'),
        places: z.array(ZPlaceRef),
      }),
    )
    .describe('Eine Seite der Einrichtungen mit freien passenden Plätzen: gewünschte Bezirke zuerst, dann die mit genug Plätzen'),
  excludedPlaces: z.number().int().describe('Ausgeschlossene Plätze insgesamt (jeder einmal, auch mit mehreren Gründen)'),
  exclusionCounts: z
    .array(z.object({ reason: z.enum(PLACE_EXCLUSIONS), count: z.number().int() }))
    .describe('Je Grund die Zahl der Plätze, die er ausschließt (ein Platz kann mehrere Gründe haben); nur Gründe mit Plätzen'),
  excluded: z
    .object({
      reason: z.enum(PLACE_EXCLUSIONS),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      items: z.array(
        ZPlaceRef.extend({
          facilityId: ZId,
          facilityName: z.string(),
          reasons: z.array(z.enum(PLACE_EXCLUSIONS)),
          explanation: z.array(z.string()).describe('Die Gründe in Worten (deutsch)'),
        }),
      ),
    })
    .nullable()
    .describe('Nur mit `reason`: eine Seite der aus diesem Grund ausgeschlossenen Plätze, je Platz alle Gründe in Worten'),
});
export type TPlaceSearch = z.infer<typeof ZPlaceSearch>;

export const ZAssignInput = z.object({
  householdId: ZId,
  facilityId: ZId,
  fromDate: ZDate.describe('Zuweisung ab (erste Nacht)'),
  places: z
    .array(z.object({ memberId: ZId, placeId: ZId }))
    .min(1, 'Bitte mindestens eine Person einem Platz zuweisen.')
    .max(30),
  payer: z.enum(PAYERS).describe('Kostenträger: die Fachstelle (Kostenübernahme) oder das Jobcenter (SGB II)'),
  ownContributionCents: ZMoney('Eigenanteil je Monat', { maxCents: 1_000_000 }).default(0),
  contributionNote: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .optional()
    .transform((v) => v || null),
  legalBasis: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .transform((v) => v || null)
    .describe('Rechtsgrundlage (ohne Angabe: nach Bundesland)'),
  transferFromId: ZId.nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Verlegung: die bisherige Zuweisung endet am Tag vor der neuen (Grund: andere Unterkunft)'),
});
export type TAssignInput = z.input<typeof ZAssignInput>;

export const ZMoveInInput = z.object({ movedInOn: ZDate.describe('Tag des Einzugs'), version: ZExpectedVersion });
export const ZMoveOutInput = z.object({
  movedOutOn: ZDate.describe('Tag des Auszugs (keine Nacht mehr)'),
  reason: z.enum(MOVE_OUT_REASONS),
  note: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .optional()
    .transform((v) => v || null),
  version: ZExpectedVersion,
});
export const ZCancelInput = z.object({ reason: ZText(1000, 'Grund'), version: ZExpectedVersion });

export const ZAssignment = z.object({
  id: ZId,
  household: z.object({ id: ZId, reference: z.string(), name: z.string() }),
  facility: z.object({ id: ZId, name: z.string(), operatorName: z.string() }),
  state: z.enum(ASSIGNMENT_STATES),
  fromDate: ZDate,
  movedInOn: ZDate.nullable(),
  movedOutOn: ZDate.nullable(),
  moveOutReason: z.enum(MOVE_OUT_REASONS).nullable(),
  moveOutNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  payer: z.enum(PAYERS),
  ownContributionCents: z.number().int(),
  contributionNote: z.string().nullable(),
  legalBasis: z.string(),
  previousId: ZId.nullable(),
  historyId: ZId,
  persons: z.array(
    z.object({
      memberId: ZId,
      name: z.string(),
      placeId: ZId,
      placeLabel: z.string(),
      roomLabel: z.string(),
      fromDate: ZDate,
      untilDate: ZDate.nullable(),
    }),
  ),
  documents: z.array(z.object({ id: ZId, kind: z.string(), filename: z.string() })),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZStayListQuery = z.object({
  householdId: ZId.optional(),
  facilityId: ZId.optional(),
  current: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false')
    .describe('Nur laufende (zugewiesen oder eingezogen); false = auch beendete'),
});
export const ZStayList = z.object({ items: z.array(ZAssignment.omit({ documents: true })) });
