import { z } from 'zod';
import { ZDate, ZId, ZTimestamp } from './common.js';
import { ZText } from './plausible.js';
import { ZMoveInInput, ZMoveOutInput } from './accommodationStays.js';

/*
 * The operator portal (issue 16): what a shelter operator's user sees — its facilities' occupancy
 * today and, per person placed there, only what it needs to receive them — and the incidents it
 * reports. Never the case file: no file number, no birth date, no address, no journal.
 */
export const INCIDENT_KINDS = ['damage', 'conflict', 'rule_violation', 'health', 'police', 'other'] as const;
export type TIncidentKind = (typeof INCIDENT_KINDS)[number];

export const ZPortalNeeds = z.object({
  children: z.number().int().describe('Kinder im Haushalt'),
  wheelchair: z.boolean().describe('Rollstuhl'),
  pets: z.boolean().describe('Haustiere'),
  womenProtection: z.boolean().describe('Nur Frauen im Haushalt (Frauenschutz)'),
});

/** A household placed with the operator: the minimum data to receive it. */
export const ZPortalArrival = z.object({
  assignmentId: ZId,
  state: z.enum(['assigned', 'moved_in']),
  name: z.string().describe('Name der Hauptperson'),
  persons: z.array(z.object({ name: z.string(), placeLabel: z.string(), roomLabel: z.string() })),
  personCount: z.number().int(),
  arrivalDate: ZDate.describe('Zugewiesen ab (Anreise)'),
  movedInOn: ZDate.nullable(),
  needs: ZPortalNeeds,
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type TPortalArrival = z.infer<typeof ZPortalArrival>;

export const ZPortalFacility = z.object({
  id: ZId,
  name: z.string(),
  address: z.string(),
  places: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
  blocked: z.number().int(),
  households: z.array(ZPortalArrival),
});
export type TPortalFacility = z.infer<typeof ZPortalFacility>;

export const ZPortal = z.object({ date: ZDate, operatorName: z.string(), facilities: z.array(ZPortalFacility) });
export type TPortal = z.infer<typeof ZPortal>;

export const ZPortalMoveIn = ZMoveInInput;
export const ZPortalMoveOut = ZMoveOutInput;

export const ZIncidentInput = z.object({
  kind: z.enum(INCIDENT_KINDS).describe('Art: Schaden, Konflikt, Regelverstoß, Gesundheit, Polizei, Sonstiges'),
  occurredOn: ZDate.describe('Tag des Vorkommnisses'),
  text: ZText(4000, 'Beschreibung'),
});

export const ZIncident = z.object({
  id: ZId,
  assignmentId: ZId,
  facilityName: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  occurredOn: ZDate,
  text: z.string(),
  reportedBy: z.string(),
  reportedAt: ZTimestamp,
});
export type TIncident = z.infer<typeof ZIncident>;
export const ZIncidentList = z.object({ items: z.array(ZIncident) });
