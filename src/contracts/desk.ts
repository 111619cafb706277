import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { ZTextParams } from './notify.js';

/*
 * The start page ("Schreibtisch"): what waits for the user, from every module through one shape,
 * and the lead's hand-over of work. The web renders items generically: module label, kind label,
 * title, due date, link, urgency — no module-specific code on the start page.
 */

/** How pressing an item is, computed by the server against the agency's "today" (Europe/Berlin). */
export const DESK_URGENCIES = ['overdue', 'today', 'soon', 'later', 'none'] as const;
export const ZDeskUrgency = z.enum(DESK_URGENCIES).describe('überfällig, heute fällig, in den nächsten 7 Tagen, später, ohne Frist');
export type TDeskUrgency = z.infer<typeof ZDeskUrgency>;

export const ZDeskItem = z.object({
  id: z.string().describe('Id des Datensatzes (Frist, Fall, Angebot …)'),
  module: z.string().describe('Fachmodul, das den Eintrag beiträgt (prevention, placement, sustainment, aftercare, …)'),
  kind: z.string().describe('Art des Eintrags innerhalb des Moduls, z. B. new_notice, offer_to_check'),
  title: z.string(),
  titleKey: z.string().nullable().optional().describe('Übersetzungsschlüssel des Titels (Fristen, Benachrichtigungen); sonst fehlt er'),
  titleParams: ZTextParams.nullable().optional(),
  detail: z.string().nullable().describe('Zweite Zeile, z. B. Aktenzeichen und Name'),
  detailKey: z.string().nullable().optional().describe('Übersetzungsschlüssel der zweiten Zeile (mit titleParams)'),
  dueAt: ZTimestamp.nullable(),
  link: z.string().describe('Pfad in der Oberfläche'),
  urgency: ZDeskUrgency,
});
export type TDeskItem = z.infer<typeof ZDeskItem>;

export const ZDeskSection = z.object({
  module: z.string(),
  kind: z.string(),
  total: z.number().int().describe('Alle Einträge dieser Art; gezeigt werden die dringendsten'),
  items: z.array(ZDeskItem),
  listLink: z.string().nullable().describe('Die vollständige Liste in der Oberfläche'),
});
export type TDeskSection = z.infer<typeof ZDeskSection>;

/** What "work" is: the kinds a person can be responsible for and a lead can hand over. */
export const WORK_TYPES = ['deadline', 'prevention_case', 'offer', 'tenancy'] as const;
export const ZWorkType = z
  .enum(WORK_TYPES)
  .describe('Frist, Präventionsfall (Sachbearbeitung), Wohnungsangebot (Ansprechperson), Mietverhältnis (feste Ansprechperson)');
export type TWorkType = z.infer<typeof ZWorkType>;

export const ZTeamMember = z.object({
  userId: ZId,
  displayName: z.string(),
  role: z.string(),
  active: z.boolean(),
  open: z.number().int().describe('Offene Arbeit: offene Fristen und laufende Fälle, Angebote, Mietverhältnisse'),
  overdue: z.number().int().describe('Überfällige Fristen'),
  byType: z.record(z.string(), z.number().int()),
});
export const ZTeam = z.object({
  members: z.array(ZTeamMember),
  unassigned: z.object({ open: z.number().int(), overdue: z.number().int(), byType: z.record(z.string(), z.number().int()) }),
});
export type TTeam = z.infer<typeof ZTeam>;

export const ZDesk = z.object({
  today: z.string().describe('Heute (Europe/Berlin), YYYY-MM-DD'),
  deadlines: z.object({
    total: z.number().int().describe('Eigene offene Fristen, fällig bis in 7 Tagen oder überfällig'),
    overdue: z.number().int(),
    items: z.array(ZDeskItem),
  }),
  sections: z.array(ZDeskSection).describe('Was die Module beitragen (nur, was die Person sehen darf)'),
  notifications: z.object({ unread: z.number().int(), items: z.array(ZDeskItem) }),
  recent: z.array(ZDeskItem).describe('Zuletzt geöffnete Datensätze (aus dem Audit-Protokoll), nur noch sichtbare'),
  team: ZTeam.nullable().describe('Nur für die Leitung: offene und überfällige Arbeit je Person, nicht zugewiesene Arbeit'),
});
export type TDesk = z.infer<typeof ZDesk>;

/* The work of one person (or the unassigned work), for the hand-over dialog. */
export const ZWorkQuery = z.object({
  userId: ZId.optional().describe('Die Arbeit dieser Person; ohne: die nicht zugewiesene Arbeit'),
});
export const ZWorkItem = z.object({
  type: ZWorkType,
  id: ZId,
  title: z.string(),
  titleKey: z.string().nullable().optional(),
  titleParams: ZTextParams.nullable().optional(),
  detail: z.string().nullable(),
  dueAt: ZTimestamp.nullable(),
  link: z.string(),
  urgency: ZDeskUrgency,
  /** Roles that may take the item over. */
  roles: z.array(z.string()),
});
export type TWorkItem = z.infer<typeof ZWorkItem>;
export const ZWorkList = z.object({ userId: ZId.nullable(), items: z.array(ZWorkItem) });
export type TWorkList = z.infer<typeof ZWorkList>;

export const ZReassign = z.object({
  toUserId: ZId.describe('Wer die Arbeit übernimmt: aktiv, in derselben Dienststelle, mit passender Rolle'),
  items: z
    .array(z.object({ type: ZWorkType, id: ZId }))
    .min(1, 'Bitte mindestens einen Eintrag auswählen.')
    .max(500)
    .describe('Genau diese Einträge werden übergeben'),
});
export const ZReassignResult = z.object({
  moved: z.number().int(),
  byType: z.record(z.string(), z.number().int()),
});
export type TReassignResult = z.infer<typeof ZReassignResult>;
