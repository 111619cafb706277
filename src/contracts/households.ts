import { z } from 'zod';
import { ZDate, ZGender, ZHousingSituation, ZId, ZJournalKind, ZPage, ZTimestamp, ZExpectedVersion } from './common.js';
import { ZWhereaboutsKind } from './householdAddresses.js';
import { ZBirthDate, ZPastTimestamp, ZSinceDate } from './plausible.js';

const name = z.string().trim().min(1).max(100);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();

export const ZMemberInput = z.object({
  id: ZId.optional().describe('Vorhandenes Mitglied; fehlt bei neuen Mitgliedern'),
  firstName: name,
  lastName: name,
  birthDate: ZBirthDate.nullable().optional(),
  gender: ZGender,
  nationality: z.string().trim().max(60).nullable().optional().describe('Staatsangehörigkeit'),
  relationship: z.enum(['head', 'partner', 'child', 'relative', 'other']).default('head'),
  phone: optText(40),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email()
    .max(200)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
});
/** As stored (records from before the plausibility checks are still shown). */
export const ZMember = ZMemberInput.extend({ id: ZId, birthDate: ZDate.nullable().optional() });

export const ZNeeds = z.object({
  wheelchair: z.boolean().default(false),
  stepFree: z.boolean().default(false),
  pets: z.boolean().default(false),
  health: z.boolean().default(false).describe('Gesundheitliche Einschränkung oder Pflegebedarf (Dringlichkeit)'),
  districtsAvoid: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  districtsPrefer: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  notes: optText(4000),
});

const householdFields = {
  situation: ZHousingSituation,
  situationSince: ZSinceDate.nullable().optional().describe('z. B. in der Unterkunft seit (nicht in der Zukunft)'),
  seekingHousing: z.boolean().default(false).describe('Im Pool für Wohnungsvermittlung'),
  needs: ZNeeds,
  caseManagerId: ZId.nullable().optional(),
  socialWorkerId: ZId.nullable().optional(),
  members: z.array(ZMemberInput).min(1).max(20),
};

export const ZHouseholdCreate = z.object(householdFields);
export type THouseholdCreate = z.input<typeof ZHouseholdCreate>;
export const ZHouseholdUpdate = z.object({ ...householdFields, version: ZExpectedVersion });
export type THouseholdUpdate = z.input<typeof ZHouseholdUpdate>;

export const ZUserRef = z.object({ id: ZId, displayName: z.string() }).nullable();

export const ZHousehold = z.object({
  id: ZId,
  reference: z.string().describe('Aktenzeichen'),
  situation: ZHousingSituation,
  situationSince: ZDate.nullable(),
  seekingHousing: z.boolean(),
  persons: z.number().int(),
  needs: ZNeeds,
  caseManager: ZUserRef,
  socialWorker: ZUserRef,
  members: z.array(ZMember),
  status: z.enum(['active', 'closed']),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: z.array(z.string()).describe('Was der aktuelle Benutzer mit diesem Haushalt tun darf'),
});
export type THousehold = z.infer<typeof ZHousehold>;

export const ZHouseholdListItem = z.object({
  id: ZId,
  reference: z.string(),
  name: z.string().describe('Name der Bezugsperson'),
  persons: z.number().int(),
  situation: ZHousingSituation,
  situationSince: ZDate.nullable(),
  seekingHousing: z.boolean(),
  caseManager: ZUserRef,
  updatedAt: ZTimestamp,
  address: z.string().nullable().describe('Aktuelle Anschrift bzw. Aufenthalt, eine Zeile'),
  whereabouts: ZWhereaboutsKind.nullable().describe('Art des aktuellen Aufenthalts'),
  district: z.string().nullable().describe('Bezirk der aktuellen Anschrift'),
  nextDeadline: z
    .object({ dueAt: ZTimestamp, overdue: z.boolean() })
    .nullable()
    .describe('Früheste offene Frist des Haushalts (auch aus seinen Fällen)'),
});
export const ZHouseholdPage = ZPage(ZHouseholdListItem);
export type THouseholdListItem = z.infer<typeof ZHouseholdListItem>;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZHouseholdListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Name oder Aktenzeichen'),
  situation: ZHousingSituation.optional(),
  seekingHousing: boolParam.optional(),
  caseManagerId: ZId.optional(),
  mine: boolParam.optional().describe('Nur mir zugewiesene Haushalte'),
  wheelchair: boolParam.optional(),
  minPersons: z.coerce.number().int().min(1).max(20).optional(),
  district: z.string().trim().min(1).max(80).optional().describe('Bezirk der aktuellen Anschrift'),
  overdue: boolParam.optional().describe('Nur Haushalte mit überfälliger Frist'),
  sort: z.enum(['name', 'reference', 'updatedAt', 'situationSince']).default('updatedAt'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ZJournalCreate = z.object({
  occurredAt: ZPastTimestamp.describe('Zeitpunkt des Kontakts (nicht nach heute)'),
  kind: ZJournalKind,
  participation: z.boolean().describe('Haushalt hat mitgewirkt'),
  text: z.string().trim().min(1).max(10000),
});
export const ZJournalEntry = ZJournalCreate.extend({
  occurredAt: ZTimestamp.describe('Zeitpunkt des Kontakts'),
  id: ZId,
  author: ZUserRef,
  createdAt: ZTimestamp,
});
export type TJournalEntry = z.infer<typeof ZJournalEntry>;
export const ZJournalPage = ZPage(ZJournalEntry);

export const ZAccessLogEntry = z.object({
  occurredAt: ZTimestamp,
  actor: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  purpose: z.string().nullable(),
  outcome: z.string(),
});

/** The programmes a household takes part in, one kind of case each (accommodation adds its own later). */
export const ZProgrammeKind = z.enum(['prevention_case', 'candidacy', 'tenancy', 'aftercare_case']);
export type TProgrammeKind = z.infer<typeof ZProgrammeKind>;

/** One case of the household in one programme, as its module shows it to the actor. */
export const ZProgrammeEntry = z.object({
  module: z.string().describe('Modul, das den Fall führt (prevention, placement, sustainment, aftercare)'),
  kind: ZProgrammeKind,
  id: ZId,
  reference: z.string().describe('Nummer des Falls (bei Kandidaturen: des Wohnungsangebots)'),
  state: z.string().describe('Zustand im Prozess des Moduls'),
  address: z.string().nullable().describe('Anschrift der Wohnung, um die es geht'),
  rank: z.number().int().nullable().describe('Rangplatz einer Kandidatur'),
  from: ZDate.nullable().describe('Beginn (Eingang, Vorschlag, Mietbeginn, Zuweisung)'),
  until: ZDate.nullable().describe('Ende (abgeschlossen, beendet)'),
  link: z.string().describe('Seite des Falls in der Oberfläche'),
});
export type TProgrammeEntry = z.infer<typeof ZProgrammeEntry>;
export const ZHouseholdProgrammes = z.object({
  items: z.array(ZProgrammeEntry).describe('Nach Modul, dann neueste zuerst; nur was der Benutzer sehen darf'),
});
export type THouseholdProgrammes = z.infer<typeof ZHouseholdProgrammes>;
