import type { TRole } from '../../../contracts/common.js';
import type { TDeskItem, TDeskSection, TDeskUrgency, TWorkType } from '../../../contracts/desk.js';
import type { TProgrammeEntry, TProgrammeKind } from '../../../contracts/households.js';
import type { TTextParams } from '../../../contracts/notify.js';
import type { Tx } from '../../db/database.js';
import { berlinDate, endOfDayBerlin } from '../deadlines/workdays.js';
import type { Actor, Ctx } from '../http/context.js';

/*
 * The one interface through which a module puts its waiting work on the start page, declares the
 * work a lead can hand over and lists a household's cases on the household record's programme
 * overview. A module exports a `DeskContribution` from its service; app.ts registers the list once.
 * The start page and the household record (server and web) know no module: aftercare and later
 * accommodation plug in by adding their contribution to that list.
 */

/** "Now" for one desk request: the agency's today (Europe/Berlin) and the end of the 7-day window. */
export interface DeskClock {
  now: Date;
  today: string;
  /** End of the "soon" window: today + 7 days, end of that day. */
  soonUntil: Date;
}

export function deskClock(now = new Date()): DeskClock {
  const today = berlinDate(now);
  const soon = new Date(`${today}T12:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 7);
  return { now, today, soonUntil: endOfDayBerlin(soon.toISOString().slice(0, 10)) };
}

/** How pressing a due instant (or a due calendar date) is on this desk's clock. */
export function urgencyOf(due: Date | string | null, clock: DeskClock): TDeskUrgency {
  if (due === null) return 'none';
  const at = typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due) ? endOfDayBerlin(due) : new Date(due);
  if (at < clock.now) return 'overdue';
  const day = berlinDate(at);
  if (day === clock.today) return 'today';
  return at <= clock.soonUntil ? 'soon' : 'later';
}

/** A due calendar date (YYYY-MM-DD) or instant as the API's timestamp (a date counts at its day's end). */
export function dueIso(due: Date | string | null): string | null {
  if (due === null) return null;
  if (typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due)) return endOfDayBerlin(due).toISOString();
  return new Date(due).toISOString();
}

/** Items in the order a person should work them: overdue first, then by due date, undated last. */
export function byUrgency<T extends { dueAt: string | null; title: string }>(a: T, b: T): number {
  if (a.dueAt && b.dueAt) return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.title.localeCompare(b.title, 'de');
  if (a.dueAt) return -1;
  if (b.dueAt) return 1;
  return a.title.localeCompare(b.title, 'de');
}

/** What a contribution gets: the request's transaction (in the actor's agency), the actor, the clock. */
export interface DeskRequest {
  tx: Tx;
  ctx: Ctx;
  clock: DeskClock;
  /** Most items per section (the section's total says how many there are). */
  limit: number;
}

/** A record the user opened recently, as the module names it — only if the user may still see it. */
export type RecentRecord = Pick<TDeskItem, 'title' | 'detail' | 'link'>;

/** A work item as a module lists it for the hand-over dialog. */
export interface WorkRow {
  id: string;
  title: string;
  /** The title as a translation key with parameters (deadlines), when the module has one. */
  titleKey?: string | null;
  titleParams?: TTextParams | null;
  detail: string | null;
  due: Date | string | null;
  link: string;
  /** Roles that may take it over. */
  roles: readonly TRole[];
}

/** A work item as loaded for a hand-over: who holds it now and who may take it. */
export interface WorkHolding {
  id: string;
  holderId: string | null;
  /** Still open (closed work is not handed over). */
  open: boolean;
  roles: readonly TRole[];
}

/**
 * One kind of work a person can be responsible for (a column holding the responsible user) and a
 * lead can hand over. The module applies its own rules to what counts as open.
 */
export interface WorkKind {
  type: TWorkType;
  /** Open and overdue items per holder (null: nobody) — the lead's team figures. */
  counts(tx: Tx, agencyId: string, now: Date): Promise<{ holderId: string | null; open: number; overdue: number }[]>;
  /** The open items of one holder (null: the unassigned ones), most pressing first. */
  list(tx: Tx, agencyId: string, holderId: string | null): Promise<WorkRow[]>;
  /** These items with their holder and the roles that may take them (unknown ids are absent). */
  load(tx: Tx, agencyId: string, ids: string[]): Promise<WorkHolding[]>;
  /** Gives these items to `toUserId`; returns the moves made (the module's follow-up included, e.g. the subject's deadlines). */
  move(tx: Tx, agencyId: string, items: WorkHolding[], toUserId: string): Promise<void>;
}

export interface DeskContribution {
  /** The module's id: the web labels its sections with it (`desk.modules.<module>`). */
  module: string;
  /** The module's waiting work for this user, scoped by the module's own access rules; empty when none. */
  sections?(req: DeskRequest): Promise<TDeskSection[]>;
  /**
   * Names of records this user opened, by audit entity type (e.g. `household`): the module reads
   * them through its own scope, so a record the user may no longer see is left out.
   */
  recent?: Record<string, (req: DeskRequest, ids: string[]) => Promise<Map<string, RecentRecord>>>;
  /** The kinds of work this module holds responsible people for. */
  work?: WorkKind[];
  /**
   * The household record's programme overview: this module's cases of one household that the actor
   * may see (the module's own permission and scope); empty when none or when the actor may not list them.
   */
  programmes?(tx: Tx, actor: Actor, householdId: string): Promise<TProgrammeEntry[]>;
  /** The household's file (PDF): how this module's case states read, and the consents it holds. */
  file?: HouseholdFileContribution;
}

/** Labels per language (de, en) of one kind of code. */
export type LabelTable = Record<'de' | 'en', Record<string, string>>;

/** One consent of a household as its module shows it in the household's file. */
export interface FileConsent {
  /** What the consent covers: a code of `consentPurposes` or the recorded text. */
  purpose: string;
  /** Who receives the data (housing company, carrier). */
  recipient: string;
  form: string;
  givenBy: string | null;
  givenOn: string;
  validUntil: string | null;
  /** Day (YYYY-MM-DD) the consent was withdrawn, or null. */
  withdrawnOn: string | null;
  withdrawalNote: string | null;
}

export interface HouseholdFileContribution {
  /** Labels of the states of this module's programme entries, by entry kind. */
  states: Partial<Record<TProgrammeKind, LabelTable>>;
  /** Labels of the consent forms this module records. */
  consentForms?: LabelTable;
  /** Labels of consent purposes the module stores as codes (free-text purposes print as they are). */
  consentPurposes?: LabelTable;
  /**
   * The household's consents this module holds, if the actor may see them (the module's own
   * permission); null when the actor may not, so the file says so instead of showing none.
   */
  consents?(tx: Tx, actor: Actor, householdId: string): Promise<FileConsent[] | null>;
}

/** Builds a section from a module's rows (dates → ISO, urgency from the clock). */
export function section(
  module: string,
  kind: string,
  total: number,
  rows: { id: string; title: string; detail: string | null; due: Date | string | null; link: string }[],
  clock: DeskClock,
  listLink: string | null = null,
): TDeskSection {
  return {
    module,
    kind,
    total,
    listLink,
    items: rows.map((r) => ({
      id: r.id,
      module,
      kind,
      title: r.title,
      detail: r.detail,
      dueAt: dueIso(r.due),
      link: r.link,
      urgency: urgencyOf(r.due, clock),
    })),
  };
}
